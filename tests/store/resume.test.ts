// An import cut off anywhere — by the signal between chunks, in the middle of a chunk, between
// the last chunk and the commit, or during the cleanup after it — leaves readers with the previous
// complete archive (or none), and calling again with the same bundle finishes the job without
// redoing committed chunks.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { runCleanup } from '../../src/store/generations';
import { importBundle, type ImportOptions } from '../../src/store/import';
import { openArchiveDb, type ArchiveDb } from '../../src/store/open';
import { countRecords, entityById, exportBundle, listIssues } from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { countsOf, freshDb, rawCounts, seedBundle, seedFiles, totalRecords, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
});

const CHUNK = 100;
const bundled: ImportOptions = { source: 'bundled', chunkSize: CHUNK };
const EMPTY: ArchiveBundle = { version: 1, issues: [], articles: [], entities: [], mentions: [], figures: [] };

function importChunkCount(bundle: ArchiveBundle): number {
  return Object.values(countsOf(bundle)).reduce((n, c) => n + Math.ceil(c / CHUNK), 0);
}

/** Imports `bundle`, aborting the signal right after the k-th import chunk has committed. */
async function importAbortedAfter(target: ArchiveDb, bundle: ArchiveBundle, k: number) {
  const controller = new AbortController();
  return importBundle(target, bundle, {
    ...bundled,
    signal: controller.signal,
    onChunk: (c) => {
      if (c.phase === 'import' && c.chunks === k) controller.abort();
    },
  });
}

async function expectArchive(target: ArchiveDb, bundle: ArchiveBundle): Promise<void> {
  expect(await countRecords(target)).toEqual(countsOf(bundle));
  expect(await exportBundle(target)).toEqual(bundle);
  expect((await listIssues(target)).map((i) => i.id)).toEqual(bundle.issues.map((i) => i.id));
}

const older = () => seedBundle(seedFiles().slice(0, 3));
const newer = () => seedBundle();

