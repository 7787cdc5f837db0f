// Writing a bundle into the store: the bundled archive (on install and update) or issues the
// user added. Both go the same way:
//
//   plan (one small transaction: decide what to write, record it in meta)
//   → chunks (one transaction each: `chunkSize` records of one store + the progress in meta)
//   → commit (one small transaction in meta that makes the new records visible)
//   → cleanup (delete what is no longer visible, chunk by chunk).
//
// The progress record and the records of a chunk commit together or not at all, so when the
// service worker is stopped, the tab closes or the signal fires, the next call with the same
// bundle (recognised by its content hash) continues at the first chunk that did not commit.
// Until the commit nothing written is visible: bundled records go to a new generation that
// readers ignore until `activeGeneration` points at it; user records belong to owners that
// readers ignore until they are in `userIssues`. Every chunk first checks, inside its own
// transaction, that meta still describes this import at this position: if another context
// (a second tab, a restarted worker) moved it on or replaced it, this one stops with 'busy'
// rather than writing over it.
import type { ArchiveBundle } from '../archive/types';
import { abortedError, finished, START, writeChunks } from './chunks';
import { classifyError, failed, ok, type StoreError, type StoreResult } from './errors';
import { enqueueCleanup, readVisibility, runCleanup, type ChunkOptions } from './generations';
import { bundleHash } from './hash';
import { IssueIndex } from './issues';
import {
  deleteMeta,
  getMeta,
  putMeta,
  INITIAL_COUNTERS,
  type BundledImportState,
  type CleanupTask,
  type MetaWriter,
  type PlannedUserIssue,
  type SkippedIssue,
  type UserImportState,
  type UserIssueEntry,
} from './meta';
import type { ArchiveDb } from './open';
import { BUNDLED_OWNER, USER_GEN, prefixRange, type StoreCounts } from './schema';
import { atomically } from './transactions';
import { bundledPlan, issueTextHashes, userPlan } from './write-plan';

export interface ImportOptions extends ChunkOptions {
  source: 'bundled' | 'user';
  /** Records per transaction. Smaller chunks lose less work when cut off; larger ones import faster. */
  chunkSize: number;
  /** bundleHash(bundle), when the caller has it already (the build can ship it), to skip hashing. */
  hash?: string;
}

export interface ImportOutcome {
  /** 'unchanged': the active archive already is this bundle, or every user issue was a duplicate. */
  status: 'imported' | 'unchanged';
  source: 'bundled' | 'user';
  hash: string;
  /** The bundled generation now active (bundled imports only). */
  generation: number | null;
  /** True when this call continued an import an earlier call began. */
  resumed: boolean;
  /** Chunks this call committed. */
  chunksWritten: number;
  /** Issues that became visible. */
  added: string[];
  /** User issues not added because the archive already had them. */
  skipped: SkippedIssue[];
  /** User issues dropped because the new bundled archive now contains them. */
  superseded: string[];
  /** Leftovers still to delete (invisible; the next import or runCleanup continues). */
  cleanupPending: boolean;
  cleanupError?: StoreError;
}

export type ImportResult = StoreResult<ImportOutcome>;

