// What one segment's part of a query shares between the entity, article and figure searches.
import type { TextFolder } from './normalize';
import type { Postings } from './postings';
import type { IssueRange, PostingSource, SegmentHeader } from './types';

export interface SegmentQuery {
  source: PostingSource;
  header: SegmentHeader;
  folder: TextFolder;
  limit: number;
  /** Posting lists read so far, by key (undefined: the key has none). */
  postings: Map<string, Postings | undefined>;
}

/** Reads the lists of the keys not read yet, in one call. */
export async function fetchKeys(q: SegmentQuery, keys: Iterable<string>): Promise<void> {
  const missing = [...new Set(keys)].filter((k) => !q.postings.has(k));
  if (missing.length === 0) return;
  const lists = await q.source.get(missing);
  missing.forEach((k, i) => q.postings.set(k, lists[i]));
}

/** The lists of these keys, or null when one of them has none (an AND of grams then matches nothing). */
export function listsOf(q: SegmentQuery, keys: readonly string[]): Postings[] | null {
  const lists: Postings[] = [];
  for (const k of keys) {
    const list = q.postings.get(k);
    if (!list) return null;
    lists.push(list);
  }
  return lists;
}

/** The issue an article or figure number belongs to. */
export function issueOf(issues: readonly IssueRange[], num: number, kind: 'articles' | 'figures'): IssueRange | undefined {
  let lo = 0;
  let hi = issues.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [start, end] = issues[mid]![kind];
    if (num < start) hi = mid - 1;
    else if (num >= end) lo = mid + 1;
    else return issues[mid];
  }
  return undefined;
}

export interface IssueFilter {
  from?: string;
  to?: string;
  hiddenIssues?: ReadonlySet<string>;
}

/** Which numbers the date range and hidden issues allow, or null when nothing is filtered. */
export function allowedMask(header: SegmentHeader, kind: 'articles' | 'figures', filter: IssueFilter): Uint8Array | null {
  const { from, to, hiddenIssues } = filter;
  if (from === undefined && to === undefined && (hiddenIssues === undefined || hiddenIssues.size === 0)) return null;
  const mask = new Uint8Array(header.counts[kind]);
  for (const issue of header.issues) {
    if (hiddenIssues?.has(issue.id)) continue;
    if (from !== undefined || to !== undefined) {
      if (issue.date === null) continue;
      if (from !== undefined && issue.date < from) continue;
      if (to !== undefined && issue.date > to) continue;
    }
    mask.fill(1, issue[kind][0], issue[kind][1]);
  }
  return mask;
}
