// One issue's text → its IssueRecord and ArticleRecords.

import { emptyByline, mergeBylines, parsePhotoCredit } from './byline';
import { takeContinues } from './continuation';
import { inferIssueDate } from './date-inference';
import { splitHeadlines } from './headline';
import { readMasthead } from './masthead';
import { dropRepeats, joinBroken, splitInlineCrossheads, type BodyBlock } from './repair';
import { isCrosshead, segment, toBlocks, type Segment } from './segment';
import { attachOrphans } from './orphans';
import type { ArticleRecord, IssueRecord } from './types';

export interface ParsedIssue {
  issue: IssueRecord;
  articles: ArticleRecord[];
}

/** FNV-1a, 32-bit, as 8 hex digits: short stable ids that need no crypto API. */
export function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function buildArticle(seg: Segment, issueId: string, index: number): ArticleRecord {
  const { headline, subheadlines } = splitHeadlines(seg.headingLines);
  const byline = emptyByline();
  if (seg.lead) mergeBylines(byline, seg.lead.byline);
  let continues: string | null = null;
  const pieces: BodyBlock[] = [];
  for (const b of seg.body) {
    let text = b.text;
    const jump = takeContinues(text);
    if (jump.marker) {
      continues ??= jump.marker;
      text = jump.text.trimEnd();
    }
    const credit = parsePhotoCredit(text);
    if (credit) {
      mergeBylines(byline, credit.byline);
      if (credit.caption) pieces.push({ text: credit.caption, heading: true });
      continue;
    }
    if (!text) continue;
    const parts = splitInlineCrossheads(text);
    parts.forEach((part, k) => {
      const sealed = jump.marker !== null && k === parts.length - 1;
      pieces.push({ text: part.text, heading: part.heading || isCrosshead(part.text), sealed });
    });
  }
  const paragraphs = dropRepeats(joinBroken(pieces)).map((p) => p.text);
  const article: ArticleRecord = {
    id: `${issueId}-a${String(index + 1).padStart(2, '0')}`,
    issueId,
    headline,
    subheadlines,
    kind: seg.kind,
    byline,
    paragraphs,
    continues,
    continuedFrom: seg.continuedFrom,
  };
  if (seg.author) article.author = seg.author;
  return article;
}

/**
 * Parses the text of one issue. Never throws on any string; the caller decides whether the result
 * looks like a newspaper issue at all (see `checkIssueText`).
 */
export function parseIssueText(source: string, text: string): ParsedIssue {
  const blocks = toBlocks(text);
  const masthead = readMasthead(blocks.filter((b) => b.furniture === 'masthead').map((b) => b.text));
  const segments = segment(blocks);
  const provisionalId = 'tmp';
  const built = segments.map((s, i) => ({ article: buildArticle(s, provisionalId, i), orphan: s.orphan === true }));
  const articles0 = attachOrphans(built).filter((a) => a.headline !== null || a.paragraphs.length > 0);

  let date = masthead.date;
  let dateEvidence: IssueRecord['dateEvidence'] = masthead.date
    ? { method: 'masthead', text: masthead.evidence.join(' '), reason: '报头日期 (masthead date)' }
    : null;
  if (date === null) {
    const inferred = inferIssueDate(articles0.flatMap((a) => a.paragraphs));
    if (inferred) {
      date = inferred.date;
      dateEvidence = inferred.evidence;
    }
  }
  const issueId = `${date ?? 'undated'}-${masthead.issueNo ?? hash32(text)}`;
  const articles = articles0.map((a, i) => ({ ...a, id: `${issueId}-a${String(i + 1).padStart(2, '0')}`, issueId }));
  return {
    issue: { id: issueId, source, date, issueNo: masthead.issueNo, pageCount: masthead.pageCount, dateEvidence },
    articles,
  };
}
