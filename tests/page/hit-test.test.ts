// @vitest-environment happy-dom
// Hit-testing highlights by geometry. happy-dom has no layout, so these tests lay the page out on a
// grid of their own (each <p> one line 40 px below the last, each UTF-16 unit 10 px wide, 20 px
// tall) and give the document caretPositionFromPoint and Range client rects on that grid. The
// scanner, its runs and ranges are the real ones.
import { afterEach, describe, expect, test } from 'vitest';
import { createPageScanner, type PageScanner } from '../../src/page/scanner';
import { setBody, testMatcher } from './support';

const W = 10;
const LINE = 40;
const H = 20;

function lines(): HTMLElement[] {
  return [...document.body.querySelectorAll('p')];
}

/** The text nodes of a line with the offset each starts at in the line. */
function textNodes(p: Element): { node: Text; at: number }[] {
  const out: { node: Text; at: number }[] = [];
  const walker = document.createTreeWalker(p, 4);
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    out.push({ node: n, at });
    at += n.data.length;
  }
  return out;
}

function lineOffset(node: Node, offset: number): { line: number; at: number } | null {
  const ps = lines();
  for (let i = 0; i < ps.length; i++) {
    const hit = textNodes(ps[i]!).find((t) => t.node === node);
    if (hit) return { line: i, at: hit.at + offset };
  }
  return null;
}

/** The document as these tests give it a caret API (lib.dom types it as always there). */
type Doc = { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
const originalRects = Range.prototype.getClientRects;
const originalBounds = Range.prototype.getBoundingClientRect;

function installGrid() {
  (document as unknown as Doc).caretPositionFromPoint = (x, y) => {
    const ps = lines();
    const i = Math.max(0, Math.min(ps.length - 1, Math.floor(y / LINE)));
    const nodes = textNodes(ps[i]!);
    const length = nodes.reduce((n, t) => n + t.node.data.length, 0);
    const at = Math.max(0, Math.min(length, Math.round(x / W)));
    const t = [...nodes].reverse().find((n) => n.at <= at)!;
    return { offsetNode: t.node, offset: at - t.at };
  };
  const rects = function (this: Range) {
    const a = lineOffset(this.startContainer, this.startOffset);
    const b = lineOffset(this.endContainer, this.endOffset);
    if (!a || !b || a.line !== b.line) return [] as unknown as DOMRectList;
    return [new DOMRect(a.at * W, a.line * LINE, (b.at - a.at) * W, H)] as unknown as DOMRectList;
  };
  Range.prototype.getClientRects = rects;
  Range.prototype.getBoundingClientRect = function (this: Range) {
    return (rects.call(this) as unknown as DOMRect[])[0] ?? new DOMRect(0, 0, 0, 0);
  };
}

afterEach(() => {
  delete (document as unknown as Doc).caretPositionFromPoint;
  Range.prototype.getClientRects = originalRects;
  Range.prototype.getBoundingClientRect = originalBounds;
});

async function scan(html: string): Promise<PageScanner> {
  setBody(html);
  const s = createPageScanner({ matcher: testMatcher() });
  s.start();
  await s.whenIdle();
  return s;
}

const PAGE = '<p>省长毛伟明来到株洲</p><p>走访<b>天元</b>区</p>';
// Line 0: 省长毛伟明来到株洲 — 毛伟明 at x 20–50, 株洲 at 70–90. Line 1 (y 40–60): 天元区 at x 20–50.

describe('hitTest', () => {
  test('finds the match under the point, across inline tags, and nothing beside or between lines', async () => {
    installGrid();
    const s = await scan(PAGE);
    expect(s.hitTest(35, 10)?.text).toBe('毛伟明');
    expect(s.hitTest(21, 5)?.text).toBe('毛伟明');
    expect(s.hitTest(85, 15)?.text).toBe('株洲');
    expect(s.hitTest(45, 50)?.text).toBe('天元区');
    expect(s.hitTest(10, 10)).toBeNull(); // 省长
    expect(s.hitTest(300, 10)).toBeNull(); // past the end of the line (the caret is still on it)
    expect(s.hitTest(35, 30)).toBeNull(); // between the lines
    s.stop();
  });

  test('without a caret API, the client rects alone decide', async () => {
    installGrid();
    delete (document as unknown as Doc).caretPositionFromPoint;
    const s = await scan(PAGE);
    expect(s.hitTest(35, 10)?.text).toBe('毛伟明');
    expect(s.hitTest(45, 50)?.text).toBe('天元区');
    expect(s.hitTest(10, 10)).toBeNull();
    s.stop();
  });

  test('without any geometry (happy-dom as is) it misses, without throwing', async () => {
    const s = await scan(PAGE);
    expect(s.hitTest(35, 10)).toBeNull();
    expect(s.rects(s.matches[0]!)).toEqual([]);
    s.stop();
  });

  test('uses CSS.highlights.highlightsFromPoint where the browser has it', async () => {
    installGrid();
    class SpecHighlight extends Set<AbstractRange> {
      priority = 0;
    }
    const registry = new Map<string, SpecHighlight>();
    let asked = 0;
    const api = Object.assign(registry, {
      highlightsFromPoint(x: number, y: number) {
        asked++;
        const out: { highlight: SpecHighlight; ranges: AbstractRange[] }[] = [];
        for (const h of registry.values()) {
          const ranges = [...h].filter((r) => [...(r as Range).getClientRects()].some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom));
          if (ranges.length > 0) out.push({ highlight: h, ranges });
        }
        return out;
      },
    });
    const cssDescriptor = Object.getOwnPropertyDescriptor(window, 'CSS')!;
    const win = window as unknown as { Highlight?: unknown };
    win.Highlight = SpecHighlight;
    Object.defineProperty(window, 'CSS', { value: { highlights: api }, configurable: true });
    try {
      const s = await scan(PAGE);
      expect(s.hitTest(85, 15)?.text).toBe('株洲');
      expect(s.hitTest(10, 10)).toBeNull();
      expect(asked).toBe(2);
      s.stop();
    } finally {
      delete win.Highlight;
      Object.defineProperty(window, 'CSS', cssDescriptor);
    }
  });
});

describe('rects and scrolling', () => {
  test('rects() gives the match’s boxes; scrollTo() centres it in the window', async () => {
    installGrid();
    const s = await scan(PAGE);
    const m = s.matches.find((x) => x.text === '天元区')!;
    expect(s.rects(m)).toEqual([{ left: 20, top: 40, width: 30, height: 20 }]);
    const scrolled: ScrollToOptions[] = [];
    const original = window.scrollBy;
    window.scrollBy = ((o: ScrollToOptions) => void scrolled.push(o)) as typeof window.scrollBy;
    try {
      s.scrollTo(m);
    } finally {
      window.scrollBy = original;
    }
    expect(scrolled).toEqual([{ top: 40 + 10 - window.innerHeight / 2, behavior: 'auto' }]);
    s.stop();
  });
});
