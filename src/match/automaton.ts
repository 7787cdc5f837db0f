// An Aho-Corasick automaton over UTF-16 code units that finds every occurrence of every pattern
// in one pass. Folding happens in the alphabet, not in the text: each code unit maps to a class
// through one 64K table, and a traditional or full-width unit gets the class of its folded form.
// So the page text is never copied, and every occurrence is reported at its offsets in the text
// as given. Spaces (code-units.ts, isSkippable) inside an occurrence are stepped over.
import { isSkippable, parsePairs, SKIPPABLE_UNITS, widthFold } from './code-units';

/** Class of a code unit that is in no pattern: the automaton falls back to its root. */
const NONE = 0;
/** Class of a space that may sit inside an occurrence. */
const SKIP = 0xffff;

/** Occurrences, in order of their end: [start, end) in the text and the pattern's index. */
export class Occurrences {
  start = new Int32Array(64);
  end = new Int32Array(64);
  pattern = new Int32Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(start: number, end: number, pattern: number): void {
    if (this.length === this.start.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.pattern = grow(this.pattern);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.pattern[this.length] = pattern;
    this.length++;
  }
}

/** 16 bits from two classes. */
function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 16;
}

export class Automaton {
  private constructor(
    private readonly classOf: Uint16Array,
    /** Bit set over pairHash of the first two classes of every pattern; null when a pattern is one unit long. */
    private readonly openingPairs: Int32Array | null,
    /**
     * Transitions as a double array: state s goes on class c to next[base[s] + c] when
     * check[base[s] + c] is s. One add and two reads per step, and a few slots per state.
     */
    private readonly base: Int32Array,
    private readonly check: Int32Array,
    private readonly next: Int32Array,
    private readonly fail: Int32Array,
    /** The pattern a state completes, or -1. */
    private readonly terminal: Int32Array,
    /** The nearest proper suffix state that completes a pattern, or 0. */
    private readonly dictLink: Int32Array,
    /** Length of each pattern in code units. */
    readonly patternLength: Int32Array,
  ) {}

  /**
   * `patterns` must already be folded and hold no skippable spaces; `foldPairs` (the
   * code-units.ts pair format) says which other code units stand for the patterns' ones.
   */
  static build(patterns: readonly string[], foldPairs: string): Automaton {
    const classOf = new Uint16Array(0x10000);
    let classes = 0;
    for (const p of patterns) {
      if (p.length === 0) throw new Error('automaton: empty pattern');
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        if (isSkippable(u)) throw new Error(`automaton: pattern ${JSON.stringify(p)} holds a space`);
        if (classOf[u] === NONE) classOf[u] = ++classes;
      }
    }
    if (classes >= SKIP) throw new Error('automaton: too many distinct characters');
    const { from, to } = parsePairs(foldPairs);
    for (let i = 0; i < from.length; i++) {
      const target = classOf[to[i]!]!;
      if (target !== NONE) classOf[from[i]!] = target;
    }
    for (let u = 0xff01; u <= 0xff5e; u++) {
      const target = classOf[widthFold(u)]!;
      if (target !== NONE) classOf[u] = target;
    }
    for (const u of SKIPPABLE_UNITS) classOf[u] = SKIP;

