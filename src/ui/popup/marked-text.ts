// Marked stretches of archive text as plain parts, for rendering as text nodes inside <mark>:
// never as HTML, whatever characters the archive holds.
import type { Mark } from '../../search';

export interface MarkedPart {
  text: string;
  mark: boolean;
}

/**
 * `text` cut at the marks. Marks out of order, overlapping, empty or outside the text are
 * tolerated (clipped and merged); an edge that falls inside a surrogate pair moves outwards so a
 * character is never split.
 */
export function markedParts(text: string, marks: readonly Mark[]): MarkedPart[] {
  const isLow = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  const spans = marks
    .map(([s, e]): Mark => {
      let start = Math.max(0, Math.min(text.length, Math.floor(s)));
      let end = Math.max(0, Math.min(text.length, Math.floor(e)));
      if (isLow(start)) start--;
      if (isLow(end)) end++;
      return [start, end];
    })
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const parts: MarkedPart[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    const last = parts[parts.length - 1];
    // Touching or overlapping marks become one <mark>.
    if (last?.mark && start === at) last.text += text.slice(start, e);
    else parts.push({ text: text.slice(start, e), mark: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
