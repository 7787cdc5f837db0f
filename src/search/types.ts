// The search index as stored and the results as shown. An index is made of segments (the bundled
// archive is one; each issue the user adds can be another), each a set of records that IndexedDB
// can hold one per key: a small header, posting lists keyed by gram, and document records keyed by
// kind + number. Documents are numbered inside their segment; results carry the records' own ids.
import type { ArticleRecord, EntityType } from '../archive/types';
import type { TextFolder } from './normalize';
import type { PostingRecord, Postings } from './postings';

export type DocKind = 'article' | 'entity' | 'figure';

/** What verification and snippets read of an article: an ArticleRecord has every field. */
export type ArticleDoc = Pick<ArticleRecord, 'id' | 'issueId' | 'headline' | 'subheadlines' | 'paragraphs' | 'byline' | 'author'>;

export interface EntityDoc {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Mentions in this segment's articles: the tie-break between equally good names. */
  mentions: number;
}

export interface FigureDoc {
  id: string;
  articleId: string;
  text: string;
  metric: string | null;
  period: string | null;
  subjectEntityId: string | null;
  /** The subject entity's name, or null. */
  subject: string | null;
  /** The sentence (clipped) the figure was printed in: what a figure is found by besides its fields. */
  clause: string;
}

export interface DocOfKind {
  article: ArticleDoc;
  entity: EntityDoc;
  figure: FigureDoc;
}

/** An issue's place in the numbering: its articles and figures are numbered contiguously. */
export interface IssueRange {
  id: string;
  date: string | null;
  /** [first, end) article numbers. */
  articles: [number, number];
  /** [first, end) figure numbers. */
  figures: [number, number];
}

export interface SegmentHeader {
  format: 1;
  /** 'bundled', or the id the caller gave (e.g. a user issue's id). */
  segment: string;
  /** The id of the text fold the index was built with (see normalize.ts). */
  fold: string;
  counts: { articles: number; entities: number; figures: number; keys: number };
  /** In number order: undated issues first, then by date. Article numbers therefore follow dates. */
  issues: IssueRange[];
}

/** A built segment, whole. Every part is a list of independent records. */
export interface SearchSegmentData {
  header: SegmentHeader;
  postings: PostingRecord[];
  articles: ArticleDoc[];
  entities: EntityDoc[];
  figures: FigureDoc[];
}

export type MaybePromise<T> = T | Promise<T>;

/**
 * Where a query reads a segment from: only the header, the posting lists of its keys, and the
 * documents it shows or must check. In memory (MemorySource) or IndexedDB (one record per key,
 * one per document; a batched get is one transaction).
 */
export interface PostingSource {
  header(): MaybePromise<SegmentHeader>;
  /** Posting lists of these keys, in the same order; undefined where a key has none. */
  get(keys: readonly string[]): MaybePromise<(Postings | undefined)[]>;
  /** Documents of one kind by number, in the same order. */
  docs<K extends DocKind>(kind: K, nums: readonly number[]): MaybePromise<DocOfKind[K][]>;
}

export interface SearchOptions {
  /** Which lists to fill (default all three). */
  kinds?: readonly DocKind[];
  /** Only entities of these types. */
  entityTypes?: readonly EntityType[];
  /** Inclusive YYYY-MM-DD bounds on the issue date of articles and figures; undated issues are left out when either is set. */
  from?: string;
  to?: string;
  /** Issues whose articles and figures are left out (hidden by the user). */
  hiddenIssues?: ReadonlySet<string>;
  /** Results per list (default 20). */
  limit?: number;
  /**
   * Rewrites the raw query before the index fold (default none). 繁→简 needs none: the index fold
   * already folds traditional characters one by one, on both sides (see folder.ts).
   */
  queryFold?: (query: string) => string;
  /** The index's own fold; must be the one the segments were built with (default searchFolder()). */
  folder?: TextFolder;
}

/** [start, end) UTF-16 offsets of a marked stretch. */
export type Mark = [number, number];

export interface EntityHit {
  id: string;
  name: string;
  type: EntityType;
  score: number;
  /** How it matched best: its name, an alias, or pinyin. */
  matched: 'name' | 'alias' | 'pinyin';
}

export interface ArticleHit {
  id: string;
  issueId: string;
  headline: string | null;
  date: string | null;
  score: number;
  /** A stretch of the article (a paragraph, clipped, with '…' where cut) around the first match. */
  snippet: string;
  /** Where the query's terms are in `snippet`: render as marked text, never as HTML. */
  marks: Mark[];
  /** Where the query's terms are in `headline`. */
  headlineMarks: Mark[];
}

export interface FigureHit {
  id: string;
  articleId: string;
  date: string | null;
  text: string;
  metric: string | null;
  subject: string | null;
  subjectEntityId: string | null;
  period: string | null;
  score: number;
}

export interface Suggestion {
  id: string;
  name: string;
  type: EntityType;
}

export interface SearchResults {
  entities: EntityHit[];
  articles: ArticleHit[];
  figures: FigureHit[];
  /** Names close to the query, when it found nothing. */
  suggestions: Suggestion[];
  /** The query's terms after folding (what was searched for). */
  terms: string[];
}
