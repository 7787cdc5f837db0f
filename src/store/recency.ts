// What schema v4 stamps on records so that a hover card reads a bounded amount, however large the
// archive: each mention and figure carries where its article stands in the archive's issue order
// (`recency`, an index key read newest first with a 'prev' cursor), and each entity copy carries
// how many mentions, articles and figures of its entity its owner holds (`stats`), so counts are a
// sum over the entity's few visible copies instead of a walk over all its mentions.
//
// The rules below are the ones the slice path (slices.ts → archive/entity-profile.ts) applies when it
// builds a profile, restricted to one owner (one bundled generation, or one user issue): a mention
// counts when its article is there and has its paragraph; an article is listed when it has such a
// mention and its issue is there; a figure is listed when its article and that article's issue are
// there. Within an owner that is exact, and the owners of visible records never share an issue id
// (imports deduplicate by id) nor, since article ids embed their issue id, an article id, so the
// per-owner facts add up to what the slice path computes over all visible records.
//
// Written at import by write-plan.ts and backfilled for older records by migration v4, which both
// go through OwnerFacts, so the two can never disagree.
import type { ArticleRecord, FigureRecord, IssueRecord, MentionRecord } from '../archive/types';

/**
 * [issue date or '' when unknown, issue number or -Infinity when unknown, issue id, the article's
 * seq]. Sorting these keys descending groups records by (date, number) exactly as compareIssues
 * orders issues newest first; within one such group the order is finished in memory (compareListed).
 */
export type Recency = [date: string, issueNo: number, issueId: string, articleSeq: number];

/** 1 for a figure with a metric: key figures are shown first, so they get their own key range. */
export type WithMetric = 0 | 1;

export interface EntityStats {
  /** Mentions whose article (with the paragraph) is there. */
  mentions: number;
  /** Articles with such a mention whose issue is there. */
  articles: number;
  /** Figures about the entity whose article and issue are there. */
  figures: number;
}

export const NO_STATS: EntityStats = { mentions: 0, articles: 0, figures: 0 };

const UNKNOWN_DATE = '';
const UNKNOWN_NUMBER = -Infinity;

export function recencyOf(issue: Pick<IssueRecord, 'id' | 'date' | 'issueNo'>, articleSeq: number): Recency {
  return [issue.date ?? UNKNOWN_DATE, issue.issueNo ?? UNKNOWN_NUMBER, issue.id, articleSeq];
}

/** The issue date a recency key was made from (null when unknown). */
export const dateOf = (r: Recency): string | null => (r[0] === UNKNOWN_DATE ? null : r[0]);

/** Same printed date and number: the unit a newest-first read finishes before it stops. */
export const sameIssueGroup = (a: Recency, b: Recency): boolean => a[0] === b[0] && a[1] === b[1];

/** compareIssues (archive/issue-order.ts) on the issues two keys were made from: newest first. */
export function compareIssueRecency(a: Recency, b: Recency): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? 1 : -1;
  if (a[1] !== b[1]) return a[1] < b[1] ? 1 : -1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

export const withMetricOf = (f: Pick<FigureRecord, 'metric'>): WithMetric => (f.metric === null ? 0 : 1);

interface ArticleFacts {
  issueId: string;
  seq: number;
  paragraphs: number;
}

const hasParagraph = (a: ArticleFacts, paragraph: number): boolean => Number.isInteger(paragraph) && paragraph >= 0 && paragraph < a.paragraphs;

/**
 * The issues and articles of any number of owners, each named by a `scope` string the caller
 * chooses (the owner within one plan; generation and owner in the migration), and the entity
 * statistics of the mentions and figures counted into it.
 */
export class OwnerFacts {
  private readonly issues = new Map<string, Pick<IssueRecord, 'id' | 'date' | 'issueNo'>>();
  private readonly articles = new Map<string, ArticleFacts>();
  private readonly stats = new Map<string, { mentions: number; articles: Set<string>; figures: number }>();

  addIssue(scope: string, issue: Pick<IssueRecord, 'id' | 'date' | 'issueNo'>): void {
    this.issues.set(key(scope, issue.id), { id: issue.id, date: issue.date, issueNo: issue.issueNo });
  }

  addArticle(scope: string, article: Pick<ArticleRecord, 'id' | 'issueId' | 'paragraphs'>, seq: number): void {
    this.articles.set(key(scope, article.id), { issueId: article.issueId, seq, paragraphs: article.paragraphs.length });
  }

  /** Where a record of `articleId` is listed; undefined when its article or the article's issue is not in the scope. */
  private listed(scope: string, articleId: string): { article: ArticleFacts; recency: Recency } | undefined {
    const article = this.articles.get(key(scope, articleId));
    const issue = article && this.issues.get(key(scope, article.issueId));
    return article && issue && { article, recency: recencyOf(issue, article.seq) };
  }

  /** The mention's recency: only mentions of a listed article whose paragraph exists have one. */
  mentionRecency(scope: string, m: Pick<MentionRecord, 'articleId' | 'paragraph'>): Recency | undefined {
    const found = this.listed(scope, m.articleId);
    return found && hasParagraph(found.article, m.paragraph) ? found.recency : undefined;
  }

  figureRecency(scope: string, f: Pick<FigureRecord, 'articleId'>): Recency | undefined {
    return this.listed(scope, f.articleId)?.recency;
  }

  countMention(scope: string, m: Pick<MentionRecord, 'entityId' | 'articleId' | 'paragraph'>): void {
    const article = this.articles.get(key(scope, m.articleId));
    if (!article || !hasParagraph(article, m.paragraph)) return;
    const s = this.tally(scope, m.entityId);
    s.mentions += 1;
    if (this.issues.has(key(scope, article.issueId))) s.articles.add(m.articleId);
  }

  countFigure(scope: string, f: Pick<FigureRecord, 'subjectEntityId' | 'articleId'>): void {
    if (f.subjectEntityId === null || this.figureRecency(scope, f) === undefined) return;
    this.tally(scope, f.subjectEntityId).figures += 1;
  }

  statsOf(scope: string, entityId: string): EntityStats {
    const s = this.stats.get(key(scope, entityId));
    return s ? { mentions: s.mentions, articles: s.articles.size, figures: s.figures } : { ...NO_STATS };
  }

  private tally(scope: string, entityId: string) {
    const k = key(scope, entityId);
    let s = this.stats.get(k);
    if (!s) this.stats.set(k, (s = { mentions: 0, articles: new Set(), figures: 0 }));
    return s;
  }
}

const key = (scope: string, id: string): string => `${scope}\u0000${id}`;
