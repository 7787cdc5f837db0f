// Search as you type: one search per frame with the newest text, and only ever newer results on
// screen — whatever order the searches answer in, with cancels (an emptied box) in between.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { latestSearch, type FrameScheduler } from '../../../src/ui/popup/latest-search';

/** Frames that run when the test says so. */
function manualFrames() {
  let queue: (() => void)[] = [];
  const schedule: FrameScheduler = (fn) => {
    queue.push(fn);
    return () => {
      queue = queue.filter((f) => f !== fn);
    };
  };
  const flush = () => {
    const now = queue;
    queue = [];
    for (const fn of now) fn();
  };
  return { schedule, flush, pending: () => queue.length };
}

type Command = { type: 'request' } | { type: 'frame' } | { type: 'cancel' } | { type: 'answer' } | { type: 'fail' };

const commands = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Command>({ type: 'request' }) },
    { weight: 3, arbitrary: fc.constant<Command>({ type: 'frame' }) },
    { weight: 1, arbitrary: fc.constant<Command>({ type: 'cancel' }) },
    { weight: 3, arbitrary: fc.constant<Command>({ type: 'answer' }) },
    { weight: 1, arbitrary: fc.constant<Command>({ type: 'fail' }) },
  ),
  { maxLength: 40 },
);

describe('latestSearch', () => {
  test.prop([commands, fc.scheduler()])('never shows an older search after a newer one, nor one cancelled', async (cmds, s) => {
    const frames = manualFrames();
    const started: number[] = [];
    const shown: number[] = [];
    const shownAfterCancel: number[] = [];
    const mixedUp: number[] = [];
    /** For each query, whether a cancel came after it started. */
    const cancelled = new Set<number>();
    let next = 0;
    let lastStartedAfterCancel: number | null = null;
    const runner = latestSearch<number, number>(
      (q) => {
        started.push(q);
        lastStartedAfterCancel = q;
        return s.schedule(q % 7 === 3 ? Promise.reject(new Error(`search ${q} failed`)) : Promise.resolve(q));
      },
      // Checked after the run: a throw here would only reject a promise nobody awaits.
      (q, outcome) => {
        if (cancelled.has(q)) shownAfterCancel.push(q);
        if (outcome.ok && outcome.value !== q) mixedUp.push(q);
        shown.push(q);
      },
      frames.schedule,
    );
    for (const cmd of cmds) {
      if (cmd.type === 'request') runner.request(next++);
      else if (cmd.type === 'frame') frames.flush();
      else if (cmd.type === 'cancel') {
        runner.cancel();
        for (const q of started) cancelled.add(q);
        lastStartedAfterCancel = null;
      } else if (s.count() > 0) await s.waitOne();
    }
    frames.flush();
    await s.waitAll();
    expect(shownAfterCancel).toEqual([]);
    expect(mixedUp).toEqual([]);
    // Shown in the order they were asked, each at most once.
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThan(shown[i - 1]!);
    // Whatever started last (since the last cancel) is what stays on screen.
    if (lastStartedAfterCancel !== null) expect(shown[shown.length - 1]).toBe(lastStartedAfterCancel);
    // Started in the order requested; requests within one frame made one search.
    for (let i = 1; i < started.length; i++) expect(started[i]).toBeGreaterThan(started[i - 1]!);
  });

  it('makes one search of the keystrokes within a frame, with the newest text', () => {
    const frames = manualFrames();
    const runs: string[] = [];
    const runner = latestSearch<string, string>(
      (q) => {
        runs.push(q);
        return Promise.resolve(q);
      },
      () => {},
      frames.schedule,
    );
    runner.request('曹');
    runner.request('曹慧');
    runner.request('曹慧泉');
    expect(runs).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.flush();
    expect(runs).toEqual(['曹慧泉']);
  });

  it('drops the answer of a slow earlier search that comes after a newer one', async () => {
    const frames = manualFrames();
    const answers = new Map<string, (v: string) => void>();
    const shown: string[] = [];
    const runner = latestSearch<string, string>(
      (q) => new Promise((resolve) => answers.set(q, resolve)),
      (_q, outcome) => outcome.ok && shown.push(outcome.value),
      frames.schedule,
    );
    runner.request('曹');
    frames.flush();
    runner.request('曹慧泉');
    frames.flush();
    answers.get('曹慧泉')!('曹慧泉');
    await Promise.resolve();
    answers.get('曹')!('曹');
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(['曹慧泉']);
  });

  it('turns a search that throws at once into a failed outcome', () => {
    const frames = manualFrames();
    const outcomes: unknown[] = [];
    const runner = latestSearch<string, string>(
      () => {
        throw new Error('no archive');
      },
      (_q, outcome) => outcomes.push(outcome),
      frames.schedule,
    );
    runner.request('x');
    frames.flush();
    expect(outcomes).toEqual([{ ok: false, error: new Error('no archive') }]);
  });
});
