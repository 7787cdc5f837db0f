// What the background does with the archive, apart from the browser APIs it is reached through
// (entrypoints/background.ts passes those in): bring the store up to the build's archive, answer
// the content scripts' questions from it. Every handler re-opens what it needs (through
// `openDb`, which caches one connection and re-opens after a close), because an MV3 service
// worker can be stopped between any two events.
import type { ArchiveBundle } from '../archive/types';
import type { CompiledNamesReply, Handlers, ArchiveReady } from '../messages';
import { MessageError } from '../messages';
import { importBundle } from '../store/import';
import { currentStamp, loadMatcher, saveMatcher } from '../store/matcher';
import type { ArchiveDb } from '../store/open';
import { articleById, countRecords, entityById, exportBundle } from '../store/queries';
import type { JsonValue, StoreCounts } from '../store/schema';
import { entitySummaries } from '../store/entity-summaries';
import { ensureSearchSegments } from '../store/search-segments';
import type { PinyinKeys } from '../search';
import { readStatus } from '../store/status';
import { StoreFailure, type StoreError } from '../store/errors';
import type { EntitySummary } from '../archive/entity-summary';

/** public/archive-version.json, written by scripts/build-archive.ts beside archive.json. */
export interface ShippedArchiveVersion {
  hash: string;
  counts: StoreCounts;
}

export interface ArchiveServiceDeps {
  openDb(): Promise<ArchiveDb>;
  shippedVersion(): Promise<ShippedArchiveVersion>;
  /** The whole bundle, validated (only fetched when the store does not hold it yet). */
  shippedBundle(): Promise<ArchiveBundle>;
  compileNames(archive: ArchiveBundle): JsonValue;
  /** Names → pinyin keys computed at build time (public/pinyin-keys.json), for the search index. */
  pinyinKeys?(): Promise<PinyinKeys>;
  /** Records per import transaction. */
  chunkSize?: number;
  /** How long to wait for another context that is running the same import ('busy'). */
  busyRetryMs?: number;
  busyRetries?: number;
}

export const BUNDLED_CHUNK_SIZE = 250;

const storeError = (e: StoreError): MessageError => new MessageError('store', `${e.kind}: ${e.message}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createArchiveService(deps: ArchiveServiceDeps) {
  const { busyRetryMs = 200, busyRetries = 50 } = deps;
  // One import at a time per worker: messages that arrive during it wait for the same promise.
  let ensuring: Promise<ArchiveReady> | null = null;
  // Once the archive was found complete in this worker's life, the content scripts' questions
  // need not check again (each check reads the version file, meta, the search headers and counts
  // every store); `ensure-archive`, which pages send when they open, always checks.
  let found: Promise<ArchiveReady> | null = null;

  /** The archive is complete: make sure its search index is too (built for what lacks one). */
  async function ready(db: ArchiveDb, hash: string): Promise<ArchiveReady> {
    await ensureSearchSegments(db, { pinyin: await deps.pinyinKeys?.() });
    return { hash, counts: await countRecords(db) };
  }

  async function ensureOnce(): Promise<ArchiveReady> {
    const shipped = await deps.shippedVersion();
    for (let attempt = 0; ; attempt++) {
      const db = await deps.openDb();
      const status = await readStatus(db);
      const unfinished = status.pending.some((p) => p.source === 'bundled');
      if (status.active?.hash === shipped.hash && !unfinished && status.cleanupTasks === 0) return ready(db, shipped.hash);
      // Missing, older, or cut off half-way (the worker was stopped): importBundle recognises an
      // unfinished import of the same bundle by its hash and continues it.
      const result = await importBundle(db, await deps.shippedBundle(), {
        source: 'bundled',
        chunkSize: deps.chunkSize ?? BUNDLED_CHUNK_SIZE,
        hash: shipped.hash,
      });
      if (result.ok) {
        const { resumed, chunksWritten } = result.value;
        return { ...(await ready(db, shipped.hash)), imported: { resumed, chunksWritten } };
      }
      if (result.error.kind === 'busy' && attempt < busyRetries) {
        await sleep(busyRetryMs);
        continue;
      }
      throw storeError(result.error);
    }
  }

  function ensureArchive(): Promise<ArchiveReady> {
    ensuring ??= ensureOnce()
      .then((result) => {
        found = Promise.resolve(result);
        return result;
      })
      .finally(() => {
        ensuring = null;
      });
    return ensuring;
  }

  const archiveReady = (): Promise<ArchiveReady> => found ?? ensureArchive();

  async function compiledNames(): Promise<CompiledNamesReply> {
    await archiveReady();
    const db = await deps.openDb();
    const stamp = await currentStamp(db);
    const cached = await loadMatcher(db);
    if (cached.ok) return { stamp, compiled: cached.value };
    if (cached.error.kind !== 'not-found') throw storeError(cached.error);
    const compiled = deps.compileNames(await exportBundle(db, 'all'));
    // A failed save only costs a compile next time; the answer is still right.
    await saveMatcher(db, compiled, stamp);
    return { stamp, compiled };
  }

  async function summaries(entityIds: readonly string[], limits: { articles: number; figures: number }): Promise<EntitySummary[]> {
    await archiveReady();
    // Bounded reads per card whatever the archive's size (store/entity-summaries.ts); a fallback to
    // the whole slice means stored stamps contradict the records, which is worth a line in the log.
    return entitySummaries(await deps.openDb(), entityIds, limits, {
      fellBack: (id, why) => console.warn(`entity-summaries: ${id} read from its slice: ${why}`),
    });
  }

  const handlers: Omit<Handlers, 'open-reader'> = {
    'ensure-archive': () => ensureArchive(),
    'compiled-names': () => compiledNames(),
    'entity': async ({ entityId }) => (await archiveReady(), (await entityById(await deps.openDb(), entityId)) ?? null),
    'entity-summaries': ({ entityIds, articles, figures }) => summaries(entityIds, { articles, figures }),
    'article': async ({ articleId }) => (await archiveReady(), (await articleById(await deps.openDb(), articleId)) ?? null),
  };

  return { ensureArchive, handlers };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;

/** Store failures become 'store' errors with their kind in the message (quota, busy, version…). */
export function describeServiceError(e: unknown): { kind: MessageError['kind']; message: string } {
  if (e instanceof MessageError) return { kind: e.kind, message: e.message };
  if (e instanceof StoreFailure) return { kind: 'store', message: `${e.error.kind}: ${e.error.message}` };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}
