// Bundle records ↔ stored records. Storing adds the bookkeeping fields (gen, owner, seq, and the
// derived `names` / `textHash` / `stats` / `recency` / `withMetric`); reading strips them again, so
// callers only ever see the ArchiveBundle shapes of src/archive/types.ts.
import type { ArticleRecord, EntityRecord, FigureRecord, IssueRecord, MentionRecord } from '../archive/types';
import { entityNames } from './migrations';
import { withMetricOf, type EntityStats, type Recency } from './recency';
import type { Gen, StoredArticle, StoredEntity, StoredFigure, StoredIssue, StoredMention } from './schema';

export interface Placement {
  gen: Gen;
  owner: string;
  seq: number;
}

export const storeIssue = (r: IssueRecord, p: Placement, textHash: string): StoredIssue => ({ ...r, ...p, textHash });
export const storeArticle = (r: ArticleRecord, p: Placement): StoredArticle => ({ ...r, ...p });
export const storeEntity = (r: EntityRecord, p: Placement, stats: EntityStats): StoredEntity => ({ ...r, ...p, names: entityNames(r), stats });
export const storeMention = (r: MentionRecord, p: Placement, recency: Recency | undefined): StoredMention =>
  recency === undefined ? { ...r, ...p } : { ...r, ...p, recency };
export const storeFigure = (r: FigureRecord, p: Placement, recency: Recency | undefined): StoredFigure =>
  recency === undefined ? { ...r, ...p, withMetric: withMetricOf(r) } : { ...r, ...p, withMetric: withMetricOf(r), recency };

export function plainIssue(s: StoredIssue): IssueRecord {
  const { gen: _gen, owner: _owner, seq: _seq, textHash: _textHash, ...issue } = s;
  return issue;
}
export function plainArticle(s: StoredArticle): ArticleRecord {
  const { gen: _gen, owner: _owner, seq: _seq, ...article } = s;
  return article;
}
export function plainEntity(s: StoredEntity): EntityRecord {
  const { gen: _gen, owner: _owner, seq: _seq, names: _names, stats: _stats, ...entity } = s;
  return entity;
}
export function plainMention(s: StoredMention): MentionRecord {
  const { gen: _gen, owner: _owner, seq: _seq, recency: _recency, ...mention } = s;
  return mention;
}
export function plainFigure(s: StoredFigure): FigureRecord {
  const { gen: _gen, owner: _owner, seq: _seq, recency: _recency, withMetric: _withMetric, ...figure } = s;
  return figure;
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * One entity from its copies: the bundled record and one copy per user issue that found it (each
 * user issue carries the entities its own parse found, so removing the issue removes them too).
 * The first copy decides the scalar fields; names, titles and the title history are pooled, so a
 * user issue that printed a new title for an official shows up on the bundled official's profile.
 */
export function mergeEntityCopies(copies: readonly EntityRecord[]): EntityRecord | undefined {
  const [first, ...rest] = copies;
  if (first === undefined || rest.length === 0) return first;
  const merged: EntityRecord = { ...first, aliases: [...first.aliases] };
  for (const copy of rest) {
    merged.aliases = union(merged.aliases, copy.aliases).filter((a) => a !== merged.name);
    if (copy.titles) merged.titles = union(merged.titles ?? [], copy.titles);
    if (copy.titleHistory) {
      const seen = new Set((merged.titleHistory ?? []).map((t) => `${t.articleId}\u0000${t.title}`));
      const extra = copy.titleHistory.filter((t) => !seen.has(`${t.articleId}\u0000${t.title}`));
      merged.titleHistory = [...(merged.titleHistory ?? []), ...extra];
    }
  }
  return merged;
}

/** Merges copies by id, keeping the order in which ids first appear. */
export function mergeEntitiesById(records: readonly EntityRecord[]): EntityRecord[] {
  const byId = new Map<string, EntityRecord[]>();
  for (const r of records) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  return [...byId.values()].map((copies) => mergeEntityCopies(copies)).filter((e): e is EntityRecord => e !== undefined);
}
