// The order of issues wherever they are listed (reader, popup, store slices).
import type { IssueRecord } from './types';

/**
 * Order of issues in lists: newest date first, issues without a date after all dated ones; then
 * the higher issue number first (unknown numbers last), then by id so the order is stable.
 */
export function compareIssues(a: IssueRecord, b: IssueRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1; // YYYY-MM-DD sorts as text
  }
  if (a.issueNo !== b.issueNo) {
    if (a.issueNo === null) return 1;
    if (b.issueNo === null) return -1;
    return b.issueNo - a.issueNo;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
