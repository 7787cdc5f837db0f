// Posting lists: for one key, the documents (segment-local numbers, ascending) that hold it and one
// weight byte each. Stored as bytes — a varint of the gap to the previous number, then the weight —
// because at 1,000× the seeds a common bigram lists tens of thousands of documents, and gaps of a
// sorted list fit in one byte almost always. IndexedDB stores a Uint8Array as it is.

/** One stored record: what a key maps to. */
export interface PostingRecord {
  key: string;
  /** Number of documents in `bytes`. */
  count: number;
  bytes: Uint8Array;
}

/** A decoded posting list. */
export interface Postings {
  nums: Uint32Array;
  weights: Uint8Array;
}

export class PostingWriter {
  private bytes = new Uint8Array(16);
  private length = 0;
  private last = 0;
  count = 0;

  /** Adds a document; numbers must come in strictly ascending order. */
  add(num: number, weight: number): void {
    if (this.count > 0 && num <= this.last) throw new RangeError(`posting ${num} after ${this.last}: numbers must ascend`);
    if (this.length + 6 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    let gap = this.count === 0 ? num : num - this.last;
    while (gap >= 0x80) {
      this.bytes[this.length++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
    this.bytes[this.length++] = weight & 0xff;
    this.last = num;
    this.count++;
  }

  finish(key: string): PostingRecord {
    return { key, count: this.count, bytes: this.bytes.slice(0, this.length) };
  }
}

export function decodePostings(record: Pick<PostingRecord, 'count' | 'bytes'>): Postings {
  const { count, bytes } = record;
  const nums = new Uint32Array(count);
  const weights = new Uint8Array(count);
  let p = 0;
  let num = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++]!;
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    num = i === 0 ? gap : num + gap;
    nums[i] = num;
    weights[i] = bytes[p++]!;
  }
  if (p !== bytes.length) throw new RangeError(`posting bytes: read ${p} of ${bytes.length}`);
  return { nums, weights };
}