    // The trie, with children in Maps while it is built.
    const children: Map<number, number>[] = [new Map()];
    const terminalList: number[] = [-1];
    const patternLength = new Int32Array(patterns.length);
    patterns.forEach((p, index) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = classOf[p.charCodeAt(i)]!;
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminalList.push(-1);
          children[s]!.set(c, next);
        }
        s = next;
      }
      // A repeated pattern keeps its first index.
      if (terminalList[s] === -1) terminalList[s] = index;
      patternLength[index] = p.length;
    });

    const states = children.length;
    const fail = new Int32Array(states);
    const dictLink = new Int32Array(states);
    const terminal = Int32Array.from(terminalList);
    // Breadth first, so a state's failure target is finished before the state.
    const queue: number[] = [];
    for (const child of children[0]!.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, child] of children[s]!) {
        let f = fail[s]!;
        while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
        const target = children[f]!.get(c);
        fail[child] = target !== undefined && target !== child ? target : 0;
        const ft = fail[child]!;
        dictLink[child] = terminal[ft]! >= 0 ? ft : dictLink[ft]!;
        queue.push(child);
      }
    }

    const { base, check, next } = doubleArray(children, classes);
    let openingPairs: Int32Array | null = new Int32Array(0x10000 / 32);
    for (const p of patterns) {
      if (p.length < 2) {
        openingPairs = null;
        break;
      }
      // A pattern's first unit followed by a space opens it too (言 鹏): so the loop that looks
      // for pairs need not treat spaces apart, which costs it a third of its speed.
      for (const h of [pairHash(classOf[p.charCodeAt(0)]!, classOf[p.charCodeAt(1)]!), pairHash(classOf[p.charCodeAt(0)]!, SKIP)]) {
        openingPairs[h >>> 5]! |= 1 << (h & 31);
      }
    }
    return new Automaton(classOf, openingPairs, base, check, next, fail, terminal, dictLink, patternLength);
  }

  /** Appends every occurrence of every pattern in `text` to `out`, in order of their end. */
  scan(text: string, out: Occurrences): void {
    if (this.openingPairs) this.scanByPairs(text, out, this.openingPairs);
    else this.scanEveryUnit(text, out);
  }

  /**
   * At the root, most code units lead nowhere, and a branch taken at random (half of Chinese
   * text is made of characters some name contains) costs more than the work. So while at the
   * root, a loop with one rarely taken branch hashes each pair of consecutive units into a bit
   * set of the pairs that open a pattern (its first two units, or its first and a space), and
   * the automaton runs only from a pair that may. Every pattern is at least two units long, so
   * none is missed.
   */
  private scanByPairs(text: string, out: Occurrences, pairs: Int32Array): void {
    const { classOf, base, check, next, fail, terminal, dictLink, patternLength } = this;
    const n = text.length;
    let prevClass = NONE;
    let prevAt = -1;
    let i = 0;
    while (i < n) {
      for (; i < n; i++) {
        const c = classOf[text.charCodeAt(i)]!;
        const h = pairHash(prevClass, c);
        if ((pairs[h >>> 5]! >>> (h & 31)) & 1) break;
        prevClass = c;
        prevAt = i;
      }
      if (i >= n) return;
      // From the pair's first unit until the automaton is back at the root.
      let s = 0;
      let j = prevAt >= 0 ? prevAt : i;
      for (; j < n; j++) {
        const c = classOf[text.charCodeAt(j)]!;
        if (c === SKIP) continue;
        if (c === NONE) s = 0;
        else {
          for (;;) {
            const slot = base[s]! + c;
            if (check[slot] === s) {
              s = next[slot]!;
              break;
            }
            if (s === 0) break;
            s = fail[s]!;
          }
        }
        if (s === 0) break;
        let t = terminal[s]! >= 0 ? s : dictLink[s]!;
        while (t !== 0) {
          const p = terminal[t]!;
          out.push(this.startOf(text, j, patternLength[p]!), j + 1, p);
          t = dictLink[t]!;
        }
      }
      // Go on after the later of the unit that ended the run and the pair's second unit.
      const resume = Math.max(j, i);
      if (resume >= n) return;
      prevClass = classOf[text.charCodeAt(resume)]!;
      prevAt = resume;
      i = resume + 1;
    }
  }

  /** The plain automaton over every unit: for pattern sets with a one-unit pattern. */
  private scanEveryUnit(text: string, out: Occurrences): void {
    const { classOf, base, check, next, fail, terminal, dictLink, patternLength } = this;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = classOf[text.charCodeAt(i)]!;
      if (c === SKIP) continue;
      if (c === NONE) {
        s = 0;
        continue;
      }
      for (;;) {
        const slot = base[s]! + c;
        if (check[slot] === s) {
          s = next[slot]!;
          break;
        }
        if (s === 0) break;
        s = fail[s]!;
      }
      if (s === 0) continue;
      let t = terminal[s]! >= 0 ? s : dictLink[s]!;
      while (t !== 0) {
        const p = terminal[t]!;
        out.push(this.startOf(text, i, patternLength[p]!), i + 1, p);
        t = dictLink[t]!;
      }
    }
  }

  /** Where an occurrence of `length` code units that ends at `last` starts, stepping back over spaces. */
  private startOf(text: string, last: number, length: number): number {
    let j = last;
    for (let need = length - 1; need > 0; ) {
      j--;
      if (this.classOf[text.charCodeAt(j)] !== SKIP) need--;
    }
    return j;
  }
}

/**
 * Lays the trie's edges out as a double array. The root takes base 0 (slots 1…classes); every
 * other state the first base at which all its children's slots are free.
 */
function doubleArray(children: Map<number, number>[], classes: number): { base: Int32Array; check: Int32Array; next: Int32Array } {
  const base = new Int32Array(children.length);
  const check: number[] = new Array<number>(classes + 1).fill(-1);
  const nextList: number[] = new Array<number>(classes + 1).fill(0);
  const claim = (slot: number, parent: number, child: number) => {
    while (check.length <= slot) {
      check.push(-1);
      nextList.push(0);
    }
    check[slot] = parent;
    nextList[slot] = child;
  };
  for (const [c, child] of children[0]!) claim(c, 0, child);
  let firstFree = classes + 1;
  for (let s = 1; s < children.length; s++) {
    const edges = [...children[s]!].sort((a, b) => a[0] - b[0]);
    if (edges.length === 0) {
      base[s] = 0; // never read: a leaf has no slot whose check is s
      continue;
    }
    while (firstFree < check.length && check[firstFree] !== -1) firstFree++;
    let b = Math.max(1, firstFree - edges[0]![0]);
    while (edges.some(([c]) => b + c < check.length && check[b + c] !== -1)) b++;
    base[s] = b;
    for (const [c, child] of edges) claim(b + c, s, child);
  }
  // Room for base + any class past the last used slot, so a step never reads out of bounds.
  let maxBase = 0;
  for (const b of base) maxBase = Math.max(maxBase, b);
  const checkArray = new Int32Array(Math.max(maxBase + classes + 1, check.length)).fill(-1);
  checkArray.set(check);
  const nextArray = new Int32Array(checkArray.length);
  nextArray.set(nextList);
  return { base, check: checkArray, next: nextArray };
}
