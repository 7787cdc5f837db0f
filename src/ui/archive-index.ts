// The archive arranged for the UI: issues newest first, each with its articles in print order,
// and lookups by id.
import { compareIssues } from '../archive/issue-order';
import type { ArchiveBundle, ArticleRecord, IssueRecord } from '../archive/types';

export { compareIssues };

export interface IssueGroup {
  issue: IssueRecord;
  /** In bundle order, which is the order the articles appear in the issue. */
  articles: ArticleRecord[];
}

export interface ArchiveIndex {
  /** Newest first; issues without a date last. */
  groups: IssueGroup[];
  articleCount: number;
  article(id: string): ArticleRecord | undefined;
  group(issueId: string): IssueGroup | undefined;
}

export function indexArchive(bundle: ArchiveBundle): ArchiveIndex {
  const byIssue = new Map<string, IssueGroup>();
  for (const issue of [...bundle.issues].sort(compareIssues)) byIssue.set(issue.id, { issue, articles: [] });
  const byId = new Map<string, ArticleRecord>();
  for (const article of bundle.articles) {
    byId.set(article.id, article);
    byIssue.get(article.issueId)?.articles.push(article);
  }
  return {
    groups: [...byIssue.values()],
    articleCount: bundle.articles.length,
    article: (id) => byId.get(id),
    group: (issueId) => byIssue.get(issueId),
  };
}

/** The circled number of a jump marker: '02版①' → '①', '02版' → ''. Null when it is not a marker. */
export function jumpSlot(marker: string): string | null {
  const m = /^\s*\d{1,2}\s*版\s*(\S?)\s*$/.exec(marker);
  return m ? m[1]! : null;
}

type JumpEnd = (a: ArticleRecord) => string | null;
const continues: JumpEnd = (a) => a.continues;
const continuedFrom: JumpEnd = (a) => a.continuedFrom;

export interface JumpLinks {
  /** Where the text goes on (the `下转` end). */
  next: ArticleRecord | undefined;
  /** Where the text began (the `上接` end). */
  previous: ArticleRecord | undefined;
}

/**
 * The other ends of an article's jumps (下转 → 上接) inside the same issue, when the archive holds
 * them. A page-1 article ending `下转02版①` and a fragment starting `上接01版①` share the circled
 * number; they are paired only when exactly one article of the issue has each end, so a guess is
 * never shown as a link.
 */
export function jumpLinks(index: ArchiveIndex, article: ArticleRecord): JumpLinks {
  const articles = index.group(article.issueId)?.articles ?? [];
  const withSlot = (end: JumpEnd, slot: string) =>
    articles.filter((a) => {
      const marker = end(a);
      return marker !== null && jumpSlot(marker) === slot;
    });
  const find = (own: JumpEnd, other: JumpEnd): ArticleRecord | undefined => {
    const marker = own(article);
    const slot = marker === null ? null : jumpSlot(marker);
    if (slot === null || withSlot(own, slot).length !== 1) return undefined;
    const found = withSlot(other, slot);
    return found.length === 1 && found[0] !== article ? found[0] : undefined;
  };
  return { next: find(continues, continuedFrom), previous: find(continuedFrom, continues) };
}
