// Scores a parse of one issue against its golden annotation: which articles were found, and for
// each found one whether body start, bylines, kind and continuation markers are right.

import type { ArticleRecord, IssueRecord } from '../archive/types';
import type { GoldenArticle, GoldenIssue } from './golden';

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '');

export interface ArticleScore {
  golden: GoldenArticle;
  found: ArticleRecord | null;
  bodyStartRight: boolean;
  reportersRight: boolean;
  kindRight: boolean;
  continuationRight: boolean;
}

export interface ParseScore {
  headline: { precision: number; recall: number; f1: number };
  bodyStart: number;
  reporters: number;
  kind: number;
  continuation: number;
  dateRight: boolean;
  issueNoRight: boolean;
  pageCountRight: boolean;
  articles: ArticleScore[];
  /** Parsed articles that match no annotated article. */
  extra: ArticleRecord[];
}

/** Headline pairs the annotation says may be read either way round. */
export type AcceptedSwaps = [string, string][];

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function matches(g: GoldenArticle, a: ArticleRecord, swaps: AcceptedSwaps): boolean {
  if (g.headline === null) {
    // Headline-less fragments (continuations, 导读 without title) are matched by their opening text.
    return a.headline === null && g.bodyStart !== null && squash(a.paragraphs[0]).startsWith(squash(g.bodyStart));
  }
  const gh = squash(g.headline);
  if (squash(a.headline) === gh) return true;
  return swaps.some(([x, y]) => {
    const [sx, sy] = [squash(x), squash(y)];
    return (gh === sx && squash(a.headline) === sy) || (gh === sy && squash(a.headline) === sx);
  });
}

export function scoreParse(golden: GoldenIssue, issue: IssueRecord, articles: ArticleRecord[], swaps: AcceptedSwaps = []): ParseScore {
  const used = new Set<ArticleRecord>();
  const scored: ArticleScore[] = golden.articles.map((g) => {
    const found = articles.find((a) => !used.has(a) && matches(g, a, swaps)) ?? null;
    if (found) used.add(found);
    const first = found?.paragraphs[0] ?? null;
    const bodyStartRight =
      found !== null && (g.bodyStart === null ? first === null : squash(first).startsWith(squash(g.bodyStart)));
    return {
      golden: g,
      found,
      bodyStartRight,
      reportersRight: found !== null && sameSet(found.byline.reporters, g.reporters) && sameSet(found.byline.correspondents, g.correspondents),
      kindRight: found !== null && found.kind === g.kind,
      continuationRight: found !== null && found.continues === g.continues && found.continuedFrom === g.continuedFrom,
    };
  });
  const matched = scored.filter((s) => s.found !== null).length;
  const precision = articles.length === 0 ? 0 : matched / articles.length;
  const recall = golden.articles.length === 0 ? 1 : matched / golden.articles.length;
  const share = (f: (s: ArticleScore) => boolean): number => (scored.length === 0 ? 1 : scored.filter(f).length / scored.length);
  return {
    headline: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    bodyStart: share((s) => s.bodyStartRight),
    reporters: share((s) => s.reportersRight),
    kind: share((s) => s.kindRight),
    continuation: share((s) => s.continuationRight),
    dateRight: issue.date === golden.issue.date,
    issueNoRight: issue.issueNo === golden.issue.issueNo,
    pageCountRight: issue.pageCount === golden.issue.pageCount,
    articles: scored,
    extra: articles.filter((a) => !used.has(a)),
  };
}
