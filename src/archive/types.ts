// The ArchiveBundle: the parser's output, the CLI's `parse` JSON, and what the extension ships.
// Field names follow ../shared/DESIGN.md exactly; other tools read them.

export type ArticleKind = 'news' | 'feature' | 'photo' | 'notice' | 'commentary' | 'digest' | 'continuation';

export interface Byline {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
}

export interface IssueRecord {
  id: string;
  /** Seed file name (basename), or the name of the file the user imported. */
  source: string;
  /** YYYY-MM-DD, or null when it cannot be known. */
  date: string | null;
  issueNo: number | null;
  pageCount: number | null;
  /** How the date was found: the masthead line, or the text that implied it. Not in DESIGN.md; additive. */
  dateEvidence?: DateEvidence | null;
}

export interface DateEvidence {
  method: 'masthead' | 'inferred';
  /** The text the date was read from, exactly as printed. */
  text: string;
  /** Human-readable reasoning (which clue, which year). */
  reason: string;
}

export interface ArticleRecord {
  id: string;
  issueId: string;
  headline: string | null;
  subheadlines: string[];
  kind: ArticleKind;
  byline: Byline;
  /**
   * Paragraphs as stored: the source text after repair (joined column breaks, furniture and
   * markers removed), with the source's own ASCII punctuation kept. All offsets in the bundle
   * (mentions, figures) are UTF-16 offsets into these strings. Full-width display is a pure
   * per-character mapping (`toDisplay`) that keeps length, so offsets hold for it too.
   */
  paragraphs: string[];
  continues: string | null;
  continuedFrom: string | null;
  /** A commentary's author printed without a role word (`李支国`). Not in DESIGN.md; additive. */
  author?: string;
}

export type EntityType = 'person' | 'place' | 'org';

/** Where a finder saw something: UTF-16 offsets into one paragraph, and the text found there. */
export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
  /** Exactly `paragraphs[paragraph].slice(start, end)`. */
  text: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  titles?: string[];
  /** Each title with the date of the issue that printed it, so a profile can say who held which post when. Additive to DESIGN.md. */
  titleHistory?: { title: string; date: string | null; articleId: string }[];
  role?: 'official' | 'deputy' | 'journalist' | 'business' | 'other';
  placeType?: string;
  orgType?: string;
  inZhuzhou?: boolean | null;
}

export interface MentionRecord {
  entityId: string;
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface FigureRecord {
  id: string;
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  metric: string | null;
  subjectEntityId: string | null;
  period: string | null;
  qualifier: 'exact' | 'approx' | 'range' | 'growth-rate';
}

export interface ArchiveBundle {
  version: 1;
  issues: IssueRecord[];
  articles: ArticleRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
  figures: FigureRecord[];
}

/** A file the parser refused, with the reason in words a user understands. */
export interface ParseError {
  source: string;
  reason: string;
}
