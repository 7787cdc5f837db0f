// What a parsed file holds, as the file list shows it before anything is added.
import type { ArchiveBundle } from '../../archive/types';

export interface IssueSummary {
  id: string;
  date: string | null;
  /** The date was worked out from the text, not read from a masthead. */
  dateInferred: boolean;
  issueNo: number | null;
  articles: number;
  /** Distinct people, places and organisations the issue's articles name. */
  entities: number;
  figures: number;
}

export interface BundleSummary {
  issues: IssueSummary[];
  articles: number;
  entities: number;
  figures: number;
}

export function summarize(bundle: ArchiveBundle): BundleSummary {
  const issueOfArticle = new Map(bundle.articles.map((a) => [a.id, a.issueId]));
  const articles = new Map<string, number>();
  const figures = new Map<string, number>();
  const entities = new Map<string, Set<string>>();
  const count = (counts: Map<string, number>, issueId: string | undefined) => {
    if (issueId !== undefined) counts.set(issueId, (counts.get(issueId) ?? 0) + 1);
  };
  const names = (issueId: string | undefined, entityId: string) => {
    if (issueId === undefined) return;
    const set = entities.get(issueId) ?? new Set<string>();
    set.add(entityId);
    entities.set(issueId, set);
  };
  for (const a of bundle.articles) count(articles, a.issueId);
  for (const f of bundle.figures) {
    const issueId = issueOfArticle.get(f.articleId);
    count(figures, issueId);
    if (f.subjectEntityId !== null) names(issueId, f.subjectEntityId);
  }
  for (const m of bundle.mentions) names(issueOfArticle.get(m.articleId), m.entityId);
  for (const e of bundle.entities) for (const t of e.titleHistory ?? []) names(issueOfArticle.get(t.articleId), e.id);
  return {
    issues: bundle.issues.map((i) => ({
      id: i.id,
      date: i.date,
      dateInferred: i.date !== null && i.dateEvidence?.method === 'inferred',
      issueNo: i.issueNo,
      articles: articles.get(i.id) ?? 0,
      entities: entities.get(i.id)?.size ?? 0,
      figures: figures.get(i.id) ?? 0,
    })),
    articles: bundle.articles.length,
    entities: bundle.entities.length,
    figures: bundle.figures.length,
  };
}
