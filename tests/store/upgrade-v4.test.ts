// A database written by schema v3 — its stores made by the released steps 1–3, its records written
// here by hand as v3 wrote them (no stats, recency or withMetric) — opened by the current code:
// every record kept, and stamped exactly as a v4 import stamps them; an import cut off under v3
// starts again; and a backfill that fails leaves the v3 database as it was.
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { entitySummaries } from '../../src/store/entity-summaries';
import { bundleHash, issueTextHash } from '../../src/store/hash';
import { importBundle } from '../../src/store/import';
import { openArchiveDb, type ArchiveDb } from '../../src/store/open';
import { exportBundle } from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { DATA_STORES, DB_NAME, SCHEMA_VERSION } from '../../src/store/schema';
import { StoreFailure } from '../../src/store/errors';
import { entitySlice } from '../../src/store/slices';
import { indexEntities } from '../../src/archive/entity-profile';
import { summarizeProfile } from '../../src/archive/entity-summary';
import { countsOf, freshIndexedDb, rawCounts, seedBundle, seedFiles, value } from './support';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const keep = <T extends { close(): void }>(db: T): T => (opened.push(db), db);

const files = seedFiles();
const archive = () => seedBundle(files.slice(0, 4));
const userIssue = () => seedBundle([files[4]!]);
const userOwner = () => `1:${userIssue().issues[0]!.id}`;
const V3_STORES = ['issues', 'articles', 'entities', 'mentions', 'figures'] as const;

/** Writes records the way v3 stored them: stamped with gen, owner and seq; issues with their text hash, entities with their names. */
async function writeV3Records(db: IDBPDatabase, bundle: ArchiveBundle, gen: number | 'user', owner: string, stores: readonly (typeof V3_STORES)[number][] = V3_STORES): Promise<void> {
  const tx = db.transaction([...stores], 'readwrite');
  const stamp = (seq: number) => ({ gen, owner, seq });
  const pending: Promise<unknown>[] = [];
  const put = (store: (typeof V3_STORES)[number], value: unknown) => pending.push(tx.objectStore(store).put(value));
  for (const store of stores) {
    bundle[store].forEach((r: object, seq: number) => {
      if (store === 'issues') put(store, { ...r, ...stamp(seq), textHash: issueTextHash(bundle.articles.filter((a) => a.issueId === (r as { id: string }).id)) });
      else if (store === 'entities') {
        const e = r as { name: string; aliases: string[] };
        put(store, { ...r, ...stamp(seq), names: [...new Set([e.name, ...e.aliases])] });
      } else put(store, { ...r, ...stamp(seq) });
    });
  }
  await Promise.all([...pending, tx.done]);
}

/** An empty database at v3, made by the released steps; returned open without the typed wrapper. */
async function emptyV3(): Promise<IDBPDatabase> {
  freshIndexedDb();
  (await openArchiveDb({ version: 3 })).close();
  return openDB(DB_NAME, 3);
}

/** A v3 database holding a bundled archive (generation 1), one user issue, and one hidden issue. */
async function createV3Database(): Promise<void> {
  const db = await emptyV3();
  await writeV3Records(db, archive(), 1, '');
  await writeV3Records(db, userIssue(), 'user', userOwner());
  const u = userIssue().issues[0]!;
  const tx = db.transaction('meta', 'readwrite');
  const meta = tx.objectStore('meta');
  await Promise.all([
    meta.put(3, 'schemaVersion'),
    meta.put({ generation: 1, hash: 'v3-archive', archiveVersion: 1, importedAt: 1, counts: countsOf(archive()) }, 'activeGeneration'),
    meta.put({ nextGeneration: 2, nextUserImport: 2 }, 'counters'),
    meta.put(
      [{ issueId: u.id, owner: userOwner(), source: u.source, date: u.date, issueNo: u.issueNo, textHash: issueTextHash(userIssue().articles), addedAt: 1 }],
      'userIssues',
    ),
    meta.put([archive().issues[1]!.id], 'hiddenIssues'),
    tx.done,
  ]);
  db.close();
}

/** Every record of every data store, in key order: what is physically there. */
async function allRecords(db: ArchiveDb): Promise<Record<string, unknown[]>> {
  const tx = db.transaction([...DATA_STORES]);
  return Object.fromEntries(await Promise.all(DATA_STORES.map(async (s) => [s, await tx.objectStore(s).getAll()] as const)));
}

/** The same archive written by the current code from the start. */
async function writtenByV4(user: boolean): Promise<Record<string, unknown[]>> {
  freshIndexedDb();
  const db = await openArchiveDb();
  value(await importBundle(db, archive(), { source: 'bundled', chunkSize: 500 }));
  if (user) value(await importBundle(db, userIssue(), { source: 'user', chunkSize: 500 }));
  const records = await allRecords(db);
  db.close();
  return records;
}

