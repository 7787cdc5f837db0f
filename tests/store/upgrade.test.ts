// A database written by schema v1 — created here by a hand-written copy of what v1 was, not by
// the code under test — opened by the current code: everything kept, the new indexes work.
// And the two multi-tab situations around an upgrade: an old connection that closes on
// versionchange, and one that does not (the open is blocked and reported, then proceeds).
import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { issueTextHash } from '../../src/store/hash';
import { importBundle } from '../../src/store/import';
import { openArchiveDb } from '../../src/store/open';
import {
  countRecords,
  entitiesByName,
  entitiesByNameOrAlias,
  entityById,
  exportBundle,
  figuresOfEntity,
  listIssues,
} from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { DB_NAME, SCHEMA_VERSION } from '../../src/store/schema';
import { StoreFailure } from '../../src/store/errors';
import { countsOf, freshDb, freshIndexedDb, rawCounts, seedBundle, seedFiles, value } from './support';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const keep = <T extends { close(): void }>(db: T): T => (opened.push(db), db);

/** Schema v1 as it shipped: no `names` on entities, no figures-by-entity index. Frozen; never change. */
function createSchemaV1(db: IDBDatabase): void {
  const idKey = ['gen', 'owner', 'id'];
  db.createObjectStore('issues', { keyPath: idKey });
  const articles = db.createObjectStore('articles', { keyPath: idKey });
  articles.createIndex('by-id', ['gen', 'id']);
  articles.createIndex('by-issue', ['gen', 'issueId']);
  const entities = db.createObjectStore('entities', { keyPath: idKey });
  entities.createIndex('by-id', ['gen', 'id']);
  entities.createIndex('by-name', ['gen', 'name']);
  entities.createIndex('by-type', ['gen', 'type']);
  const mentions = db.createObjectStore('mentions', { keyPath: ['gen', 'owner', 'seq'] });
  mentions.createIndex('by-entity', ['gen', 'entityId']);
  mentions.createIndex('by-article', ['gen', 'articleId']);
  const figures = db.createObjectStore('figures', { keyPath: idKey });
  figures.createIndex('by-article', ['gen', 'articleId']);
  db.createObjectStore('matcher');
  db.createObjectStore('meta');
}

/** Writes a bundle the way v1 stored it: every record stamped with gen, owner and seq; issues with their text hash. */
async function writeV1Records(db: IDBPDatabase, bundle: ArchiveBundle, gen: number | 'user', owner: string): Promise<void> {
  const tx = db.transaction(['issues', 'articles', 'entities', 'mentions', 'figures'], 'readwrite');
  const stamp = (seq: number) => ({ gen, owner, seq });
  const pending: Promise<unknown>[] = [];
  bundle.issues.forEach((r, seq) =>
    pending.push(tx.objectStore('issues').put({ ...r, ...stamp(seq), textHash: issueTextHash(bundle.articles.filter((a) => a.issueId === r.id)) })),
  );
  bundle.articles.forEach((r, seq) => pending.push(tx.objectStore('articles').put({ ...r, ...stamp(seq) })));
  bundle.entities.forEach((r, seq) => pending.push(tx.objectStore('entities').put({ ...r, ...stamp(seq) })));
  bundle.mentions.forEach((r, seq) => pending.push(tx.objectStore('mentions').put({ ...r, ...stamp(seq) })));
  bundle.figures.forEach((r, seq) => pending.push(tx.objectStore('figures').put({ ...r, ...stamp(seq) })));
  await Promise.all([...pending, tx.done]);
}

const files = seedFiles();
const archive = () => seedBundle(files.slice(0, 4));
const userIssue = () => seedBundle([files[4]!]);

