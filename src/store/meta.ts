// The `meta` store: small named records that describe the state of the archive. Everything that
// decides what readers see lives here, so flipping it is one small transaction.
import type { DataStoreName, StoreCounts } from './schema';

/** Where an interrupted import stands: store `DATA_STORES[storeIndex]`, records before `offset` written. */
export interface ImportProgress {
  storeIndex: number;
  offset: number;
  /** Chunks committed so far, over all stores (for reporting). */
  chunksDone: number;
}

export interface ActiveArchive {
  generation: number;
  /** bundleHash of the bundle this generation holds. */
  hash: string;
  archiveVersion: number;
  importedAt: number;
  counts: StoreCounts;
}

export interface BundledImportState {
  generation: number;
  hash: string;
  archiveVersion: number;
  startedAt: number;
  progress: ImportProgress;
}

export interface PlannedUserIssue {
  issueId: string;
  owner: string;
  textHash: string;
}

export interface SkippedIssue {
  issueId: string;
  /** The file the issue came from. */
  source: string;
  reason: 'same-id' | 'same-date-and-number' | 'same-text';
  /** The id of the issue already in the archive (or earlier in the same bundle). */
  duplicateOf: string;
}

export interface UserImportState {
  hash: string;
  importNo: number;
  /** Decided once, when the import starts, so a resumed import writes exactly what it began to. */
  planned: PlannedUserIssue[];
  skipped: SkippedIssue[];
  startedAt: number;
  progress: ImportProgress;
}

/** A committed user issue: its records are visible. */
export interface UserIssueEntry {
  issueId: string;
  owner: string;
  source: string;
  date: string | null;
  issueNo: number | null;
  textHash: string;
  addedAt: number;
}

/** Records to delete: a whole bundled generation, or one user issue's records. */
export type CleanupTask = { gen: number } | { gen: 'user'; owner: string };

export interface Counters {
  /** Generation numbers and user import numbers are never reused, so leftovers never collide. */
  nextGeneration: number;
  nextUserImport: number;
}

export interface MetaMap {
  schemaVersion: number;
  activeGeneration: ActiveArchive;
  bundledImport: BundledImportState;
  userImport: UserImportState;
  userIssues: UserIssueEntry[];
  /** Ids of bundled issues the user hid; reset empties it. */
  hiddenIssues: string[];
  cleanup: CleanupTask[];
  counters: Counters;
}

export type MetaKey = keyof MetaMap;
export type MetaValue = MetaMap[MetaKey];

/** The part of an idb object store that meta access needs; any transaction's `meta` store fits. */
export interface MetaReader {
  get(key: MetaKey): Promise<MetaValue | undefined>;
}
export interface MetaWriter extends MetaReader {
  put(value: MetaValue, key: MetaKey): Promise<MetaKey>;
  delete(key: MetaKey): Promise<void>;
}

export async function getMeta<K extends MetaKey>(store: MetaReader, key: K): Promise<MetaMap[K] | undefined> {
  // The store holds one value type per key; only putMeta writes it, so the key decides the type.
  return (await store.get(key)) as MetaMap[K] | undefined;
}

export async function putMeta<K extends MetaKey>(store: MetaWriter, key: K, value: MetaMap[K]): Promise<void> {
  await store.put(value, key);
}

export async function deleteMeta(store: MetaWriter, key: MetaKey): Promise<void> {
  await store.delete(key);
}

export const INITIAL_COUNTERS: Counters = { nextGeneration: 1, nextUserImport: 1 };

export function emptyCounts(): StoreCounts {
  const counts: Record<DataStoreName, number> = { issues: 0, articles: 0, entities: 0, mentions: 0, figures: 0 };
  return counts;
}
