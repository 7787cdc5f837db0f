// Schema upgrades as a list of steps, one per version, applied in order inside the versionchange
// transaction. A user on version N who opens version N+1 runs only the steps after N, on their
// existing data, so nothing they imported is lost. Never edit a released step: add a new one.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { START } from './chunks';
import { getMeta, putMeta } from './meta';
import { OwnerFacts, withMetricOf } from './recency';
import type { ArchiveDB, Gen, StoredEntity, StoredFigure, StoredMention } from './schema';

export type UpgradeDb = IDBPDatabase<ArchiveDB>;
export type UpgradeTx = IDBPTransaction<ArchiveDB, StoreNames<ArchiveDB>[], 'versionchange'>;

export interface Migration {
  /** The schema version this step produces. */
  version: number;
  why: string;
  run(db: UpgradeDb, tx: UpgradeTx): void | Promise<void>;
}

/** Entities as v1 stored them: no `names`. */
type EntityV1 = Omit<StoredEntity, 'names'> & { names?: string[] };
/** Records as v3 stored them: no `stats`, `recency`, `withMetric`. */
type EntityV3 = Omit<StoredEntity, 'stats'>;
type MentionV3 = Omit<StoredMention, 'recency'>;
type FigureV3 = Omit<StoredFigure, 'recency' | 'withMetric'>;

/** One owner's records in the v4 backfill: facts are only ever joined within an owner. */
const scopeOf = (r: { gen: Gen; owner: string }): string => JSON.stringify([r.gen, r.owner]);

export function entityNames(entity: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([entity.name, ...entity.aliases])];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'The first schema: data stores keyed by [gen, owner, id], indexes by generation, matcher and meta.',
    run(db) {
      const byGen = <T extends string>(field: T): ['gen', T] => ['gen', field];
      db.createObjectStore('issues', { keyPath: ['gen', 'owner', 'id'] });
      const articles = db.createObjectStore('articles', { keyPath: ['gen', 'owner', 'id'] });
      articles.createIndex('by-id', byGen('id'));
      articles.createIndex('by-issue', byGen('issueId'));
      const entities = db.createObjectStore('entities', { keyPath: ['gen', 'owner', 'id'] });
      entities.createIndex('by-id', byGen('id'));
      entities.createIndex('by-name', byGen('name'));
      entities.createIndex('by-type', byGen('type'));
      const mentions = db.createObjectStore('mentions', { keyPath: ['gen', 'owner', 'seq'] });
      mentions.createIndex('by-entity', byGen('entityId'));
      mentions.createIndex('by-article', byGen('articleId'));
      const figures = db.createObjectStore('figures', { keyPath: ['gen', 'owner', 'id'] });
      figures.createIndex('by-article', byGen('articleId'));
      db.createObjectStore('matcher');
      db.createObjectStore('meta');
    },
  },
  {
    version: 2,
    why:
      'Lookups by alias (a multiEntry index over names = [name, ...aliases], backfilled into every ' +
      'existing entity) and figures by their subject entity (indexed from the records already there).',
    async run(_db, tx) {
      const entities = tx.objectStore('entities');
      // Backfill before creating the index, so the index is built once rather than updated per record.
      for (let cursor = await entities.openCursor(); cursor; cursor = await cursor.continue()) {
        const old: EntityV1 = cursor.value;
        await cursor.update({ ...old, names: entityNames(old) });
      }
      entities.createIndex('by-names', 'names', { multiEntry: true });
      // Records whose subjectEntityId is null have no valid key and are simply not indexed.
      tx.objectStore('figures').createIndex('by-entity', ['gen', 'subjectEntityId']);
    },
  },
  {
    version: 3,
    why:
      'The search index: segments derived from the visible records (one per bundled generation and ' +
      'one per user issue), built after an import; nothing existing changes, old data is indexed on first use.',
    run(db) {
      db.createObjectStore('search');
    },
  },
  {
    version: 4,
    why:
      'Hover cards read a bounded amount at any archive size: mentions and figures carry their ' +
      "article's place in issue order (`recency`, indexed per entity, figures with a metric apart), " +
      "entity copies carry their owner's mention, article and figure counts (`stats`); all backfilled " +
      'here, per generation and owner, by the same rules the import stamps them with (recency.ts).',
    async run(_db, tx) {
      // An import cut off under v3 has written entities without stats whose mentions may not be
      // written yet: it starts again from its first chunk (same plan, same keys), so every record
      // it leaves is stamped by the v4 plan.
      const meta = tx.objectStore('meta');
      const bundled = await getMeta(meta, 'bundledImport');
      if (bundled) await putMeta(meta, 'bundledImport', { ...bundled, progress: START });
      const user = await getMeta(meta, 'userImport');
      if (user) await putMeta(meta, 'userImport', { ...user, progress: START });

      // Every generation and owner, visible or not: leftovers are deleted by cleanup anyway, and
      // an unfinished import's records must be stamped like any other.
      const facts = new OwnerFacts();
      for (let c = await tx.objectStore('issues').openCursor(); c; c = await c.continue()) facts.addIssue(scopeOf(c.value), c.value);
      for (let c = await tx.objectStore('articles').openCursor(); c; c = await c.continue()) facts.addArticle(scopeOf(c.value), c.value, c.value.seq);
      // Backfill before creating the indexes, so each is built once rather than updated per record.
      const mentions = tx.objectStore('mentions');
      for (let c = await mentions.openCursor(); c; c = await c.continue()) {
        const old: MentionV3 = c.value;
        facts.countMention(scopeOf(old), old);
        const recency = facts.mentionRecency(scopeOf(old), old);
        if (recency) await c.update({ ...old, recency });
      }
      const figures = tx.objectStore('figures');
      for (let c = await figures.openCursor(); c; c = await c.continue()) {
        const old: FigureV3 = c.value;
        facts.countFigure(scopeOf(old), old);
        const recency = facts.figureRecency(scopeOf(old), old);
        await c.update(recency ? { ...old, withMetric: withMetricOf(old), recency } : { ...old, withMetric: withMetricOf(old) });
      }
      for (let c = await tx.objectStore('entities').openCursor(); c; c = await c.continue()) {
        const old: EntityV3 = c.value;
        await c.update({ ...old, stats: facts.statsOf(scopeOf(old), old.id) });
      }
      mentions.createIndex('by-entity-recency', ['gen', 'entityId', 'recency']);
      // Figures without a subject (null) or without a recency have no valid key and are not indexed.
      figures.createIndex('by-entity-recency', ['gen', 'subjectEntityId', 'withMetric', 'recency']);
    },
  },
];

/**
 * Runs the steps after `oldVersion` up to `newVersion`, in order, then records the version in
 * meta. Any failure aborts the versionchange transaction: the database stays at `oldVersion`,
 * with its data, and opening reports the error.
 */
export function upgradeArchive(db: UpgradeDb, oldVersion: number, newVersion: number, tx: UpgradeTx, onError?: (e: unknown) => void): void {
  const steps = MIGRATIONS.filter((m) => m.version > oldVersion && m.version <= newVersion);
  // The opener learns of a failed upgrade through its rejected open; idb's promise for this
  // transaction must not also surface as an unhandled rejection.
  tx.done.catch(() => undefined);
  void (async () => {
    try {
      for (const step of steps) await step.run(db, tx);
      await tx.objectStore('meta').put(newVersion, 'schemaVersion');
    } catch (e) {
      // Opening only sees an AbortError; hand the real cause to the opener so it can say what failed.
      onError?.(e);
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: opening reports the transaction's own error.
      }
    }
  })();
}