describe('upgrading a v3 database to v4', () => {
  test('keeps every record and stamps each exactly as a v4 import does; the hover card reads it fast and right', async () => {
    const expected = await writtenByV4(true);
    await createV3Database();
    const db = keep(await openArchiveDb());
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
    const status = await readStatus(db);
    expect(status.schemaVersion).toBe(4);
    expect(status.hiddenIssues).toEqual([archive().issues[1]!.id]);
    expect(await exportBundle(db, 'bundled')).toEqual(archive());
    expect(await exportBundle(db, 'user')).toEqual(userIssue());

    const records = await allRecords(db);
    expect(records).toEqual(expected);
    // Not vacuous: the stamps are there, and some records rightly have none (figures without a subject).
    const mentions = records['mentions'] as { recency?: unknown }[];
    expect(mentions.every((m) => Array.isArray(m.recency))).toBe(true);
    expect((records['entities'] as { stats?: { mentions: number } }[]).filter((e) => (e.stats?.mentions ?? 0) > 0).length).toBeGreaterThan(100);

    const ids = [...new Set([...archive().entities, ...userIssue().entities].map((e) => e.id))].filter((_, i) => i % 8 === 0);
    const fellBack: string[] = [];
    const fast = await entitySummaries(db, ids, { articles: 3, figures: 3 }, { fellBack: (id) => fellBack.push(id) });
    const slow = [];
    for (const id of ids) slow.push(summarizeProfile(indexEntities((await entitySlice(db, id))!).profile(id)!, { articles: 3, figures: 3 }));
    expect(fast).toEqual(slow);
    expect(fellBack).toEqual([]);
  });

  test('an import cut off under v3 starts again from its first chunk and leaves what a whole v4 import leaves', async () => {
    const expected = await writtenByV4(false);
    const v3 = await emptyV3();
    // Cut off after the entities: they were written without stats, the mentions not at all.
    await writeV3Records(v3, archive(), 1, '', ['issues', 'articles', 'entities']);
    const tx = v3.transaction('meta', 'readwrite');
    const progress = { storeIndex: 3, offset: 0, chunksDone: 4 };
    await Promise.all([
      tx.store.put(3, 'schemaVersion'),
      tx.store.put({ nextGeneration: 2, nextUserImport: 1 }, 'counters'),
      tx.store.put({ generation: 1, hash: bundleHash(archive()), archiveVersion: 1, startedAt: 1, progress }, 'bundledImport'),
      tx.done,
    ]);
    v3.close();

    const db = keep(await openArchiveDb());
    expect((await readStatus(db)).pending).toEqual([{ source: 'bundled', hash: bundleHash(archive()), store: 'issues', offset: 0, chunksDone: 0 }]);
    const chunkSize = 100;
    const outcome = value(await importBundle(db, archive(), { source: 'bundled', chunkSize }));
    const everyChunk = Object.values(countsOf(archive())).reduce((n, c) => n + Math.ceil(c / chunkSize), 0);
    expect(outcome).toMatchObject({ status: 'imported', resumed: true, generation: 1, chunksWritten: everyChunk });
    expect(await allRecords(db)).toEqual(expected);
  });

  test('a backfill that fails aborts the upgrade: the database stays at v3 with its data, unstamped', async () => {
    await createV3Database();
    // An article the backfill cannot read (no paragraphs): the step throws inside the upgrade.
    const v3 = await openDB(DB_NAME, 3);
    await v3.put('articles', { id: 'broken', issueId: archive().issues[0]!.id, gen: 1, owner: '', seq: 9999 });
    v3.close();

    const failure = await openArchiveDb().then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(StoreFailure);
    expect((failure as StoreFailure).error.kind).toBe('unknown');

    const still = keep(await openDB(DB_NAME));
    expect(still.version).toBe(3);
    expect([...still.transaction('mentions').store.indexNames]).not.toContain('by-entity-recency');
    expect([...still.transaction('figures').store.indexNames]).not.toContain('by-entity-recency');
    expect(await still.get('meta', 'schemaVersion')).toBe(3);
    const counts = await rawCounts(still as unknown as ArchiveDb);
    expect(counts).toEqual({
      issues: 5,
      articles: archive().articles.length + userIssue().articles.length + 1,
      entities: archive().entities.length + userIssue().entities.length,
      mentions: archive().mentions.length + userIssue().mentions.length,
      figures: archive().figures.length + userIssue().figures.length,
    });
    const mentions: object[] = await still.getAll('mentions');
    const entities: object[] = await still.getAll('entities');
    const figures: object[] = await still.getAll('figures');
    expect(mentions.some((m) => 'recency' in m)).toBe(false);
    expect(entities.some((e) => 'stats' in e)).toBe(false);
    expect(figures.some((f) => 'withMetric' in f)).toBe(false);
  });
});
