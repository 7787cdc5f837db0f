// Issues the user adds: deduplicated, kept across updates of the bundled archive, removable;
// bundled issues hidden and brought back.
import { afterEach, describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { importBundle, type ImportOptions } from '../../src/store/import';
import { hideIssue, removeUserIssue, resetHiddenIssues, unhideIssue } from '../../src/store/issues';
import type { ArchiveDb } from '../../src/store/open';
import { articlesOfIssue, countRecords, entityById, exportBundle, listIssues } from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { countsOf, freshDb, rawCounts, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

const bundled: ImportOptions = { source: 'bundled', chunkSize: 100 };
const user: ImportOptions = { source: 'user', chunkSize: 40 };
const files = seedFiles();
const older = () => seedBundle(files.slice(0, 3));
const third = () => seedBundle([files[3]!]);
const fourth = () => seedBundle([files[4]!]);

/** Distinct entity ids over several bundles: what countRecords reports for entities. */
const entityIds = (...bundles: ArchiveBundle[]) => new Set(bundles.flatMap((b) => b.entities.map((e) => e.id))).size;

function sumCounts(...bundles: ArchiveBundle[]) {
  return {
    issues: bundles.reduce((n, b) => n + b.issues.length, 0),
    articles: bundles.reduce((n, b) => n + b.articles.length, 0),
    entities: entityIds(...bundles),
    mentions: bundles.reduce((n, b) => n + b.mentions.length, 0),
    figures: bundles.reduce((n, b) => n + b.figures.length, 0),
  };
}

/** The same issue under another id (and article ids), optionally with its masthead facts changed. */
function renamed(bundle: ArchiveBundle, id: string, change: { date?: string | null; issueNo?: number | null } = {}): ArchiveBundle {
  const copy = structuredClone(bundle);
  const old = copy.issues[0]!.id;
  const articleId = (a: string) => a.replace(old, id);
  copy.issues[0] = { ...copy.issues[0]!, id, ...change };
  copy.articles = copy.articles.map((a) => ({ ...a, id: articleId(a.id), issueId: id }));
  copy.mentions = copy.mentions.map((m) => ({ ...m, articleId: articleId(m.articleId) }));
  copy.figures = copy.figures.map((f) => ({ ...f, id: articleId(f.id), articleId: articleId(f.articleId) }));
  copy.entities = copy.entities.map((e) => (e.titleHistory ? { ...e, titleHistory: e.titleHistory.map((t) => ({ ...t, articleId: articleId(t.articleId) })) } : e));
  return copy;
}

describe('user issues', () => {
  test('a user issue is added beside the bundled archive; counts are the sum, export gives it back', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    const outcome = value(await importBundle(db, third(), user));
    expect(outcome).toMatchObject({ status: 'imported', source: 'user', added: [third().issues[0]!.id], skipped: [] });
    expect(await countRecords(db)).toEqual(sumCounts(older(), third()));
    expect(await listIssues(db)).toEqual([
      ...older().issues.map((i) => ({ ...i, origin: 'bundled', hidden: false })),
      { ...third().issues[0]!, origin: 'user', hidden: false },
    ]);
    expect(await articlesOfIssue(db, third().issues[0]!.id)).toEqual(third().articles);
    expect(await exportBundle(db, 'user')).toEqual(third());
    expect(await exportBundle(db, 'bundled')).toEqual(older());
  });

  test('an entity found by both the archive and a user issue is one entity, with both issues’ names and titles', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, third(), user));
    const bundledIds = new Set(older().entities.map((e) => e.id));
    const shared = third().entities.filter((e) => bundledIds.has(e.id));
    expect(shared.length).toBeGreaterThan(0);
    for (const copy of shared) {
      const merged = await entityById(db, copy.id);
      const original = older().entities.find((e) => e.id === copy.id)!;
      expect(merged?.name).toBe(original.name);
      expect(merged?.type).toBe(original.type);
      expect(new Set(merged?.aliases)).toEqual(new Set([...original.aliases, ...copy.aliases].filter((a) => a !== original.name)));
      for (const t of copy.titleHistory ?? []) expect(merged?.titleHistory).toContainEqual(t);
    }
  });

  describe('dedup: an issue already present is not added twice', () => {
    test('same id (the same file again)', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const again = seedBundle([files[0]!]);
      const outcome = value(await importBundle(db, again, user));
      expect(outcome).toMatchObject({ status: 'unchanged', added: [], chunksWritten: 0 });
      expect(outcome.skipped).toEqual([{ issueId: again.issues[0]!.id, source: files[0], reason: 'same-id', duplicateOf: again.issues[0]!.id }]);
      expect(await rawCounts(db)).toEqual(countsOf(older()));
    });

    test('same date and issue number, other text', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const original = older().issues[0]!;
      expect(original.issueNo).not.toBeNull();
      const reprint = renamed(third(), 'reprint', { date: original.date, issueNo: original.issueNo });
      const outcome = value(await importBundle(db, reprint, user));
      expect(outcome.skipped).toEqual([expect.objectContaining({ issueId: 'reprint', reason: 'same-date-and-number', duplicateOf: original.id })]);
      expect(outcome.added).toEqual([]);
    });

    test('same text under another date (no masthead), against the archive and within one import', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const sameText = renamed(seedBundle([files[1]!]), 'undated', { date: null, issueNo: null });
      expect(value(await importBundle(db, sameText, user)).skipped).toEqual([
        expect.objectContaining({ issueId: 'undated', reason: 'same-text', duplicateOf: older().issues[1]!.id }),
      ]);

      // Two copies of one new issue in the same import: the first is added, the second skipped.
      const twice = third();
      const copy = renamed(third(), 'copy', { date: '1999-01-01', issueNo: 1 });
      twice.issues.push(...copy.issues);
      twice.articles.push(...copy.articles);
      const outcome = value(await importBundle(db, twice, user));
      expect(outcome.added).toEqual([third().issues[0]!.id]);
      expect(outcome.skipped).toEqual([expect.objectContaining({ issueId: 'copy', reason: 'same-text', duplicateOf: third().issues[0]!.id })]);
      expect((await listIssues(db)).filter((i) => i.origin === 'user').map((i) => i.id)).toEqual([third().issues[0]!.id]);
    });

    test('a user issue imported twice is there once', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      value(await importBundle(db, third(), user));
      const again = value(await importBundle(db, third(), user));
      expect(again).toMatchObject({ status: 'unchanged', added: [], skipped: [expect.objectContaining({ reason: 'same-id' })] });
      expect(await countRecords(db)).toEqual(sumCounts(older(), third()));
    });
  });

  test('user issues are kept when the bundled archive is updated', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, third(), user));
    const update = seedBundle([...files.slice(0, 3), files[4]!]);
    expect(value(await importBundle(db, update, bundled))).toMatchObject({ status: 'imported', superseded: [] });
    expect(await countRecords(db)).toEqual(sumCounts(update, third()));
    expect(await exportBundle(db, 'user')).toEqual(third());
    expect(await rawCounts(db)).toEqual({ ...sumCounts(update, third()), entities: update.entities.length + third().entities.length });
  });

  test('a user issue that the updated bundled archive now contains gives way to the bundled copy', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, third(), user));
    const all = seedBundle();
    expect(value(await importBundle(db, all, bundled))).toMatchObject({ superseded: [third().issues[0]!.id], cleanupPending: false });
    expect(await exportBundle(db)).toEqual(all);
    expect(await rawCounts(db)).toEqual(countsOf(all));
    expect((await readStatus(db)).userIssues).toEqual([]);
  });

  test('removing a user issue takes it and everything only it brought out of the store', async () => {
    // A small bundled archive, so the two user issues share entities the archive does not have.
    const small = () => seedBundle(files.slice(0, 1));
    db = await freshDb();
    value(await importBundle(db, small(), bundled));
    const both = seedBundle(files.slice(3));
    value(await importBundle(db, both, user));
    expect(await countRecords(db)).toEqual(sumCounts(small(), both));

    const [id3, id4] = both.issues.map((i) => i.id) as [string, string];
    const issueOf = new Map(both.articles.map((a) => [a.id, a.issueId]));
    const mentionedIn = (issueId: string) => new Set(both.mentions.filter((m) => issueOf.get(m.articleId) === issueId).map((m) => m.entityId));
    const in3 = mentionedIn(id3);
    const in4 = mentionedIn(id4);
    const bundledIds = new Set(small().entities.map((e) => e.id));
    const shared = [...in3].find((e) => in4.has(e) && !bundledIds.has(e));
    const only3 = [...in3].find((e) => !in4.has(e) && !bundledIds.has(e));
    expect(shared).toBeDefined();
    expect(only3).toBeDefined();

    const removed = value(await removeUserIssue(db, id3, { chunkSize: 50 }));
    expect(removed.cleanup?.pending).toBe(0);
    expect((await listIssues(db)).map((i) => i.id)).toEqual([...small().issues.map((i) => i.id), id4]);
    expect(await articlesOfIssue(db, id3)).toEqual([]);
    expect(await entityById(db, shared!)).toBeDefined();
    expect(await entityById(db, only3!)).toBeUndefined();
    const remaining = await exportBundle(db, 'user');
    expect(remaining.issues.map((i) => i.id)).toEqual([id4]);
    expect(remaining.articles).toEqual(both.articles.filter((a) => a.issueId === id4));
    expect(remaining.mentions).toEqual(both.mentions.filter((m) => issueOf.get(m.articleId) === id4));

    value(await removeUserIssue(db, id4));
    expect(await exportBundle(db)).toEqual(small());
    expect(await rawCounts(db)).toEqual(countsOf(small()));

    expect(await removeUserIssue(db, id4)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await removeUserIssue(db, small().issues[0]!.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  test('bundled issues can be hidden and shown again; reset brings all back; hiding survives an update', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, third(), user));
    const [a, b, c] = older().issues.map((i) => i.id) as [string, string, string];
    value(await hideIssue(db, a));
    value(await hideIssue(db, b));
    value(await hideIssue(db, b));
    expect((await listIssues(db)).map((i) => i.id)).toEqual([c, third().issues[0]!.id]);
    expect((await listIssues(db, { includeHidden: true })).map((i) => [i.id, i.hidden])).toEqual([
      [a, true],
      [b, true],
      [c, false],
      [third().issues[0]!.id, false],
    ]);
    // Hiding is a view setting: the counts and the issue's articles stay.
    expect(await countRecords(db)).toEqual(sumCounts(older(), third()));
    expect(await articlesOfIssue(db, a)).toHaveLength(older().articles.filter((x) => x.issueId === a).length);

    value(await unhideIssue(db, a));
    expect((await listIssues(db)).map((i) => i.id)).toEqual([a, c, third().issues[0]!.id]);

    value(await importBundle(db, seedBundle([...files.slice(0, 3), files[4]!]), bundled));
    expect((await listIssues(db)).map((i) => i.id)).not.toContain(b);

    value(await resetHiddenIssues(db));
    expect((await listIssues(db)).map((i) => i.id)).toContain(b);
    expect((await readStatus(db)).hiddenIssues).toEqual([]);

    expect(await hideIssue(db, third().issues[0]!.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await hideIssue(db, 'no-such-issue')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  test('the user’s issues exported and imported into another profile come back the same', async () => {
    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    value(await importBundle(db, seedBundle(files.slice(3)), user));
    const exported = structuredClone(await exportBundle(db, 'user'));
    db.close();

    db = await freshDb();
    value(await importBundle(db, older(), bundled));
    expect(value(await importBundle(db, exported, user)).added).toEqual(exported.issues.map((i) => i.id));
    expect(await exportBundle(db, 'user')).toEqual(exported);
  });

  describe('an interrupted user import', () => {
    const countChunks = async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const n = value(await importBundle(db, fourth(), user)).chunksWritten;
      db.close();
      return n;
    };

    test('resumes after an abort at every chunk, and shows nothing of the issue until it is complete', async () => {
      const N = await countChunks();
      expect(N).toBeGreaterThanOrEqual(8);
      for (let k = 1; k <= N; k++) {
        db = await freshDb();
        value(await importBundle(db, older(), bundled));
        const controller = new AbortController();
        const cut = await importBundle(db, fourth(), { ...user, signal: controller.signal, onChunk: (c) => c.chunks === k && controller.abort() });
        expect(cut, `k = ${k}`).toMatchObject({ ok: false, error: { kind: 'aborted' } });
        expect(await exportBundle(db), `k = ${k}`).toEqual(older());
        expect(await articlesOfIssue(db, fourth().issues[0]!.id)).toEqual([]);

        const resumed = value(await importBundle(db, fourth(), user));
        expect(resumed, `k = ${k}`).toMatchObject({ status: 'imported', resumed: true, chunksWritten: N - k, added: [fourth().issues[0]!.id] });
        expect(await exportBundle(db, 'user')).toEqual(fourth());
        expect(await countRecords(db)).toEqual(sumCounts(older(), fourth()));
        db.close();
      }
    });

    test('another user import started meanwhile abandons it; its records are deleted', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const controller = new AbortController();
      await importBundle(db, fourth(), { ...user, signal: controller.signal, onChunk: (c) => c.chunks === 3 && controller.abort() });
      value(await importBundle(db, third(), user));
      expect((await listIssues(db)).filter((i) => i.origin === 'user').map((i) => i.id)).toEqual([third().issues[0]!.id]);
      expect(await rawCounts(db)).toEqual({ ...sumCounts(older(), third()), entities: older().entities.length + third().entities.length });
      // And the abandoned one can still be imported afresh.
      expect(value(await importBundle(db, fourth(), user))).toMatchObject({ resumed: false, added: [fourth().issues[0]!.id] });
    });

    test('an issue the bundled archive gained while the import was cut off is not added twice', async () => {
      db = await freshDb();
      value(await importBundle(db, older(), bundled));
      const controller = new AbortController();
      await importBundle(db, fourth(), { ...user, signal: controller.signal, onChunk: (c) => c.chunks === 2 && controller.abort() });
      value(await importBundle(db, seedBundle(), bundled));
      const resumed = value(await importBundle(db, fourth(), user));
      expect(resumed).toMatchObject({ status: 'unchanged', added: [], skipped: [expect.objectContaining({ reason: 'same-id' })] });
      expect(await exportBundle(db)).toEqual(seedBundle());
      expect(await rawCounts(db)).toEqual(countsOf(seedBundle()));
    });
  });
});
