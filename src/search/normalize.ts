// Text as the index sees it. Indexed text and queries go through the same length-preserving fold,
// so an offset found in folded text is the offset in the original: snippet marks need no mapping.
// The fold works per UTF-16 unit through a 64k table (built once), which keeps it fast enough for
// the 30 M characters of a 1,000× archive and lets a per-character 繁→简 table be composed in.

/** A per-UTF-16-unit fold. Must map every BMP unit to one BMP unit (never to a surrogate). */
export type UnitFold = (unit: number) => number;

export interface TextFolder {
  /** Names the fold; an index records it so a query folded differently can be detected. */
  readonly id: string;
  /** Length-preserving: `fold(s).length === s.length`, and each unit maps on its own. */
  fold(text: string): string;
  /** The same fold as a table from UTF-16 unit to unit, for loops that fold as they read. */
  readonly table: Uint16Array;
}

/** Full-width ASCII → ASCII, ideographic space → space, A–Z → a–z, curly and corner quotes → straight ones. */
export function widthUnit(u: number): number {
  if (u >= 0xff01 && u <= 0xff5e) u -= 0xfee0;
  else if (u === 0x3000) return 0x20;
  if (u >= 0x41 && u <= 0x5a) return u + 0x20;
  switch (u) {
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x300c: // 「
    case 0x300d: // 」
    case 0x300e: // 『
    case 0x300f: // 』
    case 0x301d: // 〝
    case 0x301e: // 〞
      return 0x22;
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
      return 0x27;
    default:
      return u;
  }
}

function isSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdfff;
}

/**
 * A folder from per-unit folds applied in order (e.g. a 繁→简 character table, then width). A fold
 * that maps outside the BMP or onto a surrogate is refused there (the unit is kept), so the
 * result always has the input's length.
 */
export function makeFolder(id: string, ...folds: UnitFold[]): TextFolder {
  const table = new Uint16Array(0x10000);
  let changes = 0;
  for (let u = 0; u < 0x10000; u++) {
    let v = u;
    if (!isSurrogate(u)) {
      for (const f of folds) {
        const w = f(v);
        if (Number.isInteger(w) && w >= 0 && w < 0x10000 && !isSurrogate(w)) v = w;
      }
    }
    table[u] = v;
    if (v !== u) changes++;
  }
  const fold = (text: string): string => {
    const n = text.length;
    let i = 0;
    while (i < n && table[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
    if (i === n) return text;
    const out = new Uint16Array(n);
    for (let j = 0; j < n; j++) out[j] = table[text.charCodeAt(j)]!;
    return decodeUnits(out);
  };
  return { id: changes === 0 ? 'identity' : id, fold, table };
}

function decodeUnits(units: Uint16Array): string {
  // fromCharCode.apply has an argument-count limit; go in slices.
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** The default fold of the index: width, case and quotes. */
export const widthFolder: TextFolder = makeFolder('width-v1', widthUnit);

// Word characters (letters, digits, marks) make grams; everything else separates them.
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const bmpWord = new Int8Array(0x10000).fill(-1);

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x10000) {
    const known = bmpWord[cp]!;
    if (known >= 0) return known === 1;
    const word = !isSurrogate(cp) && WORD_RE.test(String.fromCharCode(cp));
    bmpWord[cp] = word ? 1 : 0;
    return word;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/**
 * Calls `onRun(cps, length)` for each maximal run of word code points of `text` (already folded).
 * `cps` is reused between calls: copy what you keep.
 */
export function forEachRun(text: string, onRun: (cps: Uint32Array, length: number) => void): void {
  let buf = new Uint32Array(64);
  let len = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (isWordCodePoint(cp)) {
      if (len === buf.length) {
        const bigger = new Uint32Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      buf[len++] = cp;
    } else if (len > 0) {
      onRun(buf, len);
      len = 0;
    }
  }
  if (len > 0) onRun(buf, len);
}

/** The grams a piece of text is found by: bigrams of its runs of two or more, else its single characters. */
export function gramsOf(text: string): { grams: string[]; unigramOnly: boolean } {
  const bigrams = new Set<string>();
  const unigrams = new Set<string>();
  forEachRun(text, (cps, len) => {
    if (len === 1) unigrams.add(String.fromCodePoint(cps[0]!));
    for (let i = 0; i + 1 < len; i++) bigrams.add(String.fromCodePoint(cps[i]!, cps[i + 1]!));
  });
  return bigrams.size > 0 ? { grams: [...bigrams], unigramOnly: false } : { grams: [...unigrams], unigramOnly: true };
}

/** Text with all whitespace removed: how whole names and headlines are keyed. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
