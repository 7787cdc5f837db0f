// Snippets and marks: where the query's terms are, as offsets, so the UI renders marked text with
// text nodes and never builds HTML from archive text.
import type { Mark } from './types';

/** Every occurrence of every needle in `haystack` (both folded), merged where they overlap or touch. */
export function findMarks(haystack: string, needles: readonly string[]): Mark[] {
  const found: Mark[] = [];
  for (const needle of needles) {
    if (needle === '') continue;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) found.push([i, i + needle.length]);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Mark[] = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

function isLowSurrogate(text: string, i: number): boolean {
  const u = text.charCodeAt(i);
  return u >= 0xdc00 && u <= 0xdfff;
}

export interface Snippet {
  snippet: string;
  marks: Mark[];
}

export const SNIPPET_LENGTH = 100;
const LEAD = 20;

/**
 * A stretch of the paragraph that holds the most of the needles (the first such), starting a little
 * before the first one, with '…' where it was cut. `folded` are the paragraphs after the index
 * fold (same lengths as `paragraphs`), `needles` folded too.
 */
export function makeSnippet(paragraphs: readonly string[], folded: readonly string[], needles: readonly string[]): Snippet {
  let best = -1;
  let bestCount = 0;
  folded.forEach((p, i) => {
    const count = needles.filter((n) => n !== '' && p.includes(n)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  const index = best >= 0 ? best : paragraphs.findIndex((p) => p.trim() !== '');
  if (index < 0) return { snippet: '', marks: [] };
  const text = paragraphs[index]!;
  const marks = best >= 0 ? findMarks(folded[index]!, needles) : [];
  let start = marks.length > 0 ? Math.max(0, marks[0]![0] - LEAD) : 0;
  if (start > 0 && isLowSurrogate(text, start)) start--;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length && isLowSurrogate(text, end)) end++;
  const head = start > 0 ? '…' : '';
  const snippet = head + text.slice(start, end) + (end < text.length ? '…' : '');
  const shift = head.length - start;
  const inside: Mark[] = [];
  for (const [s, e] of marks) {
    if (s >= end) break;
    if (s >= start) inside.push([s + shift, Math.min(e, end) + shift]);
  }
  return { snippet, marks: inside };
}