/** A v1 database holding a bundled archive (generation 1), one user issue, and one hidden issue. */
async function createV1Database(): Promise<void> {
  freshIndexedDb();
  const db = await openDB(DB_NAME, 1, { upgrade: (database) => createSchemaV1(unwrap(database)) });
  const owner = `1:${userIssue().issues[0]!.id}`;
  await writeV1Records(db, archive(), 1, '');
  await writeV1Records(db, userIssue(), 'user', owner);
  const u = userIssue().issues[0]!;
  const tx = db.transaction('meta', 'readwrite');
  const meta = tx.objectStore('meta');
  await Promise.all([
    meta.put(1, 'schemaVersion'),
    meta.put({ generation: 1, hash: 'v1-archive', archiveVersion: 1, importedAt: 1, counts: countsOf(archive()) }, 'activeGeneration'),
    meta.put({ nextGeneration: 2, nextUserImport: 2 }, 'counters'),
    meta.put(
      [{ issueId: u.id, owner, source: u.source, date: u.date, issueNo: u.issueNo, textHash: issueTextHash(userIssue().articles), addedAt: 1 }],
      'userIssues',
    ),
    meta.put([archive().issues[1]!.id], 'hiddenIssues'),
    tx.done,
  ]);
  db.close();
}

describe('upgrading a v1 database', () => {
  test('opening it with the current code keeps every record, and the v2 indexes work on them', async () => {
    await createV1Database();
    const db = keep(await openArchiveDb());
    expect(db.version).toBe(SCHEMA_VERSION);
    expect((await readStatus(db)).schemaVersion).toBe(SCHEMA_VERSION);

    expect(await rawCounts(db)).toEqual({
      issues: 5,
      articles: archive().articles.length + userIssue().articles.length,
      entities: archive().entities.length + userIssue().entities.length,
      mentions: archive().mentions.length + userIssue().mentions.length,
      figures: archive().figures.length + userIssue().figures.length,
    });
    expect((await countRecords(db)).issues).toBe(5);
    expect(await exportBundle(db, 'bundled')).toEqual(archive());
    expect(await exportBundle(db, 'user')).toEqual(userIssue());
    expect((await listIssues(db)).map((i) => i.id)).toEqual(
      [...archive().issues, ...userIssue().issues].map((i) => i.id).filter((id) => id !== archive().issues[1]!.id),
    );

    // v2: every entity got `names`, so aliases are found, in both generations.
    const sample = await db.transaction('entities').store.getAll();
    expect(sample).toHaveLength(archive().entities.length + userIssue().entities.length);
    for (const e of sample) expect(e.names).toEqual([...new Set([e.name, ...e.aliases])]);
    const withAlias = archive().entities.filter((e) => e.aliases.length > 0);
    expect(withAlias.length).toBeGreaterThan(0);
    for (const e of withAlias) {
      for (const alias of e.aliases) expect((await entitiesByNameOrAlias(db, alias)).map((x) => x.id)).toContain(e.id);
    }
    const userOnly = userIssue().entities.find((e) => e.aliases.length > 0 && !archive().entities.some((a) => a.id === e.id));
    if (userOnly) expect((await entitiesByNameOrAlias(db, userOnly.aliases[0]!)).map((x) => x.id)).toContain(userOnly.id);

    // v2: figures by their subject entity, from records written before the index existed.
    const subjects = new Set([...archive().figures, ...userIssue().figures].map((f) => f.subjectEntityId).filter((s) => s !== null));
    expect(subjects.size).toBeGreaterThan(0);
    for (const s of subjects) {
      const expected = [...archive().figures, ...userIssue().figures].filter((f) => f.subjectEntityId === s);
      expect(await figuresOfEntity(db, s)).toEqual(expected);
    }
    // v1 indexes still answer.
    const first = archive().entities[0]!;
    expect(await entityById(db, first.id)).toBeDefined();
    expect((await entitiesByName(db, first.name)).map((e) => e.id)).toContain(first.id);
  });

  test('after the upgrade the archive keeps working: an update keeps the user issue and the hidden list', async () => {
    await createV1Database();
    const db = keep(await openArchiveDb());
    const all = seedBundle();
    const outcome = value(await importBundle(db, all, { source: 'bundled', chunkSize: 150 }));
    // Generation numbers continue from v1's counter; the user issue is now in the bundle, so it gives way.
    expect(outcome).toMatchObject({ generation: 2, superseded: [userIssue().issues[0]!.id], cleanupPending: false });
    expect(await exportBundle(db)).toEqual(all);
    expect(await rawCounts(db)).toEqual(countsOf(all));
    expect((await readStatus(db)).hiddenIssues).toEqual([archive().issues[1]!.id]);
  });

  test('an import cut off under v1 resumes under v2', async () => {
    freshIndexedDb();
    const v1 = keep(await openArchiveDb({ version: 1 }));
    const controller = new AbortController();
    const cut = await importBundle(v1, archive(), {
      source: 'bundled',
      chunkSize: 100,
      signal: controller.signal,
      onChunk: (c) => c.chunks === 6 && controller.abort(),
    });
    expect(cut).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    v1.close();

    const db = keep(await openArchiveDb());
    expect(value(await importBundle(db, archive(), { source: 'bundled', chunkSize: 100 }))).toMatchObject({ resumed: true, status: 'imported' });
    expect(await exportBundle(db)).toEqual(archive());
    const withAlias = archive().entities.find((e) => e.aliases.length > 0)!;
    expect((await entitiesByNameOrAlias(db, withAlias.aliases[0]!)).map((e) => e.id)).toContain(withAlias.id);
  });
});

