// `npm run bench:search`: the archive search on the seeds and on a synthetic archive 1,000× their
// size (bench/synthetic-archive.ts, marked synthetic), and at 100×, in one run. For each: index build time and
// size, and p50/p95 latency over a fixed query set, beside the baseline of a linear scan of all
// article text with String.prototype.includes, and beside MiniSearch and FlexSearch indexing the
// same articles by the same character bigrams. Asserts nothing.
//   ZZL_BENCH_FACTOR    scale of the synthetic archive (default 1000)
//   ZZL_BENCH_ROUNDS    timed rounds of the query set on the seeds (default 50; a tenth at scale)
//   ZZL_BENCH_FLEXSEARCH_AT_SCALE=0   skip FlexSearch at full scale
//   ZZL_BENCH_MINISEARCH_AT_SCALE=1   run MiniSearch at full scale too (minutes; at 100× it always runs)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { buildBundle } from '../src/archive';
import type { ArchiveBundle } from '../src/archive/types';
import { defaultSeedPaths } from '../src/cli/seed-paths';
import { buildSearchIndex, MemorySource, search, searchFolder, segmentToJson } from '../src/search';
import { bodyField, headlineField } from '../src/search/build-index';
import { gramsOf } from '../src/search/normalize';
import { computePinyinKeys } from '../src/search/pinyin-keys';
import type { PinyinKeys } from '../src/search/pinyin-table';
import { synthesizeArchive } from './synthetic-archive';

const FACTOR = Number(process.env.ZZL_BENCH_FACTOR ?? 1000);
const ROUNDS = Number(process.env.ZZL_BENCH_ROUNDS ?? 50);
const MID_FACTOR = 100;
const FLEX_AT_SCALE = process.env.ZZL_BENCH_FLEXSEARCH_AT_SCALE !== '0';
const MINI_AT_SCALE = process.env.ZZL_BENCH_MINISEARCH_AT_SCALE === '1';

/** The fixed query set: names, traditional, pinyin, two terms, figures, a headline, one keystroke, misses. */
const QUERIES: { query: string; kind: string }[] = [
  { query: '曹慧泉', kind: 'name' },
  { query: '醴陵', kind: 'name' },
  { query: '株洲', kind: 'name (very common)' },
  { query: '中车株洲所', kind: 'alias' },
  { query: '陳恢清', kind: 'traditional' },
  { query: '醴陵經開區', kind: 'traditional' },
  { query: 'chq', kind: 'pinyin initials' },
  { query: 'liling', kind: 'pinyin' },
  { query: 'caohuiquan', kind: 'pinyin' },
  { query: '醴陵 出口', kind: 'two terms' },
  { query: '株洲 项目 建设', kind: 'three terms' },
  { query: '专项债', kind: 'figure topic' },
  { query: '进出口总额', kind: 'figure metric' },
  { query: '告别与出发', kind: 'headline' },
  { query: '市', kind: 'one keystroke' },
  { query: '量子计算机', kind: 'miss' },
  { query: '陈恢青', kind: 'miss (near a name)' },
];

function seedsBundle(): ArchiveBundle {
  const { bundle, errors } = buildBundle(defaultSeedPaths().map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
  if (errors.length > 0) throw new Error(`seeds failed to parse: ${errors.map((e) => e.source).join(', ')}`);
  return bundle;
}

function quantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

async function latency(rounds: number, run: (query: string) => unknown): Promise<Latency> {
  const samples: number[] = [];
  for (let r = -2; r < rounds; r++) {
    for (const { query } of QUERIES) {
      const start = performance.now();
      await run(query);
      if (r >= 0) samples.push(performance.now() - start);
    }
  }
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples) };
}

/** The grams both libraries index by: the same bigrams (single characters of one-character runs) as ours. */
function bigramTokens(text: string): string[] {
  return gramsOf(searchFolder().fold(text)).grams;
}

/** Query text as every contender sees it: the same fold as the text (繁→简 per character, width, case). */
function foldQuery(query: string): string {
  return searchFolder().fold(query);
}

