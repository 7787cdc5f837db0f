// `npm run bench:page`: what the content script costs a page's main thread, in real Chromium (Debian's,
// headless), on a ~1 MB Chinese news page made of the seed articles and on a page of the same
// structure and size without Chinese, each loaded with and without the extension. Every load's
// renderer main thread is traced (DevTools protocol, Tracing domain) for a fixed window from the
// navigation's commit; printed side by side: task time (and what kind of work it was), longest
// task, tasks over 8 ms (DESIGN.md's slice budget) and over 50 ms, and the difference, which is
// the extension's cost, including what the browser does because of it (style, paint). Then, from
// the same traces, the tasks that ran the content script's own code, and one more load per page
// with V8's sampler on, naming the content-script functions that took the time. Also the content
// script's size. Medians of ZZL_BENCH_ROUNDS loads (default 3); ZZL_BENCH_WINDOW_MS sets the
// window (default 5000); ZZL_BENCH_TRACES=1 also writes the sampled runs' traces (for DevTools).
// Asserts nothing.
//
// Needs the Chrome build in .output/chrome-mv3 (`npx wxt build`) and Debian's chromium.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ArchiveBundle } from '../src/archive/types';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { REPO_ROOT } from '../tests/e2e/harness/types';
import { BENCH_PAGES, chineseNewsPage, englishNewsPage } from './page/news-pages';
import { attribute, samplesOf, tasksRunning } from './page/profile';
import { launchBenchBrowser, recordLoad, type BenchBrowser, type Recording } from './page/record';
import {
  findPageThread,
  isExtensionUrl,
  mainTasks,
  mainThreadFigures,
  SLICE_BUDGET_MS,
  taskKind,
  WORK_KINDS,
  workBreakdown,
  type MainThreadFigures,
  type Span,
  type WorkKind,
} from './page/trace';

const WORK_LABELS: Record<WorkKind, string> = {
  parse: 'HTML parsing',
  script: 'script',
  style: 'style recalculation',
  layout: 'layout',
  paint: 'pre-paint and paint',
  gc: 'garbage collection',
  other: 'other',
};

const ROUNDS = Number(process.env.ZZL_BENCH_ROUNDS ?? 3);
const WINDOW_MS = Number(process.env.ZZL_BENCH_WINDOW_MS ?? 5000);
const EXTENSION_DIR = '.output/chrome-mv3';
const CONTENT_SCRIPT = resolve(REPO_ROOT, EXTENSION_DIR, 'content-scripts/content.js');
const OUT = resolve(REPO_ROOT, 'bench/out/page');

const PAGES = BENCH_PAGES;

function seedsBundle(): ArchiveBundle {
  const file = resolve(REPO_ROOT, 'public/archive.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ArchiveBundle;
  } catch {
    throw new Error(`${file} is missing: run \`npm run archive\` (or the build) first`);
  }
}

function writePages(): void {
  mkdirSync(OUT, { recursive: true });
  const bundle = seedsBundle();
  writeFileSync(join(OUT, 'news-zh.html'), chineseNewsPage(bundle));
  writeFileSync(join(OUT, 'news-en.html'), englishNewsPage(bundle));
}

// ---- Figures ------------------------------------------------------------------------------------

interface Run {
  figures: MainThreadFigures;
  work: Record<WorkKind, number>;
  recording: Omit<Recording, 'events'>;
  /** The content script's tasks over the slice budget: when (ms after commit), how long, what they were. */
  overBudget: { atMs: number; ms: number; kind: string }[];
}

function toRun(recording: Recording, url: string): Run {
  const { events, ...rest } = recording;
  const thread = findPageThread(events, url);
  const figures = mainThreadFigures(events, thread, WINDOW_MS);
  const overBudget = figures.ext.spans
    .filter((t) => (t.end - t.ts) / 1000 > SLICE_BUDGET_MS)
    .map((t) => ({ atMs: (t.ts - thread.commitTs) / 1000, ms: (t.end - t.ts) / 1000, kind: taskKind(events, thread, t) }));
  return { figures, work: workBreakdown(events, thread, WINDOW_MS), recording: rest, overBudget };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const signed = (n: number, digits = 0) => (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n), digits);

