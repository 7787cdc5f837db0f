// A multi-pattern matcher over UTF-16 code units that finds every occurrence of every pattern in
// one pass over the text (scan says why it is not Aho-Corasick). Folding happens in the alphabet,
// not in the text: each code unit maps to a class through one 64K table, and a traditional or
// full-width unit gets the class of its folded form.
// So the page text is never copied, and every occurrence is reported at its offsets in the text
// as given. Spaces (code-units.ts, isSkippable) inside an occurrence are stepped over.
import { isSkippable, parsePairs, SKIPPABLE_UNITS, widthFold } from './code-units';
import { Trie } from './trie';

/** Class of a code unit that is in no pattern: it ends every walk. */
const NONE = 0;
/** Class of a space that may sit inside an occurrence. */
const SKIP = 0xffff;

/** Occurrences, in order of their start: [start, end) in the text and the pattern's index. */
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

/** Code units per stretch of scan: its scratch stays small (32 kB) and in cache. */
const STRETCH = 8192;

/**
 * A class folded into a byte for scan's pair filter: 0 for NONE, 255 for SKIP, 1–254 for the
 * rest (two classes may share a byte; the walk tells them apart). Two of them make a 16-bit pair
 * with no hashing, and the byte table is half the size of classOf in the cache.
 */
function filterClass(c: number): number {
  return c === NONE ? 0 : c === SKIP ? FILTER_SKIP : 1 + ((c - 1) % 254);
}
const FILTER_SKIP = 255;

/** A slot of Automaton.cells: its numbers, in this order. */
const CHECK = 0;
const NEXT = 1;
const PATTERN = 2;
const BASE = 3;
const CELL = 4;

export class Automaton {
  private constructor(
    private readonly classOf: Uint16Array,
    /** filterClass of each code unit's class. */
    private readonly filterClassOf: Uint8Array,
    /**
     * Bit set over the filter-class pairs that open a pattern (its first two units, or its first
     * and a space); null when a pattern is one unit long.
     */
    private readonly openingPairs: Int32Array | null,
    /** Every pattern begins with a CJK_UNIT: a text without one holds no occurrence. */
    private readonly cjkOnly: boolean,
    /**
     * The trie's edges as a double array (doubleArray), each slot four numbers side by side:
     * CHECK, the state the edge leaves (-1 for a free slot); NEXT, the state it enters; and of
     * that state, PATTERN, the pattern it completes or -1, and BASE, where its own edges lie. So
     * state s goes on class c through slot base(s) + c when that slot's CHECK is s, and a step
     * reads one cache line.
     */
    private readonly cells: Int32Array,
  ) {}

  /** Scratch for scan: where the pairs of one stretch that may open a pattern begin. */
  private readonly opens = new Int32Array(STRETCH);

  /**
   * `patterns` must already be folded and hold no skippable spaces; `foldPairs` (the
   * code-units.ts pair format) says which other code units stand for the patterns' ones.
   */
  static build(patterns: readonly string[], foldPairs: string): Automaton {
    const classOf = new Uint16Array(0x10000);
    const filterClassOf = new Uint8Array(0x10000);
    // Both tables are set unit by unit, never swept whole: this runs in a content script's first
    // task, before the JIT has warmed up, where a loop over 65,536 units costs milliseconds.
    const assign = (u: number, c: number) => {
      classOf[u] = c;
      filterClassOf[u] = filterClass(c);
    };
    let classes = 0;
    for (const p of patterns) {
      if (p.length === 0) throw new Error('automaton: empty pattern');
      for (let i = 0; i < p.length; i++) {
        const u = p.charCodeAt(i);
        if (isSkippable(u)) throw new Error(`automaton: pattern ${JSON.stringify(p)} holds a space`);
        if (classOf[u] === NONE) assign(u, ++classes);
      }
    }
    if (classes >= SKIP) throw new Error('automaton: too many distinct characters');
    const { from, to } = parsePairs(foldPairs);
    for (let i = 0; i < from.length; i++) {
      const target = classOf[to[i]!]!;
      if (target !== NONE) assign(from[i]!, target);
    }
    for (let u = 0xff01; u <= 0xff5e; u++) {
      const target = classOf[widthFold(u)]!;
      if (target !== NONE) assign(u, target);
    }
    for (const u of SKIPPABLE_UNITS) assign(u, SKIP);

    let total = 1;
    for (const p of patterns) total += p.length;
    const trie = new Trie(total);
    const terminal = new Int32Array(total).fill(-1);
    for (let index = 0; index < patterns.length; index++) {
      const p = patterns[index]!;
      let s = 0;
      for (let i = 0; i < p.length; i++) s = trie.childOrNew(s, classOf[p.charCodeAt(i)]!);
      // A repeated pattern keeps its first index.
      if (terminal[s] === -1) terminal[s] = index;
    }

    const { base, check, next } = doubleArray(trie, classes);
    const cells = new Int32Array(check.length * CELL);
    for (let slot = 0; slot < check.length; slot++) {
      const at = slot * CELL;
      cells[at + CHECK] = check[slot]!;
      if (check[slot] === -1) continue;
      const t = next[slot]!;
      cells[at + NEXT] = t;
      cells[at + PATTERN] = terminal[t]!;
      cells[at + BASE] = base[t]!;
    }
    let openingPairs: Int32Array | null = new Int32Array(0x10000 / 32);
    for (const p of patterns) {
      if (p.length < 2) {
        openingPairs = null;
        break;
      }
      // A pattern's first unit followed by a space opens it too (言 鹏): so the loop that looks
      // for pairs need not treat spaces apart.
      const first = filterClassOf[p.charCodeAt(0)]! << 8;
      for (const pair of [first | filterClassOf[p.charCodeAt(1)]!, first | FILTER_SKIP]) openingPairs[pair >>> 5]! |= 1 << (pair & 31);
    }
    const cjkOnly = patterns.every((p) => CJK_UNIT.test(p[0] ?? ''));
    return new Automaton(classOf, filterClassOf, openingPairs, cjkOnly, cells);
  }