interface Row {
  archive: string;
  engine: string;
  buildMs: number | null;
  size: string;
  latency: Latency | null;
  note: string;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1e6, 1)} MB`;

function progress(what: string): void {
  process.stderr.write(`bench/search: ${what} (${fmt(performance.now() / 1000, 1)} s)\n`);
}

async function ours(name: string, bundle: ArchiveBundle, pinyin: PinyinKeys, rounds: number): Promise<Row[]> {
  progress(`ours on ${name}`);
  const start = performance.now();
  const segment = buildSearchIndex(bundle, pinyin);
  const buildMs = performance.now() - start;
  const source = new MemorySource(segment);
  const rawBytes = segment.postings.reduce((n, p) => n + p.key.length * 2 + p.bytes.length, 0);
  const json = JSON.stringify(segmentToJson({ ...segment, articles: [], entities: [], figures: [] }).postings);
  const gzStart = performance.now();
  const gz = gzipSync(json, { level: 6 }).length;
  const gzMs = performance.now() - gzStart;
  const docBytes = JSON.stringify(segment.entities).length + JSON.stringify(segment.figures).length;
  const records = 1 + segment.postings.length + segment.articles.length + segment.entities.length + segment.figures.length;
  const lat = await latency(rounds, (q) => search(source, q));
  return [
    {
      archive: name,
      engine: 'ours (bigram postings)',
      buildMs,
      size: `${fmt(records, 0)} records; postings ${mb(rawBytes)} raw, ${mb(json.length)} JSON, ${mb(gz)} gz (${fmt(gzMs, 0)} ms); entity+figure docs ${mb(docBytes)} JSON`,
      latency: lat,
      note: 'entities + articles + figures, checked, snippets, pinyin',
    },
  ];
}

function baseline(name: string, bundle: ArchiveBundle, rounds: number): Promise<Row> {
  progress(`includes scan on ${name}`);
  const texts = bundle.articles.map((a) => searchFolder().fold(headlineField(a) + '\n' + bodyField(a)));
  return latency(rounds, (q) => {
    const terms = foldQuery(q).split(/\s+/).filter((t) => t !== '');
    return texts.filter((t) => terms.every((term) => t.includes(term))).length;
  }).then((lat) => ({
    archive: name,
    engine: 'baseline: includes scan',
    buildMs: null,
    size: `${mb(texts.reduce((n, t) => n + t.length * 2, 0))} of text in memory`,
    latency: lat,
    note: 'articles only; exact by construction',
  }));
}

type ArticleRow = {
  id: string;
  headline: string;
  body: string;
};

function articleRows(bundle: ArchiveBundle): ArticleRow[] {
  return bundle.articles.map((a) => ({ id: a.id, headline: headlineField(a), body: bodyField(a) }));
}

async function minisearch(name: string, rows: ArticleRow[], rounds: number): Promise<Row> {
  progress(`MiniSearch on ${name}`);
  const start = performance.now();
  const index = new MiniSearch<ArticleRow>({
    fields: ['headline', 'body'],
    tokenize: bigramTokens,
    processTerm: (t) => t,
    searchOptions: { boost: { headline: 2 }, combineWith: 'AND', prefix: false, fuzzy: false },
  });
  index.addAll(rows);
  const buildMs = performance.now() - start;
  const size = JSON.stringify(index).length;
  const lat = await latency(rounds, (q) => index.search(foldQuery(q)).slice(0, 20));
  return { archive: name, engine: 'MiniSearch 7 (same bigrams)', buildMs, size: `${mb(size)} JSON`, latency: lat, note: 'articles only; candidates not checked' };
}

async function flexsearch(name: string, rows: ArticleRow[], rounds: number): Promise<Row> {
  progress(`FlexSearch on ${name}`);
  const start = performance.now();
  const index = new FlexSearch.Document<ArticleRow>({
    document: { id: 'id', index: ['headline', 'body'] },
    tokenize: 'strict',
    encode: bigramTokens,
  });
  for (const r of rows) index.add(r);
  const buildMs = performance.now() - start;
  let size = 0;
  let sizeText: string;
  try {
    await index.export((_key: string, data: string) => {
      size += data?.length ?? 0;
    });
    sizeText = `${mb(size)} export`;
  } catch (e) {
    // At 1,000× one exported part is a single JSON string past V8's limit (~512 MB).
    sizeText = `export failed (${e instanceof Error ? e.message : String(e)}) after ${mb(size)}`;
  }
  const lat = await latency(rounds, (q) => index.search(foldQuery(q), { limit: 20, merge: true }));
  return { archive: name, engine: 'FlexSearch 0.8 (same bigrams)', buildMs, size: sizeText, latency: lat, note: 'articles only; candidates not checked' };
}

function printTable(rows: Row[]): void {
  console.log('| archive | engine | index build ms | index size | p50 ms | p95 ms | max ms | covers |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const l = r.latency;
    console.log(
      `| ${r.archive} | ${r.engine} | ${r.buildMs === null ? '—' : fmt(r.buildMs, 0)} | ${r.size} | ${l ? fmt(l.p50, 2) : '—'} | ${l ? fmt(l.p95, 2) : '—'} | ${l ? fmt(l.max, 2) : '—'} | ${r.note} |`,
    );
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const seeds = seedsBundle();
  const pinyinStart = performance.now();
  const pinyin = computePinyinKeys(seeds.entities);
  const pinyinMs = performance.now() - pinyinStart;
  const rows: Row[] = [];
  const seedsName = `seeds (${seeds.articles.length} articles)`;
  rows.push(...(await ours(seedsName, seeds, pinyin, ROUNDS)));
  rows.push(await baseline(seedsName, seeds, ROUNDS));
  const seedRows = articleRows(seeds);
  rows.push(await minisearch(seedsName, seedRows, ROUNDS));
  rows.push(await flexsearch(seedsName, seedRows, ROUNDS));

  // A middle scale where every contender runs, MiniSearch included.
  const midFactor = Math.min(MID_FACTOR, FACTOR);
  const mid = synthesizeArchive(seeds, midFactor, 1);
  const midName = `synthetic ${midFactor}× (${mid.articles.length.toLocaleString('en-US')} articles)`;
  const midRounds = Math.max(3, Math.round(ROUNDS / 5));
  rows.push(...(await ours(midName, mid, pinyin, midRounds)));
  rows.push(await baseline(midName, mid, midRounds));
  const midRows = articleRows(mid);
  rows.push(await flexsearch(midName, midRows, midRounds));
  rows.push(await minisearch(midName, midRows, midRounds));

  const synthStart = performance.now();
  const big = synthesizeArchive(seeds, FACTOR, 1);
  const synthMs = performance.now() - synthStart;
  const bigName = `synthetic ${FACTOR}× (${big.articles.length.toLocaleString('en-US')} articles)`;
  const bigRounds = Math.max(3, Math.round(ROUNDS / 10));
  rows.push(...(await ours(bigName, big, pinyin, bigRounds)));
  rows.push(await baseline(bigName, big, bigRounds));
  const bigRows = articleRows(big);
  if (FLEX_AT_SCALE) rows.push(await flexsearch(bigName, bigRows, bigRounds));
  if (MINI_AT_SCALE) rows.push(await minisearch(bigName, bigRows, bigRounds));
  else {
    rows.push({
      archive: bigName,
      engine: 'MiniSearch 7 (same bigrams)',
      buildMs: null,
      size: '—',
      latency: null,
      note: `not run: its build alone would pass the bench's 3-minute budget (see ${midFactor}×); ZZL_BENCH_MINISEARCH_AT_SCALE=1 runs it`,
    });
  }

  const chars = big.articles.reduce((n, a) => n + headlineField(a).length + bodyField(a).length, 0);
  console.log(
    `bench/search: Node ${process.version}; ${QUERIES.length} queries × ${ROUNDS} rounds on the seeds, × ${midRounds} at ${midFactor}×, × ${bigRounds} at ${FACTOR}× (after 2 warm-up rounds); load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  );
  console.log(`queries: ${QUERIES.map((q) => `${q.query} (${q.kind})`).join(', ')}`);
  console.log(`pinyin keys of ${seeds.entities.length} entities: ${fmt(pinyinMs, 0)} ms (build time, Node only); synthetic archive: ${fmt(synthMs, 0)} ms, ${fmt(chars / 1e6, 1)} M characters of article text\n`);
  printTable(rows);
  console.log(`\ntotal ${fmt((performance.now() - t0) / 1000, 1)} s`);
}

await main();
