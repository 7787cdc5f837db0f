// Which records readers see, and deleting the ones nobody will see again.
//
// Visible = the bundled records of the active generation (owner '') plus the user records whose
// owner is a committed user issue. Both facts live in `meta`, and every reader reads them in the
// same read-only transaction as the data: IndexedDB runs a read-only transaction either wholly
// before or wholly after any overlapping read-write one, so a reader can never see the pointer of
// one generation and the records of another, nor records that cleanup already deleted.
import { classifyError, failed, ok, type StoreResult } from './errors';
import { getMeta, putMeta, type ActiveArchive, type CleanupTask, type MetaReader, type MetaWriter, type UserIssueEntry } from './meta';
import type { ArchiveDb } from './open';
import { BUNDLED_OWNER, DATA_STORES, USER_GEN, prefixRange, type DataStoreName, type Gen } from './schema';
import { atomically } from './transactions';

export interface Visibility {
  active: ActiveArchive | undefined;
  /** Committed user issues, in the order they were added. */
  userIssues: UserIssueEntry[];
  userOwners: Set<string>;
  hidden: Set<string>;
}

export async function readVisibility(meta: MetaReader): Promise<Visibility> {
  const [active, userIssues = [], hidden = []] = await Promise.all([
    getMeta(meta, 'activeGeneration'),
    getMeta(meta, 'userIssues'),
    getMeta(meta, 'hiddenIssues'),
  ]);
  return { active, userIssues, userOwners: new Set(userIssues.map((u) => u.owner)), hidden: new Set(hidden) };
}

/** The generations an index lookup has to ask: the active bundled one, and 'user' if there are user issues. */
export function visibleGens(v: Visibility): Gen[] {
  const gens: Gen[] = [];
  if (v.active) gens.push(v.active.generation);
  if (v.userIssues.length > 0) gens.push(USER_GEN);
  return gens;
}

export function isVisible(v: Visibility, record: { gen: Gen; owner: string }): boolean {
  if (record.gen === USER_GEN) return v.userOwners.has(record.owner);
  return record.gen === v.active?.generation && record.owner === BUNDLED_OWNER;
}

/** Identifies what is visible, e.g. to tell whether a cached compiled matcher is still current. */
export function visibilityStamp(v: Visibility): string {
  return `${v.active?.generation ?? '-'}|${v.active?.hash ?? '-'}|${[...v.userOwners].sort().join(',')}`;
}

export async function enqueueCleanup(meta: MetaWriter, tasks: readonly CleanupTask[]): Promise<void> {
  if (tasks.length === 0) return;
  const queue = (await getMeta(meta, 'cleanup')) ?? [];
  for (const task of tasks) if (!queue.some((t) => sameTask(t, task))) queue.push(task);
  await putMeta(meta, 'cleanup', queue);
}

function sameTask(a: CleanupTask, b: CleanupTask): boolean {
  return a.gen === b.gen && ('owner' in a ? a.owner : '') === ('owner' in b ? b.owner : '');
}

function taskRange(task: CleanupTask): IDBKeyRange {
  return 'owner' in task ? prefixRange(task.gen, task.owner) : prefixRange(task.gen);
}

/** A task must never delete what is visible; checked in each deleting transaction, against meta as it is then. */
function stillGarbage(v: Visibility, task: CleanupTask): boolean {
  return 'owner' in task ? !v.userOwners.has(task.owner) : task.gen !== v.active?.generation;
}

/** One chunk committed: for progress bars, and for tests that cut an import off after k chunks. */
export interface ChunkInfo {
  phase: 'import' | 'cleanup';
  store: DataStoreName;
  /** Records written (import) or deleted (cleanup) by this chunk. */
  records: number;
  /** Chunks committed by this call so far, this one included. */
  chunks: number;
}

export interface ChunkOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  onChunk?(info: ChunkInfo): void;
}

export const DEFAULT_CHUNK_SIZE = 500;

export interface CleanupOutcome {
  deleted: number;
  /** Tasks still queued (none unless aborted or failed). */
  pending: number;
}

/**
 * Deletes queued leftovers (old generations, removed or abandoned user issues) in chunks of
 * `chunkSize` records, one read-write transaction per chunk. There is no progress to record: what
 * is left is exactly what is still to do, so a cut-off cleanup simply continues on the next call.
 */
export async function runCleanup(db: ArchiveDb, options: ChunkOptions = {}): Promise<StoreResult<CleanupOutcome>> {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  let deleted = 0;
  let chunks = 0;
  try {
    const tasks = (await getMeta(db.transaction('meta').objectStore('meta'), 'cleanup')) ?? [];
    for (const task of tasks) {
      const range = taskRange(task);
      let dropped = false;
      for (const store of DATA_STORES) {
        while (!dropped) {
          if (options.signal?.aborted) return failed('aborted', '清理已中止 (cleanup aborted); it continues on the next call');
          const tx = db.transaction([store, 'meta'], 'readwrite', { durability: 'relaxed' });
          const keys = await atomically(tx, async (cancel) => {
            if (!stillGarbage(await readVisibility(tx.objectStore('meta')), task)) {
              // Cannot happen with never-reused generation numbers and owners; if it ever does,
              // deleting visible records would be the worst outcome, so drop the task instead.
              cancel();
              return null;
            }
            const objects = tx.objectStore(store);
            const keys = await objects.getAllKeys(range, chunkSize);
            const first = keys[0];
            const last = keys[keys.length - 1];
            // One range delete per chunk: the keys of one task are contiguous, so [first, last] holds only them.
            if (first !== undefined && last !== undefined) await objects.delete(IDBKeyRange.bound(first, last));
            return keys;
          });
          if (keys === null) {
            dropped = true;
            break;
          }
          if (keys.length === 0) break;
          deleted += keys.length;
          chunks += 1;
          options.onChunk?.({ phase: 'cleanup', store, records: keys.length, chunks });
        }
      }
      const tx = db.transaction('meta', 'readwrite');
      await atomically(tx, async () => {
        const meta = tx.objectStore('meta');
        const queue = (await getMeta(meta, 'cleanup')) ?? [];
        await putMeta(meta, 'cleanup', queue.filter((t) => !sameTask(t, task)));
      });
    }
    const left = (await getMeta(db.transaction('meta').objectStore('meta'), 'cleanup')) ?? [];
    return ok({ deleted, pending: left.length });
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}
