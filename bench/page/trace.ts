// Reads a Chromium trace (the DevTools protocol's Tracing domain, categories devtools.timeline and
// disabled-by-default-devtools.timeline) for what one page's renderer main thread did: its tasks
// (RunTask), the longest, how many passed 8 and 50 ms, and which of them ran the extension's code
// (script events whose url is a chrome-extension:// one). Pure: events in, figures out.

/** One event of the Trace Event Format, as far as it is read here. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Microseconds (the browser's monotonic clock, the same in every process). */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'] as const;
/** Added for the attribution run: V8's sampling profiler, its samples in the trace. */
export const PROFILER_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

export const LONG_TASK_MS = 50;
/** DESIGN.md: page work never blocks the main thread more than 8 ms at a time. */
export const SLICE_BUDGET_MS = 8;

/** A span of time on one thread, in microseconds. */
export interface Span {
  ts: number;
  end: number;
}

export interface PageThread {
  pid: number;
  tid: number;
  /** When the browser committed the navigation (µs). */
  commitTs: number;
  /** The page's load event (µs), or null when the trace does not show it. */
  loadTs: number | null;
}

export interface MainThreadFigures {
  /** Navigation commit to the load event, ms. */
  loadMs: number | null;
  /** The window's length, ms (its start is the commit). */
  windowMs: number;
  /** Tasks that started in the window, and their summed and longest durations, ms. */
  tasks: number;
  taskMs: number;
  longestMs: number;
  over8: number;
  over50: number;
  /** The same for the tasks in which extension code ran. */
  ext: {
    tasks: number;
    /** Whole durations of those tasks. */
    taskMs: number;
    /** Time inside the extension's script events (outermost only). */
    scriptMs: number;
    longestMs: number;
    over8: number;
    over50: number;
    /** The longest such task, for the attribution. */
    longest: Span | null;
    /** All of them, in time order. */
    spans: Span[];
    /** The content script's evaluation (its injection: compile and top-level run), ms; 0 if not seen. */
    evaluateMs: number;
    /** End of the last extension script event, ms after the commit. */
    lastEndMs: number | null;
  };
}

const dataOf = (e: TraceEvent): Record<string, unknown> => e.args?.data ?? e.args?.beginData ?? {};
const stringField = (o: Record<string, unknown>, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');

/** Finds the renderer main thread that committed `url`, from the browser's FrameCommittedInBrowser event. */
export function findPageThread(events: readonly TraceEvent[], url: string): PageThread {
  const commit = events.find((e) => e.name === 'FrameCommittedInBrowser' && stringField(dataOf(e), 'url') === url);
  const pid = commit ? dataOf(commit)['processId'] : undefined;
  if (!commit || typeof pid !== 'number') throw new Error(`the trace shows no commit of ${url}`);
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? pid;
  const load = events.find((e) => e.name === 'MarkLoad' && e.pid === pid && e.ts >= commit.ts && stringField(dataOf(e), 'url') === url);
  const loadAny = load ?? events.find((e) => e.name === 'MarkLoad' && e.pid === pid && e.ts >= commit.ts && dataOf(e)['isOutermostMainFrame'] === true);
  return { pid, tid, commitTs: commit.ts, loadTs: loadAny?.ts ?? null };
}

/** Complete events on one thread, outermost only (nested run loops make RunTask nest), in time order. */
export function outermost(events: readonly TraceEvent[], keep: (e: TraceEvent) => boolean): Span[] {
  const spans = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && keep(e))
    .map((e) => ({ ts: e.ts, end: e.ts + e.dur! }))
    .sort((a, b) => a.ts - b.ts || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.ts < last.end) continue;
    out.push(s);
  }
  return out;
}

/** The page's top-level main-thread tasks that started in [commit, commit + windowMs]. */
export function mainTasks(events: readonly TraceEvent[], thread: PageThread, windowMs: number): Span[] {
  const to = thread.commitTs + windowMs * 1000;
  return outermost(events, (e) => e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid).filter((t) => t.ts >= thread.commitTs && t.ts < to);
}

export const isExtensionUrl = (url: string): boolean => url.startsWith('chrome-extension://') || url.startsWith('moz-extension://');

/**
 * The page's main-thread figures over [commit, commit + windowMs]. The window starts at the commit,
 * not at the load event: Chromium holds a page's load event until its document_idle content scripts
 * have run, so a window after load would be longer with the extension than without.
 */
