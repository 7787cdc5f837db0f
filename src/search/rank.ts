// Top-k over candidates whose posting lists give an upper bound of their score. Candidates are
// read in order of (bound desc, tie); the exact score needs the document. Reading stops when the
// k-th best exact result outranks the next candidate's bound: no document after it could enter.
// Documents are read in growing batches (one source call each), so a query that needs only a few
// reads only a few, and a cap keeps a query whose grams co-occur without forming the term (rare)
// from reading the whole segment.
import type { Scored } from './intersect';

export interface Ranked<D> {
  num: number;
  score: number;
  /** Lower first among equal scores. */
  tie: number;
  doc: D;
}

export interface RankOutcome<D> {
  top: Ranked<D>[];
  /** True when the cap on documents read cut the search short. */
  partial: boolean;
}

/** Most documents one query reads to check candidates, per list and segment. */
export const MAX_CHECKED = 2000;

/**
 * Candidates as parallel arrays: numbers ascending, and integer bounds ≥ 0. Among equal scores
 * the lower number wins, or with `newestFirst` the higher (numbers follow issue dates).
 */
export interface Candidates {
  nums: ArrayLike<number>;
  uppers: ArrayLike<number>;
  length: number;
  newestFirst: boolean;
}

/**
 * The scored documents `allowed` keeps (all when it is null; documents of hidden or out-of-range
 * issues are 0), newest first, each bound raised by `bonus(num)` where one is given.
 */
export function candidatesFrom(all: Scored, allowed: Uint8Array | null, bonus?: (num: number) => number): Candidates {
  const nums = new Uint32Array(all.nums.length);
  const uppers = new Int32Array(all.nums.length);
  let length = 0;
  for (let i = 0; i < all.nums.length; i++) {
    const num = all.nums[i]!;
    if (allowed && !allowed[num]) continue;
    nums[length] = num;
    uppers[length++] = all.scores[i]! + (bonus ? bonus(num) : 0);
  }
  return { nums, uppers, length, newestFirst: true };
}

function before(a: { score: number; tie: number }, score: number, tie: number): boolean {
  return a.score > score || (a.score === score && a.tie < tie);
}

/** Indices of the candidates in reading order, by a counting sort on the bounds (linear). */
export function readingOrder(c: Candidates): Int32Array {
  let max = 0;
  for (let i = 0; i < c.length; i++) if (c.uppers[i]! > max) max = c.uppers[i]!;
  const next = new Int32Array(max + 2);
  for (let i = 0; i < c.length; i++) next[c.uppers[i]!]! += 1;
  let running = 0;
  for (let u = max; u >= 0; u--) {
    const count = next[u]!;
    next[u] = running;
    running += count;
  }
  const out = new Int32Array(c.length);
  if (c.newestFirst) for (let i = c.length - 1; i >= 0; i--) out[next[c.uppers[i]!]!++] = i;
  else for (let i = 0; i < c.length; i++) out[next[c.uppers[i]!]!++] = i;
  return out;
}

/**
 * The best `limit` candidates by exact score. `exact` returns 0 for a candidate that does not
 * match after all. When `exact` is null the bounds are exact and only the winners are read.
 */
export async function rankWithBounds<D>(
  c: Candidates,
  limit: number,
  read: (nums: number[]) => D[] | Promise<D[]>,
  exact: ((doc: D, num: number) => number) | null,
): Promise<RankOutcome<D>> {
  const order = readingOrder(c);
  const tieOf = (num: number) => (c.newestFirst ? -num : num);
  if (exact === null) {
    const winners = Array.from(order.subarray(0, limit), (i) => c.nums[i]!);
    const docs = winners.length > 0 ? await read(winners) : [];
    return {
      top: winners.map((num, k) => ({ num, score: c.uppers[order[k]!]!, tie: tieOf(num), doc: docs[k]! })),
      partial: false,
    };
  }
  const top: Ranked<D>[] = [];
  let i = 0;
  let batch = Math.max(limit, 8);
  while (i < order.length) {
    const next = order[i]!;
    if (top.length >= limit && before(top[limit - 1]!, c.uppers[next]!, tieOf(c.nums[next]!))) break;
    if (i >= MAX_CHECKED) return { top, partial: true };
    const slice = Array.from(order.subarray(i, Math.min(order.length, i + batch, MAX_CHECKED)), (k) => c.nums[k]!);
    const docs = await read(slice);
    slice.forEach((num, k) => {
      const score = exact(docs[k]!, num);
      if (score <= 0) return;
      const hit = { num, score, tie: tieOf(num), doc: docs[k]! };
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1]!.score, top[at - 1]!.tie)) at--;
      if (at < limit) {
        top.splice(at, 0, hit);
        if (top.length > limit) top.pop();
      }
    });
    i += slice.length;
    batch = Math.min(batch * 2, 512);
  }
  return { top, partial: false };
}
