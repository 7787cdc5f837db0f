// `npm run bench:store`: the archive store in real Chromium. Prints, in one run:
// - import throughput (articles and records per second) of the seeds and of the synthetic archive
//   1,000× their size (bench/synthetic-archive.ts, marked synthetic), beside the floor of writing
//   the same records with plain IndexedDB puts (no generations, no chunks, no progress);
// - the latency of what a hover card needs on both archives: the background's path since schema v4
//   (store/entity-summaries.ts: recency indexes and per-entity stats) beside the baseline it
//   replaced (the entity's whole slice → profile → summary), and whether the two answers agree;
// - through the installed extension: the hover card's real round trip (content-script message →
//   background → IndexedDB → reply) beside the messaging floor (a message rejected on arrival).
// Asserts nothing. ZZL_BENCH_FACTOR changes the scale (default 1000).
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { ArchiveBundle } from '../src/archive/types';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { REPO_ROOT } from '../tests/e2e/harness/types';
import type { ImportFigures, LookupFigures, SearchFigures } from './store/page';
import { hoverIds } from './page/news-pages';

const FACTOR = Number(process.env.ZZL_BENCH_FACTOR ?? 1000);
/** The query set of bench/search, typed into the popup's search. */
const SEARCH_QUERIES = ['曹慧泉', '醴陵', '株洲', '中车株洲所', '陳恢清', '醴陵經開區', 'chq', 'liling', 'caohuiquan', '醴陵 出口', '株洲 项目 建设', '专项债', '进出口总额', '告别与出发', '市', '量子计算机'];
const OUT = resolve(REPO_ROOT, 'bench/out/store');

function seedsBundle(): ArchiveBundle {
  const file = resolve(REPO_ROOT, 'public/archive.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ArchiveBundle;
  } catch {
    throw new Error(`${file} is missing: run \`npm run archive\` (or the build) first`);
  }
}


