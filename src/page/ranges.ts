// From offsets in a text run back to the DOM: a position in the run is a (Text node, offset) pair
// of the segment that holds it.
import type { Segment, TextRun } from './text-runs';

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM position of run offset `at`. Where two nodes meet, a start (`side` 'start') is put at
 * the beginning of the later node and an end at the end of the earlier one, so a range never
 * reaches into a node it covers nothing of.
 */
export function locate(run: TextRun, at: number, side: 'start' | 'end'): DomPoint {
  const segs = run.segments;
  if (at < 0 || at > run.text.length) throw new RangeError(`offset ${at} outside run of length ${run.text.length}`);
  // The last segment whose start is before `at` (end) or at or before it (start).
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segs[mid]!.start;
    if (side === 'start' ? s <= at : s < at) lo = mid;
    else hi = mid - 1;
  }
  const seg: Segment = segs[lo]!;
  return { node: seg.node, offset: at - seg.start };
}

/** A live Range over run offsets [start, end). */
export function liveRange(run: TextRun, start: number, end: number): Range {
  const a = locate(run, start, 'start');
  const b = locate(run, end, start === end ? 'start' : 'end');
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

interface StaticRangeInit {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}
type StaticRangeConstructor = new (init: StaticRangeInit) => AbstractRange;

/**
 * The range a highlight holds: a StaticRange where the browser has one. Browsers keep every live
 * Range up to date on each DOM change of the page, so hundreds of them would slow the page's own
 * scripts; a StaticRange costs nothing until painted. A live Range otherwise (DOM libraries).
 */
export function highlightRange(run: TextRun, start: number, end: number): AbstractRange {
  const a = locate(run, start, 'start');
  const b = locate(run, end, start === end ? 'start' : 'end');
  const view = a.node.ownerDocument.defaultView as (Window & { StaticRange?: StaticRangeConstructor }) | null;
  const Static = view?.StaticRange;
  if (typeof Static === 'function') return new Static({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/**
 * A live Range for any range: for client rects and scrolling, which a StaticRange lacks. Null when
 * the page changed the text under a StaticRange so that its offsets no longer fit.
 */
export function toLiveRange(range: AbstractRange): Range | null {
  if ('getClientRects' in range) return range as Range;
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const live = doc.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  return live;
}
