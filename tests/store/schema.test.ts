import { unwrap } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations';
import type { ArchiveDb } from '../../src/store/open';
import { readStatus } from '../../src/store/status';
import { DATA_STORES, DB_NAME, SCHEMA_VERSION } from '../../src/store/schema';
import { freshDb } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

describe('schema', () => {
  test('migration steps are v1, v2, … in order, ending at the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(4);
  });

  test('a new database has every store, key path and index of the current schema', async () => {
    db = await freshDb();
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...DATA_STORES, 'matcher', 'meta', 'search'].sort());
    // The raw connection, so indexes can be listed by name without the typed wrapper's narrowing.
    const tx = unwrap(db).transaction([...DATA_STORES, 'matcher', 'meta']);
    const shape = (name: string) => {
      const store = tx.objectStore(name);
      return {
        keyPath: store.keyPath,
        indexes: Object.fromEntries(
          [...store.indexNames].map((i) => {
            const index = store.index(i);
            return [i, { keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique }];
          }),
        ),
      };
    };
    const gen = (f: string) => ({ keyPath: ['gen', f], multiEntry: false, unique: false });
    expect(shape('issues')).toEqual({ keyPath: ['gen', 'owner', 'id'], indexes: {} });
    expect(shape('articles')).toEqual({ keyPath: ['gen', 'owner', 'id'], indexes: { 'by-id': gen('id'), 'by-issue': gen('issueId') } });
    expect(shape('entities')).toEqual({
      keyPath: ['gen', 'owner', 'id'],
      indexes: {
        'by-id': gen('id'),
        'by-name': gen('name'),
        'by-type': gen('type'),
        'by-names': { keyPath: 'names', multiEntry: true, unique: false },
      },
    });
    const plain = (keyPath: string[]) => ({ keyPath, multiEntry: false, unique: false });
    expect(shape('mentions')).toEqual({
      keyPath: ['gen', 'owner', 'seq'],
      indexes: { 'by-entity': gen('entityId'), 'by-article': gen('articleId'), 'by-entity-recency': plain(['gen', 'entityId', 'recency']) },
    });
    expect(shape('figures')).toEqual({
      keyPath: ['gen', 'owner', 'id'],
      indexes: {
        'by-article': gen('articleId'),
        'by-entity': gen('subjectEntityId'),
        'by-entity-recency': plain(['gen', 'subjectEntityId', 'withMetric', 'recency']),
      },
    });
    expect(tx.objectStore('matcher').keyPath).toBeNull();
    expect(tx.objectStore('meta').keyPath).toBeNull();
    expect((await readStatus(db)).schemaVersion).toBe(SCHEMA_VERSION);
  });

  test('a new database is empty and reports no active archive', async () => {
    db = await freshDb();
    const status = await readStatus(db);
    expect(status).toMatchObject({ active: null, userIssues: [], hiddenIssues: [], pending: [], cleanupTasks: 0 });
  });
});
