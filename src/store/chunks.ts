// Writing a plan chunk by chunk: each chunk's records and the import's new progress commit in one
// transaction, after checking in that same transaction that meta still describes this import at
// this position (compare-and-set), so two contexts running the same import never interleave.
import { classifyError, failed, isQuotaError, ok, type StoreError, type StoreResult } from './errors';
import { DEFAULT_CHUNK_SIZE, type ChunkOptions } from './generations';
import type { ImportProgress, MetaWriter } from './meta';
import type { ArchiveDb } from './open';
import { abortQuietly, noop, quiet } from './transactions';
import type { StoreRows } from './write-plan';

export const START: ImportProgress = { storeIndex: 0, offset: 0, chunksDone: 0 };

/** Moves past stores that are finished (or empty), so two descriptions of the same place compare equal. */
export function normalize(p: ImportProgress, plan: readonly StoreRows[]): ImportProgress {
  let { storeIndex, offset } = p;
  while (storeIndex < plan.length && offset >= (plan[storeIndex]?.length ?? 0)) {
    storeIndex += 1;
    offset = 0;
  }
  return { storeIndex, offset, chunksDone: p.chunksDone };
}

export const finished = (p: ImportProgress, plan: readonly StoreRows[]): boolean => normalize(p, plan).storeIndex >= plan.length;

export interface WriteJob {
  plan: StoreRows[];
  start: ImportProgress;
  /** The progress meta records for this import, read in the chunk's transaction; null if meta now describes another import. */
  recorded(meta: MetaWriter): Promise<ImportProgress | null>;
  record(meta: MetaWriter, progress: ImportProgress): Promise<void>;
}

export const abortedError = (): StoreError => ({
  kind: 'aborted',
  message: '导入已中止，再次导入同一文件会从中断处继续 (import aborted; importing the same bundle again resumes)',
});

export async function writeChunks(db: ArchiveDb, job: WriteJob, options: ChunkOptions): Promise<StoreResult<number>> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const { signal } = options;
  let at = normalize(job.start, job.plan);
  let chunks = 0;
  for (let rows = job.plan[at.storeIndex]; rows !== undefined; rows = job.plan[at.storeIndex]) {
    if (signal?.aborted) return { ok: false, error: abortedError() };
    const to = Math.min(at.offset + chunkSize, rows.length);
    const values = rows.slice(at.offset, to);
    const next = normalize({ storeIndex: at.storeIndex, offset: to, chunksDone: at.chunksDone + 1 }, job.plan);
    // Relaxed durability: a chunk lost to a power cut takes its progress record with it, so the
    // import just redoes that chunk; strict flushing per chunk would buy nothing.
    const tx = db.transaction([rows.store, 'meta'], 'readwrite', { durability: 'relaxed' });
    const done = quiet(tx.done);
    // The signal firing mid-chunk aborts the transaction, like a worker stopped mid-chunk would.
    const onAbort = (): void => abortQuietly(tx);
    signal?.addEventListener('abort', onAbort);
    try {
      const meta = tx.objectStore('meta');
      const recorded = await job.recorded(meta);
      if (recorded === null || normalize(recorded, job.plan).storeIndex !== at.storeIndex || normalize(recorded, job.plan).offset !== at.offset) {
        abortQuietly(tx);
        await done.catch(noop);
        return failed('busy', '另一个页面正在导入 (another context is running this import; let it finish)');
      }
      const store = tx.objectStore(rows.store);
      const pending: Promise<unknown>[] = [];
      for (const value of values) pending.push(quiet(store.put(value)));
      pending.push(quiet(job.record(meta, next)));
      await Promise.all(pending);
      await done;
    } catch (e) {
      abortQuietly(tx);
      const txError = await done.then(noop, (err: unknown) => err);
      if (signal?.aborted) return { ok: false, error: abortedError() };
      // Requests of a transaction the browser aborted for quota report AbortError; the
      // transaction itself carries the QuotaExceededError, so look at both.
      return { ok: false, error: classifyError(isQuotaError(e) || !isQuotaError(txError) ? e : txError) };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    at = next;
    chunks += 1;
    options.onChunk?.({ phase: 'import', store: rows.store, records: values.length, chunks });
  }
  return ok(chunks);
}
