// Shared by the store tests: the real seed bundle, a fresh fake IndexedDB per test, and checks of
// what is physically in the stores (beyond what the queries show).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildBundle } from '../../src/archive/bundle';
import type { ArchiveBundle } from '../../src/archive/types';
import type { StoreResult } from '../../src/store/errors';
import { openArchiveDb, type ArchiveDb, type OpenOptions } from '../../src/store/open';
import { DATA_STORES, type StoreCounts } from '../../src/store/schema';

const SEEDS = join(import.meta.dirname, '../../seeds');

export const seedFiles = (): string[] => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

const cache = new Map<string, ArchiveBundle>();

/** buildBundle over the given seed files (all by default), read with node:fs; a fresh deep copy each call. */
export function seedBundle(files: readonly string[] = seedFiles()): ArchiveBundle {
  const key = files.join('|');
  let bundle = cache.get(key);
  if (!bundle) {
    const built = buildBundle(files.map((source) => ({ source, bytes: new Uint8Array(readFileSync(join(SEEDS, source))) })));
    expect(built.errors).toEqual([]);
    bundle = built.bundle;
    cache.set(key, bundle);
  }
  return structuredClone(bundle);
}

/** A new, empty IndexedDB for the test (fake-indexeddb), so tests never see each other's data. */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export async function freshDb(options: OpenOptions = {}): Promise<ArchiveDb> {
  freshIndexedDb();
  return openArchiveDb(options);
}

export { countsOf } from '../../src/store/import';

export function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** Every record physically in each data store, whatever its generation or owner. */
export async function rawCounts(db: ArchiveDb): Promise<StoreCounts> {
  const tx = db.transaction([...DATA_STORES]);
  const counts = await Promise.all(DATA_STORES.map((s) => tx.objectStore(s).count()));
  return Object.fromEntries(DATA_STORES.map((s, i) => [s, counts[i]])) as StoreCounts;
}

/** Records over all data stores. */
export const totalRecords = (c: StoreCounts): number => DATA_STORES.reduce((n, s) => n + c[s], 0);
