// The list of picked files and where each one stands, as a reducer (the page keeps it in
// useReducer). A file goes pending → parsed | error, then importing → added | skipped | error.
// A file whose import failed (disk full, cancelled, another tab busy) keeps its parsed bundle,
// so adding again retries it (and the store resumes where the import stopped).
import type { ArchiveBundle } from '../../archive/types';
import type { ImportOutcome, SkippedIssue, StoreError } from '../../store';
import { summarize, type BundleSummary } from './summary';
import type { UploadError } from './upload-error';
import type { UploadKind } from './upload-limits';
import type { UploadResult } from './uploads';

/** The values of `data-zzl-status`. */
export type FileStatus = 'pending' | 'parsed' | 'error' | 'importing' | 'added' | 'skipped';

export interface ParsedFile {
  kind: UploadKind;
  bundle: ArchiveBundle;
  summary: BundleSummary;
  warnings: string[];
}

export interface FileEntry {
  key: number;
  name: string;
  size: number;
  status: FileStatus;
  parsed: ParsedFile | null;
  uploadError: UploadError | null;
  /** The last import of this file failed or was cancelled. */
  storeError: StoreError | null;
  /** Issue ids the import added, and the issues it skipped as already present. */
  added: string[];
  skipped: SkippedIssue[];
}

export type FileAction =
  | { type: 'picked'; files: { key: number; name: string; size: number }[] }
  | { type: 'parsed'; key: number; result: UploadResult }
  | { type: 'importing'; key: number }
  | { type: 'imported'; key: number; outcome: Pick<ImportOutcome, 'added' | 'skipped'> }
  | { type: 'import-failed'; key: number; error: StoreError }
  | { type: 'clear' };

const blank = (key: number, name: string, size: number): FileEntry => ({
  key,
  name,
  size,
  status: 'pending',
  parsed: null,
  uploadError: null,
  storeError: null,
  added: [],
  skipped: [],
});

function update(entries: FileEntry[], key: number, change: (entry: FileEntry) => FileEntry): FileEntry[] {
  return entries.map((e) => (e.key === key ? change(e) : e));
}

export function fileListReducer(entries: FileEntry[], action: FileAction): FileEntry[] {
  switch (action.type) {
    case 'picked': {
      // Picking a file of the same name again replaces its row (in place), unless it is being
      // imported right now: then the new one is listed after it.
      let next = entries;
      for (const { key, name, size } of action.files) {
        const at = next.findIndex((e) => e.name === name && e.status !== 'importing');
        next = at === -1 ? [...next, blank(key, name, size)] : next.map((e, i) => (i === at ? blank(key, name, size) : e));
      }
      return next;
    }
    case 'parsed':
      return update(entries, action.key, (e) =>
        e.status !== 'pending'
          ? e
          : action.result.ok
            ? { ...e, status: 'parsed', parsed: { kind: action.result.kind, bundle: action.result.bundle, summary: summarize(action.result.bundle), warnings: action.result.warnings } }
            : { ...e, status: 'error', uploadError: action.result.error },
      );
    case 'importing':
      return update(entries, action.key, (e) => ({ ...e, status: 'importing', storeError: null }));
    case 'imported':
      return update(entries, action.key, (e) => ({
        ...e,
        status: action.outcome.added.length > 0 ? 'added' : 'skipped',
        storeError: null,
        added: action.outcome.added,
        skipped: action.outcome.skipped,
      }));
    case 'import-failed':
      // Cancelled is not an error of the file: it is ready to add again.
      return update(entries, action.key, (e) => ({ ...e, status: action.error.kind === 'aborted' ? 'parsed' : 'error', storeError: action.error }));
    case 'clear':
      return entries.filter((e) => e.status === 'pending' || e.status === 'importing');
  }
}

/** Files the add button would import now, in list order. */
export function addableFiles(entries: readonly FileEntry[]): FileEntry[] {
  return entries.filter((e) => e.parsed !== null && (e.status === 'parsed' || (e.status === 'error' && e.storeError !== null)));
}
