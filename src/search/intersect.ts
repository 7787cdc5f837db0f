// Combining posting lists without per-document callbacks or arrays the size of the segment: a
// query over the 1,000× archive walks lists of 100,000 entries, so every pass is a plain loop over
// typed arrays, and intersections walk the shortest list and gallop through the others.
import type { Postings } from './postings';

/** The first index ≥ from whose number is ≥ target (nums ascending). */
export function seek(nums: ArrayLike<number>, from: number, target: number, length = nums.length): number {
  if (from >= length || nums[from]! >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < length && nums[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > length) hi = length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (nums[mid]! < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The documents in every list, with their weights combined: the bits outside `countMask` anded
 * (a flag holds only if every gram has it), the bits inside it the minimum (a count of the term
 * is at most the count of its rarest gram).
 */
export function intersectWeights(lists: readonly Postings[], countMask: number): Postings {
  if (lists.length === 1) return lists[0]!;
  const order = [...lists].sort((a, b) => a.nums.length - b.nums.length);
  const lead = order[0]!;
  const nums = new Uint32Array(lead.nums.length);
  const weights = new Uint8Array(lead.nums.length);
  const pos = new Int32Array(order.length);
  const flagMask = 0xff & ~countMask;
  let n = 0;
  outer: for (let i = 0; i < lead.nums.length; i++) {
    const num = lead.nums[i]!;
    const w0 = lead.weights[i]!;
    let flags = w0 & flagMask;
    let count = w0 & countMask;
    for (let k = 1; k < order.length; k++) {
      const list = order[k]!;
      const p = seek(list.nums, pos[k]!, num);
      pos[k] = p;
      if (p >= list.nums.length) break outer;
      if (list.nums[p] !== num) continue outer;
      const w = list.weights[p]!;
      flags &= w;
      const c = w & countMask;
      if (c < count) count = c;
    }
    nums[n] = num;
    weights[n++] = flags | count;
  }
  return { nums: nums.subarray(0, n), weights: weights.subarray(0, n) };
}

/** Documents with a score each, numbers ascending. */
export interface Scored {
  nums: Uint32Array;
  scores: Int32Array;
}

/** Scores a combined list through a table from weight byte to score, dropping scores of 0. */
export function scoreList(list: Postings, score: Int32Array): Scored {
  const nums = new Uint32Array(list.nums.length);
  const scores = new Int32Array(list.nums.length);
  let n = 0;
  for (let i = 0; i < list.nums.length; i++) {
    const s = score[list.weights[i]!]!;
    if (s > 0) {
      nums[n] = list.nums[i]!;
      scores[n++] = s;
    }
  }
  return { nums: nums.subarray(0, n), scores: scores.subarray(0, n) };
}

/** The union of scored lists, each document with its best score. */
export function unionMax(lists: readonly Scored[]): Scored {
  if (lists.length === 1) return lists[0]!;
  const total = lists.reduce((n, l) => n + l.nums.length, 0);
  const nums = new Uint32Array(total);
  const scores = new Int32Array(total);
  const pos = new Int32Array(lists.length);
  let n = 0;
  for (;;) {
    let min = -1;
    for (let k = 0; k < lists.length; k++) {
      const p = pos[k]!;
      if (p < lists[k]!.nums.length && (min < 0 || lists[k]!.nums[p]! < min)) min = lists[k]!.nums[p]!;
    }
    if (min < 0) break;
    let best = 0;
    for (let k = 0; k < lists.length; k++) {
      const p = pos[k]!;
      if (p < lists[k]!.nums.length && lists[k]!.nums[p] === min) {
        best = Math.max(best, lists[k]!.scores[p]!);
        pos[k] = p + 1;
      }
    }
    nums[n] = min;
    scores[n++] = best;
  }
  return { nums: nums.subarray(0, n), scores: scores.subarray(0, n) };
}

/** The documents in every scored list, with the sum of their scores. */
export function intersectSum(lists: readonly Scored[]): Scored {
  if (lists.length === 0) return { nums: new Uint32Array(0), scores: new Int32Array(0) };
  if (lists.length === 1) return lists[0]!;
  const order = [...lists].sort((a, b) => a.nums.length - b.nums.length);
  const lead = order[0]!;
  const nums = new Uint32Array(lead.nums.length);
  const scores = new Int32Array(lead.nums.length);
  const pos = new Int32Array(order.length);
  let n = 0;
  outer: for (let i = 0; i < lead.nums.length; i++) {
    const num = lead.nums[i]!;
    let sum = lead.scores[i]!;
    for (let k = 1; k < order.length; k++) {
      const list = order[k]!;
      const p = seek(list.nums, pos[k]!, num);
      pos[k] = p;
      if (p >= list.nums.length) break outer;
      if (list.nums[p] !== num) continue outer;
      sum += list.scores[p]!;
    }
    nums[n] = num;
    scores[n++] = sum;
  }
  return { nums: nums.subarray(0, n), scores: scores.subarray(0, n) };
}
