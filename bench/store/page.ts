// Runs inside a Chromium page served from 127.0.0.1 (bench/store.ts builds and serves it): the
// store's real import and lookups against Chromium's real IndexedDB, beside the floor of writing
// the same records with plain IndexedDB puts in one transaction each, without chunking or progress.
import { validateBundle } from '../../src/ui/archive-source';
import { importBundle } from '../../src/store/import';
import { openArchiveDb } from '../../src/store/open';
import { entitySlice } from '../../src/store/slices';
import { entitySummaries } from '../../src/store/entity-summaries';
import { countRecords, exportBundle } from '../../src/store/queries';
import { ensureSearchSegments, searchSources } from '../../src/store/search-segments';
import { search } from '../../src/search';
import { indexEntities } from '../../src/archive/entity-profile';
import { summarizeProfile } from '../../src/archive/entity-summary';
import type { ArchiveBundle } from '../../src/archive/types';
import { DATA_STORES } from '../../src/store/schema';
import { synthesizeArchive } from '../synthetic-archive';

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error(`delete ${name} blocked`));
  });
}

async function fetchBundle(url: string): Promise<ArchiveBundle> {
  const text = await (await fetch(url)).text();
  return validateBundle(JSON.parse(text));
}

/** The floor: each store's records in one plain transaction, no generations, no progress. */
async function plainPuts(bundle: ArchiveBundle): Promise<number> {
  const name = 'bench-floor';
  await deleteDb(name);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const s of DATA_STORES) r.result.createObjectStore(s, { autoIncrement: true });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const start = performance.now();
  for (const s of DATA_STORES) {
    const tx = db.transaction(s, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(s);
    for (const record of bundle[s] as unknown[]) store.put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  db.close();
  await deleteDb(name);
  return ms;
}

export interface ImportFigures {
  articles: number;
  records: number;
  floorMs: number;
  importMs: number;
  chunks: number;
}

/**
 * `factor` 1 imports the seeds as fetched; a larger factor makes the synthetic archive here in the
 * page (bench/synthetic-archive.ts), since a renderer cannot hold a 300 MB JSON text beside the
 * objects parsed from it.
 */
async function importBench(url: string, chunkSize: number, factor = 1): Promise<ImportFigures> {
  const seeds = await fetchBundle(url);
  const bundle = factor === 1 ? seeds : synthesizeArchive(seeds, factor, 1);
  const floorMs = await plainPuts(bundle);
  await deleteDb('bench-store');
  const db = await openArchiveDb({ name: 'bench-store' });
  const start = performance.now();
  const result = await importBundle(db, bundle, { source: 'bundled', chunkSize });
  const importMs = performance.now() - start;
  if (!result.ok) throw new Error(`import failed: ${result.error.kind}: ${result.error.message}`);
  const counts = await countRecords(db);
  db.close();
  const records = Object.values(counts).reduce((n, c) => n + c, 0);
  return { articles: counts.articles, records, floorMs, importMs, chunks: result.value.chunksWritten };
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

export interface LookupFigures {
  entities: number;
  /** The background's path since schema v4: entitySummaries over the recency indexes and stats. */
  fast: Latency;
  /** The baseline: the entity's whole slice → its profile → the summary. */
  slice: Latency;
  /** Entities whose two summaries differ (JSON), and those the fast path answered from the slice. */
  mismatches: number;
  fellBack: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const latency = (times: number[]): Latency => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? NaN };
};

/**
 * What the background does for one hover card, both ways: the fast path for every id first (so it
 * meets the colder cache), then the slice path; the answers are compared.
 */
async function lookupBench(entityIds: string[]): Promise<LookupFigures> {
  const db = await openArchiveDb({ name: 'bench-store' });
  const limits = { articles: 3, figures: 3 };
  const fastTimes: number[] = [];
  const fast = new Map<string, string>();
  let fellBack = 0;
  for (const id of entityIds) {
    const start = performance.now();
    const [summary] = await entitySummaries(db, [id], limits, { fellBack: () => fellBack++ });
    fastTimes.push(performance.now() - start);
    fast.set(id, JSON.stringify(summary ?? null));
  }
  const sliceTimes: number[] = [];
  let mismatches = 0;
  for (const id of entityIds) {
    const start = performance.now();
    const slice = await entitySlice(db, id);
    const profile = slice && indexEntities(slice).profile(id);
    const summary = profile ? summarizeProfile(profile, limits) : null;
    sliceTimes.push(performance.now() - start);
    if (JSON.stringify(summary) !== fast.get(id)) mismatches++;
  }
  db.close();
  return { entities: entityIds.length, fast: latency(fastTimes), slice: latency(sliceTimes), mismatches, fellBack };
}

export interface SearchFigures {
  queries: number;
  buildMs: number;
  p50: number;
  p95: number;
  scanP50: number;
  scanP95: number;
}

/**
 * The popup's search path on the imported archive: the search segments built from the store, then
 * each query over the IndexedDB-backed sources, beside a String.includes scan of every article's
 * text held in memory (the baseline: exact, and what a popup without an index would do).
 */
async function searchBench(queries: string[], rounds: number): Promise<SearchFigures> {
  const db = await openArchiveDb({ name: 'bench-store' });
  let start = performance.now();
  await ensureSearchSegments(db);
  const buildMs = performance.now() - start;
  const sources = await searchSources(db);
  const texts = (await exportBundle(db)).articles.map((a) => [a.headline ?? '', ...a.paragraphs].join('\n'));
  const ours: number[] = [];
  const scan: number[] = [];
  for (let round = 0; round < rounds + 1; round++) {
    for (const q of queries) {
      start = performance.now();
      await search(sources, q);
      const t = performance.now() - start;
      start = performance.now();
      const terms = q.split(/\s+/);
      let found = 0;
      for (const text of texts) if (terms.every((term) => text.includes(term))) found++;
      const s = performance.now() - start;
      if (found < 0) throw new Error('unreachable');
      if (round > 0) {
        ours.push(t);
        scan.push(s);
      }
    }
  }
  db.close();
  ours.sort((a, b) => a - b);
  scan.sort((a, b) => a - b);
  return { queries: queries.length, buildMs, p50: quantile(ours, 0.5), p95: quantile(ours, 0.95), scanP50: quantile(scan, 0.5), scanP95: quantile(scan, 0.95) };
}

Object.assign(window, { zzlBench: { importBench, lookupBench, searchBench } });
