// V8's sampling profiler as it appears in a trace (category disabled-by-default-v8.cpu_profiler:
// a Profile event on the thread, ProfileChunk events with nodes, samples and time deltas), turned
// into timed stacks so a span of the page's main thread can be attributed to functions. Used only
// by the attribution run: the profiler slows what it samples, so the measured runs go without it.
import type { Span, TraceEvent } from './trace';

export interface Frame {
  functionName: string;
  url: string;
  /** 0-based, as V8 gives them. */
  lineNumber: number;
  columnNumber: number;
}

export interface Sample {
  ts: number;
  /** Microseconds until the next sample (the weight of this one), capped so a gap does not count as work. */
  weight: number;
  /** Leaf first. */
  stack: Frame[];
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

const MAX_WEIGHT_US = 5_000;

/** The samples of the profile V8 took on thread (pid, tid), in time order. */
export function samplesOf(events: readonly TraceEvent[], pid: number, tid: number): Sample[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const start = profile.args?.data?.['startTime'];
  let t = typeof start === 'number' ? start : profile.ts;
  const nodes = new Map<number, ProfileNode>();
  const raw: { ts: number; node: number }[] = [];
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
    const data = (e.args?.data ?? {}) as ChunkData;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      raw.push({ ts: t, node: ids[i]! });
    }
  }
  const stackCache = new Map<number, Frame[]>();
  const stackOf = (id: number): Frame[] => {
    const cached = stackCache.get(id);
    if (cached) return cached;
    const frames: Frame[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      const c = n.callFrame;
      frames.push({ functionName: c.functionName ?? '', url: c.url ?? '', lineNumber: c.lineNumber ?? -1, columnNumber: c.columnNumber ?? -1 });
    }
    stackCache.set(id, frames);
    return frames;
  };
  raw.sort((a, b) => a.ts - b.ts);
  return raw.map((s, i) => ({
    ts: s.ts,
    weight: Math.min(MAX_WEIGHT_US, Math.max(0, (raw[i + 1]?.ts ?? s.ts) - s.ts)),
    stack: stackOf(s.node),
  }));
}

export interface Attribution {
  /** Time of samples whose stack holds a frame of `isOurs` code, ms. */
  oursMs: number;
  /** All sampled time in the span that was not idle, ms. */
  busyMs: number;
  /** Per innermost frame of our code (with what it called: DOM, GC, builtins), best first. */
  byFunction: { frame: Frame; ms: number; topLeaf: string }[];
  /** The busy time outside our code, by what was running (leaf frame: (program), (garbage collector), page functions). */
  others: { name: string; ms: number }[];
}

const frameKey = (f: Frame) => `${f.functionName}@${f.url}:${f.lineNumber}:${f.columnNumber}`;
const IDLE = new Set(['(idle)', '(root)']);

/** Who the sampled time in `span` (or in all of them) belongs to. */
export function attribute(samples: readonly Sample[], spans: readonly Span[], isOurs: (url: string) => boolean): Attribution {
  let ours = 0;
  let busy = 0;
  const by = new Map<string, { frame: Frame; us: number; leaves: Map<string, number> }>();
  const others = new Map<string, number>();
  let at = 0;
  const sorted = [...spans].sort((a, b) => a.ts - b.ts);
  for (const s of samples) {
    while (at < sorted.length && sorted[at]!.end <= s.ts) at++;
    const span = sorted[at];
    if (!span || s.ts < span.ts) continue;
    const leaf = s.stack[0];
    if (!leaf || IDLE.has(leaf.functionName)) continue;
    busy += s.weight;
    const mine = s.stack.find((f) => isOurs(f.url));
    if (!mine) {
      const name = leaf.functionName || '(anonymous)';
      others.set(name, (others.get(name) ?? 0) + s.weight);
      continue;
    }
    ours += s.weight;
    const key = frameKey(mine);
    const entry = by.get(key) ?? { frame: mine, us: 0, leaves: new Map<string, number>() };
    entry.us += s.weight;
    const leafName = leaf === mine ? '(self)' : leaf.functionName || '(anonymous)';
    entry.leaves.set(leafName, (entry.leaves.get(leafName) ?? 0) + s.weight);
    by.set(key, entry);
  }
  const byFunction = [...by.values()]
    .sort((a, b) => b.us - a.us)
    .map((e) => ({ frame: e.frame, ms: e.us / 1000, topLeaf: [...e.leaves].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '' }));
  return {
    oursMs: ours / 1000,
    busyMs: busy / 1000,
    byFunction,
    others: [...others].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 })),
  };
}

/**
 * The tasks in which at least one sample had our code on the stack, with the time sampled in it.
 * Unlike the trace's script events this also finds promise continuations (code resumed after an
 * extension API's reply), which carry no script URL in the trace.
 */
export function tasksRunning(samples: readonly Sample[], tasks: readonly Span[], isOurs: (url: string) => boolean): { task: Span; oursMs: number }[] {
  const out: { task: Span; oursMs: number }[] = [];
  let at = 0;
  for (const task of tasks) {
    while (at < samples.length && samples[at]!.ts < task.ts) at++;
    let us = 0;
    for (let i = at; i < samples.length && samples[i]!.ts < task.end; i++) {
      if (samples[i]!.stack.some((f) => isOurs(f.url))) us += samples[i]!.weight;
    }
    if (us > 0) out.push({ task, oursMs: us / 1000 });
  }
  return out;
}
