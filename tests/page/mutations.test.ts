// @vitest-environment happy-dom
// The watcher: batches what changed, leaves out our own hosts and attribute changes, and waits
// longer and longer while the page keeps changing.
import { describe, expect, test } from 'vitest';
import { MutationWatcher, type MutationSummary, type Timers } from '../../src/page/mutations';
import { microtasks, setBody } from './support';

/** Timers on a clock the test moves. */
function fakeTimers(): Timers & { advance(ms: number): void; time(): number } {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; cb: () => void }>();
  return {
    setTimeout: (cb, ms) => {
      const id = nextId++;
      due.set(id, { at: now + ms, cb });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
    now: () => now,
    time: () => now,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, d]) => d.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].cb();
      }
      now = until;
    },
  };
}

function watch(root: Node, timers: Timers, minDelayMs = 100, maxDelayMs = 4000) {
  const batches: MutationSummary[] = [];
  const watcher = new MutationWatcher({ root, timers, minDelayMs, maxDelayMs, onFlush: (s) => batches.push(s) });
  watcher.start();
  return { watcher, batches };
}

describe('batches', () => {
  test('hands over added nodes, changed parents and text nodes in one batch after the wait', async () => {
    const body = setBody('<div id="feed"><p id="p">株洲</p></div>');
    const timers = fakeTimers();
    const { watcher, batches } = watch(body, timers);
    const p = document.createElement('p');
    p.textContent = '天元区';
    document.getElementById('feed')!.append(p);
    (document.getElementById('p')!.firstChild as Text).data = '毛伟明';
    await microtasks();
    expect(batches).toHaveLength(0);
    timers.advance(99);
    expect(batches).toHaveLength(0);
    timers.advance(1);
    expect(batches).toHaveLength(1);
    const [b] = batches;
    expect([...b!.added]).toEqual([p]);
    expect(b!.changed.has(document.getElementById('feed')!)).toBe(true);
    expect(b!.changed.has(document.getElementById('p')!.firstChild!)).toBe(true);
    expect(b!.removed).toBe(false);
    watcher.stop();
  });

  test('leaves out attribute changes and anything inside our own hosts', async () => {
    const body = setBody('<div data-zzl="panel"><p id="ours">x</p></div><p id="page">y</p>');
    const timers = fakeTimers();
    const { watcher, batches } = watch(body, timers);
    document.getElementById('page')!.className = 'changed';
    document.getElementById('ours')!.textContent = '株洲';
    const host = document.createElement('div');
    host.setAttribute('data-zzl', 'card');
    host.textContent = '株洲';
    body.append(host);
    await microtasks();
    timers.advance(1000);
    // Appending our host changed the body's child list, but the host itself is not "added".
    expect(batches.flatMap((b) => [...b.added])).toEqual([]);
    expect(batches.flatMap((b) => [...b.changed]).every((n) => n === body)).toBe(true);
    watcher.stop();
  });

  test('flush() hands over at once, including records the observer has not delivered yet', () => {
    const body = setBody('<p>株洲</p>');
    const timers = fakeTimers();
    const { watcher, batches } = watch(body, timers);
    body.append(document.createElement('p'));
    watcher.flush();
    expect(batches).toHaveLength(1);
    watcher.stop();
  });
});

describe('backoff', () => {
  test('a page that never stops changing gets fewer and fewer batches; a quiet page gets its next change promptly', async () => {
    const body = setBody('<p id="clock">0</p>');
    const timers = fakeTimers();
    const { watcher, batches } = watch(body, timers, 100, 4000);
    const text = document.getElementById('clock')!.firstChild as Text;
    // A clock ticking every 10 ms for 30 s.
    for (let i = 0; i < 3000; i++) {
      text.data = String(i);
      await Promise.resolve();
      await Promise.resolve();
      timers.advance(10);
    }
    // Without backoff this would be 300 batches (one per 100 ms).
    expect(batches.length).toBeLessThan(20);
    expect(watcher.delayMs).toBe(4000);
    // Quiet for 10 s: the last batch is handed over, and with it every change there was.
    timers.advance(10_000);
    expect(batches.reduce((n, b) => n + b.records, 0)).toBe(3000);

    // Then one change: handed over after the short wait again.
    const before = batches.length;
    text.data = 'done';
    await microtasks();
    timers.advance(100);
    expect(batches.length).toBe(before + 1);
    expect(watcher.delayMs).toBe(100);
    watcher.stop();
  });

  test('a single burst (a page navigation) does not slow down what follows it', async () => {
    const body = setBody('<main id="m"></main>');
    const timers = fakeTimers();
    const { watcher, batches } = watch(body, timers);
    const main = document.getElementById('m')!;
    for (let i = 0; i < 500; i++) main.append(document.createElement('p'));
    await microtasks();
    timers.advance(100);
    expect(batches).toHaveLength(1);
    timers.advance(500);
    main.append(document.createElement('p'));
    await microtasks();
    timers.advance(100);
    expect(batches).toHaveLength(2);
    expect(watcher.delayMs).toBe(100);
    watcher.stop();
  });
});
