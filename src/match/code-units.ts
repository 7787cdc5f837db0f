// Per-UTF-16-code-unit rules shared by folding and matching. Each maps one code unit to one code
// unit (or to "skip"), so whatever is found on folded text has the same offsets on the page.

/** Full-width ASCII (！ … ～, U+FF01–FF5E) to ASCII, and the ideographic space to a space. Identity otherwise. */
export function widthFold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

/**
 * Spaces the matcher steps over inside a name: typesetting pads two-character names to three
 * (`王　娜`, `言 鹏` in seeds/004), and some sites sprinkle zero-width characters through text.
 * Line breaks are not here: a name never runs across a paragraph.
 */
export const SKIPPABLE_UNITS: readonly number[] = [
  0x09, 0x20, 0xa0, 0xad, 0x3000, 0xfeff, 0x202f, 0x205f, 0x2060,
  ...Array.from({ length: 0x200e - 0x2000 }, (_, i) => 0x2000 + i),
];

const skippable = new Set(SKIPPABLE_UNITS);

export function isSkippable(code: number): boolean {
  return skippable.has(code);
}

/** Up to `span` code units either side of [start, end), spaces next to the span stepped over. */
export function surroundings(text: string, start: number, end: number, span: number): { head: string; tail: string } {
  let before = start;
  while (before > 0 && isSkippable(text.charCodeAt(before - 1))) before--;
  let after = end;
  while (after < text.length && isSkippable(text.charCodeAt(after))) after++;
  return { head: text.slice(Math.max(0, before - span), before), tail: text.slice(after, after + span) };
}

/** The fold pair string format: `s0 t0 s1 t1 …` (no separators), sources ascending, all BMP. */
export function parsePairs(pairs: string): { from: Uint16Array; to: Uint16Array } {
  if (pairs.length % 2 !== 0) throw new Error('fold pairs: odd length');
  const n = pairs.length / 2;
  const from = new Uint16Array(n);
  const to = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = pairs.charCodeAt(2 * i);
    to[i] = pairs.charCodeAt(2 * i + 1);
    if (i > 0 && from[i]! <= from[i - 1]!) throw new Error('fold pairs: sources not ascending');
  }
  return { from, to };
}
