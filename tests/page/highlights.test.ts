// @vitest-environment happy-dom
// Highlights through the CSS Custom Highlight API. happy-dom has no such API, so these tests give
// its window the API's shape as the spec defines it (Highlight is a setlike of ranges with a
// priority, CSS.highlights a maplike registry) and check what we put there; without it, nothing
// breaks and nothing of ours is added.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_CSS, HIGHLIGHT_NAMES, HighlightPainter, STYLE_MARK } from '../../src/page/highlights';
import { highlightRange, toLiveRange } from '../../src/page/ranges';
import { createPageScanner } from '../../src/page/scanner';
import { collectRuns } from '../../src/page/text-runs';
import { setBody, testMatcher } from './support';

class SpecHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

type Win = Window & { Highlight?: unknown; CSS: { highlights?: Map<string, SpecHighlight> }; StaticRange?: unknown };
const win = window as unknown as Win;

// happy-dom's window.CSS is a getter that makes a new object each time: put ours in its place.
const cssDescriptor = Object.getOwnPropertyDescriptor(window, 'CSS')!;

function withApi() {
  const highlights = new Map<string, SpecHighlight>();
  win.Highlight = SpecHighlight;
  Object.defineProperty(window, 'CSS', { value: { highlights }, configurable: true });
  return highlights;
}

function withoutApi() {
  delete win.Highlight;
  Object.defineProperty(window, 'CSS', cssDescriptor);
  delete win.StaticRange;
  document.querySelectorAll(`style[data-zzl]`).forEach((s) => s.remove());
}

beforeEach(withoutApi);
afterEach(withoutApi);

describe('with the API', () => {
  test('install adds one page-level style marked data-zzl and one highlight per type', () => {
    const registry = withApi();
    const painter = new HighlightPainter(document);
    painter.install();
    const style = document.head.querySelector(`style[data-zzl="${STYLE_MARK}"]`);
    expect(style?.textContent).toBe(HIGHLIGHT_CSS);
    for (const name of [...Object.values(HIGHLIGHT_NAMES), ACTIVE_HIGHLIGHT]) {
      expect(registry.get(name)).toBeInstanceOf(SpecHighlight);
      expect(HIGHLIGHT_CSS).toContain(`::highlight(${name})`);
    }
    expect(registry.get(ACTIVE_HIGHLIGHT)!.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.place)!.priority);
  });

  test('a second copy (the extension was reloaded) replaces the first, without a second style', () => {
    const registry = withApi();
    const old = new HighlightPainter(document);
    old.install();
    const oldPlace = registry.get(HIGHLIGHT_NAMES.place);
    const fresh = new HighlightPainter(document);
    fresh.install();
    expect(document.querySelectorAll('style[data-zzl]')).toHaveLength(1);
    expect(registry.get(HIGHLIGHT_NAMES.place)).not.toBe(oldPlace);
    // The old copy going away leaves the new one's highlights and style alone.
    old.uninstall();
    expect(registry.get(HIGHLIGHT_NAMES.place)).toBeDefined();
    expect(document.querySelectorAll('style[data-zzl]')).toHaveLength(1);
    fresh.uninstall();
    expect(registry.size).toBe(0);
    expect(document.querySelectorAll('style[data-zzl]')).toHaveLength(0);
  });

  test('the scanner puts each match in its type’s highlight, draws the active one, and takes all away on stop', async () => {
    const registry = withApi();
    setBody('<p>省长毛伟明来到<b>株洲</b>市代表团，走访天元区。</p>');
    const s = createPageScanner({ matcher: testMatcher() });
    s.start();
    await s.whenIdle();
    const texts = (name: string) => [...registry.get(name)!].map((r) => toLiveRange(r)!.toString());
    expect(texts(HIGHLIGHT_NAMES.org)).toEqual(['株洲市代表团']);
    expect(texts(HIGHLIGHT_NAMES.place)).toEqual(['天元区']);
    expect(texts(HIGHLIGHT_NAMES.person)).toEqual(['毛伟明']);
    s.setActive(s.matches[0]!);
    expect(texts(ACTIVE_HIGHLIGHT)).toEqual([s.matches[0]!.text]);
    // The page's text is untouched.
    expect(document.body.innerHTML).toBe('<p>省长毛伟明来到<b>株洲</b>市代表团，走访天元区。</p>');
    s.stop();
    expect(registry.size).toBe(0);
    expect(document.querySelector('style[data-zzl]')).toBeNull();
  });

  test('highlights hold StaticRanges where the browser has them; client rects still work through a live copy', () => {
    win.StaticRange = class {
      readonly collapsed: boolean;
      constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
        this.collapsed = false;
        Object.assign(this, init);
      }
    };
    setBody('<p>株<b>洲</b>市</p>');
    const [run] = collectRuns(document.body)[0]!.runs;
    const r = highlightRange(run!, 0, 3);
    expect(r).toBeInstanceOf(win.StaticRange as new () => object);
    expect(toLiveRange(r)!.toString()).toBe('株洲市');
  });
});

describe('without the API', () => {
  test('nothing is added to the page and the scan still finds the names', async () => {
    setBody('<p>株洲市</p>');
    const painter = new HighlightPainter(document);
    expect(painter.available).toBe(false);
    const s = createPageScanner({ matcher: testMatcher() });
    s.start();
    await s.whenIdle();
    expect(s.matches.map((m) => m.text)).toEqual(['株洲市']);
    expect(document.querySelector('style[data-zzl]')).toBeNull();
    s.setActive(s.matches[0]!);
    s.stop();
  });
});