describe('resuming an interrupted bundled import', () => {
  const N = importChunkCount(newer());

  test('the seed bundle takes several chunks in every store', () => {
    expect(N).toBeGreaterThanOrEqual(10);
    for (const c of Object.values(countsOf(newer()))) expect(c).toBeGreaterThan(0);
  });

  test.each(Array.from({ length: N }, (_, i) => i + 1))('first import cut off after chunk %i: nothing visible, then resumed to the whole archive', async (k) => {
    db = await freshDb();
    const bundle = newer();
    const cut = await importAbortedAfter(db, bundle, k);
    expect(cut).toMatchObject({ ok: false, error: { kind: 'aborted' } });

    // Readers see no archive at all, not a partial one.
    await expectArchive(db, EMPTY);
    expect(await entityById(db, bundle.entities[0]!.id)).toBeUndefined();
    const status = await readStatus(db);
    expect(status.active).toBeNull();
    expect(status.pending).toEqual([expect.objectContaining({ source: 'bundled', chunksDone: k })]);

    const chunks: number[] = [];
    const resumed = value(await importBundle(db, bundle, { ...bundled, onChunk: (c) => chunks.push(c.chunks) }));
    expect(resumed).toMatchObject({ status: 'imported', resumed: true, chunksWritten: N - k, generation: 1 });
    expect(chunks).toHaveLength(N - k);
    await expectArchive(db, bundle);
    expect(await rawCounts(db)).toEqual(countsOf(bundle));
    expect((await readStatus(db)).pending).toEqual([]);
  });

  test.each(Array.from({ length: N }, (_, i) => i + 1))('update cut off after chunk %i: the previous archive stays whole, then the new one replaces it', async (k) => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const cut = await importAbortedAfter(db, newer(), k);
    expect(cut).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    await expectArchive(db, older());

    const resumed = value(await importBundle(db, newer(), bundled));
    expect(resumed).toMatchObject({ status: 'imported', resumed: true, chunksWritten: N - k, generation: 2, cleanupPending: false });
    await expectArchive(db, newer());
    // The old generation is gone from the disk, not just from view.
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
  });

  test.each([1, 4, 9])('a chunk cut off in the middle (worker stopped mid-transaction, chunk %i) is rolled back and redone', async (k) => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const controller = new AbortController();
    let chunksDone = 0;
    let putsInChunk = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // Half way through the k-th chunk, the "worker" stops: the signal aborts the open transaction.
      if (this.name !== 'meta' && chunksDone === k - 1 && ++putsInChunk === 3) controller.abort();
      return put.apply(this, args);
    });
    const cut = await importBundle(db, newer(), { ...bundled, signal: controller.signal, onChunk: () => void chunksDone++ });
    expect(cut).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    vi.restoreAllMocks();
    expect((await readStatus(db)).pending).toEqual([expect.objectContaining({ chunksDone: k - 1 })]);
    await expectArchive(db, older());

    expect(value(await importBundle(db, newer(), bundled))).toMatchObject({ resumed: true, chunksWritten: N - (k - 1) });
    await expectArchive(db, newer());
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
  });

  test('readers running while an update is being written see the old archive at every chunk, then the new one', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const target = db;
    const during: Promise<ArchiveBundle>[] = [];
    const outcome = value(await importBundle(target, newer(), { ...bundled, onChunk: (c) => c.phase === 'import' && during.push(exportBundle(target)) }));
    expect(during).toHaveLength(N);
    for (const seen of await Promise.all(during)) expect(seen).toEqual(older());
    expect(outcome.status).toBe('imported');
    await expectArchive(target, newer());
  });

  test('stopped during the cleanup after the commit: the new archive is whole at once, the leftovers go later', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const controller = new AbortController();
    const outcome = value(
      await importBundle(db, newer(), {
        ...bundled,
        signal: controller.signal,
        onChunk: (c) => {
          if (c.phase === 'cleanup') controller.abort();
        },
      }),
    );
    expect(outcome).toMatchObject({ status: 'imported', cleanupPending: true });
    expect(outcome.cleanupError).toBeUndefined();
    await expectArchive(db, newer());
    // The old generation is still on disk, invisible.
    expect(totalRecords(await rawCounts(db))).toBeGreaterThan(totalRecords(countsOf(newer())));
    expect((await readStatus(db)).cleanupTasks).toBe(1);

    // The next import of the same bundle writes nothing and finishes the cleanup.
    expect(value(await importBundle(db, newer(), bundled))).toMatchObject({ status: 'unchanged', chunksWritten: 0, cleanupPending: false });
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
    expect((await readStatus(db)).cleanupTasks).toBe(0);
  });

  test('runCleanup alone also finishes an interrupted cleanup, chunk by chunk', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const controller = new AbortController();
    const onChunk = (c: { phase: string }) => c.phase === 'cleanup' && controller.abort();
    expect(value(await importBundle(db, newer(), { ...bundled, signal: controller.signal, onChunk })).cleanupPending).toBe(true);
    const deletedPerChunk: number[] = [];
    const cleaned = value(await runCleanup(db, { chunkSize: 7, onChunk: (c) => deletedPerChunk.push(c.records) }));
    expect(cleaned.pending).toBe(0);
    expect(Math.max(...deletedPerChunk)).toBeLessThanOrEqual(7);
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
    await expectArchive(db, newer());
  });

  test('an import of another bundle abandons an unfinished one; its records are deleted', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    expect(await importAbortedAfter(db, newer(), 5)).toMatchObject({ ok: false });
    const third = seedBundle(seedFiles().slice(2));
    const outcome = value(await importBundle(db, third, bundled));
    expect(outcome).toMatchObject({ status: 'imported', resumed: false, generation: 3 });
    await expectArchive(db, third);
    expect(await rawCounts(db)).toEqual(countsOf(third));
  });

  test('asking for the active bundle again abandons an unfinished import of another one', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    expect(await importAbortedAfter(db, newer(), 3)).toMatchObject({ ok: false });
    expect(value(await importBundle(db, older(), bundled))).toMatchObject({ status: 'unchanged', generation: 1 });
    expect(await rawCounts(db)).toEqual(countsOf(older()));
    expect((await readStatus(db)).pending).toEqual([]);
  });

  test('two contexts importing the same bundle at once: one writes, the other steps aside, nothing is doubled', async () => {
    db = await freshDb();
    const other = await openArchiveDb();
    try {
      const results = await Promise.all([importBundle(db, newer(), bundled), importBundle(other, newer(), bundled)]);
      expect(results.some((r) => r.ok && r.value.status === 'imported')).toBe(true);
      for (const r of results) if (!r.ok) expect(r.error.kind).toBe('busy');
      await expectArchive(db, newer());
      expect(await rawCounts(db)).toEqual(countsOf(newer()));
    } finally {
      other.close();
    }
  });
});