describe('another connection holding the old version', () => {
  test('a connection opened by this code closes on versionchange, and the upgrade proceeds', async () => {
    freshIndexedDb();
    const closed: string[] = [];
    const old = keep(await openArchiveDb({ version: 1, onClose: (reason) => closed.push(reason) }));
    value(await importBundle(old, archive(), { source: 'bundled', chunkSize: 500 }));
    const blocked: unknown[] = [];
    const db = keep(await openArchiveDb({ onBlocked: (info) => blocked.push(info) }));
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(closed).toEqual(['versionchange']);
    expect(blocked).toEqual([]);
    expect(await exportBundle(db)).toEqual(archive());
    // The old connection is closed for good: using it fails with a typed error, not a raw exception.
    await expect(countRecords(old)).rejects.toSatisfy((e: unknown) => e instanceof StoreFailure && e.error.kind === 'closed');
  });

  test('a connection that ignores versionchange blocks the upgrade: reported, and it proceeds once that one closes', async () => {
    await createV1Database();
    const stubborn = await openDB(DB_NAME, 1);
    const blocked: { currentVersion: number; requestedVersion: number }[] = [];
    let done = false;
    const opening = openArchiveDb({ onBlocked: (info) => blocked.push(info) }).then((db) => {
      done = true;
      return keep(db);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(blocked).toEqual([{ currentVersion: 1, requestedVersion: SCHEMA_VERSION }]);
    expect(done).toBe(false);
    stubborn.close();
    const db = await opening;
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await exportBundle(db, 'bundled')).toEqual(archive());
  });

  test('a database newer than the code (the extension was downgraded) is reported as a typed error', async () => {
    const db = await freshDb();
    db.close();
    await expect(openArchiveDb({ version: 1 })).rejects.toSatisfy((e: unknown) => e instanceof StoreFailure && e.error.kind === 'version');
  });
});

describe('a migration that fails', () => {
  test('aborts the upgrade: the database stays at v1 with its data, and opening reports a typed error', async () => {
    await createV1Database();
    // A record the v2 backfill cannot read (no aliases): the step throws inside the upgrade.
    const v1 = await openDB(DB_NAME, 1);
    await v1.put('entities', { id: 'broken', type: 'org', name: 'x', gen: 1, owner: '', seq: 9999 });
    v1.close();

    const failure = await openArchiveDb().then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(StoreFailure);
    expect((failure as StoreFailure).error.kind).toBe('unknown');

    const still = await openDB(DB_NAME);
    expect(still.version).toBe(1);
    expect([...still.transaction('entities').store.indexNames]).not.toContain('by-names');
    expect(await still.count('issues')).toBe(5);
    expect(await still.get('meta', 'schemaVersion')).toBe(1);
    still.close();
  });
});
