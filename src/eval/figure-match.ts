// Lenient comparison of extracted figures with the hand-checked annotations (../shared/eval/golden,
// section "figures"): text and value of the figure, and the words for what it measures and whose
// it is. The annotators wrote remarks in parentheses (`制造业税收 (突破100亿元)`), and some subjects
// as alternatives (`清水塘新城 / 石峰区`); these helpers read them that way.

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Drops parenthetical remarks, ASCII or full-width, and whitespace: `粮食播种面积 (常年)` → `粮食播种面积`. */
export function dropRemarks(s: string): string {
  let prev = '';
  let out = s;
  while (out !== prev) {
    prev = out;
    out = out.replace(/[(（][^()（）]*[)）]/g, '');
  }
  return squash(out);
}

function bigrams(s: string): string[] {
  const cps = [...s];
  const out: string[] = [];
  for (let i = 0; i + 1 < cps.length; i++) out.push(cps[i]! + cps[i + 1]!);
  return out;
}

/** Sørensen–Dice over character bigrams, counted as multisets. 1 for two equal one-character strings. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * Whether an extracted metric says what the annotated one says: after dropping the annotation's
 * parenthetical remarks (and whitespace on both), one contains the other, or their character-bigram
 * Dice coefficient is at least 0.5. A null annotation accepts anything; a null extraction matches
 * only a null annotation.
 */
export function metricMatches(golden: string | null, found: string | null, threshold = 0.5): boolean {
  if (golden === null) return true;
  if (found === null) return false;
  const g = dropRemarks(golden);
  const f = squash(found);
  if (!g || !f) return g === f;
  return g.includes(f) || f.includes(g) || bigramDice(g, f) >= threshold;
}

/** The alternatives an annotated subject allows: `A / B` is A or B; remarks in parentheses dropped. */
export function subjectAlternatives(golden: string): string[] {
  return golden
    .split(/\s+\/\s+|／/)
    .map(dropRemarks)
    .filter((s) => s.length > 0);
}

/** Whether an extracted subject names an annotated one: for some alternative, one contains the other. */
export function subjectMatches(golden: string | null, found: string | null): boolean {
  if (golden === null) return found === null;
  if (found === null) return false;
  const f = squash(found);
  if (!f) return false;
  return subjectAlternatives(golden).some((g) => g.includes(f) || f.includes(g));
}

/**
 * Whether an extracted figure is the annotated one: equal text with whitespace ignored, or one text
 * containing the other and the same value (so `2787个` is `2787个大柜`, and `100亿元` is found as
 * `突破100亿元` would be). Both texts must contain a digit or numeral for containment to count.
 */
export function figureTextMatches(goldenText: string, goldenValue: number, foundText: string, foundValue: number): boolean {
  const g = squash(goldenText);
  const f = squash(foundText);
  if (g === f) return true;
  if (!g || !f) return false;
  return (g.includes(f) || f.includes(g)) && valuesEqual(goldenValue, foundValue);
}

/** Equal up to floating-point noise (relative 1e-9). */
export function valuesEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
