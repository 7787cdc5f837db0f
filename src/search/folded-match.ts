// Finding a folded needle in raw text without folding the text first: the engine's own indexOf
// finds each place where the needle's first unit, or a unit that folds to it (陈 or 陳), stands,
// and only there are the following units folded and compared. Checking a candidate document
// then costs a few native scans and allocates nothing.

const preimageLists = new WeakMap<Uint16Array, Map<number, string[]>>();

/** For each unit that others fold to, itself and those others, as one-unit strings. */
function preimages(table: Uint16Array): Map<number, string[]> {
  let map = preimageLists.get(table);
  if (!map) {
    map = new Map();
    for (let u = 0; u < 0x10000; u++) {
      const t = table[u]!;
      if (t === u) continue;
      let list = map.get(t);
      if (!list) map.set(t, (list = [String.fromCharCode(t)]));
      list.push(String.fromCharCode(u));
    }
    preimageLists.set(table, map);
  }
  return map;
}

/** The first index ≥ from where `needle` (already folded) occurs in `text` folded through `table`, or -1. */
export function indexOfFolded(text: string, needle: string, table: Uint16Array, from = 0): number {
  const m = needle.length;
  if (m === 0) return from <= text.length ? from : -1;
  const firsts = preimages(table).get(needle.charCodeAt(0)) ?? [needle[0]!];
  const next = firsts.map((f) => text.indexOf(f, from));
  for (;;) {
    let at = -1;
    for (let k = 0; k < next.length; k++) if (next[k]! >= 0 && (at < 0 || next[k]! < at)) at = next[k]!;
    if (at < 0 || at + m > text.length) return -1;
    let j = 1;
    while (j < m && table[text.charCodeAt(at + j)] === needle.charCodeAt(j)) j++;
    if (j === m) return at;
    for (let k = 0; k < next.length; k++) if (next[k] === at) next[k] = text.indexOf(firsts[k]!, at + 1);
  }
}

/** Occurrences of `needle` in `text` (overlapping ones too), counted up to `cap`. */
export function countFolded(text: string, needle: string, table: Uint16Array, cap: number): number {
  let n = 0;
  for (let i = indexOfFolded(text, needle, table); i >= 0 && n < cap; i = indexOfFolded(text, needle, table, i + 1)) n++;
  return n;
}
