// Highlights get no pointer events, so what is under the pointer is worked out from geometry: the
// browser's hit-test of highlights where it has one, else the caret position under the point and
// the client rects of the matches around it. Every API is feature-detected: missing ones make a
// miss, never an error.
import { toLiveRange } from './ranges';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position under a viewport point (the standard API, then WebKit's), or null. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // Points outside the viewport throw in some engines.
  }
  return null;
}

/**
 * Ranges of the given highlights under a point, through `CSS.highlights.highlightsFromPoint`
 * (Chrome 140+, Firefox 150+); null when the browser does not have it (not: nothing there).
 */
export function highlightRangesAt(doc: Document, x: number, y: number, names: readonly string[]): AbstractRange[] | null {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: unknown } }) | null;
  const registry = win?.CSS?.highlights as
    | { highlightsFromPoint?: (x: number, y: number) => { highlight: unknown; ranges: AbstractRange[] }[]; get(name: string): unknown }
    | undefined;
  if (!registry || typeof registry.highlightsFromPoint !== 'function') return null;
  try {
    const ours = new Set<unknown>(names.map((n) => registry.get(n)).filter((h) => h !== undefined));
    const out: AbstractRange[] = [];
    for (const hit of registry.highlightsFromPoint(x, y)) if (ours.has(hit.highlight)) out.push(...hit.ranges);
    return out;
  } catch {
    return null;
  }
}

/** Slack around glyph boxes, px: a pointer on the underline or the gap between lines still counts. */
const SLACK = 1;

/** Whether a viewport point is inside one of the range's client rects. */
export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  const live = toLiveRange(range);
  if (!live) return false;
  for (const r of live.getClientRects()) {
    if (r.width === 0 && r.height === 0) continue;
    if (x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK) return true;
  }
  return false;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The range's client rects as plain boxes (none when it is no longer in the document). */
export function rangeBoxes(range: AbstractRange): Box[] {
  const live = toLiveRange(range);
  if (!live || !live.startContainer.isConnected) return [];
  const out: Box[] = [];
  for (const r of live.getClientRects()) if (r.width > 0 || r.height > 0) out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  return out;
}
