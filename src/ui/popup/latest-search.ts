// Search as you type, without a debounce: keystrokes within one animation frame make one search,
// each frame's search starts at once, and results are shown newest-first only — a slower earlier
// search that answers after a later one is dropped, so it never overwrites what is on screen.

/** Runs `fn` at the next frame; returns a function that cancels it. */
export type FrameScheduler = (fn: () => void) => () => void;

export const animationFrame: FrameScheduler = (fn) => {
  const id = requestAnimationFrame(() => fn());
  return () => cancelAnimationFrame(id);
};

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface LatestSearch<Q> {
  /** Asks for a search of `query` at the next frame (a later request in the same frame replaces it). */
  request(query: Q): void;
  /** Forgets the pending request and every search under way: none of them will be delivered. */
  cancel(): void;
}

/**
 * `run` searches; `deliver` shows an outcome. Each started search gets the next sequence number;
 * an outcome is delivered only when its number is above the last delivered or cancelled one.
 */
export function latestSearch<Q, R>(
  run: (query: Q) => Promise<R>,
  deliver: (query: Q, outcome: Outcome<R>) => void,
  schedule: FrameScheduler = animationFrame,
): LatestSearch<Q> {
  let started = 0;
  let shown = 0;
  let pending: { query: Q } | null = null;
  let unschedule: (() => void) | null = null;

  const settle = (seq: number, query: Q, outcome: Outcome<R>) => {
    if (seq <= shown) return;
    shown = seq;
    deliver(query, outcome);
  };

  const start = () => {
    unschedule = null;
    if (pending === null) return;
    const { query } = pending;
    pending = null;
    const seq = ++started;
    let promise: Promise<R>;
    try {
      promise = run(query);
    } catch (error) {
      settle(seq, query, { ok: false, error });
      return;
    }
    promise.then(
      (value) => settle(seq, query, { ok: true, value }),
      (error: unknown) => settle(seq, query, { ok: false, error }),
    );
  };

  return {
    request(query) {
      pending = { query };
      unschedule ??= schedule(start);
    },
    cancel() {
      pending = null;
      unschedule?.();
      unschedule = null;
      shown = started;
    },
  };
}
