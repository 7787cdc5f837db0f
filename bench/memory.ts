// `npm run bench:memory`: what the extension costs in memory, in real Chromium (Debian's, headless)
// with the built extension loaded, each figure beside a baseline measured in the same run.
// 1. The page's renderer, on bench/page's ~1 MB Chinese news page and its same-size page without
//    Chinese (bench/page/news-pages.ts, served from 127.0.0.1), in Chromium with the extension and
//    in the same Chromium without it. Once the content script's work has settled (the launcher is
//    there and the highlight and launcher counts have stopped changing; the same wait, at least
//    ZZL_BENCH_SETTLE_MS after the load event, in both browsers): a forced GC
//    (HeapProfiler.collectGarbage), then Runtime.getHeapUsage and Memory.getDOMCounters. The heap
//    is the page's whole V8 isolate, content scripts' isolated world included, so the difference
//    between the columns is the extension's cost. Then one more load in each browser with a heap
//    snapshot (HeapProfiler.takeHeapSnapshot), summed by kind, to show what the difference is made of.
// 2. The extension's service worker (DevTools protocol, attached to its target): its heap after a
//    forced GC after install and the archive import, after a round of hover-card lookups, and as a
//    fresh worker after a stop and wake (ZZL_BENCH_ROUNDS times); beside an empty MV3 service worker
//    (a manifest and an empty script) in the same Chromium.
// 3. Storage: navigator.storage.estimate() for the extension's origin after install, and what its
//    IndexedDB holds (records and an estimate of their size, store by store), beside the archive
//    files the build ships.
// Env: ZZL_BENCH_ROUNDS (page loads per column and worker restarts, default 3), ZZL_BENCH_SETTLE_MS
// (least wait after the load event, default 2000), ZZL_BENCH_HOVERS (hover-card lookups per round,
// default 200). Medians (min–max). Asserts nothing.
//
// Needs the Chrome build in .output/chrome-mv3 (`npx wxt build`) and Debian's chromium.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { ArchiveBundle } from '../src/archive/types';
import { shippedBundle } from '../tests/e2e/harness/shipped-archive';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { pollUntil, REPO_ROOT } from '../tests/e2e/harness/types';
import { attachTo, browserSession, extensionBase, heapAfterGc, sendOn, workerTarget, type HeapUsage, type Targets } from './memory/cdp';
import { difference, snapshotGroups, type HeapGroup } from './memory/heap-snapshot';
import { BENCH_PAGES, chineseNewsPage, englishNewsPage, hoverIds } from './page/news-pages';
import { launchBenchBrowser, type BenchBrowser } from './page/record';

const ROUNDS = Number(process.env.ZZL_BENCH_ROUNDS ?? 3);
const SETTLE_MS = Number(process.env.ZZL_BENCH_SETTLE_MS ?? 2000);
const HOVERS = Number(process.env.ZZL_BENCH_HOVERS ?? 200);
const EXTENSION_DIR = '.output/chrome-mv3';
const BUILD = resolve(REPO_ROOT, EXTENSION_DIR);
const OUT = resolve(REPO_ROOT, 'bench/out/memory');
/** What the overlay asks per hover card (src/ui/overlay/overlay.tsx SUMMARY_LIMITS). */
const CARD_LIMITS = { articles: 3, figures: 3 };
/** The archive files the build ships (`npm run archive` writes them into public/). */
const SHIPPED_FILES = ['archive.json', 'archive-version.json', 'pinyin-keys.json'];
/** How long a page may take to settle before it is measured anyway (and marked). */
const SETTLE_LIMIT_MS = 60_000;

