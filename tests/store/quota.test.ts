// The disk or the origin's quota is full: every write path returns a typed 'quota' error (never
// throws the DOMException), and nothing committed before is lost.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { classifyError, isQuotaError } from '../../src/store/errors';
import { importBundle, type ImportOptions } from '../../src/store/import';
import { hideIssue } from '../../src/store/issues';
import { saveMatcher } from '../../src/store/matcher';
import type { ArchiveDb } from '../../src/store/open';
import { exportBundle } from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { countsOf, freshDb, rawCounts, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
});

const files = seedFiles();
const older = () => seedBundle(files.slice(0, 3));
const newer = () => seedBundle();
const bundled: ImportOptions = { source: 'bundled', chunkSize: 100 };

/** Makes put on the named store throw QuotaExceededError from its `after`-th call on. */
function fillDiskAt(storeName: string, after = 1): void {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName && ++calls >= after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('quota exceeded', () => {
  test('during an update: a typed error, the previous archive intact, the chunks already written kept for the resume', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    fillDiskAt('mentions', 150);
    const chunksBefore: number[] = [];
    const result = await importBundle(db, newer(), { ...bundled, onChunk: (c) => chunksBefore.push(c.chunks) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota', name: 'QuotaExceededError' } });
    vi.restoreAllMocks();

    expect(await exportBundle(db)).toEqual(older());
    const done = chunksBefore.length;
    expect(done).toBeGreaterThan(0);
    expect((await readStatus(db)).pending).toEqual([expect.objectContaining({ store: 'mentions', chunksDone: done })]);

    // Space freed: the same import picks up at the chunk that failed.
    const resumed = value(await importBundle(db, newer(), bundled));
    expect(resumed.resumed).toBe(true);
    expect(resumed.chunksWritten + done).toBe(Object.values(countsOf(newer())).reduce((n, c) => n + Math.ceil(c / 100), 0));
    expect(await exportBundle(db)).toEqual(newer());
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
  });

  test('on the first import: a typed error and an empty archive, not a half one', async () => {
    db = await freshDb();
    fillDiskAt('articles');
    const result = await importBundle(db, newer(), bundled);
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } });
    expect((await exportBundle(db)).issues).toEqual([]);
  });

  test('during a user import: a typed error; the archive and earlier user issues are untouched', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, seedBundle([files[3]!]), { source: 'user', chunkSize: 50 }));
    const before = await exportBundle(db);
    fillDiskAt('entities', 30);
    const result = await importBundle(db, seedBundle([files[4]!]), { source: 'user', chunkSize: 50 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(await exportBundle(db)).toEqual(before);
  });

  test('when writing meta (hiding an issue) or the matcher: typed errors too', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    fillDiskAt('meta');
    expect(await hideIssue(db, older().issues[0]!.id)).toMatchObject({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect((await readStatus(db)).hiddenIssues).toEqual([]);
    fillDiskAt('matcher');
    expect(await saveMatcher(db, { names: [] }, 'stamp')).toMatchObject({ ok: false, error: { kind: 'quota' } });
  });

  test('in the middle of the commit: the commit is all or nothing, the old archive stays, the next call commits', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const put = IDBObjectStore.prototype.put;
    // The commit first points meta at the new generation, then queues the old one for deletion:
    // the second write fails, and the first must not stay committed on its own.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'meta' && args[1] === 'cleanup') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    expect(await importBundle(db, newer(), bundled)).toMatchObject({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(await exportBundle(db)).toEqual(older());
    expect((await readStatus(db)).active?.generation).toBe(1);

    expect(value(await importBundle(db, newer(), bundled))).toMatchObject({ status: 'imported', resumed: true, chunksWritten: 0, generation: 2 });
    expect(await exportBundle(db)).toEqual(newer());
    expect(await rawCounts(db)).toEqual(countsOf(newer()));
  });

  test('a quota error reported by the transaction rather than the request is recognised', () => {
    for (const name of ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']) {
      const e = new DOMException('full', name);
      expect(isQuotaError(e)).toBe(true);
      expect(classifyError(e)).toMatchObject({ kind: 'quota', name });
    }
    expect(classifyError(new DOMException('x', 'AbortError')).kind).toBe('aborted');
    expect(classifyError(new Error('boom'))).toEqual({ kind: 'unknown', message: 'boom', name: 'Error' });
  });
});
