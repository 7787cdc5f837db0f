// The search index in IndexedDB. It is derived data: one segment (src/search) per visible owner —
// the active bundled generation, and each user issue — built from that owner's records after an
// import, and deleted when the owner stops being visible. A query reads a segment's header, the
// posting lists of its keys and the documents it shows, one record each, so opening the popup on
// a large archive loads nothing up front.
//
// A segment is written in chunks with its header last: until the header is there the segment does
// not count, so a build cut off (a stopped service worker) is simply built again; the build is a
// pure function of the owner's records, so rewriting the same keys is harmless.
import { buildSearchIndex, decodePostings, type DocKind, type DocOfKind, type PinyinKeys, type PostingRecord, type PostingSource, type Postings, type SearchSegmentData, type SegmentHeader } from '../search';
import { classifyError, StoreFailure } from './errors';
import { readVisibility, type Visibility } from './generations';
import { reading, visibleOwners } from './lookups';
import type { ArchiveDb } from './open';
import { bundleOfOwners } from './queries';
import { DATA_STORES, USER_GEN, type Gen, type SearchKey } from './schema';

const REGISTRY: SearchKey = ['', 'h', 'segments'];
const DOC_PART = { article: 'a', entity: 'e', figure: 'f' } as const satisfies Record<DocKind, SearchKey[1]>;

export const segmentIdOf = (gen: Gen, owner: string): string => (gen === USER_GEN ? `user:${owner}` : `bundled:${gen}`);

function visibleSegments(v: Visibility): { id: string; gen: Gen; owner: string }[] {
  return visibleOwners(v).map(({ gen, owner }) => ({ id: segmentIdOf(gen, owner), gen, owner }));
}

/** One segment read from IndexedDB: each call is one read-only transaction. */
export class IdbPostingSource implements PostingSource {
  constructor(
    private readonly db: ArchiveDb,
    readonly segment: string,
    private readonly head: SegmentHeader,
  ) {}

  header(): SegmentHeader {
    return this.head;
  }

  async get(keys: readonly string[]): Promise<(Postings | undefined)[]> {
    const store = this.db.transaction('search').objectStore('search');
    const found = await Promise.all(keys.map((key) => store.get([this.segment, 'p', key])));
    return found.map((r) => (r === undefined ? undefined : decodePostings(r as PostingRecord)));
  }

  async docs<K extends DocKind>(kind: K, nums: readonly number[]): Promise<DocOfKind[K][]> {
    const store = this.db.transaction('search').objectStore('search');
    const found = await Promise.all(nums.map((n) => store.get([this.segment, DOC_PART[kind], n])));
    return found.map((doc, i) => {
      if (doc === undefined) throw new StoreFailure({ kind: 'not-found', message: `no ${kind} ${nums[i]} in search segment ${this.segment}` });
      return doc as DocOfKind[K];
    });
  }
}

/** The visible segments that are built, ready to search (src/search `search(sources, …)`). */
export function searchSources(db: ArchiveDb): Promise<IdbPostingSource[]> {
  return reading(async () => {
    const tx = db.transaction(['meta', 'search']);
    const v = await readVisibility(tx.objectStore('meta'));
    const store = tx.objectStore('search');
    const sources: IdbPostingSource[] = [];
    for (const { id } of visibleSegments(v)) {
      const header = (await store.get([id, 'h', 0])) as SegmentHeader | undefined;
      if (header) sources.push(new IdbPostingSource(db, id, header));
    }
    return sources;
  });
}

function segmentRecords(data: SearchSegmentData): [SearchKey, unknown][] {
  const id = data.header.segment;
  const records: [SearchKey, unknown][] = [];
  for (const p of data.postings) records.push([[id, 'p', p.key], p]);
  data.articles.forEach((d, n) => records.push([[id, 'a', n], d]));
  data.entities.forEach((d, n) => records.push([[id, 'e', n], d]));
  data.figures.forEach((d, n) => records.push([[id, 'f', n], d]));
  return records;
}

async function writeSegment(db: ArchiveDb, data: SearchSegmentData, chunkSize: number, signal?: AbortSignal): Promise<void> {
  const records = segmentRecords(data);
  for (let at = 0; at < records.length; at += chunkSize) {
    if (signal?.aborted) throw new StoreFailure({ kind: 'aborted', message: 'search index build stopped' });
    const tx = db.transaction('search', 'readwrite', { durability: 'relaxed' });
    for (const [key, value] of records.slice(at, at + chunkSize)) void tx.objectStore('search').put(value, key);
    await tx.done;
  }
  const tx = db.transaction('search', 'readwrite');
  const store = tx.objectStore('search');
  const registry = ((await store.get(REGISTRY)) as string[] | undefined) ?? [];
  await store.put(data.header, [data.header.segment, 'h', 0]);
  if (!registry.includes(data.header.segment)) await store.put([...registry, data.header.segment], REGISTRY);
  await tx.done;
}

async function deleteSegments(db: ArchiveDb, keep: ReadonlySet<string>): Promise<string[]> {
  const tx = db.transaction('search', 'readwrite');
  const store = tx.objectStore('search');
  const registry = ((await store.get(REGISTRY)) as string[] | undefined) ?? [];
  const gone = registry.filter((id) => !keep.has(id));
  for (const id of gone) await store.delete(IDBKeyRange.bound([id], [id, []]));
  await store.put(
    registry.filter((id) => keep.has(id)),
    REGISTRY,
  );
  await tx.done;
  return gone;
}

export interface SegmentsOutcome {
  built: string[];
  removed: string[];
}

export interface SegmentOptions {
  /** Names → pinyin keys, computed when the archive was built (public/pinyin-keys.json). */
  pinyin?: PinyinKeys;
  chunkSize?: number;
  signal?: AbortSignal;
}

/** Builds the segments visible owners lack and deletes those of owners no longer visible. */
export async function ensureSearchSegments(db: ArchiveDb, options: SegmentOptions = {}): Promise<SegmentsOutcome> {
  try {
    const { v, present } = await (async () => {
      const tx = db.transaction(['meta', 'search']);
      const vis = await readVisibility(tx.objectStore('meta'));
      const store = tx.objectStore('search');
      const have = new Set<string>();
      for (const { id } of visibleSegments(vis)) if (await store.get([id, 'h', 0])) have.add(id);
      return { v: vis, present: have };
    })();
    const wanted = visibleSegments(v);
    const built: string[] = [];
    for (const { id, gen, owner } of wanted) {
      if (present.has(id)) continue;
      const records = await bundleOfOwners(db.transaction(['meta', ...DATA_STORES]), [{ gen, owner }]);
      const data = buildSearchIndex(records, options.pinyin, { segment: id });
      await writeSegment(db, data, options.chunkSize ?? 500, options.signal);
      built.push(id);
    }
    const removed = await deleteSegments(db, new Set(wanted.map((w) => w.id)));
    return { built, removed };
  } catch (e) {
    throw e instanceof StoreFailure ? e : new StoreFailure(classifyError(e));
  }
}
