// What the hover card and the side panel show of an entity: a small, serialisable digest of its
// profile (computed in the background from the entity's store slice and sent to the page), with
// display text already made, so the content script needs no archive logic of its own.
import { toDisplay } from './display';
import type { ArticleRecord, EntityRecord, FigureRecord, IssueRecord } from './types';
import type { EntityProfile, TextPart } from './entity-profile';

export interface SummaryTitle {
  title: string;
  /** The newest issue date that printed it (YYYY-MM-DD), null when unknown. */
  date: string | null;
}

export interface SummaryArticle {
  id: string;
  /** Display text (full-width punctuation); null when the article has no headline. */
  headline: string | null;
  date: string | null;
  kind: string;
  /** The sentence that names the entity, its name marked. */
  snippet: TextPart[];
}

export interface SummaryFigure {
  id: string;
  articleId: string;
  text: string;
  metric: string | null;
  period: string | null;
  qualifier: FigureRecord['qualifier'];
  date: string | null;
}

export interface EntitySummary {
  entity: EntityRecord;
  titles: SummaryTitle[];
  articleCount: number;
  mentionCount: number;
  /** Newest first, at most the limit asked for. */
  articles: SummaryArticle[];
  figureCount: number;
  figures: SummaryFigure[];
}

export interface SummaryLimits {
  articles: number;
  figures: number;
  titles?: number;
}

/**
 * Key figures first: those with a metric (a bare "120亿元" tells a reader little), then the rest,
 * each group newest first as the profile already orders them.
 */
function keyFigures(profile: EntityProfile, limit: number): SummaryFigure[] {
  const withMetric = profile.figures.filter((f) => f.figure.metric !== null);
  const without = profile.figures.filter((f) => f.figure.metric === null);
  return [...withMetric, ...without].slice(0, limit).map(({ figure, issue }) => summaryFigure(figure, issue));
}

/** One figure as a summary lists it (also made from the store's indexes: src/store/entity-summaries.ts). */
export function summaryFigure(figure: FigureRecord, issue: Pick<IssueRecord, 'date'>): SummaryFigure {
  return {
    id: figure.id,
    articleId: figure.articleId,
    text: toDisplay(figure.text),
    metric: figure.metric,
    period: figure.period,
    qualifier: figure.qualifier,
    date: issue.date,
  };
}

/** One article as a summary lists it, with the sentence that names the entity. */
export function summaryArticle(article: ArticleRecord, issue: Pick<IssueRecord, 'date'>, snippet: TextPart[]): SummaryArticle {
  return { id: article.id, headline: article.headline === null ? null : toDisplay(article.headline), date: issue.date, kind: article.kind, snippet };
}

export function summarizeProfile(profile: EntityProfile, limits: SummaryLimits): EntitySummary {
  return {
    entity: profile.entity,
    titles: profile.titles.slice(0, limits.titles ?? 3).map((t) => ({ title: t.title, date: t.printings[0]?.date ?? null })),
    articleCount: profile.articles.length,
    mentionCount: profile.mentionCount,
    articles: profile.articles.slice(0, limits.articles).map(({ article, issue, snippet }) => summaryArticle(article, issue, snippet)),
    figureCount: profile.figures.length,
    figures: keyFigures(profile, limits.figures),
  };
}
