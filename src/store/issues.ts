// Issue-level bookkeeping: recognising an issue that is already in the archive, removing a user
// issue, hiding and unhiding bundled issues.
//
// Bundled issues cannot be removed (the next update would bring them back anyway); they can be
// hidden, which is a list of ids in meta that survives re-imports, and reset empties the list.
// User issues are removed for real: one small transaction takes the issue out of the committed
// list (it disappears for every reader at once), then its records are deleted in chunks.
import { classifyError, failed, ok, type StoreResult } from './errors';
import { enqueueCleanup, readVisibility, runCleanup, type ChunkOptions, type CleanupOutcome } from './generations';
import { getMeta, putMeta, type SkippedIssue } from './meta';
import type { ArchiveDb } from './open';
import { BUNDLED_OWNER } from './schema';
import { atomically } from './transactions';

export interface IssueIdentity {
  issueId: string;
  date: string | null;
  issueNo: number | null;
  textHash: string;
}

/**
 * The issues already present, by each of the three things that make two issues the same:
 * the id (which embeds the date and number or a text hash), the printed date and number
 * (only when both are known: an issue without a masthead says nothing by its number), and the text.
 */
export class IssueIndex {
  private readonly ids = new Set<string>();
  private readonly dateNos = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  add(issue: IssueIdentity): void {
    this.ids.add(issue.issueId);
    const dn = dateNo(issue);
    if (dn !== null && !this.dateNos.has(dn)) this.dateNos.set(dn, issue.issueId);
    if (issue.textHash !== '' && !this.texts.has(issue.textHash)) this.texts.set(issue.textHash, issue.issueId);
  }

  find(issue: IssueIdentity): Pick<SkippedIssue, 'reason' | 'duplicateOf'> | undefined {
    if (this.ids.has(issue.issueId)) return { reason: 'same-id', duplicateOf: issue.issueId };
    const dn = dateNo(issue);
    const byDateNo = dn === null ? undefined : this.dateNos.get(dn);
    if (byDateNo !== undefined) return { reason: 'same-date-and-number', duplicateOf: byDateNo };
    const byText = this.texts.get(issue.textHash);
    if (byText !== undefined) return { reason: 'same-text', duplicateOf: byText };
    return undefined;
  }
}

function dateNo(issue: IssueIdentity): string | null {
  return issue.date !== null && issue.issueNo !== null ? `${issue.date}#${issue.issueNo}` : null;
}

export interface RemoveOutcome {
  cleanup: CleanupOutcome | null;
}

/**
 * Removes a user-added issue. Its records vanish for readers when this returns; deleting them
 * runs right after (chunked, resumable through runCleanup if cut off).
 */
export async function removeUserIssue(db: ArchiveDb, issueId: string, options: ChunkOptions = {}): Promise<StoreResult<RemoveOutcome>> {
  try {
    const tx = db.transaction('meta', 'readwrite');
    const found = await atomically(tx, async (cancel) => {
      const meta = tx.objectStore('meta');
      const userIssues = (await getMeta(meta, 'userIssues')) ?? [];
      const entry = userIssues.find((u) => u.issueId === issueId);
      if (!entry) {
        cancel();
        return false;
      }
      await putMeta(
        meta,
        'userIssues',
        userIssues.filter((u) => u !== entry),
      );
      await enqueueCleanup(meta, [{ gen: 'user', owner: entry.owner }]);
      return true;
    });
    if (!found) return failed('not-found', `没有用户添加的这一期 (no user-added issue ${issueId}); bundled issues are hidden, not removed`);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
  const cleaned = await runCleanup(db, options);
  return ok({ cleanup: cleaned.ok ? cleaned.value : null });
}

/** Hides a bundled issue of the active archive from the issue list. */
export async function hideIssue(db: ArchiveDb, issueId: string): Promise<StoreResult<void>> {
  try {
    const tx = db.transaction(['meta', 'issues'], 'readwrite');
    const present = await atomically(tx, async (cancel) => {
      const meta = tx.objectStore('meta');
      const v = await readVisibility(meta);
      const bundled = v.active !== undefined && (await tx.objectStore('issues').count([v.active.generation, BUNDLED_OWNER, issueId])) > 0;
      if (!bundled) {
        cancel();
        return false;
      }
      if (!v.hidden.has(issueId)) await putMeta(meta, 'hiddenIssues', [...v.hidden, issueId]);
      return true;
    });
    return present ? ok(undefined) : failed('not-found', `归档中没有这一期 (no bundled issue ${issueId}); user issues are removed, not hidden`);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}

export async function unhideIssue(db: ArchiveDb, issueId: string): Promise<StoreResult<void>> {
  return updateHidden(db, (hidden) => hidden.filter((id) => id !== issueId));
}

/** Brings every hidden bundled issue back. */
export async function resetHiddenIssues(db: ArchiveDb): Promise<StoreResult<void>> {
  return updateHidden(db, () => []);
}

async function updateHidden(db: ArchiveDb, change: (hidden: string[]) => string[]): Promise<StoreResult<void>> {
  try {
    const tx = db.transaction('meta', 'readwrite');
    await atomically(tx, async () => {
      const meta = tx.objectStore('meta');
      await putMeta(meta, 'hiddenIssues', change((await getMeta(meta, 'hiddenIssues')) ?? []));
    });
    return ok(undefined);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}
