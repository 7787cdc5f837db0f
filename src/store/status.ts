// The state of the archive as the options page shows it: what is active, what an unfinished
// import has done so far, and whether leftovers are still being deleted.
import { classifyError, StoreFailure } from './errors';
import { getMeta, type ActiveArchive, type ImportProgress, type UserIssueEntry } from './meta';
import type { ArchiveDb } from './open';
import { DATA_STORES, type DataStoreName } from './schema';

export interface PendingImport {
  source: 'bundled' | 'user';
  hash: string;
  /** The store being written and how many of its records are done. */
  store: DataStoreName | null;
  offset: number;
  chunksDone: number;
}

export interface ArchiveStatus {
  schemaVersion: number | null;
  active: ActiveArchive | null;
  userIssues: UserIssueEntry[];
  hiddenIssues: string[];
  pending: PendingImport[];
  cleanupTasks: number;
}

const pendingOf = (source: PendingImport['source'], hash: string, p: ImportProgress): PendingImport => ({
  source,
  hash,
  store: DATA_STORES[p.storeIndex] ?? null,
  offset: p.offset,
  chunksDone: p.chunksDone,
});

export async function readStatus(db: ArchiveDb): Promise<ArchiveStatus> {
  try {
    const meta = db.transaction('meta').objectStore('meta');
    const [schemaVersion, active, userIssues, hiddenIssues, bundled, user, cleanup] = await Promise.all([
      getMeta(meta, 'schemaVersion'),
      getMeta(meta, 'activeGeneration'),
      getMeta(meta, 'userIssues'),
      getMeta(meta, 'hiddenIssues'),
      getMeta(meta, 'bundledImport'),
      getMeta(meta, 'userImport'),
      getMeta(meta, 'cleanup'),
    ]);
    const pending: PendingImport[] = [];
    if (bundled) pending.push(pendingOf('bundled', bundled.hash, bundled.progress));
    if (user) pending.push(pendingOf('user', user.hash, user.progress));
    return {
      schemaVersion: schemaVersion ?? null,
      active: active ?? null,
      userIssues: userIssues ?? [],
      hiddenIssues: hiddenIssues ?? [],
      pending,
      cleanupTasks: cleanup?.length ?? 0,
    };
  } catch (e) {
    throw new StoreFailure(classifyError(e));
  }
}