/** "median (min–max)" of one figure over the runs. */
function spread(runs: Run[], pick: (r: Run) => number | null, digits = 0): { text: string; median: number | null } {
  const xs = runs.map(pick).filter((x): x is number => x !== null);
  if (xs.length === 0) return { text: '—', median: null };
  const m = median(xs);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return { text: xs.length > 1 && hi !== lo ? `${fmt(m, digits)} (${fmt(lo, digits)}–${fmt(hi, digits)})` : fmt(m, digits), median: m };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function sideBySide(without: Run[], withExt: Run[]): string {
  const rows: [string, (r: Run) => number | null, number][] = [
    ['commit → load event, ms (see note)', (r) => r.figures.loadMs, 0],
    ['main-thread task time, ms', (r) => r.figures.taskMs, 0],
    ...WORK_KINDS.map((k): [string, (r: Run) => number, number] => [`  of it ${WORK_LABELS[k]}, ms`, (r) => r.work[k], 0]),
    ['tasks', (r) => r.figures.tasks, 0],
    ['longest task, ms', (r) => r.figures.longestMs, 1],
    [`tasks > ${SLICE_BUDGET_MS} ms`, (r) => r.figures.over8, 0],
    ['tasks > 50 ms', (r) => r.figures.over50, 0],
  ];
  return table(
    ['renderer main thread', 'without extension', 'with extension', 'difference'],
    rows.map(([label, pick, digits]) => {
      const a = spread(without, pick, digits);
      const b = spread(withExt, pick, digits);
      return [label, a.text, b.text, a.median === null || b.median === null ? '—' : signed(b.median - a.median, digits)];
    }),
  );
}

function contentScriptTable(runs: Run[]): string {
  const rows: [string, (r: Run) => number | null, number][] = [
    ['tasks that ran content-script code', (r) => r.figures.ext.tasks, 0],
    ['  their task time, ms', (r) => r.figures.ext.taskMs, 1],
    ['  time inside content-script code, ms', (r) => r.figures.ext.scriptMs, 1],
    ['  longest of them, ms', (r) => r.figures.ext.longestMs, 1],
    [`  of them > ${SLICE_BUDGET_MS} ms`, (r) => r.figures.ext.over8, 0],
    ['  of them > 50 ms', (r) => r.figures.ext.over50, 0],
    ['its evaluation at injection, ms', (r) => r.figures.ext.evaluateMs, 1],
    ['last content-script code, ms after commit', (r) => r.figures.ext.lastEndMs, 0],
    ['load event, ms after navigation start', (r) => r.recording.loadEventMs, 0],
    ['launcher seen, ms after navigation start', (r) => r.recording.watchedAtMs, 0],
    ['highlighted ranges at the end', (r) => r.recording.highlightRanges, 0],
    ['launcher count at the end', (r) => r.recording.launcherCount, 0],
  ];
  return table(
    ['content script (with the extension), by its script events in the trace', 'median (min–max)'],
    rows.map(([label, pick, digits]) => [label, spread(runs, pick, digits).text]),
  );
}

/** The content script's tasks over the slice budget in one measured load (the one with the median count). */
function overBudgetList(runs: Run[]): string {
  const sorted = [...runs].sort((a, b) => a.figures.ext.over8 - b.figures.ext.over8);
  const run = sorted[Math.floor(sorted.length / 2)]!;
  const over = run.overBudget;
  if (over.length === 0) return `No content-script task over ${SLICE_BUDGET_MS} ms in the median load.`;
  return `Content-script tasks over ${SLICE_BUDGET_MS} ms in the median load (ms after commit: duration, what it was): ${over
    .map((t) => `${fmt(t.atMs)}: ${fmt(t.ms, 1)} ${t.kind}`)
    .join('; ')}.`;
}

// ---- Attribution ------------------------------------------------------------------------------

const scriptLines = (() => {
  let lines: string[] | null = null;
  return () => (lines ??= readFileSync(CONTENT_SCRIPT, 'utf8').split('\n'));
})();

/** A few characters of the (minified) content script where a function starts, to recognise it by. */
function snippetAt(line: number, column: number): string {
  const text = scriptLines()[line] ?? '';
  return text.slice(column, column + 70).replace(/\s+/g, ' ');
}

function attributionReport(label: string, recording: Recording, url: string): string {
  const thread = findPageThread(recording.events, url);
  const figures = mainThreadFigures(recording.events, thread, WINDOW_MS);
  const samples = samplesOf(recording.events, thread.pid, thread.tid);
  if (samples.length === 0) return `${label}: the trace holds no CPU samples.`;
  const window: Span = { ts: thread.commitTs, end: thread.commitTs + WINDOW_MS * 1000 };
  const whole = attribute(samples, [window], isExtensionUrl);
  const header = ['ms', 'innermost content-script function (line:col in content.js)', 'mostly in', 'code there'];
  const rows = (a: typeof whole, n: number) =>
    a.byFunction.slice(0, n).map((f) => [
      fmt(f.ms, 1),
      `${f.frame.functionName || '(anonymous)'} ${f.frame.lineNumber + 1}:${f.frame.columnNumber + 1}`,
      f.topLeaf === '(self)' ? '' : f.topLeaf,
      snippetAt(f.frame.lineNumber, f.frame.columnNumber),
    ]);
  const others = (a: typeof whole) =>
    a.others
      .slice(0, 3)
      .map((o) => `${o.name} ${fmt(o.ms, 1)}`)
      .join(', ');
  const out = [
    `### Where the content script's time went (${label}: one more load, V8's sampler on, which slows what it samples)`,
    `Sampled in content-script code: ${fmt(whole.oursMs, 1)} ms of ${fmt(whole.busyMs, 0)} ms busy on the main thread in the window.`,
    table(header, rows(whole, 8)),
  ];
  const ranOurs = tasksRunning(samples, mainTasks(recording.events, thread, WINDOW_MS), isExtensionUrl);
  const dur = (t: Span) => (t.end - t.ts) / 1000;
  const over = ranOurs.filter((r) => dur(r.task) > SLICE_BUDGET_MS).sort((a, b) => dur(b.task) - dur(a.task));
  out.push(
    `By the samples, ${ranOurs.length} tasks ran content-script code (the trace's script events alone found ${figures.ext.tasks}: promise continuations carry no script URL), ` +
      `${fmt(ranOurs.reduce((sum, r) => sum + dur(r.task), 0), 1)} ms in all; longest ${fmt(Math.max(0, ...ranOurs.map((r) => dur(r.task))), 1)} ms; ` +
      `${over.length} over ${SLICE_BUDGET_MS} ms, ${over.filter((r) => dur(r.task) > 50).length} over 50 ms.`,
  );
  for (const { task } of over.slice(0, 4)) {
    const inTask = attribute(samples, [task], isExtensionUrl);
    const top = inTask.byFunction
      .slice(0, 3)
      .map((f) => `${f.frame.functionName || '(anonymous)'} ${f.frame.lineNumber + 1}:${f.frame.columnNumber + 1} ${fmt(f.ms, 1)}`)
      .join(', ');
    out.push(
      `  ${fmt(dur(task), 1)} ms task (${taskKind(recording.events, thread, task)}) at ${fmt((task.ts - thread.commitTs) / 1000)} ms after commit: content script ${top}; besides: ${others(inTask) || 'nothing'}.`,
    );
  }
  if (over.length > 4) out.push(`  (${over.length - 4} more.)`);
  if (process.env['ZZL_BENCH_TRACES']) {
    const file = join(OUT, `${label.replace(/\W+/g, '-')}.trace.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: recording.events }));
    out.push(`Trace (open in DevTools → Performance): ${file}`);
  }
  return out.join('\n');
}

// ---- Main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  let raw: Buffer;
  try {
    raw = readFileSync(CONTENT_SCRIPT);
  } catch {
    throw new Error(`${CONTENT_SCRIPT} is missing: build the extension first (\`npx wxt build\`)`);
  }
  writePages();
  const server = await startStaticServer(OUT);
  const browsers: BenchBrowser[] = [];
  try {
    const withExt = await launchBenchBrowser(EXTENSION_DIR);
    browsers.push(withExt);
    const without = await launchBenchBrowser(null);
    browsers.push(without);

    // The first load with a fresh profile also waits for the background's first import of the
    // archive; one unmeasured load of each page in each browser puts both in the steady state.
    for (const p of PAGES) {
      for (const b of [without, withExt]) {
        const page = await b.context.newPage();
        await page.goto(server.url(p.file), { waitUntil: 'load', timeout: 60_000 });
        if (b.extension && p.watch) await page.waitForSelector(p.watch, { state: 'attached', timeout: 60_000 });
        await page.close();
      }
    }

    const runs = new Map<string, Run[]>();
    const take = (key: string) => runs.get(key) ?? (runs.set(key, []), runs.get(key)!);
    // Interleaved round by round, so that load from other processes falls on both columns alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const p of PAGES) {
        for (const b of [without, withExt]) {
          const url = server.url(p.file);
          // The same watch in both browsers, so that its polling costs both columns alike.
          const recording = await recordLoad(b, url, { windowMs: WINDOW_MS, ...(p.watch ? { watch: p.watch } : {}) });
          take(`${p.key}:${b.extension}`).push(toRun(recording, url));
        }
      }
    }
    const profiled = new Map<string, Recording>();
    for (const p of PAGES) {
      profiled.set(p.key, await recordLoad(withExt, server.url(p.file), { windowMs: WINDOW_MS, profile: true }));
    }

    const out: string[] = [];
    const kB = (n: number) => `${fmt(n / 1024, 1)} kB`;
    out.push(`Chromium, headless; each figure over the renderer main thread from the navigation's commit to ${fmt(WINDOW_MS)} ms after it; median (min–max) of ${ROUNDS} loads each.`);
    out.push(
      `Content script bundle (${EXTENSION_DIR}/content-scripts/content.js): ${kB(raw.length)} raw, ${kB(gzipSync(raw).length)} gzip (budget: 60 kB gzip).`,
    );
    for (const p of PAGES) {
      const size = statSync(join(OUT, p.file)).size;
      out.push('', `## ${p.label} (bench/out/page/${p.file}, ${kB(size)}, synthetic)`);
      out.push(sideBySide(runs.get(`${p.key}:false`)!, runs.get(`${p.key}:true`)!));
      out.push('Note: Chromium holds the load event until the document_idle content script has run, so the load event moves with the extension; the window starts at the commit for that reason.');
      out.push('', contentScriptTable(runs.get(`${p.key}:true`)!));
      out.push('', overBudgetList(runs.get(`${p.key}:true`)!));
      out.push('', attributionReport(p.label, profiled.get(p.key)!, server.url(p.file)));
    }
    out.push('', `Took ${fmt((performance.now() - started) / 1000, 0)} s.`);
    console.log(out.join('\n'));
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
}

await main();
