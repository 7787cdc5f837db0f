// The background's archive service over a real (fake-indexeddb) store: it imports the build's
// archive when the store lacks it, continues an import that a stopped worker cut off, waits for
// one import instead of starting two, reports a full disk as a store error, and answers the
// hover card's questions.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { createArchiveService, describeServiceError, type ArchiveServiceDeps } from '../../src/background/archive-service';
import { bundleHash } from '../../src/store/hash';
import { importBundle } from '../../src/store/import';
import { openArchiveDb, type ArchiveDb } from '../../src/store/open';
import { countRecords, exportBundle } from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { countsOf, freshIndexedDb, seedBundle, seedFiles } from '../store/support';

const opened: ArchiveDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function deps(bundle: ArchiveBundle, extra: Partial<ArchiveServiceDeps> = {}) {
  let db: Promise<ArchiveDb> | null = null;
  const fetched = { bundle: 0 };
  const d: ArchiveServiceDeps = {
    openDb: () =>
      (db ??= openArchiveDb().then((x) => {
        opened.push(x);
        return x;
      })),
    shippedVersion: async () => ({ hash: bundleHash(bundle), counts: countsOf(bundle) }),
    shippedBundle: async () => {
      fetched.bundle++;
      return structuredClone(bundle);
    },
    compileNames: (archive) => ({ version: 1, names: archive.entities.map((e) => e.name) }),
    chunkSize: 100,
    ...extra,
  };
  return { d, fetched };
}

describe('ensureArchive', () => {
  test('imports the shipped archive into an empty store, then only checks its hash', async () => {
    freshIndexedDb();
    const bundle = seedBundle();
    const { d, fetched } = deps(bundle);
    const service = createArchiveService(d);
    const ready = await service.ensureArchive();
    expect(ready).toEqual({ hash: bundleHash(bundle), counts: countsOf(bundle), imported: { resumed: false, chunksWritten: expect.any(Number) } });
    expect(await exportBundle(await d.openDb())).toEqual(bundle);
    await service.ensureArchive();
    expect(fetched.bundle).toBe(1);
  });

  test('runs one import for requests that arrive together', async () => {
    freshIndexedDb();
    const { d, fetched } = deps(seedBundle());
    const service = createArchiveService(d);
    const all = await Promise.all([service.ensureArchive(), service.ensureArchive(), service.ensureArchive()]);
    expect(new Set(all.map((r) => r.hash)).size).toBe(1);
    expect(fetched.bundle).toBe(1);
  });

  test('replaces an older archive when the build ships a new one, keeping what the user added', async () => {
    freshIndexedDb();
    const files = seedFiles();
    const older = seedBundle(files.slice(0, 3));
    const newer = seedBundle(files.slice(0, 4));
    const user = seedBundle([files[4]!]);
    await createArchiveService(deps(older).d).ensureArchive();
    const db = await openArchiveDb();
    opened.push(db);
    expect((await importBundle(db, user, { source: 'user', chunkSize: 100 })).ok).toBe(true);
    const ready = await createArchiveService(deps(newer).d).ensureArchive();
    expect(ready.hash).toBe(bundleHash(newer));
    const c = countsOf(newer);
    expect(ready.counts).toMatchObject({ issues: c.issues + 1, articles: c.articles + user.articles.length });
  });

  test('a new worker continues the import a stopped one left half done, and readers never saw half', async () => {
    freshIndexedDb();
    const bundle = seedBundle();
    // The first worker is "stopped" after three chunks: the signal aborts its import.
    const db = await openArchiveDb();
    opened.push(db);
    const controller = new AbortController();
    const cut = await importBundle(db, bundle, {
      source: 'bundled',
      chunkSize: 100,
      signal: controller.signal,
      onChunk: (c) => c.chunks === 3 && controller.abort(),
    });
    expect(cut).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(await countRecords(db)).toEqual({ issues: 0, articles: 0, entities: 0, mentions: 0, figures: 0 });
    expect((await readStatus(db)).pending).toEqual([expect.objectContaining({ source: 'bundled', chunksDone: 3 })]);

    const ready = await createArchiveService(deps(bundle).d).ensureArchive();
    expect(ready.counts).toEqual(countsOf(bundle));
    expect(ready.imported?.resumed).toBe(true);
    expect((await readStatus(db)).pending).toEqual([]);
  });

  test('a full disk becomes a store error naming the quota, and the next start tries again', async () => {
    freshIndexedDb();
    const bundle = seedBundle();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'mentions') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const { d } = deps(bundle);
    const error = await createArchiveService(d).ensureArchive().catch((e: unknown) => e);
    expect(describeServiceError(error)).toMatchObject({ kind: 'store', message: expect.stringMatching(/^quota: /) });
    vi.restoreAllMocks();
    expect((await createArchiveService(d).ensureArchive()).counts).toEqual(countsOf(bundle));
  });
});

describe('handlers', () => {
  test('entity summaries for the hover card: known ids in order, unknown ones left out', async () => {
    freshIndexedDb();
    const bundle = seedBundle();
    const { d } = deps(bundle);
    let checks = 0;
    const shippedVersion = d.shippedVersion;
    const { handlers } = createArchiveService({ ...d, shippedVersion: () => (checks++, shippedVersion()) });
    const [place, person] = [bundle.entities.find((e) => e.type === 'place')!, bundle.entities.find((e) => e.role === 'official')!];
    const summaries = await handlers['entity-summaries']({ type: 'entity-summaries', entityIds: [person.id, 'person:无此人', place.id], articles: 3, figures: 2 }, {});
    // The content scripts' questions check the archive once per worker, not on every card.
    await handlers['entity-summaries']({ type: 'entity-summaries', entityIds: [place.id], articles: 3, figures: 2 }, {});
    await handlers['entity']({ type: 'entity', entityId: place.id }, {});
    expect(checks).toBe(1);
    expect(summaries.map((s) => s.entity.id)).toEqual([person.id, place.id]);
    for (const s of summaries) {
      expect(s.articles.length).toBeLessThanOrEqual(3);
      expect(s.articles.length).toBe(Math.min(3, s.articleCount));
      expect(s.figures.length).toBeLessThanOrEqual(2);
    }
  });

  test('compiled names are compiled once and served from the store while nothing changes', async () => {
    freshIndexedDb();
    const bundle = seedBundle();
    const compile = vi.fn((archive: ArchiveBundle) => ({ version: 1, count: archive.entities.length }));
    const { d } = deps(bundle, { compileNames: compile });
    const first = await createArchiveService(d).handlers['compiled-names']({ type: 'compiled-names' }, {});
    // A new worker (the old one was stopped) finds the cached form.
    const second = await createArchiveService(d).handlers['compiled-names']({ type: 'compiled-names' }, {});
    expect(first).toEqual(second);
    expect(first.compiled).toEqual({ version: 1, count: bundle.entities.length });
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
