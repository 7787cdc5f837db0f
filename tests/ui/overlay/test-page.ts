// A page for the overlay's tests in happy-dom, which has no layout: the names are found in the
// document's text nodes and each gets a box of its own (one line per match, 40 px apart), so that
// hit-testing and placement have geometry to work with. Real Ranges, real text nodes.
import type { EntityType } from '../../../src/archive/types';
import type { OverlayMatch, OverlayPage } from '../../../src/ui/overlay/overlay';
import type { Box } from '../../../src/ui/overlay/placement';

export interface TestMatch extends OverlayMatch {
  range: Range;
  box: Box;
}

export interface KnownName {
  entityId: string;
  name: string;
  type: EntityType;
}

/** Every occurrence of the known names in `root`'s text, in document order (longest name first where two start together). */
export function findMatches(root: Node, names: readonly KnownName[]): TestMatch[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const found: TestMatch[] = [];
  const byLength = [...names].sort((a, b) => b.name.length - a.name.length);
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    const text = node.data;
    for (let i = 0; i < text.length; ) {
      const hit = byLength.find((n) => text.startsWith(n.name, i));
      if (!hit) {
        i++;
        continue;
      }
      const range = doc.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + hit.name.length);
      const n = found.length;
      found.push({ key: `m${n}`, entityId: hit.entityId, name: hit.name, type: hit.type, text: hit.name, range, box: { left: 100, top: 20 + 40 * n, width: 16 * hit.name.length, height: 20 } });
      i += hit.name.length;
    }
  }
  return found;
}

export function testPage(matches: () => readonly TestMatch[]) {
  const scrolledTo: string[] = [];
  const page: OverlayPage<TestMatch> = {
    hitTest: (x, y) => matches().find(({ box }) => x >= box.left && x < box.left + box.width && y >= box.top && y < box.top + box.height) ?? null,
    rects: (m) => (m.range.startContainer.isConnected ? [m.box] : []),
    scrollTo: (m) => void scrolledTo.push(m.key),
    context: (m) => ({
      before: (m.range.startContainer as Text).data.slice(0, m.range.startOffset),
      after: (m.range.endContainer as Text).data.slice(m.range.endOffset),
    }),
  };
  return { page, scrolledTo };
}

/** The centre of a match's box, where a pointer rests on it. */
export const centre = (m: TestMatch) => ({ clientX: m.box.left + m.box.width / 2, clientY: m.box.top + m.box.height / 2 });