// ---- Formatting ---------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const MB = 1024 * 1024;
const mb = (bytes: number) => fmt(bytes / MB, 2);
const kB = (bytes: number) => `${fmt(bytes / 1024, 1)} kB`;
const signed = (text: string, n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±') + text.replace(/^-/, '');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** "median (min–max)" of some measurements, each shown through `show`. */
function spread(xs: number[], show: (n: number) => string): string {
  if (xs.length === 0) return '—';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return xs.length > 1 && show(lo) !== show(hi) ? `${show(median(xs))} (${show(lo)}–${show(hi)})` : show(median(xs));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

// ---- 1. The page's renderer ---------------------------------------------------------------------

interface PageFigures {
  heap: HeapUsage;
  documents: number;
  nodes: number;
  listeners: number;
  ranges: number;
  launcherCount: number | null;
  /** From the load event until the counts had settled, ms; null if they never did within the limit. */
  settledMs: number | null;
  /** The heap snapshot's groups, when asked for. */
  groups?: Map<string, HeapGroup>;
}

const PAGES = BENCH_PAGES;

/** Our highlight ranges and the launcher's count, read from the page (as bench/page/record.ts does). */
function pageState(page: Page): Promise<{ ranges: number; count: number | null }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    let ranges = 0;
    if (registry) for (const [name, h] of registry) if (name.startsWith('zzl-') && name !== 'zzl-active') ranges += h.size;
    const count = document.querySelector('[data-zzl="launcher"]')?.shadowRoot?.querySelector('[data-count]')?.getAttribute('data-count');
    return { ranges, count: count === undefined || count === null ? null : Number(count) };
  });
}

async function measureLoad(b: BenchBrowser, url: string, watch: string | undefined, snapshot = false): Promise<PageFigures> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loaded = performance.now();
    if (b.extension && watch) await page.waitForSelector(watch, { state: 'attached', timeout: 60_000 });
    // Time-sliced work goes on after the launcher shows: wait until two polls in a row change nothing.
    let state = await pageState(page);
    let unchanged = 0;
    let settledMs: number | null = null;
    for (;;) {
      await page.waitForTimeout(500);
      const next = await pageState(page);
      unchanged = next.ranges === state.ranges && next.count === state.count ? unchanged + 1 : 0;
      state = next;
      const elapsed = performance.now() - loaded;
      if (unchanged >= 2 && elapsed >= SETTLE_MS) {
        settledMs = elapsed;
        break;
      }
      if (elapsed > SETTLE_LIMIT_MS) break;
    }
    const send = sendOn(cdp);
    const heap = await heapAfterGc(send);
    const dom = await send<{ documents: number; nodes: number; jsEventListeners: number }>('Memory.getDOMCounters');
    const groups = snapshot ? await snapshotGroups(cdp) : undefined;
    await cdp.detach();
    return {
      heap,
      documents: dom.documents,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
      ranges: state.ranges,
      launcherCount: state.count,
      settledMs,
      ...(groups ? { groups } : {}),
    };
  } finally {
    await page.close();
  }
}

function rendererTable(without: PageFigures[], withExt: PageFigures[]): string {
  const rows: [string, (f: PageFigures) => number, (n: number) => string][] = [
    ['JS heap used (V8, both worlds), MB', (f) => f.heap.usedSize, mb],
    ['JS heap allocated, MB', (f) => f.heap.totalSize, mb],
    ['Blink heap used (DOM objects), MB', (f) => f.heap.embedderHeapUsedSize ?? 0, mb],
    ['ArrayBuffer backing stores, MB', (f) => f.heap.backingStorageSize ?? 0, mb],
    ['DOM nodes', (f) => f.nodes, (n) => fmt(n)],
    ['documents', (f) => f.documents, (n) => fmt(n)],
    ['JS event listeners', (f) => f.listeners, (n) => fmt(n)],
  ];
  return table(
    ['renderer after a forced GC', 'without extension', 'with extension', 'difference'],
    rows.map(([label, pick, show]) => {
      const a = without.map(pick);
      const b = withExt.map(pick);
      const d = median(b) - median(a);
      return [label, spread(a, show), spread(b, show), signed(show(d), d)];
    }),
  );
}

