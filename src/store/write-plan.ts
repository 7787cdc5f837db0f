// What an import writes: per store, in DATA_STORES order, the stored records made on demand chunk
// by chunk (a 1,000× archive is never copied whole into stored form). The plan is a pure function
// of the bundle (and, for user imports, of the issues planned when the import began), so a resumed
// import sees exactly the same records at the same offsets as the call that was cut off.
import type { StoreValue } from 'idb';
import type { ArchiveBundle, ArticleRecord } from '../archive/types';
import { issueTextHash } from './hash';
import type { PlannedUserIssue } from './meta';
import { OwnerFacts } from './recency';
import { storeArticle, storeEntity, storeFigure, storeIssue, storeMention, type Placement } from './records';
import { BUNDLED_OWNER, DATA_STORES, USER_GEN, type ArchiveDB, type DataStoreName } from './schema';

export type StoredRecord = StoreValue<ArchiveDB, DataStoreName>;

export interface StoreRows {
  store: DataStoreName;
  length: number;
  slice(from: number, to: number): StoredRecord[];
}

interface Row<T> {
  record: T;
  owner: string;
  seq: number;
}

function rowsOf<T>(store: DataStoreName, rows: readonly Row<T>[], gen: Placement['gen'], make: (r: T, p: Placement) => StoredRecord): StoreRows {
  return {
    store,
    length: rows.length,
    slice: (from, to) => rows.slice(from, to).map(({ record, owner, seq }) => make(record, { gen, owner, seq })),
  };
}

function inStoreOrder(byStore: Record<DataStoreName, StoreRows>): StoreRows[] {
  return DATA_STORES.map((store) => byStore[store]);
}

export function issueTextHashes(bundle: ArchiveBundle): Map<string, string> {
  const byIssue = new Map<string, ArticleRecord[]>();
  for (const a of bundle.articles) {
    const list = byIssue.get(a.issueId);
    if (list) list.push(a);
    else byIssue.set(a.issueId, [a]);
  }
  return new Map(bundle.issues.map((i) => [i.id, issueTextHash(byIssue.get(i.id) ?? [])]));
}

export function bundledPlan(bundle: ArchiveBundle, gen: number, textHashes: Map<string, string>): StoreRows[] {
  // Every bundled record has the one owner, so it is the one scope of the facts. They are counted
  // in full now: entities are written before the mentions and figures their stats count.
  const facts = new OwnerFacts();
  const scope = BUNDLED_OWNER;
  for (const i of bundle.issues) facts.addIssue(scope, i);
  bundle.articles.forEach((a, seq) => facts.addArticle(scope, a, seq));
  for (const m of bundle.mentions) facts.countMention(scope, m);
  for (const f of bundle.figures) facts.countFigure(scope, f);
  // Bundled rows are the bundle's own arrays; only the placement (and v4's stamps) is added, lazily.
  const lazy = <T>(store: DataStoreName, records: readonly T[], make: (r: T, p: Placement) => StoredRecord): StoreRows => ({
    store,
    length: records.length,
    slice: (from, to) => records.slice(from, to).map((r, i) => make(r, { gen, owner: BUNDLED_OWNER, seq: from + i })),
  });
  return inStoreOrder({
    issues: lazy('issues', bundle.issues, (r, p) => storeIssue(r, p, textHashes.get(r.id) ?? '')),
    articles: lazy('articles', bundle.articles, storeArticle),
    entities: lazy('entities', bundle.entities, (r, p) => storeEntity(r, p, facts.statsOf(scope, r.id))),
    mentions: lazy('mentions', bundle.mentions, (r, p) => storeMention(r, p, facts.mentionRecency(scope, r))),
    figures: lazy('figures', bundle.figures, (r, p) => storeFigure(r, p, facts.figureRecency(scope, r))),
  });
}

/**
 * User records, each under the owner of the issue it belongs to. Entities are the one shared
 * part of a bundle: each planned issue that refers to an entity (a mention, a figure's subject,
 * a title printed in one of its articles) gets its own copy, so removing one issue never takes
 * away an entity another issue still shows; readers merge the copies. An entity nothing refers
 * to goes with every planned issue; one that only skipped issues refer to is left out.
 */
export function userPlan(bundle: ArchiveBundle, planned: readonly PlannedUserIssue[]): StoreRows[] {
  const ownerOfIssue = new Map(planned.map((p) => [p.issueId, p.owner]));
  const textHashOf = new Map(planned.map((p) => [p.issueId, p.textHash]));
  const issueOfArticle = new Map(bundle.articles.map((a) => [a.id, a.issueId]));
  const ownerOfArticle = (articleId: string): string | undefined => {
    const issueId = issueOfArticle.get(articleId);
    return issueId === undefined ? undefined : ownerOfIssue.get(issueId);
  };
  const one = (owner: string | undefined): string[] => (owner === undefined ? [] : [owner]);
  const pick = <T>(records: readonly T[], owners: (r: T) => readonly string[]): Row<T>[] =>
    records.flatMap((record, seq) => owners(record).map((owner) => ({ record, owner, seq })));

  const referrers = new Map<string, Set<string>>();
  const refer = (entityId: string, articleId: string): void => {
    const set = referrers.get(entityId) ?? new Set<string>();
    referrers.set(entityId, set);
    const owner = ownerOfArticle(articleId);
    if (owner !== undefined) set.add(owner);
  };
  for (const m of bundle.mentions) refer(m.entityId, m.articleId);
  for (const f of bundle.figures) if (f.subjectEntityId !== null) refer(f.subjectEntityId, f.articleId);
  for (const e of bundle.entities) for (const t of e.titleHistory ?? []) refer(e.id, t.articleId);
  const everyOwner = planned.map((p) => p.owner);

  const issues = pick(bundle.issues, (r) => one(ownerOfIssue.get(r.id)));
  const articles = pick(bundle.articles, (r) => one(ownerOfIssue.get(r.issueId)));
  const mentions = pick(bundle.mentions, (r) => one(ownerOfArticle(r.articleId)));
  const figures = pick(bundle.figures, (r) => one(ownerOfArticle(r.articleId)));
  // Each owner is a scope of its own: what one user issue holds, as its records will be stored.
  const facts = new OwnerFacts();
  for (const { record, owner } of issues) facts.addIssue(owner, record);
  for (const { record, owner, seq } of articles) facts.addArticle(owner, record, seq);
  for (const { record, owner } of mentions) facts.countMention(owner, record);
  for (const { record, owner } of figures) facts.countFigure(owner, record);

  return inStoreOrder({
    issues: rowsOf('issues', issues, USER_GEN, (r, p) => storeIssue(r, p, textHashOf.get(r.id) ?? '')),
    articles: rowsOf('articles', articles, USER_GEN, storeArticle),
    entities: rowsOf('entities', pick(bundle.entities, (r) => [...(referrers.get(r.id) ?? everyOwner)]), USER_GEN, (r, p) =>
      storeEntity(r, p, facts.statsOf(p.owner, r.id)),
    ),
    mentions: rowsOf('mentions', mentions, USER_GEN, (r, p) => storeMention(r, p, facts.mentionRecency(p.owner, r))),
    figures: rowsOf('figures', figures, USER_GEN, (r, p) => storeFigure(r, p, facts.figureRecency(p.owner, r))),
  });
}
