// Which of the overlapping occurrences to keep. Among sets of non-overlapping occurrences, the one
// with the most weight (its characters, counted 3 each for a strong name or a title and 2 for a
// weak name: matcher.ts, unitWeight); among equal weight, the one that read left to right starts
// earliest, then runs longest. Where nested names compete that is leftmost-longest (株洲市人大常委会
// over 株洲 + 市人大常委会: equal weight, longer first); where overlapping ones do, the weight
// decides, which is what lets a title (a blocker pattern) beat a place without losing a name
// (with the weights of the seed archive's names):
//   市委宣传部长江小忠   市委宣传部 + 江小忠 (19) beats 市委宣传部 + 长江 (14)
//   宣传部长江某         the title 部长 (6) beats the weak 长江 (4)
//   湖南省长沙市         湖南省 + 长沙市 (12) beats 湖南 + 省长 (10)
import type { Occurrences } from './automaton';

/** Reusable scratch space: one Chooser per matcher, so a page scan allocates next to nothing here. */
export class Chooser {
  private order = new Int32Array(16);
  private best = new Float64Array(17);
  private next = new Int32Array(16);
  private take = new Uint8Array(16);

  /**
   * Appends to `out` the occurrences of `occ` (which is in order of start) to keep, in text order,
   * leaving out those of patterns whose `report` is 0 (they take part in the choice, as title
   * words do, but are not names). `weight[p]` is what an occurrence of pattern p is worth.
   */
  choose(occ: Occurrences, weight: Int32Array, report: Uint8Array, out: Occurrences): void {
    const { start, end } = occ;
    const m = occ.length;
    // Occurrences that overlap, directly or through others, form a block: in order of start,
    // blocks are consecutive runs, and most are one occurrence long.
    let from = 0;
    let reach = m > 0 ? end[0]! : 0;
    for (let o = 1; o <= m; o++) {
      if (o < m && start[o]! < reach) {
        if (end[o]! > reach) reach = end[o]!;
        continue;
      }
      if (o - from === 1) emit(occ, from, report, out);
      else this.chooseInBlock(occ, weight, from, o, report, out);
      from = o;
      if (o < m) reach = end[o]!;
    }
  }

  /** Weighted interval scheduling over one block, from the right; a tie takes the earlier, longer occurrence. */
  private chooseInBlock(occ: Occurrences, weight: Int32Array, from: number, to: number, report: Uint8Array, out: Occurrences): void {
    const { start, end, pattern } = occ;
    const size = to - from;
    if (size > this.order.length) this.growBlockScratch(size);
    const { order, best, next, take } = this;
    // By start (as they come), then longest first.
    for (let i = 0; i < size; i++) {
      const x = from + i;
      let j = i - 1;
      while (j >= 0 && (start[order[j]!]! > start[x]! || (start[order[j]!] === start[x] && end[order[j]!]! < end[x]!))) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = x;
    }
    best[size] = 0;
    for (let k = size - 1; k >= 0; k--) {
      const o = order[k]!;
      let q = k + 1;
      while (q < size && start[order[q]!]! < end[o]!) q++;
      next[k] = q;
      const taken = weight[pattern[o]!]! + best[q]!;
      const skipped = best[k + 1]!;
      take[k] = taken >= skipped ? 1 : 0;
      best[k] = Math.max(taken, skipped);
    }
    for (let k = 0; k < size; ) {
      if (take[k]) {
        emit(occ, order[k]!, report, out);
        k = next[k]!;
      } else k++;
    }
  }

  private growBlockScratch(size: number): void {
    this.order = new Int32Array(size);
    this.best = new Float64Array(size + 1);
    this.next = new Int32Array(size);
    this.take = new Uint8Array(size);
  }
}

function emit(occ: Occurrences, o: number, report: Uint8Array, out: Occurrences): void {
  const p = occ.pattern[o]!;
  if (report[p]) out.push(occ.start[o]!, occ.end[o]!, p);
}
