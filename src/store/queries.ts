// What the extension's pages and the background ask of the archive. Every query runs in one
// read-only transaction that also reads meta, and returns only visible records (the active
// bundled generation and committed user issues; see generations.ts), in ArchiveBundle shapes.
// Failures are thrown as StoreFailure (typed), never as raw DOMExceptions.
import type { ArchiveBundle, ArticleRecord, EntityRecord, EntityType, FigureRecord, IssueRecord, MentionRecord } from '../archive/types';
import { isVisible, readVisibility } from './generations';
import { bySeq, entitiesWithIds, inArchiveOrder, lookup, reading, visibleOwners } from './lookups';
import type { ArchiveDb } from './open';
import { mergeEntitiesById, plainArticle, plainEntity, plainFigure, plainIssue, plainMention } from './records';
import type { IDBPTransaction } from 'idb';
import { BUNDLED_OWNER, DATA_STORES, USER_GEN, prefixRange, type ArchiveDB, type DataStoreName, type Gen, type StoreCounts } from './schema';

export interface IssueView extends IssueRecord {
  origin: 'bundled' | 'user';
  hidden: boolean;
}

/**
 * Issues: bundled in bundle order, then user issues in the order they were added (the UI sorts,
 * e.g. with compareIssues). Hidden bundled issues are left out unless `includeHidden` (the
 * options page lists them to offer "show again"). Hiding only takes an issue out of this list:
 * its articles still answer lookups by id and by entity, so links into it keep working.
 */
export function listIssues(db: ArchiveDb, options: { includeHidden?: boolean } = {}): Promise<IssueView[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'issues']);
    const v = await readVisibility(tx.objectStore('meta'));
    const store = tx.objectStore('issues');
    const views: IssueView[] = [];
    for (const { gen, owner } of visibleOwners(v)) {
      const origin = gen === USER_GEN ? 'user' : 'bundled';
      for (const s of (await store.getAll(prefixRange(gen, owner))).sort(bySeq)) {
        const hidden = origin === 'bundled' && v.hidden.has(s.id);
        if (!hidden || options.includeHidden) views.push({ ...plainIssue(s), origin, hidden });
      }
    }
    return views;
  });
}

/** The articles of one issue, in print order. */
export function articlesOfIssue(db: ArchiveDb, issueId: string): Promise<ArticleRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'articles']);
    const v = await readVisibility(tx.objectStore('meta'));
    return (await lookup(tx.objectStore('articles').index('by-issue'), v, issueId)).map(plainArticle);
  });
}

export function articleById(db: ArchiveDb, articleId: string): Promise<ArticleRecord | undefined> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'articles']);
    const v = await readVisibility(tx.objectStore('meta'));
    const [found] = await lookup(tx.objectStore('articles').index('by-id'), v, articleId);
    return found && plainArticle(found);
  });
}

export function entityById(db: ArchiveDb, entityId: string): Promise<EntityRecord | undefined> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'entities']);
    const v = await readVisibility(tx.objectStore('meta'));
    const [entity] = await entitiesWithIds(tx.objectStore('entities').index('by-id'), v, [entityId]);
    return entity;
  });
}

/** Entities whose canonical name is exactly `name`. */
export function entitiesByName(db: ArchiveDb, name: string): Promise<EntityRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'entities']);
    const v = await readVisibility(tx.objectStore('meta'));
    const store = tx.objectStore('entities');
    const found = await lookup(store.index('by-name'), v, name);
    return entitiesWithIds(store.index('by-id'), v, found.map((e) => e.id));
  });
}

/** Entities whose name or one of whose aliases is exactly `name` (株洲 → 株洲市, 三一 → 三一集团有限公司). */
export function entitiesByNameOrAlias(db: ArchiveDb, name: string): Promise<EntityRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'entities']);
    const v = await readVisibility(tx.objectStore('meta'));
    const store = tx.objectStore('entities');
    // The multiEntry index cannot lead with gen (IndexedDB forbids multiEntry on compound key
    // paths), so it returns every generation's copies; at most two generations coexist, briefly.
    const found = inArchiveOrder(
      v,
      (await store.index('by-names').getAll(IDBKeyRange.only(name))).filter((e) => isVisible(v, e)),
    );
    return entitiesWithIds(store.index('by-id'), v, found.map((e) => e.id));
  });
}

export function entitiesByType(db: ArchiveDb, type: EntityType): Promise<EntityRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'entities']);
    const v = await readVisibility(tx.objectStore('meta'));
    return mergeEntitiesById((await lookup(tx.objectStore('entities').index('by-type'), v, type)).map(plainEntity));
  });
}

/** Every mention of an entity (each names its article), in archive order. */
export function mentionsOfEntity(db: ArchiveDb, entityId: string): Promise<MentionRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'mentions']);
    const v = await readVisibility(tx.objectStore('meta'));
    return (await lookup(tx.objectStore('mentions').index('by-entity'), v, entityId)).map(plainMention);
  });
}