async function buildPage(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: resolve(REPO_ROOT, 'bench/store/page.ts'), formats: ['es'], fileName: () => 'page.js' },
    },
  });
  copyFileSync(resolve(REPO_ROOT, 'bench/store/index.html'), join(OUT, 'index.html'));
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function importRow(label: string, f: ImportFigures): string[] {
  const perSec = (n: number, ms: number) => fmt((n / ms) * 1000);
  return [
    label,
    fmt(f.articles),
    fmt(f.records),
    `${fmt(f.floorMs)} ms (${perSec(f.records, f.floorMs)} rec/s)`,
    `${fmt(f.importMs)} ms (${perSec(f.articles, f.importMs)} art/s, ${perSec(f.records, f.importMs)} rec/s, ${f.chunks} chunks)`,
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const seeds = seedsBundle();
  await buildPage();
  writeFileSync(join(OUT, 'seeds.json'), JSON.stringify(seeds));
  const ids = hoverIds(seeds, 200);

  const server = await startStaticServer(OUT);
  const browser = await launchChromium();
  try {
    const page = await browser.openUrl(server.url('index.html'));
    await page.waitFor('html');
    const ready = () => page.evaluate(() => 'zzlBench' in window, null);
    for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
    type Bench = { searchBench(queries: string[], rounds: number): Promise<SearchFigures>; importBench(url: string, chunk: number, factor?: number): Promise<ImportFigures>; lookupBench(ids: string[]): Promise<LookupFigures> };
    const run = <R, A>(fn: (arg: A) => Promise<R>, arg: A) => page.evaluate(fn, arg);
    const importIn = (url: string, factor: number) =>
      run(([u, f]: [string, number]) => (window as unknown as { zzlBench: Bench }).zzlBench.importBench(u, 250, f), [url, factor] as [string, number]);
    const lookupIn = (list: string[]) => run((l: string[]) => (window as unknown as { zzlBench: Bench }).zzlBench.lookupBench(l), list);

    const seedImport = await importIn(server.url('seeds.json'), 1);
    const seedLookup = await lookupIn(ids);
    const searchIn = () => run((q: string[]) => (window as unknown as { zzlBench: Bench }).zzlBench.searchBench(q, 5), SEARCH_QUERIES);
    const seedSearch = await searchIn();
    console.error(`bench/store: making the synthetic ${FACTOR}× archive in the page and importing it into Chromium's IndexedDB…`);
    const bigImport = await importIn(server.url('seeds.json'), FACTOR);
    // The copies share the seeds. entities (bench/synthetic-archive.ts): the same ids, 1,000× the articles.
    const bigLookup = await lookupIn(ids);
    console.error(`bench/store: building the search index of the ${FACTOR}× archive in the page…`);
    const bigSearch = await searchIn();

    // The real path of a hover card, through the extension installed with the seeds.
    const ext = await browser.openExtensionPage('popup.html');
    // No named inner functions: tsx (esbuild keepNames) would wrap them in a helper the page lacks.
    const timings = await ext.evaluate(async (list: string[]) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      await api.sendMessage({ type: 'ensure-archive' });
      // The floor: a message the background rejects on arrival (an empty id), so messaging alone.
      const floor: number[] = [];
      const card: number[] = [];
      for (const id of list) {
        let start = performance.now();
        await api.sendMessage({ type: 'entity', entityId: '' });
        floor.push(performance.now() - start);
        start = performance.now();
        await api.sendMessage({ type: 'entity-summaries', entityIds: [id], articles: 3, figures: 3 });
        card.push(performance.now() - start);
      }
      return { floor, card };
    }, ids);
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    const roundTrips = { floor: [q(timings.floor, 0.5), q(timings.floor, 0.95)], card: [q(timings.card, 0.5), q(timings.card, 0.95)] };

    console.log(`\nbench/store — Chromium ${FACTOR}× synthetic archive (marked synthetic), chunk size 250\n`);
    console.log(
      table(
        ['archive', 'articles', 'records', 'floor: plain puts', 'store import (generations, chunks, progress)'],
        [importRow('seeds', seedImport), importRow(`synthetic ${FACTOR}×`, bigImport)],
      ),
    );
    console.log('');
    const lookupRows = (label: string, f: LookupFigures): string[][] => [
      [`${label}: entitySummaries (v4 indexes + stats)`, String(f.entities), fmt(f.fast.p50, 2), fmt(f.fast.p95, 2), fmt(f.fast.max, 2), `${f.mismatches} differ, ${f.fellBack} fell back`],
      [`${label}: baseline slice → profile → summary`, String(f.entities), fmt(f.slice.p50, 2), fmt(f.slice.p95, 2), fmt(f.slice.max, 2), ''],
    ];
    console.log(
      table(
        ['hover-card data (articles 3, figures 3)', 'entities', 'p50 ms', 'p95 ms', 'max ms', 'same answer'],
        [...lookupRows('seeds', seedLookup), ...lookupRows(`synthetic ${FACTOR}×`, bigLookup)],
      ),
    );
    console.log('');
    console.log(
      table(
        ['popup search over IndexedDB segments', 'queries', 'index build', 'p50 ms', 'p95 ms', 'baseline: includes scan p50 / p95 ms'],
        [
          ['seeds', String(seedSearch.queries), `${fmt(seedSearch.buildMs)} ms`, fmt(seedSearch.p50, 2), fmt(seedSearch.p95, 2), `${fmt(seedSearch.scanP50, 2)} / ${fmt(seedSearch.scanP95, 2)}`],
          [`synthetic ${FACTOR}×`, String(bigSearch.queries), `${fmt(bigSearch.buildMs)} ms`, fmt(bigSearch.p50, 2), fmt(bigSearch.p95, 2), `${fmt(bigSearch.scanP50, 2)} / ${fmt(bigSearch.scanP95, 2)}`],
        ],
      ),
    );
    console.log('');
    console.log(
      table(
        ['extension round trip (seeds)', 'p50 ms', 'p95 ms'],
        [
          ['floor: a message rejected on arrival (messaging alone)', fmt(roundTrips.floor[0]!, 2), fmt(roundTrips.floor[1]!, 2)],
          ['entity-summaries for one hover card', fmt(roundTrips.card[0]!, 2), fmt(roundTrips.card[1]!, 2)],
        ],
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
