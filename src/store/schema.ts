// The IndexedDB database "zhuzhou-lens": what is stored, under which keys, with which indexes.
//
// Generations. Every data record carries `gen`: a number for the bundled archive (one per import
// of a bundle; `meta.activeGeneration` says which one readers see) or 'user' for issues the user
// added. An import writes a whole new generation beside the old one and flips the pointer at the
// end, so readers see the old complete archive or the new complete one, never half of either.
//
// Owners. Every record also carries `owner`: '' for bundled records, and for user records a token
// unique to one issue of one user import (`<importNo>:<issueId>`, see meta's `userIssues`). User
// issues are added and removed one by one while the bundled archive is replaced wholesale, so
// visibility of a user record is "its owner is in the committed list", and removing an issue is
// one small write to that list followed by deleting the key range [user, owner] at leisure.
//
// Keys are [gen, owner, id] (mentions, which have no id: [gen, owner, seq]), so one generation or
// one owner is a contiguous key range: deleting an old generation needs no index, and two
// generations holding the same ids never collide. Secondary indexes lead with `gen` for the same
// reason, so a lookup asks for exactly the generation it reads.
//
// `seq` is the record's position in the bundle it came from: export and "articles of an issue"
// give records back in print order, which the id order does not always match.
//
// v4 stamps what a hover card needs to read a bounded amount (recency.ts): `recency` on mentions
// and figures, `withMetric` on figures, `stats` on entity copies; readers strip them (records.ts).
import type { DBSchema } from 'idb';
import type { ArticleRecord, EntityRecord, EntityType, FigureRecord, IssueRecord, MentionRecord } from '../archive/types';
import type { MetaKey, MetaValue } from './meta';
import type { EntityStats, Recency, WithMetric } from './recency';

export const DB_NAME = 'zhuzhou-lens';

/** The schema version this code writes. Each version's changes are a step in migrations.ts. */
export const SCHEMA_VERSION = 4;

export const USER_GEN = 'user';
export type Gen = number | typeof USER_GEN;

/** Owner of every bundled record. */
export const BUNDLED_OWNER = '';

export interface Stamp {
  gen: Gen;
  owner: string;
  seq: number;
}

export type StoredIssue = IssueRecord & Stamp & { /** issueTextHash(articles), for dedup. */ textHash: string };
export type StoredArticle = ArticleRecord & Stamp;
/**
 * `names` = [name, ...aliases] (schema v2; v1 records were backfilled by the v2 migration).
 * `stats` = what this copy's owner holds of the entity (schema v4: every import writes it and its
 * migration backfilled it; optional only because the released v2 step writes this type without it).
 */
export type StoredEntity = EntityRecord & Stamp & { names: string[]; stats?: EntityStats };
/** `recency` (v4): absent when the mention's article, paragraph or issue is missing, so no list shows it. */
export type StoredMention = MentionRecord & Stamp & { recency?: Recency };
/** `withMetric`, `recency` (v4): `recency` absent when the figure's article or issue is missing. */
export type StoredFigure = FigureRecord & Stamp & { withMetric: WithMetric; recency?: Recency };

type IdKey = [Gen, string, string];
type GenKey = [Gen, string];

/** [segment id, part ('h' header, 'p' postings, 'a' | 'e' | 'f' documents), gram key or document number]. */
export type SearchKey = [string, 'h' | 'p' | 'a' | 'e' | 'f', string | number];
/** A segment's header, one posting list, or one document: what src/search made, stored as is. */
export type SearchRecord = unknown;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The matcher's compiled form, cached; `stamp` says which visible archive it was compiled from. */
export interface MatcherRecord {
  stamp: string;
  compiled: JsonValue;
  savedAt: number;
}

export interface ArchiveDB extends DBSchema {
  issues: { key: IdKey; value: StoredIssue };
  articles: { key: IdKey; value: StoredArticle; indexes: { 'by-id': GenKey; 'by-issue': GenKey } };
  entities: {
    key: IdKey;
    value: StoredEntity;
    indexes: { 'by-id': GenKey; 'by-name': GenKey; 'by-type': [Gen, EntityType]; /** v2, multiEntry */ 'by-names': string };
  };
  mentions: {
    key: [Gen, string, number];
    value: StoredMention;
    indexes: { 'by-entity': GenKey; 'by-article': GenKey; /** v4 */ 'by-entity-recency': [Gen, string, Recency] };
  };
  figures: {
    key: IdKey;
    value: StoredFigure;
    indexes: {
      'by-article': GenKey;
      /** v2, on subjectEntityId */ 'by-entity': GenKey;
      /** v4, on subjectEntityId */ 'by-entity-recency': [Gen, string, WithMetric, Recency];
    };
  };
  matcher: { key: string; value: MatcherRecord };
  /** v3: search index segments (see search-segments.ts), keyed [segment, part, key]. */
  search: { key: SearchKey; value: SearchRecord };
  meta: { key: MetaKey; value: MetaValue };
}

export type DataStoreName = 'issues' | 'articles' | 'entities' | 'mentions' | 'figures';

/** Import order; `progress.storeIndex` in meta indexes this list, so never reorder it. */
export const DATA_STORES: readonly DataStoreName[] = ['issues', 'articles', 'entities', 'mentions', 'figures'];

export const MATCHER_KEY = 'current';

export type StoreCounts = Record<DataStoreName, number>;

/**
 * Keys that start with [gen] or [gen, owner]. The components after the prefix are strings or
 * numbers, and every array sorts after both, so `[...prefix, []]` bounds the range from above.
 */
export function prefixRange(gen: Gen, owner?: string): IDBKeyRange {
  const prefix: (Gen | string)[] = owner === undefined ? [gen] : [gen, owner];
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}
