// Text folding for matching: 繁→简 per character (陳 → 陈, 蘆 → 芦, 區 → 区) and full-width ASCII to
// ASCII, one UTF-16 code unit for one, so a folded text has the same length and offsets as the
// page. The table (src/match/data/fold-t2s.json, ~3,000 pairs) is made by
// scripts/build-fold-table.ts from opencc-js. The content script does not need this module: the
// compiled names carry the few pairs that touch their own characters (see compile.ts).
import table from './data/fold-t2s.json';
import { parsePairs, widthFold } from './code-units';

let dense: Uint16Array | null = null;

/** Every code unit's fold, built on first use (128 kB; ~0.1 ms). */
function foldTable(): Uint16Array {
  if (dense) return dense;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = widthFold(c);
  const { from, to } = parsePairs(table.pairs);
  for (let i = 0; i < from.length; i++) t[from[i]!] = to[i]!;
  dense = t;
  return t;
}

/** The per-code-unit fold (traditional → simplified, full → half width); identity for everything else. */
export function foldChar(code: number): number {
  return code >= 0 && code <= 0xffff ? foldTable()[code]! : code;
}

/** `text` folded code unit by code unit: always the same length, so offsets carry over. */
export function foldText(text: string): string {
  const t = foldTable();
  const n = text.length;
  let out = '';
  // Chunks keep String.fromCharCode's argument list short.
  const CHUNK = 4096;
  const buf = new Uint16Array(Math.min(n, CHUNK));
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) buf[i - start] = t[text.charCodeAt(i)]!;
    out += String.fromCharCode(...buf.subarray(0, end - start));
  }
  return out;
}

/** The fold pairs (same format as the table) whose simplified side is one of `targets`. */
export function foldPairsInto(targets: ReadonlySet<number>): string {
  const { from, to } = parsePairs(table.pairs);
  let out = '';
  for (let i = 0; i < from.length; i++) if (targets.has(to[i]!)) out += String.fromCharCode(from[i]!, to[i]!);
  return out;
}