export function mainThreadFigures(events: readonly TraceEvent[], thread: PageThread, windowMs: number): MainThreadFigures {
  const from = thread.commitTs;
  const to = thread.commitTs + windowMs * 1000;
  const onMain = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const tasks = mainTasks(onMain, thread, windowMs);
  const scripts = outermost(onMain, (e) => isExtensionUrl(stringField(dataOf(e), 'url'))).filter((s) => s.ts >= from && s.ts < to);

  const ms = (us: number) => us / 1000;
  const dur = (s: Span) => ms(s.end - s.ts);
  const extTasks: Span[] = [];
  let scriptUs = 0;
  let at = 0;
  for (const t of tasks) {
    let ran = false;
    while (at < scripts.length && scripts[at]!.ts < t.end) {
      const s = scripts[at]!;
      if (s.ts >= t.ts) {
        ran = true;
        scriptUs += s.end - s.ts;
      }
      at++;
    }
    if (ran) extTasks.push(t);
  }
  const longestOf = (xs: Span[]) => xs.reduce<Span | null>((best, s) => (best === null || dur(s) > dur(best) ? s : best), null);
  const longestExt = longestOf(extTasks);
  const lastScript = scripts[scripts.length - 1];
  const evaluate = onMain.find((e) => e.name === 'EvaluateScript' && e.ts >= from && e.ts < to && isExtensionUrl(stringField(dataOf(e), 'url')));
  return {
    loadMs: thread.loadTs === null ? null : ms(thread.loadTs - thread.commitTs),
    windowMs,
    tasks: tasks.length,
    taskMs: tasks.reduce((sum, t) => sum + dur(t), 0),
    longestMs: Math.max(0, ...tasks.map(dur)),
    over8: tasks.filter((t) => dur(t) > SLICE_BUDGET_MS).length,
    over50: tasks.filter((t) => dur(t) > LONG_TASK_MS).length,
    ext: {
      tasks: extTasks.length,
      taskMs: extTasks.reduce((sum, t) => sum + dur(t), 0),
      scriptMs: ms(scriptUs),
      longestMs: longestExt ? dur(longestExt) : 0,
      over8: extTasks.filter((t) => dur(t) > SLICE_BUDGET_MS).length,
      over50: extTasks.filter((t) => dur(t) > LONG_TASK_MS).length,
      longest: longestExt,
      spans: extTasks,
      evaluateMs: evaluate?.dur === undefined ? 0 : ms(evaluate.dur),
      lastEndMs: lastScript ? ms(lastScript.end - thread.commitTs) : null,
    },
  };
}

/** What a task mostly was: the name of the longest event inside it (FireIdleCallback, EvaluateScript, Layout…). */
export function taskKind(events: readonly TraceEvent[], thread: PageThread, task: Span): string {
  let best: TraceEvent | null = null;
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X' || e.dur === undefined) continue;
    if (e.name === 'RunTask' || e.ts < task.ts || e.ts + e.dur > task.end) continue;
    if (best === null || e.dur > best.dur!) best = e;
  }
  return best?.name ?? '';
}

export const WORK_KINDS = ['parse', 'script', 'style', 'layout', 'paint', 'gc', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Trace events that say what the main thread was doing; anything inside them is theirs unless it names itself. */
const KIND_OF: Readonly<Record<string, WorkKind>> = {
  ParseHTML: 'parse',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  'v8.compile': 'script',
  FireIdleCallback: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  HandlePostMessage: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

/**
 * Self time of the window's main-thread tasks by kind of work, ms (as DevTools' summary counts
 * it): a forced layout inside a script is layout, a collection inside it is gc; time in a task
 * outside any of these events is 'other'.
 */
export function workBreakdown(events: readonly TraceEvent[], thread: PageThread, windowMs: number): Record<WorkKind, number> {
  const totals = Object.fromEntries(WORK_KINDS.map((k) => [k, 0])) as Record<WorkKind, number>;
  const tasks = mainTasks(events, thread, windowMs);
  if (tasks.length === 0) return totals;
  const from = tasks[0]!.ts;
  const to = tasks[tasks.length - 1]!.end;
  const inWindow = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Walk the nesting with a stack; each event's self time goes to its own kind or its nearest named ancestor's.
  const stack: { end: number; kind: WorkKind; childUs: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= upTo) {
      const done = stack.pop()!;
      totals[done.kind] += Math.max(0, done.dur - done.childUs) / 1000;
    }
  };
  let t = 0;
  for (const e of inWindow) {
    close(e.ts);
    // Only what lies inside a counted task (the window's top-level RunTasks).
    while (t < tasks.length && tasks[t]!.end <= e.ts) t++;
    const task = tasks[t];
    if (!task || e.ts < task.ts) continue;
    const parent = stack[stack.length - 1];
    if (parent) parent.childUs += Math.min(e.dur!, parent.end - e.ts);
    const kind = KIND_OF[e.name] ?? parent?.kind ?? 'other';
    stack.push({ end: e.ts + e.dur!, kind, childUs: 0, dur: Math.min(e.dur!, (parent?.end ?? e.ts + e.dur!) - e.ts) });
  }
  close(Infinity);
  return totals;
}
