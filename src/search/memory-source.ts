// A segment held in memory: the CLI, tests and benchmarks read it directly; the popup's IndexedDB
// source reads the same records one key at a time.
import { decodePostings, type PostingRecord, type Postings } from './postings';
import type { DocKind, DocOfKind, PostingSource, SearchSegmentData, SegmentHeader } from './types';

export class MemorySource implements PostingSource {
  private readonly records = new Map<string, PostingRecord>();

  constructor(private readonly data: SearchSegmentData) {
    for (const r of data.postings) this.records.set(r.key, r);
  }

  header(): SegmentHeader {
    return this.data.header;
  }

  get(keys: readonly string[]): (Postings | undefined)[] {
    return keys.map((key) => {
      const r = this.records.get(key);
      return r ? decodePostings(r) : undefined;
    });
  }

  docs<K extends DocKind>(kind: K, nums: readonly number[]): DocOfKind[K][] {
    const all = (kind === 'article' ? this.data.articles : kind === 'entity' ? this.data.entities : this.data.figures) as DocOfKind[K][];
    return nums.map((n) => {
      const doc = all[n];
      if (doc === undefined) throw new RangeError(`no ${kind} numbered ${n} in segment ${this.data.header.segment}`);
      return doc;
    });
  }
}
