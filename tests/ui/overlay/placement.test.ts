import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { overlaps, placeCard, unionBox, type Box } from '../../../src/ui/overlay/placement';

const coord = fc.double({ min: -2_000, max: 6_000, noNaN: true });
const extent = (max: number) => fc.double({ min: 0, max, noNaN: true });
const box = fc.record({ left: coord, top: coord, width: extent(600), height: extent(120) });
const size = (max: number) => fc.record({ width: extent(max), height: extent(max) });
const viewport = fc.record({ width: fc.double({ min: 200, max: 4_000, noNaN: true }), height: fc.double({ min: 200, max: 3_000, noNaN: true }) });
const options = fc.record({ gap: fc.double({ min: 1, max: 24, noNaN: true }), margin: fc.double({ min: 0, max: 24, noNaN: true }) });

const cardBox = (p: { left: number; top: number }, card: { width: number; height: number }): Box => ({ left: p.left, top: p.top, width: card.width, height: card.height });

describe('placeCard', () => {
  test.prop([box, size(2_000), viewport, options])('never covers the name it describes, whatever the sizes', (anchor, card, view, opts) => {
    const placed = placeCard(anchor, card, view, opts);
    expect(overlaps(cardBox(placed, card), anchor)).toBe(false);
    expect(Number.isFinite(placed.left) && Number.isFinite(placed.top)).toBe(true);
  });

  test.prop([box, size(2_000), viewport, options])('keeps at least the gap between the name and the card', (anchor, card, view, opts) => {
    const placed = placeCard(anchor, card, view, opts);
    const grown = { left: anchor.left - opts.gap + 1e-6, top: anchor.top - opts.gap + 1e-6, width: anchor.width + 2 * opts.gap - 2e-6, height: anchor.height + 2 * opts.gap - 2e-6 };
    expect(overlaps(cardBox(placed, card), grown)).toBe(false);
  });

  test.prop([box, size(400), viewport, options])('lies inside the viewport when it says it fits', (anchor, card, view, opts) => {
    const placed = placeCard(anchor, card, view, opts);
    if (!placed.fits) return;
    expect(placed.left).toBeGreaterThanOrEqual(opts.margin);
    expect(placed.top).toBeGreaterThanOrEqual(opts.margin);
    expect(placed.left + card.width).toBeLessThanOrEqual(view.width - opts.margin + 1e-9);
    expect(placed.top + card.height).toBeLessThanOrEqual(view.height - opts.margin + 1e-9);
  });

  test.prop([
    fc.record({ left: fc.double({ min: 0, max: 900, noNaN: true }), top: fc.double({ min: 0, max: 700, noNaN: true }), width: extent(100), height: fc.double({ min: 10, max: 30, noNaN: true }) }),
  ])('fits a 340×300 card in a 1280×800 viewport around any name on screen', (anchor) => {
    const placed = placeCard(anchor, { width: 340, height: 300 }, { width: 1280, height: 800 });
    expect(placed.fits).toBe(true);
  });

  it('prefers below, then above, then the sides', () => {
    const card = { width: 300, height: 200 };
    const view = { width: 1000, height: 800 };
    expect(placeCard({ left: 100, top: 100, width: 40, height: 20 }, card, view).side).toBe('below');
    expect(placeCard({ left: 100, top: 700, width: 40, height: 20 }, card, view).side).toBe('above');
    // A name in the middle of a short viewport: no room above or below, room to the right.
    expect(placeCard({ left: 100, top: 150, width: 40, height: 20 }, card, { width: 1000, height: 300 }).side).toBe('right');
    expect(placeCard({ left: 800, top: 150, width: 40, height: 20 }, card, { width: 1000, height: 300 }).side).toBe('left');
  });

  it('starts at the name and is pushed back inside at the right edge', () => {
    const placed = placeCard({ left: 900, top: 100, width: 40, height: 20 }, { width: 300, height: 200 }, { width: 1000, height: 800 }, { gap: 6, margin: 8 });
    expect(placed).toEqual({ side: 'below', left: 1000 - 8 - 300, top: 126, fits: true });
  });

  it('goes where there is more room when no side fits, still off the name', () => {
    const placed = placeCard({ left: 10, top: 600, width: 980, height: 20 }, { width: 900, height: 700 }, { width: 1000, height: 800 });
    expect(placed.fits).toBe(false);
    expect(placed.side).toBe('above');
    expect(placed.top + 700).toBeLessThanOrEqual(600);
  });
});

describe('unionBox', () => {
  test.prop([fc.array(box, { minLength: 1, maxLength: 6 })])('holds every box it is made of', (boxes) => {
    const u = unionBox(boxes)!;
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(u.left);
      expect(b.top).toBeGreaterThanOrEqual(u.top);
      expect(b.left + b.width).toBeLessThanOrEqual(u.left + u.width + 1e-9);
      expect(b.top + b.height).toBeLessThanOrEqual(u.top + u.height + 1e-9);
    }
  });

  it('is null for a name with no boxes (gone from the page)', () => {
    expect(unionBox([])).toBeNull();
  });
});
