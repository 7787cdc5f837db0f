// Time slices: page work runs in short slices between the page's own tasks, so no task of ours is
// over the budget (8 ms, DESIGN.md). Jobs do their work in small units and ask the slice after
// each unit whether to stop; the slice says stop when the time used plus the longest unit seen
// lately would pass the budget, so a slice ends before it overruns rather than after.

export interface Slice {
  /** Call after each unit of work: true means return now and continue in a later slice. */
  shouldYield(): boolean;
}

/**
 * One piece of queued work: does at least one unit, then units until the slice says stop or it is
 * done; returns true when finished, false to be called again in a later slice (after the slice
 * said stop, or to give its next step a slice of its own).
 */
export type Job = (slice: Slice) => boolean;

/** What requestIdleCallback hands its callback; null when a slice was started by a timer. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

/** Asks for a slice to be run later; returns a cancel function. */
export type SliceRequest = (run: (deadline: IdleDeadlineLike | null) => void) => () => void;

export interface SchedulerOptions {
  /** Longest slice, ms. Default 6: the task around a slice (its callback, a collection V8 fits in) needs room under 8. */
  budgetMs?: number;
  /** The clock (ms). Default performance.now. */
  now?: () => number;
  /** How slices are requested. Default: requestIdleCallback (with a timeout) or setTimeout 0. */
  request?: SliceRequest;
  /** What a unit is assumed to cost before any is measured, ms. Default 0.5. */
  initialUnitMs?: number;
  /** A job that throws is dropped and reported here. */
  onError?: (error: unknown) => void;
  /** Told about every slice run (measurements). */
  onSlice?: (report: SliceReport) => void;
}

export interface SliceReport {
  /** Time from the slice's start to its end, ms. */
  elapsed: number;
  /** Units of work done (shouldYield calls plus jobs that finished without asking). */
  units: number;
  /** The longest of them, ms. */
  longestUnit: number;
}

interface Queued {
  job: Job;
  priority: number;
  seq: number;
}

/** Slices from requestIdleCallback where the page has it (timeout 200 ms: busy pages still get them), else from setTimeout. */
export function defaultSliceRequest(win: Window): SliceRequest {
  const idle = win as Window & {
    requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, options?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof idle.requestIdleCallback === 'function' && typeof idle.cancelIdleCallback === 'function') {
    const request = idle.requestIdleCallback.bind(win);
    const cancel = idle.cancelIdleCallback.bind(win);
    return (run) => {
      const id = request((d) => run(d), { timeout: 200 });
      return () => cancel(id);
    };
  }
  return (run) => {
    const id = win.setTimeout(() => run(null), 0);
    return () => win.clearTimeout(id);
  };
}

export class SliceScheduler {
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly request: SliceRequest;
  private readonly initialUnitMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly onSlice: ((report: SliceReport) => void) | undefined;
  private queue: Queued[] = [];
  private seq = 0;
  private cancelRequest: (() => void) | null = null;
  private unitEstimate: number;
  private idleWaiters: (() => void)[] = [];
  private running = false;

  constructor(options: SchedulerOptions = {}) {
    this.budgetMs = options.budgetMs ?? 6;
    this.now = options.now ?? (() => performance.now());
    this.request = options.request ?? defaultSliceRequest(globalThis as unknown as Window);
    this.initialUnitMs = options.initialUnitMs ?? 0.5;
    this.unitEstimate = this.initialUnitMs;
    this.onError = options.onError ?? ((e) => console.warn('Zhuzhou Lens: page work failed', e));
    this.onSlice = options.onSlice;
  }

  /** Queues a job. Lower priority numbers run first (0: what is in the viewport); equal ones in order. */
  add(job: Job, priority = 1): void {
    this.queue.push({ job, priority, seq: this.seq++ });
    this.queue.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    this.ensureRequested();
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once the queue is empty (at once if it is). */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops all queued work. */
  clear(): void {
    this.queue = [];
    this.cancelRequest?.();
    this.cancelRequest = null;
    this.settleIdle();
  }

  /** Runs one slice now (the requested slices call this; tests call it directly). */
  runSlice(deadline: IdleDeadlineLike | null = null): SliceReport {
    this.cancelRequest?.();
    this.cancelRequest = null;
    const budget = deadline && !deadline.didTimeout ? Math.min(this.budgetMs, deadline.timeRemaining()) : this.budgetMs;
    const start = this.now();
    let mark = start;
    let units = 0;
    let longestUnit = 0;
    // A long unit last time makes the next slices careful; the caution halves each slice.
    this.unitEstimate = Math.max(this.initialUnitMs, this.unitEstimate / 2);
    const slice: Slice = {
      shouldYield: () => {
        const t = this.now();
        longestUnit = Math.max(longestUnit, t - mark);
        this.unitEstimate = Math.max(this.unitEstimate, t - mark);
        mark = t;
        units++;
        return t - start + this.unitEstimate > budget;
      },
    };
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        const before = units;
        let finished: boolean;
        try {
          finished = head.job(slice);
        } catch (e) {
          this.onError(e);
          finished = true;
        }
        if (finished) {
          // The job may have queued more work in front of itself; remove it by identity.
          const at = this.queue.indexOf(head);
          if (at !== -1) this.queue.splice(at, 1);
        }
        if (!finished) break;
        // A job that did its work without asking counts as one unit, and is asked for here.
        if (units === before ? slice.shouldYield() : this.now() - start + this.unitEstimate > budget) break;
      }
    } finally {
      this.running = false;
    }
    const elapsed = this.now() - start;
    const report = { elapsed, units, longestUnit };
    this.onSlice?.(report);
    if (this.queue.length > 0) this.ensureRequested();
    else this.settleIdle();
    return report;
  }

  private ensureRequested(): void {
    if (this.cancelRequest !== null || this.running) return;
    this.cancelRequest = this.request((deadline) => {
      this.cancelRequest = null;
      this.runSlice(deadline);
    });
  }

  private settleIdle(): void {
    if (this.queue.length > 0 || this.running) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
