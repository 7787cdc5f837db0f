// Picks up what the page adds or changes after the first read (infinite scroll, single-page apps,
// history navigation), in batches: the observer only records which nodes changed; a timer hands
// the batch over. Attribute changes are not observed (class toggles do not change text), and
// changes inside our own hosts are dropped.
//
// Backoff: when the page keeps mutating (a ticker, a clock, an animation done in the DOM), each
// batch whose first change came within one wait of the previous hand-over doubles the wait, up to
// `maxDelayMs`; a change after a pause longer than the wait brings it back to `minDelayMs`.
import { ZZL_ATTR } from './skip-rules';

export interface MutationSummary {
  /** Nodes inserted (each one's whole subtree is new to us). */
  added: Set<Node>;
  /** Parents whose children changed, and text nodes whose data changed. */
  changed: Set<Node>;
  /** Whether any node was removed. */
  removed: boolean;
  /** Mutation records in the batch. */
  records: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}

export interface MutationWatchOptions {
  root: Node;
  onFlush: (summary: MutationSummary) => void;
  /** Wait after the first change of a batch, ms. Default 100. */
  minDelayMs?: number;
  /** Longest wait under a mutation storm, ms. Default 4000. */
  maxDelayMs?: number;
  /** Default: the root's window (setTimeout, clearTimeout, performance.now). */
  timers?: Timers;
}

/** Whether a node is inside one of our own hosts. */
export function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el !== null && el.closest(`[${ZZL_ATTR}]`) !== null;
}

function windowTimers(root: Node): Timers {
  const win = (root.ownerDocument ?? (root as Document)).defaultView;
  if (!win) throw new Error('mutation watcher: the root has no window; pass timers');
  return {
    setTimeout: (cb, ms) => win.setTimeout(cb, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
    now: () => win.performance.now(),
  };
}

function emptySummary(): MutationSummary {
  return { added: new Set(), changed: new Set(), removed: false, records: 0 };
}

export class MutationWatcher {
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timers: Timers;
  private observer: MutationObserver | null = null;
  private pending = emptySummary();
  private timer: unknown = null;
  private delay: number;
  private lastFlush = -Infinity;
  /** When the pending batch's first change was recorded. */
  private batchStart = 0;

  constructor(private readonly options: MutationWatchOptions) {
    this.minDelayMs = options.minDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 4000;
    this.timers = options.timers ?? windowTimers(options.root);
    this.delay = this.minDelayMs;
  }

  /** The wait before the next batch is handed over, ms. */
  get delayMs(): number {
    return this.delay;
  }

  start(): void {
    if (this.observer) return;
    const win = (this.options.root.ownerDocument ?? (this.options.root as Document)).defaultView as (Window & typeof globalThis) | null;
    const Observer = win?.MutationObserver ?? globalThis.MutationObserver;
    if (typeof Observer !== 'function') return;
    this.observer = new Observer((records) => this.record(records));
    this.observer.observe(this.options.root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = emptySummary();
  }

  /** Hands over what is pending now (also drains the observer's queue). */
  flush(): void {
    if (this.observer) this.record(this.observer.takeRecords());
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    if (batch.records === 0) return;
    this.pending = emptySummary();
    if (this.batchStart - this.lastFlush <= this.delay) this.delay = Math.min(this.maxDelayMs, this.delay * 2);
    this.lastFlush = this.timers.now();
    this.options.onFlush(batch);
  }

  private record(records: readonly MutationRecord[]): void {
    const p = this.pending;
    let kept = 0;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') {
        p.changed.add(r.target);
        kept++;
      } else if (r.type === 'childList') {
        for (const n of r.addedNodes) if (!isOurs(n)) p.added.add(n);
        if (r.removedNodes.length > 0) p.removed = true;
        p.changed.add(r.target);
        kept++;
      }
    }
    if (kept === 0) return;
    p.records += kept;
    if (this.timer !== null) return;
    this.batchStart = this.timers.now();
    if (this.batchStart - this.lastFlush > this.delay) this.delay = this.minDelayMs;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.delay);
  }
}