/** What the extension adds to the page's heap, by kind, from one snapshot in each browser. */
function attributionTable(without: Map<string, HeapGroup>, withExt: Map<string, HeapGroup>, rows = 15): string {
  const diff = difference(without, withExt);
  const total = diff.reduce((sum, d) => sum + d.bytes, 0);
  const shown = diff.slice(0, rows);
  const rest = diff.slice(rows).reduce((sum, d) => sum + d.bytes, 0);
  return table(
    ['heap snapshot, with − without extension (self sizes)', 'kB', 'objects'],
    [
      ...shown.map((d) => [d.key, signed(fmt(d.bytes / 1024, 1), d.bytes), signed(fmt(d.count), d.count)]),
      ['everything else', signed(fmt(rest / 1024, 1), rest), ''],
      ['all', signed(fmt(total / 1024, 1), total), ''],
    ],
  );
}

// ---- 2. The service worker ----------------------------------------------------------------------

type Reply = { ok: boolean; value?: unknown; error?: { kind: string; message: string } };

/** Sends `message` from an extension page as the popup does, retrying while a stopped worker starts again. */
async function ask(page: Page, message: Record<string, unknown>): Promise<unknown> {
  const reply = (await page.evaluate(async (m) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.sendMessage(m);
      } catch (e) {
        if (attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, message)) as Reply;
  if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error?.kind}: ${reply.error?.message}`);
  return reply.value;
}

/** One hover card per id, one after another, as a reader moving over names would ask: the count answered. */
function hoverRound(page: Page, ids: string[]): Promise<number> {
  return page.evaluate(
    async ([list, limits]) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      let answered = 0;
      for (const id of list) {
        const reply = (await api.sendMessage({ type: 'entity-summaries', entityIds: [id], ...limits })) as { ok: boolean; value?: unknown[] };
        if (reply.ok && reply.value?.length === 1) answered++;
      }
      return answered;
    },
    [ids, CARD_LIMITS] as const,
  );
}


interface WorkerFigures {
  afterImport: HeapUsage;
  /** The highest V8 heap used seen while the import ran (no GC), sampled every 50 ms from attachment. */
  importPeakUsed: number;
  importSamples: number;
  /** ensure-archive's reply did not come from the import: it had finished before the page asked, perhaps before the first sample. */
  importFinishedBeforeAsk: boolean;
  afterHovers: HeapUsage;
  hoversAnswered: number;
  restarts: { fresh: HeapUsage; afterHovers: HeapUsage; answered: number }[];
}

/** The worker as installed (import included), after a hover round, then fresh after each stop and wake. */
async function workerFigures(b: BenchBrowser, popup: Page, ids: string[]): Promise<WorkerFigures> {
  const base = extensionBase(b);
  const cdp = await browserSession(b);
  try {
    let worker = await attachTo(cdp, await workerTarget(cdp, base));
    let importing = true;
    let importPeakUsed = 0;
    let importSamples = 0;
    const sampler = (async () => {
      while (importing) {
        const heap = await worker.send<HeapUsage>('Runtime.getHeapUsage');
        importPeakUsed = Math.max(importPeakUsed, heap.usedSize);
        importSamples++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    let ready: { imported?: unknown };
    try {
      await popup.goto(new URL('popup.html', base).href, { waitUntil: 'load' });
      ready = (await ask(popup, { type: 'ensure-archive' })) as { imported?: unknown };
    } finally {
      importing = false;
      await sampler;
    }
    const afterImport = await heapAfterGc(worker.send);
    const hoversAnswered = await hoverRound(popup, ids);
    const afterHovers = await heapAfterGc(worker.send);

    const restarts: WorkerFigures['restarts'] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const target = await workerTarget(cdp, base);
      await worker.detach();
      // What the e2e harness does to stop the worker (Chrome then treats it as stopped).
      await cdp.send('Target.closeTarget', { targetId: target });
      await pollUntil('the service worker to stop', async () => !((await cdp.send('Target.getTargets')) as Targets).targetInfos.some((t) => t.targetId === target), 10_000);
      // Woken as most wake-ups happen: a tab's content script asking for the compiled names.
      await ask(popup, { type: 'compiled-names' });
      worker = await attachTo(cdp, await workerTarget(cdp, base));
      const fresh = await heapAfterGc(worker.send);
      const answered = await hoverRound(popup, ids);
      restarts.push({ fresh, afterHovers: await heapAfterGc(worker.send), answered });
    }
    await worker.detach();
    return {
      afterImport,
      importPeakUsed,
      importSamples,
      importFinishedBeforeAsk: ready.imported === undefined,
      afterHovers,
      hoversAnswered,
      restarts,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** An MV3 extension of a manifest and an empty service worker, in the same Chromium: the floor. */
async function emptyWorkerHeap(): Promise<HeapUsage> {
  const dir = await mkdtemp(join(tmpdir(), 'zzl-bench-empty-ext-'));
  let b: BenchBrowser | null = null;
  try {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'background.js' } }));
    await writeFile(join(dir, 'background.js'), '// An empty service worker: the baseline of bench/memory.\n');
    b = await launchBenchBrowser(dir);
    const cdp = await browserSession(b);
    try {
      const worker = await attachTo(cdp, await workerTarget(cdp, extensionBase(b)));
      const heap = await heapAfterGc(worker.send);
      await worker.detach();
      return heap;
    } finally {
      await cdp.detach().catch(() => {});
    }
  } finally {
    await b?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function workerTable(empty: HeapUsage, w: WorkerFigures, hovers: number): string {
  const row = (label: string, hs: HeapUsage[]) => [
    label,
    spread(hs.map((h) => h.usedSize), mb),
    spread(hs.map((h) => h.totalSize), mb),
    spread(hs.map((h) => h.embedderHeapUsedSize ?? 0), mb),
    spread(hs.map((h) => h.usedSize - empty.usedSize), (n) => signed(mb(n), n)),
  ];
  const rounds = w.restarts.length;
  return table(
    ['service worker, after a forced GC', 'JS heap used, MB', 'JS heap allocated, MB', 'Blink heap used, MB', 'used beyond the empty worker, MB'],
    [
      row('baseline: an empty MV3 service worker', [empty]),
      row('installed, archive imported (ensure-archive answered)', [w.afterImport]),
      row(`  then ${hovers} hover-card lookups (entity-summaries, one id each)`, [w.afterHovers]),
      row(`fresh after a stop and wake (compiled-names answered), ${rounds}×`, w.restarts.map((r) => r.fresh)),
      row(`  then ${hovers} hover-card lookups, ${rounds}×`, w.restarts.map((r) => r.afterHovers)),
    ],
  );
}

// ---- 3. Storage ---------------------------------------------------------------------------------

interface StoreFigures {
  name: string;
  records: number;
  /** Keys and values: strings as UTF-8, numbers 8 bytes, booleans and null 1, binary at its length. */
  bytes: number;
}

interface StorageFigures {
  usage: number;
  quota: number;
  /** Chrome's breakdown (indexedDB, serviceWorkerRegistrations …), where it gives one. */
  details: Record<string, number>;
  stores: StoreFigures[];
}

/** From an extension page: the origin's storage estimate, and the database read store by store (no product code). */
function storageFigures(page: Page): Promise<StorageFigures> {
  return page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('zhuzhou-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const encoder = new TextEncoder();
    const stores: { name: string; records: number; bytes: number }[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const figures = { name, records: 0, bytes: 0 };
      await new Promise<void>((resolve, reject) => {
        const cursor = db.transaction(name).objectStore(name).openCursor();
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve();
          figures.records++;
          // No named helper: tsx would wrap it in a function the page lacks. An explicit stack instead.
          const stack: unknown[] = [c.primaryKey, c.value];
          while (stack.length > 0) {
            const v = stack.pop();
            if (typeof v === 'string') figures.bytes += encoder.encode(v).length;
            else if (typeof v === 'number') figures.bytes += 8;
            else if (typeof v === 'boolean' || v === null || v === undefined) figures.bytes += 1;
            else if (v instanceof ArrayBuffer) figures.bytes += v.byteLength;
            else if (ArrayBuffer.isView(v)) figures.bytes += v.byteLength;
            else if (Array.isArray(v)) stack.push(...(v as unknown[]));
            else if (typeof v === 'object') {
              for (const [k, x] of Object.entries(v)) {
                figures.bytes += encoder.encode(k).length;
                stack.push(x);
              }
            }
          }
          c.continue();
        };
      });
      stores.push(figures);
    }
    db.close();
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, details: estimate.usageDetails ?? {}, stores };
  });
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return total;
}

function storageReport(s: StorageFigures): string {
  const shipped = SHIPPED_FILES.map((name) => {
    const raw = readFileSync(join(BUILD, name));
    return { name, raw: raw.length, gzip: gzipSync(raw).length };
  });
  const shippedRaw = shipped.reduce((sum, f) => sum + f.raw, 0);
  const shippedGzip = shipped.reduce((sum, f) => sum + f.gzip, 0);
  const idb = s.details['indexedDB'];
  const out = [
    table(
      ['on disk', 'size', 'beside the shipped archive files'],
      [
        ...shipped.map((f) => [`shipped: ${EXTENSION_DIR}/${f.name}`, kB(f.raw), `${kB(f.gzip)} gzip`]),
        ['shipped archive files, together (baseline)', kB(shippedRaw), `${kB(shippedGzip)} gzip`],
        [`the whole unpacked build (${EXTENSION_DIR})`, kB(dirSize(BUILD)), `${fmt(dirSize(BUILD) / shippedRaw, 2)}×`],
        ['navigator.storage.estimate().usage (extension origin, after install)', kB(s.usage), `${fmt(s.usage / shippedRaw, 2)}×`],
        ...Object.entries(s.details).map(([k, v]) => [`  of it ${k}`, kB(v), `${fmt(v / shippedRaw, 2)}×`]),
      ],
    ),
  ];
  const total = s.stores.reduce((sum, st) => sum + st.bytes, 0);
  out.push(
    '',
    table(
      ['IndexedDB "zhuzhou-lens", store', 'records', 'keys + values, estimated', 'share'],
      [
        ...s.stores.map((st) => [st.name, fmt(st.records), kB(st.bytes), `${fmt((st.bytes / total) * 100, 1)} %`]),
        ['all stores (indexes not counted)', fmt(s.stores.reduce((sum, st) => sum + st.records, 0)), kB(total), '100.0 %'],
      ],
    ),
    `Estimated sizes count strings as UTF-8, numbers as 8 bytes, binary at its length; Chromium's on-disk figure${idb === undefined ? '' : ` (${kB(idb)})`} adds the indexes and the database engine's own overhead (journal, free space, data not yet compacted).`,
  );
  return out.join('\n');
}

// ---- Main ---------------------------------------------------------------------------------------

function writePages(): void {
  const file = resolve(REPO_ROOT, 'public/archive.json');
  let bundle: ArchiveBundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as ArchiveBundle;
  } catch {
    throw new Error(`${file} is missing: run \`npm run archive\` (or the build) first`);
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'news-zh.html'), chineseNewsPage(bundle));
  writeFileSync(join(OUT, 'news-en.html'), englishNewsPage(bundle));
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`No extension build at ${BUILD}: run \`npx wxt build\` first.`);
  writePages();
  const ids = hoverIds(shippedBundle(BUILD), HOVERS);
  const server = await startStaticServer(OUT);
  const browsers: BenchBrowser[] = [];
  try {
    console.error('bench/memory: an empty MV3 service worker (the baseline)…');
    const empty = await emptyWorkerHeap();

    console.error('bench/memory: the extension installed: its service worker and storage…');
    const withExt = await launchBenchBrowser(EXTENSION_DIR);
    browsers.push(withExt);
    const popup = await withExt.context.newPage();
    const worker = await workerFigures(withExt, popup, ids);
    const storage = await storageFigures(popup);
    await popup.close();

    console.error('bench/memory: page loads with and without the extension…');
    const without = await launchBenchBrowser(null);
    browsers.push(without);
    // One unmeasured load of each page in each browser first, as bench/page does (code caches, the
    // worker's compiled names).
    for (const p of PAGES) for (const b of [without, withExt]) await measureLoad(b, server.url(p.file), p.watch);
    const runs = new Map<string, PageFigures[]>();
    // Interleaved round by round, so that load from other processes falls on both columns alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const p of PAGES) {
        for (const b of [without, withExt]) {
          const key = `${p.key}:${b.extension}`;
          runs.set(key, [...(runs.get(key) ?? []), await measureLoad(b, server.url(p.file), p.watch)]);
        }
      }
    }
    console.error('bench/memory: heap snapshots…');
    const snapshots = new Map<string, Map<string, HeapGroup>>();
    for (const p of PAGES) {
      for (const b of [without, withExt]) snapshots.set(`${p.key}:${b.extension}`, (await measureLoad(b, server.url(p.file), p.watch, true)).groups!);
    }

    const out: string[] = [];
    out.push(`Chromium, headless; medians (min–max) of ${ROUNDS} loads or restarts; MB = 2^20 bytes.`);
    for (const p of PAGES) {
      const size = statSync(join(OUT, p.file)).size;
      const withRuns = runs.get(`${p.key}:true`)!;
      const withoutRuns = runs.get(`${p.key}:false`)!;
      out.push('', `## The page's renderer: ${p.label} (bench/out/memory/${p.file}, ${kB(size)}, synthetic)`);
      out.push(rendererTable(withoutRuns, withRuns));
      const settled = (rs: PageFigures[]) => rs.flatMap((r) => (r.settledMs === null ? [] : [r.settledMs]));
      const unsettled = [...withRuns, ...withoutRuns].filter((r) => r.settledMs === null).length;
      out.push(
        `With the extension: ${spread(withRuns.map((r) => r.ranges), (n) => fmt(n))} highlighted ranges, launcher count ${spread(
          withRuns.flatMap((r) => (r.launcherCount === null ? [] : [r.launcherCount])),
          (n) => fmt(n),
        )}; measured ${spread(settled(withRuns), (n) => fmt(n))} ms after the load event (without: ${spread(settled(withoutRuns), (n) => fmt(n))} ms)` +
          (unsettled > 0 ? `; ${unsettled} loads had not settled after ${fmt(SETTLE_LIMIT_MS / 1000)} s and were measured anyway.` : '.'),
      );
      out.push('', `Where the difference lies (one more load in each browser, a heap snapshot after the same GC; "native" are Blink's objects, which the snapshot shows beside V8's):`);
      out.push(attributionTable(snapshots.get(`${p.key}:false`)!, snapshots.get(`${p.key}:true`)!));
    }
    out.push('', `## The extension's service worker (${ids.length} hover-card ids: the shipped archive's entities, most mentioned first)`);
    out.push(workerTable(empty, worker, ids.length));
    const answered = [worker.hoversAnswered, ...worker.restarts.map((r) => r.answered)];
    out.push(
      `Hover cards answered with a summary: ${answered.map((n) => fmt(n)).join(', ')} of ${ids.length} per round. ` +
        (worker.importFinishedBeforeAsk
          ? `The import had finished before the extension page asked, perhaps before the first sample: the highest JS heap used sampled until ensure-archive answered (no GC, every 50 ms) was ${mb(worker.importPeakUsed)} MB, ${worker.importSamples} samples.`
          : `Highest JS heap used sampled during the import (no GC, every 50 ms from attachment, so a lower bound): ${mb(worker.importPeakUsed)} MB, ${worker.importSamples} samples.`),
    );
    out.push('', '## Storage (the extension origin, after install)');
    out.push(storageReport(storage));
    out.push('', `Took ${fmt((performance.now() - started) / 1000)} s.`);
    console.log(out.join('\n'));
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
