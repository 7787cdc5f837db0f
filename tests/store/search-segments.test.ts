// The search index kept in IndexedDB: one segment per visible owner, built after imports, read one
// record at a time, answering exactly as the same index held in memory; a build cut off leaves no
// half segment; segments of removed issues go.
import { afterEach, describe, expect, test } from 'vitest';
import { importBundle } from '../../src/store/import';
import { removeUserIssue } from '../../src/store/issues';
import type { ArchiveDb } from '../../src/store/open';
import { ensureSearchSegments, searchSources } from '../../src/store/search-segments';
import { buildSearchIndex, MemorySource, search } from '../../src/search';
import { freshDb, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

const files = seedFiles();
const bundled = () => seedBundle(files.slice(0, 4));
const user = () => seedBundle([files[4]!]);

async function archiveWithUserIssue(): Promise<ArchiveDb> {
  const opened = await freshDb();
  value(await importBundle(opened, bundled(), { source: 'bundled', chunkSize: 200 }));
  value(await importBundle(opened, user(), { source: 'user', chunkSize: 200 }));
  return opened;
}

const QUERIES = ['曹慧泉', '陳恢清', '株洲', '醴陵 出口', '专项债', 'chq', '社区联点共建', '无此词语'];

// fake-indexeddb is slow with the tens of thousands of records a segment has: allow it time.
describe('search segments in IndexedDB', { timeout: 60_000 }, () => {
  test('answer every query exactly as the same segments in memory', async () => {
    db = await archiveWithUserIssue();
    const outcome = await ensureSearchSegments(db, { chunkSize: 97 });
    expect(outcome.built).toHaveLength(2);
    const stored = await searchSources(db);
    expect(stored.map((s) => s.segment)).toEqual(outcome.built);
    const memory = [buildSearchIndex(bundled(), {}, { segment: stored[0]!.segment }), buildSearchIndex(user(), {}, { segment: stored[1]!.segment })].map(
      (d) => new MemorySource(d),
    );
    for (const q of QUERIES) expect(await search(stored, q), q).toEqual(await search(memory, q));
    // Found in the user's issue too.
    const hits = await search(stored, '社区联点共建');
    expect(hits.articles.some((a) => user().articles.some((u) => u.id === a.id))).toBe(true);
  });

  test('build only what is missing, and drop the segment of a removed issue', async () => {
    db = await archiveWithUserIssue();
    await ensureSearchSegments(db);
    expect(await ensureSearchSegments(db)).toEqual({ built: [], removed: [] });
    value(await removeUserIssue(db, user().issues[0]!.id));
    const after = await ensureSearchSegments(db);
    expect(after.built).toEqual([]);
    expect(after.removed).toHaveLength(1);
    expect((await searchSources(db)).map((s) => s.segment)).toHaveLength(1);
    const left = await db.transaction('search').objectStore('search').getAllKeys();
    expect(left.filter((k) => k[0] === after.removed[0])).toEqual([]);
  });

  test('a build cut off part-way leaves no segment to read, and the next call builds it whole', async () => {
    db = await archiveWithUserIssue();
    const controller = new AbortController();
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'search' && ++puts === 300) controller.abort();
      return put.apply(this, args);
    };
    try {
      await expect(ensureSearchSegments(db, { chunkSize: 100, signal: controller.signal })).rejects.toMatchObject({ error: { kind: 'aborted' } });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await searchSources(db)).toEqual([]);
    expect((await ensureSearchSegments(db)).built).toHaveLength(2);
    expect((await search(await searchSources(db), '曹慧泉')).entities[0]?.id).toBe('person:曹慧泉');
  });
});
