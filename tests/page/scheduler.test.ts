// Time slices with a fake clock: no slice runs past its budget while units cost no more than the
// scheduler expects, a longer unit makes it careful at once, and work comes in priority order.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SliceScheduler, type IdleDeadlineLike, type Job } from '../../src/page/scheduler';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** A scheduler whose slices run only when the test says so. */
function manual(options: { budgetMs?: number; initialUnitMs?: number; now: () => number }) {
  let requested: ((d: IdleDeadlineLike | null) => void) | null = null;
  const scheduler = new SliceScheduler({
    ...options,
    request: (run) => {
      requested = run;
      return () => void (requested = null);
    },
    onError: () => {},
  });
  /** The pending slice request, taken (a request is used once). */
  const take = () => {
    const r = requested;
    requested = null;
    return r;
  };
  return { scheduler, requested: () => requested, take };
}

/** A job of units with the given costs, each advancing the clock; records which unit ran in which slice. */
function unitsJob(costs: number[], clock: ReturnType<typeof fakeClock>, log: number[], name = 0): Job {
  let i = 0;
  return (slice) => {
    while (i < costs.length) {
      clock.advance(costs[i]!);
      log.push(name);
      i++;
      if (i < costs.length && slice.shouldYield()) return false;
    }
    return true;
  };
}

describe('slices', () => {
  test.prop([fc.array(fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 5 })])(
    'never run past the budget when no unit costs more than the expected unit, and finish all work',
    (jobs) => {
      const clock = fakeClock();
      const { scheduler } = manual({ budgetMs: 8, initialUnitMs: 0.5, now: clock.now });
      const log: number[] = [];
      jobs.forEach((costs, n) => scheduler.add(unitsJob(costs, clock, log, n)));
      let slices = 0;
      while (scheduler.pending > 0) {
        const report = scheduler.runSlice();
        expect(report.elapsed).toBeLessThanOrEqual(8);
        expect(report.units).toBeGreaterThan(0);
        slices++;
        expect(slices).toBeLessThan(1000);
      }
      expect(log.length).toBe(jobs.flat().length);
    },
  );

  test('after a unit longer than expected, the next slices leave room for one like it', () => {
    const clock = fakeClock();
    const { scheduler } = manual({ budgetMs: 8, initialUnitMs: 0.5, now: clock.now });
    const costs = [0.1, 0.1, 5, ...Array<number>(40).fill(3)];
    scheduler.add(unitsJob(costs, clock, []));
    const first = scheduler.runSlice();
    // 0.1 + 0.1 + 5: the 5 ms unit was not foreseeable, and the slice stopped right after it.
    expect(first.elapsed).toBeCloseTo(5.2);
    for (let i = 0; i < 10; i++) expect(scheduler.runSlice().elapsed).toBeLessThanOrEqual(8);
  });

  test('an idle deadline shorter than the budget shortens the slice', () => {
    const clock = fakeClock();
    const { scheduler } = manual({ budgetMs: 8, initialUnitMs: 0.5, now: clock.now });
    scheduler.add(unitsJob(Array<number>(100).fill(0.25), clock, []));
    const r = scheduler.runSlice({ timeRemaining: () => 3, didTimeout: false });
    expect(r.elapsed).toBeLessThanOrEqual(3);
    // A slice started because the idle callback timed out gets the whole budget.
    const t = scheduler.runSlice({ timeRemaining: () => 0, didTimeout: true });
    expect(t.elapsed).toBeGreaterThan(3);
    expect(t.elapsed).toBeLessThanOrEqual(8);
  });
});

describe('the queue', () => {
  test('runs lower priority numbers first, equal ones in the order queued', () => {
    const clock = fakeClock();
    const { scheduler } = manual({ now: clock.now });
    const log: number[] = [];
    scheduler.add(unitsJob([1], clock, log, 1), 2);
    scheduler.add(unitsJob([1], clock, log, 2), 1);
    scheduler.add(unitsJob([1], clock, log, 3), 2);
    scheduler.add(unitsJob([1], clock, log, 4), 0);
    while (scheduler.pending > 0) scheduler.runSlice();
    expect(log).toEqual([4, 2, 1, 3]);
  });

  test('asks for a slice when work is queued, and for the next while work remains', () => {
    const clock = fakeClock();
    const { scheduler, requested, take } = manual({ now: clock.now });
    expect(requested()).toBeNull();
    scheduler.add(unitsJob(Array<number>(30).fill(1), clock, []));
    let slices = 0;
    for (let run = take(); run !== null; run = take()) {
      run(null);
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(scheduler.pending).toBe(0);
  });

  test('a job that throws is reported and dropped; the rest still run; whenIdle resolves', async () => {
    const clock = fakeClock();
    const errors: unknown[] = [];
    const scheduler = new SliceScheduler({ now: clock.now, request: (run) => (setTimeout(() => run(null), 0), () => {}), onError: (e) => errors.push(e) });
    const log: number[] = [];
    scheduler.add(() => {
      throw new Error('boom');
    });
    scheduler.add(unitsJob([1, 1], clock, log, 7));
    await scheduler.whenIdle();
    expect(errors).toHaveLength(1);
    expect(log).toEqual([7, 7]);
  });
});