/** The articles that mention an entity, each once, in the order of their first mention. */
export function articlesMentioning(db: ArchiveDb, entityId: string): Promise<ArticleRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'mentions', 'articles']);
    const v = await readVisibility(tx.objectStore('meta'));
    const mentions = await lookup(tx.objectStore('mentions').index('by-entity'), v, entityId);
    const keys = new Map<string, [Gen, string, string]>();
    for (const m of mentions) keys.set(`${String(m.gen)}\u0000${m.owner}\u0000${m.articleId}`, [m.gen, m.owner, m.articleId]);
    const articles = tx.objectStore('articles');
    const found = await Promise.all([...keys.values()].map((key) => articles.get(key)));
    return found.filter((a) => a !== undefined).map(plainArticle);
  });
}

/** Figures whose subject is the entity. */
export function figuresOfEntity(db: ArchiveDb, entityId: string): Promise<FigureRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'figures']);
    const v = await readVisibility(tx.objectStore('meta'));
    return (await lookup(tx.objectStore('figures').index('by-entity'), v, entityId)).map(plainFigure);
  });
}

export function figuresOfArticle(db: ArchiveDb, articleId: string): Promise<FigureRecord[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'figures']);
    const v = await readVisibility(tx.objectStore('meta'));
    return (await lookup(tx.objectStore('figures').index('by-article'), v, articleId)).map(plainFigure);
  });
}

/**
 * How many visible records each store holds, counted in the database (not taken from meta), so
 * tests and the options page can check them against the bundle. Hidden issues count: hiding is
 * a view setting. Entities count distinct ids (a user issue's copy of a bundled entity is one).
 */
export function countRecords(db: ArchiveDb): Promise<StoreCounts> {
  return reading(async () => {
    const tx = db.transaction(['meta', ...DATA_STORES]);
    const v = await readVisibility(tx.objectStore('meta'));
    const owners = visibleOwners(v);
    const counts = { issues: 0, articles: 0, entities: 0, mentions: 0, figures: 0 };
    for (const store of DATA_STORES) {
      if (store === 'entities') continue;
      const objects = tx.objectStore(store);
      for (const n of await Promise.all(owners.map(({ gen, owner }) => objects.count(prefixRange(gen, owner))))) counts[store] += n;
    }
    const entities = tx.objectStore('entities');
    if (v.active) counts.entities = await entities.count(prefixRange(v.active.generation, BUNDLED_OWNER));
    const userIds = new Set<string>();
    for (const u of v.userIssues) for (const [, , id] of await entities.getAllKeys(prefixRange(USER_GEN, u.owner))) userIds.add(id);
    for (const id of userIds) {
      const bundled = v.active ? await entities.count([v.active.generation, BUNDLED_OWNER, id]) : 0;
      if (bundled === 0) counts.entities += 1;
    }
    return counts;
  });
}

/**
 * The visible archive as an ArchiveBundle (records in their original order, entity copies
 * merged): 'all', only the bundled archive, or only the user's issues (for "export my issues",
 * which importBundle(…, { source: 'user' }) takes back).
 */
export function exportBundle(db: ArchiveDb, scope: 'all' | 'bundled' | 'user' = 'all'): Promise<ArchiveBundle> {
  return reading(async () => {
    const tx = db.transaction(['meta', ...DATA_STORES]);
    const v = await readVisibility(tx.objectStore('meta'));
    return bundleOfOwners(
      tx,
      visibleOwners(v).filter(({ gen }) => scope === 'all' || (scope === 'user') === (gen === USER_GEN)),
    );
  });
}

export type ArchiveReadTx = IDBPTransaction<ArchiveDB, ('meta' | DataStoreName)[], 'readonly'>;

/** The records of these owners as one bundle: owner by owner, each in its original order, entity copies merged. */
export async function bundleOfOwners(tx: ArchiveReadTx, owners: readonly { gen: Gen; owner: string }[]): Promise<ArchiveBundle> {
  async function all<S extends DataStoreName>(store: S) {
    const objects = tx.objectStore(store);
    const parts = await Promise.all(owners.map(({ gen, owner }) => objects.getAll(prefixRange(gen, owner))));
    return parts.flatMap((part) => part.sort(bySeq));
  }
  const [issues, articles, entities, mentions, figures] = await Promise.all([
    all('issues'),
    all('articles'),
    all('entities'),
    all('mentions'),
    all('figures'),
  ]);
  return {
    version: 1,
    issues: issues.map(plainIssue),
    articles: articles.map(plainArticle),
    entities: mergeEntitiesById(entities.map(plainEntity)),
    mentions: mentions.map(plainMention),
    figures: figures.map(plainFigure),
  };
}