/** Imports a bundle; never throws: quota, abort and every other failure come back as typed errors. */
export async function importBundle(db: ArchiveDb, bundle: ArchiveBundle, options: ImportOptions): Promise<ImportResult> {
  try {
    const hash = options.hash ?? bundleHash(bundle);
    return options.source === 'bundled' ? await importBundled(db, bundle, hash, options) : await importUser(db, bundle, hash, options);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}

async function finish(
  db: ArchiveDb,
  options: ChunkOptions,
  outcome: Omit<ImportOutcome, 'cleanupPending' | 'cleanupError'>,
): Promise<ImportResult> {
  const cleanup = await runCleanup(db, options);
  if (cleanup.ok) return ok({ ...outcome, cleanupPending: cleanup.value.pending > 0 });
  return ok(cleanup.error.kind === 'aborted' ? { ...outcome, cleanupPending: true } : { ...outcome, cleanupPending: true, cleanupError: cleanup.error });
}

/** The record count per store that importing `bundle` should leave. */
export function countsOf(bundle: ArchiveBundle): StoreCounts {
  return {
    issues: bundle.issues.length,
    articles: bundle.articles.length,
    entities: bundle.entities.length,
    mentions: bundle.mentions.length,
    figures: bundle.figures.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The bundled archive: a new generation, flipped to at the end.

const busy = (): ImportResult => failed('busy', '另一个页面正在导入 (another context is running this import; let it finish)');

async function importBundled(db: ArchiveDb, bundle: ArchiveBundle, hash: string, options: ImportOptions): Promise<ImportResult> {
  const base = { source: 'bundled' as const, hash, added: [] as string[], skipped: [] as SkippedIssue[], superseded: [] as string[] };

  // Plan: resume the import of this very bundle, or start one (abandoning an import of another bundle).
  const planTx = db.transaction('meta', 'readwrite');
  const { active, state, resumed } = await atomically(planTx, async () => {
    const meta = planTx.objectStore('meta');
    const [active, current, counters = INITIAL_COUNTERS] = await Promise.all([
      getMeta(meta, 'activeGeneration'),
      getMeta(meta, 'bundledImport'),
      getMeta(meta, 'counters'),
    ]);
    if (current?.hash === hash) return { active, state: current, resumed: true };
    if (current) {
      await enqueueCleanup(meta, [{ gen: current.generation }]);
      await deleteMeta(meta, 'bundledImport');
    }
    if (active?.hash === hash) return { active, state: null, resumed: false };
    const state: BundledImportState = { generation: counters.nextGeneration, hash, archiveVersion: bundle.version, startedAt: Date.now(), progress: START };
    await putMeta(meta, 'counters', { ...counters, nextGeneration: counters.nextGeneration + 1 });
    await putMeta(meta, 'bundledImport', state);
    return { active, state, resumed: false };
  });
  if (state === null) return finish(db, options, { ...base, status: 'unchanged', generation: active?.generation ?? null, resumed: false, chunksWritten: 0 });

  const textHashes = issueTextHashes(bundle);
  const plan = bundledPlan(bundle, state.generation, textHashes);
  const { generation } = state;
  const written = await writeChunks(
    db,
    {
      plan,
      start: state.progress,
      async recorded(meta) {
        const s = await getMeta(meta, 'bundledImport');
        return s && s.generation === generation && s.hash === hash ? s.progress : null;
      },
      record: (meta, progress) => putMeta(meta, 'bundledImport', { ...state, progress }),
    },
    options,
  );
  if (!written.ok) return written;
  // Stopped between the last chunk and the commit: like a worker stopped there, nothing shows yet.
  if (options.signal?.aborted) return { ok: false, error: abortedError() };

  // Commit: point readers at the new generation. User issues the new archive now contains
  // (same id, date and number, or text) are dropped: the bundled copy replaces them.
  const tx = db.transaction('meta', 'readwrite');
  const superseded = await atomically(tx, async (cancel) => {
    const meta = tx.objectStore('meta');
    const recorded = await getMeta(meta, 'bundledImport');
    if (!recorded || recorded.generation !== generation || recorded.hash !== hash || !finished(recorded.progress, plan)) {
      cancel();
      return null;
    }
    const v = await readVisibility(meta);
    const index = new IssueIndex();
    for (const i of bundle.issues) index.add({ issueId: i.id, date: i.date, issueNo: i.issueNo, textHash: textHashes.get(i.id) ?? '' });
    const superseded = v.userIssues.filter((u) => index.find(u) !== undefined);
    await putMeta(meta, 'activeGeneration', { generation, hash, archiveVersion: bundle.version, importedAt: Date.now(), counts: countsOf(bundle) });
    await deleteMeta(meta, 'bundledImport');
    if (superseded.length > 0) await putMeta(meta, 'userIssues', v.userIssues.filter((u) => !superseded.includes(u)));
    await enqueueCleanup(meta, [
      ...(v.active ? [{ gen: v.active.generation }] : []),
      ...superseded.map((u): CleanupTask => ({ gen: USER_GEN, owner: u.owner })),
    ]);
    return superseded;
  });
  if (superseded === null) return busy();

  return finish(db, options, {
    ...base,
    status: 'imported',
    generation,
    resumed,
    chunksWritten: written.value,
    added: bundle.issues.map((i) => i.id),
    superseded: superseded.map((u) => u.issueId),
  });
}

// ---------------------------------------------------------------------------------------------
// User issues: deduplicated against the archive, written under fresh owners, committed into
// meta's userIssues list.

async function importUser(db: ArchiveDb, bundle: ArchiveBundle, hash: string, options: ImportOptions): Promise<ImportResult> {
  const base = { source: 'user' as const, hash, generation: null, superseded: [] as string[] };
  const textHashes = issueTextHashes(bundle);

  const planTx = db.transaction(['meta', 'issues'], 'readwrite');
  const planned = await atomically(planTx, async (): Promise<{ state: UserImportState; resumed: boolean } | { skipped: SkippedIssue[] }> => {
    const meta = planTx.objectStore('meta');
    const current = await getMeta(meta, 'userImport');
    if (current?.hash === hash) return { state: current, resumed: true };
    // One user import at a time: a different one left unfinished is abandoned (it was never
    // visible; its records are deleted by cleanup).
    if (current) {
      await enqueueCleanup(meta, current.planned.map((p): CleanupTask => ({ gen: USER_GEN, owner: p.owner })));
      await deleteMeta(meta, 'userImport');
    }
    const index = await presentIssues(meta, planTx.objectStore('issues'));
    const counters = (await getMeta(meta, 'counters')) ?? INITIAL_COUNTERS;
    const importNo = counters.nextUserImport;
    const issues: PlannedUserIssue[] = [];
    const skipped: SkippedIssue[] = [];
    for (const issue of bundle.issues) {
      const identity = { issueId: issue.id, date: issue.date, issueNo: issue.issueNo, textHash: textHashes.get(issue.id) ?? '' };
      const duplicate = index.find(identity);
      if (duplicate) skipped.push({ issueId: issue.id, source: issue.source, ...duplicate });
      else issues.push({ issueId: issue.id, owner: `${importNo}:${issue.id}`, textHash: identity.textHash });
      index.add(identity);
    }
    if (issues.length === 0) return { skipped };
    const state: UserImportState = { hash, importNo, planned: issues, skipped, startedAt: Date.now(), progress: START };
    await putMeta(meta, 'counters', { ...counters, nextUserImport: importNo + 1 });
    await putMeta(meta, 'userImport', state);
    return { state, resumed: false };
  });
  if (!('state' in planned)) {
    return finish(db, options, { ...base, status: 'unchanged', resumed: false, chunksWritten: 0, added: [], skipped: planned.skipped });
  }
  const { state, resumed } = planned;

  const plan = userPlan(bundle, state.planned);
  const written = await writeChunks(
    db,
    {
      plan,
      start: state.progress,
      async recorded(meta) {
        const s = await getMeta(meta, 'userImport');
        return s && s.hash === hash && s.importNo === state.importNo ? s.progress : null;
      },
      record: (meta, progress) => putMeta(meta, 'userImport', { ...state, progress }),
    },
    options,
  );
  if (!written.ok) return written;
  if (options.signal?.aborted) return { ok: false, error: abortedError() };

  // Commit. The archive may have changed since the plan (a bundled update, another user import),
  // so check once more that each issue is still new; late duplicates are dropped, not shown twice.
  const tx = db.transaction(['meta', 'issues'], 'readwrite');
  const committed = await atomically(tx, async (cancel) => {
    const meta = tx.objectStore('meta');
    const recorded = await getMeta(meta, 'userImport');
    if (!recorded || recorded.hash !== hash || recorded.importNo !== state.importNo || !finished(recorded.progress, plan)) {
      cancel();
      return null;
    }
    const index = await presentIssues(meta, tx.objectStore('issues'));
    const byId = new Map(bundle.issues.map((i) => [i.id, i]));
    const added: UserIssueEntry[] = [];
    const skipped = [...state.skipped];
    const late: CleanupTask[] = [];
    for (const p of state.planned) {
      const issue = byId.get(p.issueId);
      const identity = { issueId: p.issueId, date: issue?.date ?? null, issueNo: issue?.issueNo ?? null, textHash: p.textHash };
      const duplicate = issue === undefined ? undefined : index.find(identity);
      if (issue === undefined || duplicate) {
        late.push({ gen: USER_GEN, owner: p.owner });
        if (issue && duplicate) skipped.push({ issueId: p.issueId, source: issue.source, ...duplicate });
        continue;
      }
      added.push({ ...identity, owner: p.owner, source: issue.source, addedAt: Date.now() });
    }
    const userIssues = (await getMeta(meta, 'userIssues')) ?? [];
    await putMeta(meta, 'userIssues', [...userIssues, ...added]);
    await deleteMeta(meta, 'userImport');
    await enqueueCleanup(meta, late);
    return { added, skipped };
  });
  if (committed === null) return busy();

  return finish(db, options, {
    ...base,
    status: committed.added.length > 0 ? 'imported' : 'unchanged',
    resumed,
    chunksWritten: written.value,
    added: committed.added.map((a) => a.issueId),
    skipped: committed.skipped,
  });
}

interface IssueStoreReader {
  getAll(query: IDBKeyRange): Promise<{ id: string; date: string | null; issueNo: number | null; textHash: string }[]>;
}

/** Every issue a new user issue must not duplicate: the active bundled ones (hidden too) and the committed user ones. */
async function presentIssues(meta: MetaWriter, issues: IssueStoreReader): Promise<IssueIndex> {
  const v = await readVisibility(meta);
  const index = new IssueIndex();
  if (v.active) {
    for (const i of await issues.getAll(prefixRange(v.active.generation, BUNDLED_OWNER))) {
      index.add({ issueId: i.id, date: i.date, issueNo: i.issueNo, textHash: i.textHash });
    }
  }
  for (const u of v.userIssues) index.add(u);
  return index;
}
