// Grams as small integers while building: each distinct code point gets a dense id, a single
// character is its id and a bigram is (id1 + 1) × 2^15 + id2. Both stay below 2^30, where V8 keeps
// numbers unboxed, so the maps and sorts of a 30 M-character build run on plain integers. An
// archive with more than 32,767 distinct characters (none seen: the seeds use ~2,000) numbers the
// grams of the others through a map from their text (`wideCode`), slower but the same.
import { isWordCodePoint } from './normalize';
import { PostingWriter, type PostingRecord } from './postings';

const SPAN = 0x8000;

/** A growable Int32Array. */
export class IntBuffer {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

export class GramCoder {
  private readonly bmp = new Int32Array(0x10000).fill(-1);
  private readonly astral = new Map<number, number>();
  private readonly cps: number[] = [];
  /** Bigrams of characters past the 32,767th: code ↔ string, codes from 2^30 up. */
  private readonly wide = new Map<string, number>();
  private readonly wideKeys: string[] = [];

  private id(cp: number): number {
    if (cp < 0x10000) {
      let id = this.bmp[cp]!;
      if (id < 0) {
        id = this.cps.length;
        this.cps.push(cp);
        this.bmp[cp] = id;
      }
      return id;
    }
    let id = this.astral.get(cp);
    if (id === undefined) {
      id = this.cps.length;
      this.cps.push(cp);
      this.astral.set(cp, id);
    }
    return id;
  }

  private bigram(a: number, b: number): number {
    if (a < SPAN - 1 && b < SPAN) return (a + 1) * SPAN + b;
    return this.wideCode(String.fromCodePoint(this.cps[a]!, this.cps[b]!));
  }

  private wideCode(key: string): number {
    let code = this.wide.get(key);
    if (code === undefined) {
      code = 2 ** 30 + this.wideKeys.length;
      this.wideKeys.push(key);
      this.wide.set(key, code);
    }
    return code;
  }

  /**
   * Appends the codes of `text`'s bigrams (and single characters when `unigrams`) to `out`, folding
   * each UTF-16 unit through `fold` as it reads (surrogates are never folded).
   */
  collect(text: string, unigrams: boolean, out: IntBuffer, fold: Uint16Array): void {
    let prev = -1;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let cp = fold[text.charCodeAt(i)]!;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      const word = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x80 && isWordCodePoint(cp));
      if (!word) {
        prev = -1;
        continue;
      }
      const id = this.id(cp);
      if (unigrams) out.push(id < SPAN ? id : this.wideCode(String.fromCodePoint(cp)));
      if (prev >= 0) out.push(this.bigram(prev, id));
      prev = id;
    }
  }

  /** The gram a code stands for. */
  gram(code: number): string {
    if (code < SPAN) return String.fromCodePoint(this.cps[code]!);
    if (code >= 2 ** 30) return this.wideKeys[code - 2 ** 30]!;
    return String.fromCodePoint(this.cps[Math.floor(code / SPAN) - 1]!, this.cps[code % SPAN]!);
  }
}

/**
 * Posting lists keyed by gram, filled one document at a time: `begin`, `add` each field, `end`.
 * Each distinct gram gets a dense index once (one map lookup per occurrence); a document's weights
 * gather in typed arrays stamped with the document, so nothing is allocated per document.
 */
export class GramIndex {
  // Open addressing from gram code to dense index: measured ~3× faster than a Map here.
  private slots = new Int32Array(1 << 16).fill(-1);
  private slotCodes = new Int32Array(1 << 16);
  private readonly codes: number[] = [];
  private readonly writers: PostingWriter[] = [];
  private stamp = new Int32Array(4096);
  private weight = new Int32Array(4096);
  private readonly touched = new IntBuffer();
  private readonly buf = new IntBuffer();
  private current = 0;
  private num = -1;

  constructor(private readonly coder: GramCoder) {}

  begin(num: number): void {
    this.num = num;
    this.current++;
    this.touched.length = 0;
  }

  /**
   * Adds a field's grams. A plain field ors `bit` into their weights; a counted field (countMask ≠ 0)
   * adds one per occurrence in the bits of countMask, saturating there.
   */
  add(text: string, fold: Uint16Array, bit: number, unigrams: boolean, countMask = 0): void {
    const buf = this.buf;
    buf.length = 0;
    this.coder.collect(text, unigrams, buf, fold);
    const data = buf.data;
    for (let i = 0; i < buf.length; i++) {
      const d = this.denseOf(data[i]!);
      if (this.stamp[d] !== this.current) {
        this.stamp[d] = this.current;
        this.weight[d] = 0;
        this.touched.push(d);
      }
      if (countMask !== 0) {
        const w = this.weight[d]!;
        if ((w & countMask) !== countMask) this.weight[d] = w + 1;
      } else {
        this.weight[d]! |= bit;
      }
    }
  }

  private denseOf(code: number): number {
    let mask = this.slots.length - 1;
    let h = Math.imul(code, 0x9e3779b1) >>> 0;
    for (;;) {
      const at = h & mask;
      const d = this.slots[at]!;
      if (d < 0) break;
      if (this.slotCodes[at] === code) return d;
      h++;
    }
    const d = this.codes.length;
    this.codes.push(code);
    this.writers.push(new PostingWriter());
    if (d >= this.stamp.length) this.grow();
    if ((d + 1) * 2 > this.slots.length) this.rehash();
    mask = this.slots.length - 1;
    h = Math.imul(code, 0x9e3779b1) >>> 0;
    while (this.slots[h & mask]! >= 0) h++;
    this.slots[h & mask] = d;
    this.slotCodes[h & mask] = code;
    return d;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const slotCodes = new Int32Array(size);
    this.codes.forEach((code, d) => {
      let h = Math.imul(code, 0x9e3779b1) >>> 0;
      while (slots[h & (size - 1)]! >= 0) h++;
      slots[h & (size - 1)] = d;
      slotCodes[h & (size - 1)] = code;
    });
    this.slots = slots;
    this.slotCodes = slotCodes;
  }

  private grow(): void {
    const stamp = new Int32Array(this.stamp.length * 2);
    stamp.set(this.stamp);
    this.stamp = stamp;
    const weight = new Int32Array(this.weight.length * 2);
    weight.set(this.weight);
    this.weight = weight;
  }

  end(): void {
    const t = this.touched.data;
    for (let i = 0; i < this.touched.length; i++) {
      const d = t[i]!;
      this.writers[d]!.add(this.num, this.weight[d]!);
    }
  }

  finish(prefix: string, out: PostingRecord[]): void {
    this.writers.forEach((w, d) => out.push(w.finish(prefix + this.coder.gram(this.codes[d]!))));
  }
}