  /**
   * Appends every occurrence of every pattern in `text` to `out`, in order of their start (and,
   * from one start, of their end).
   *
   * Not Aho-Corasick, on purpose. In Chinese news prose most characters begin some name (市, 区,
   * 中, 人…), so an Aho-Corasick automaton is seldom back at its root and pays its failure and
   * output links on most characters. Here one tight loop looks each pair of consecutive units up
   * in a bit set of the pairs that open a pattern (its first two units, or its first and a
   * space), and only from a pair that may does a walk down the trie run, as deep as the text
   * follows it. Names are short (a dozen units at most), so the walks are short, and each
   * occurrence is found at its start, which spares working the start out from the end. On the
   * seed text (bench/match) this is about 1.4× the Aho-Corasick automaton it replaced, with
   * the choice among overlapping occurrences, which reads them in this order, cheaper too.
   */
  scan(text: string, out: Occurrences): void {
    // A page in another script is dismissed by one native search instead of a loop over it.
    if (this.cjkOnly && !CJK_UNIT.test(text)) return;
    const { classOf } = this;
    const n = text.length;
    const pairs = this.openingPairs;
    if (!pairs) {
      // A one-unit pattern: every unit that begins a pattern may open one.
      const { cells } = this;
      for (let i = 0; i < n; i++) {
        const c = classOf[text.charCodeAt(i)]!;
        if (c !== NONE && c !== SKIP && cells[c * CELL + CHECK] === 0) this.walk(text, i, out);
      }
      return;
    }
    // In stretches: first the pairs, without a branch (every position is written and the count
    // moves on only where a pair may open a pattern), then the walks from those positions. One
    // in twenty pairs opens a name in news prose, at random: as a branch, that cost a third of
    // the scan in mispredictions.
    const opens = this.opens;
    const fc = this.filterClassOf;
    let prev = n > 0 ? fc[text.charCodeAt(0)]! << 8 : 0;
    for (let i = 1; i < n; ) {
      const stop = Math.min(n, i + STRETCH);
      let count = 0;
      for (; i < stop; i++) {
        const c = fc[text.charCodeAt(i)]!;
        const h = prev | c;
        opens[count] = i - 1;
        count += (pairs[h >>> 5]! >>> (h & 31)) & 1;
        prev = c << 8;
      }
      for (let k = 0; k < count; k++) this.walk(text, opens[k]!, out);
    }
  }

  /** Every occurrence that starts at `at`: down the trie as far as the text follows it, stepping over spaces. */
  private walk(text: string, at: number, out: Occurrences): void {
    const { classOf, cells } = this;
    const n = text.length;
    let s = 0;
    let b = 0; // the root's base
    for (let j = at; j < n; j++) {
      const c = classOf[text.charCodeAt(j)]!;
      if (c === SKIP) {
        if (s === 0) return; // an occurrence never starts on a space
        continue;
      }
      const cell = (b + c) * CELL;
      if (c === NONE || cells[cell + CHECK] !== s) return;
      s = cells[cell + NEXT]!;
      b = cells[cell + BASE]!;
      const p = cells[cell + PATTERN]!;
      if (p >= 0) out.push(at, j + 1, p);
    }
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
