// Where the hover card goes: beside the name it describes, never over it (WCAG 1.4.13 asks that the
// added content not hide what triggered it), inside the viewport whenever some side has room.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left';

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** Whether the card lies wholly inside the viewport (less its margin). */
  fits: boolean;
}

export interface PlacementOptions {
  /** Space between the name and the card. Must be positive: the card never touches the name. */
  gap?: number;
  /** Space kept free at the viewport's edges. */
  margin?: number;
}

/** The smallest box around `boxes` (a name broken over two lines has two client rects). */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    right = Math.max(right, b.left + b.width);
    bottom = Math.max(bottom, b.top + b.height);
  }
  return { left, top, width: right - left, height: bottom - top };
}

const clamp = (value: number, min: number, max: number) => (max < min ? min : Math.min(Math.max(value, min), max));

/**
 * The card's viewport position for a name at `anchor`: below it if the card fits there, else above,
 * else to its right, else to its left; when no side fits, below or above, whichever has more room
 * (the card scrolls inside itself). Along the other axis the card starts at the name and is pushed
 * back inside the viewport. Every candidate is separated from the anchor by `gap` along its own
 * axis, so the card never overlaps the name, whatever the sizes.
 */
export function placeCard(anchor: Box, card: Size, viewport: Size, options: PlacementOptions = {}): Placement {
  const gap = Math.max(options.gap ?? 6, 1);
  const margin = Math.max(options.margin ?? 8, 0);
  const right = anchor.left + anchor.width;
  const bottom = anchor.top + anchor.height;
  const alongX = clamp(anchor.left, margin, viewport.width - margin - card.width);
  const alongY = clamp(anchor.top, margin, viewport.height - margin - card.height);
  const fitsX = (left: number) => left >= margin && left + card.width <= viewport.width - margin;
  const fitsY = (top: number) => top >= margin && top + card.height <= viewport.height - margin;

  const candidates: { side: Side; left: number; top: number }[] = [
    { side: 'below', left: alongX, top: bottom + gap },
    { side: 'above', left: alongX, top: anchor.top - gap - card.height },
    { side: 'right', left: right + gap, top: alongY },
    { side: 'left', left: anchor.left - gap - card.width, top: alongY },
  ];
  for (const c of candidates) {
    if (fitsX(c.left) && fitsY(c.top)) return { ...c, fits: true };
  }
  const roomBelow = viewport.height - bottom;
  const roomAbove = anchor.top;
  return { ...(roomBelow >= roomAbove ? candidates[0]! : candidates[1]!), fits: false };
}

/** Whether two boxes share interior area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
