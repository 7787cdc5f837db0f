// An Aho-Corasick automaton over UTF-16 code units that finds every occurrence of every pattern
// in one pass. Folding happens in the alphabet, not in the text: each code unit maps to a class
// through one 64K table, and a traditional or full-width unit gets the class of its folded form.
// So the page text is never copied, and every occurrence is reported at its offsets in the text
// as given. Spaces (code-units.ts, isSkippable) inside an occurrence are stepped over.
import { isSkippable, parsePairs, SKIPPABLE_UNITS, widthFold } from './code-units';
import { Trie } from './trie';

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

/**
 * Code units of Chinese script and the forms that fold into it: CJK radicals to ideographs,
 * compatibility ideographs, full-width forms, and high surrogates (the extension planes).
 */
const CJK_UNIT = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\ud800-\udbff]/;

/** 16 bits from two classes. */
function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 16;
}

export class Automaton {
  private constructor(
    private readonly classOf: Uint16Array,
    /** Bit set over pairHash of the first two classes of every pattern; null when a pattern is one unit long. */
    private readonly openingPairs: Int32Array | null,
    /** Every pattern begins with a CJK_UNIT: a text without one holds no occurrence. */
    private readonly cjkOnly: boolean,
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

    let total = 1;
    for (const p of patterns) total += p.length;
    const trie = new Trie(total);
    const terminal = new Int32Array(total).fill(-1);
    const patternLength = new Int32Array(patterns.length);
    for (let index = 0; index < patterns.length; index++) {
      const p = patterns[index]!;
      let s = 0;
      for (let i = 0; i < p.length; i++) s = trie.childOrNew(s, classOf[p.charCodeAt(i)]!);
      // A repeated pattern keeps its first index.
      if (terminal[s] === -1) terminal[s] = index;
      patternLength[index] = p.length;
    }

    const states = trie.states;
    const fail = new Int32Array(states);
    const dictLink = new Int32Array(states);
    // Breadth first, so a state's failure target is finished before the state.
    const order = trie.breadthFirst();
    for (let k = 0; k < order.length; k++) {
      const t = order[k]!;
      const parent = trie.parent[t]!;
      if (parent === 0) continue; // a child of the root fails to the root
      const label = trie.label[t]!;
      let f = fail[parent]!;
      let target = trie.child(f, label);
      while (target === -1 && f !== 0) {
        f = fail[f]!;
        target = trie.child(f, label);
      }
      const ft = target === -1 ? 0 : target;
      fail[t] = ft;
      dictLink[t] = terminal[ft]! >= 0 ? ft : dictLink[ft]!;
    }

    const { base, check, next } = doubleArray(trie, classes);
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
    const cjkOnly = patterns.every((p) => CJK_UNIT.test(p[0] ?? ''));
    return new Automaton(classOf, openingPairs, cjkOnly, base, check, next, fail, terminal.subarray(0, states), dictLink, patternLength);
  }

  /** Appends every occurrence of every pattern in `text` to `out`, in order of their end. */
  scan(text: string, out: Occurrences): void {
    // A page in another script is dismissed by one native search instead of a loop over it.
    if (this.cjkOnly && !CJK_UNIT.test(text)) return;
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
 * other state the first base at which all its children's slots are free. Runs once per tab in
 * the content script, mostly before the JIT has warmed up: plain loops over typed arrays.
 */
function doubleArray(trie: Trie, classes: number): { base: Int32Array; check: Int32Array; next: Int32Array } {
  const base = new Int32Array(trie.states);
  let check = new Int32Array(Math.max(64, 2 * (classes + trie.states))).fill(-1);
  let next = new Int32Array(check.length);
  const ensure = (slot: number) => {
    if (slot < check.length) return;
    let size = check.length;
    while (size <= slot) size *= 2;
    const c = new Int32Array(size).fill(-1);
    c.set(check);
    const n = new Int32Array(size);
    n.set(next);
    check = c;
    next = n;
  };
  ensure(classes);
  for (let child = trie.firstChild[0]!; child !== -1; child = trie.nextSibling[child]!) {
    check[trie.label[child]!] = 0;
    next[trie.label[child]!] = child;
  }
  let firstFree = classes + 1;
  const labels: number[] = [];
  for (let s = 1; s < trie.states; s++) {
    if (trie.firstChild[s] === -1) continue; // a leaf: no slot's check is s, whatever its base
    labels.length = 0;
    let lowest = classes;
    let highest = 0;
    for (let child = trie.firstChild[s]!; child !== -1; child = trie.nextSibling[child]!) {
      const label = trie.label[child]!;
      labels.push(label);
      lowest = Math.min(lowest, label);
      highest = Math.max(highest, label);
    }
    while (firstFree < check.length && check[firstFree] !== -1) firstFree++;
    let b = Math.max(1, firstFree - lowest);
    for (;;) {
      if (b + highest >= check.length) ensure(b + highest);
      let fits = true;
      for (let i = 0; i < labels.length; i++) {
        if (check[b + labels[i]!] !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      b++;
    }
    base[s] = b;
    for (let child = trie.firstChild[s]!; child !== -1; child = trie.nextSibling[child]!) {
      check[b + trie.label[child]!] = s;
      next[b + trie.label[child]!] = child;
    }
  }
  // Room for base + any class past the last slot, so a step never reads out of bounds.
  let maxBase = 0;
  for (let s = 0; s < base.length; s++) maxBase = Math.max(maxBase, base[s]!);
  ensure(maxBase + classes);
  return { base, check, next };
}
