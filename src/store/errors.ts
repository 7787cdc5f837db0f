// Store failures as values. The background, the options page and the popup all need to tell the
// user *why* something did not happen ("the disk is full", "another tab is upgrading the archive"),
// so nothing in src/store lets a raw DOMException escape: every failure is classified here into a
// small set of kinds the UI can word and act on (e.g. ask for `unlimitedStorage` on 'quota').

export type StoreErrorKind =
  /** The browser refused to store more (QuotaExceededError). Nothing committed earlier is lost. */
  | 'quota'
  /** The caller's AbortSignal fired; calling again with the same input resumes. */
  | 'aborted'
  /** Another context changed the import state under us (it is importing too); let it finish. */
  | 'busy'
  /** The database is newer than this code (the extension was downgraded). */
  | 'version'
  /** The connection was closed (another tab upgraded the schema, or the browser closed it). */
  | 'closed'
  /** The thing asked for is not there (an issue id that is not a user issue, …). */
  | 'not-found'
  | 'unknown';

export interface StoreError {
  kind: StoreErrorKind;
  message: string;
  /** The DOMException name when there was one, for logs. */
  name?: string;
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

export function failed<T>(kind: StoreErrorKind, message: string, name?: string): StoreResult<T> {
  return { ok: false, error: name === undefined ? { kind, message } : { kind, message, name } };
}

/** Thrown (as a typed wrapper, never the raw exception) where a function cannot return a result. */
export class StoreFailure extends Error {
  override name = 'StoreFailure';
  constructor(readonly error: StoreError) {
    super(error.message);
  }
}

/** Error names under which browsers report a full disk or an exhausted origin quota. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function errorName(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string' && e.message !== '') return e.message;
  return String(e);
}

export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  return name !== undefined && QUOTA_NAMES.has(name);
}

/** Any exception from IndexedDB (or from our own code around it) as a StoreError. */
export function classifyError(e: unknown): StoreError {
  if (e instanceof StoreFailure) return e.error;
  const name = errorName(e);
  const message = errorMessage(e);
  const withName = (kind: StoreErrorKind, text: string): StoreError => (name === undefined ? { kind, message: text } : { kind, message: text, name });
  if (isQuotaError(e)) return withName('quota', `存储空间不足 (storage quota exceeded): ${message}`);
  switch (name) {
    case 'AbortError':
      return withName('aborted', `已中止 (aborted): ${message}`);
    case 'VersionError':
      return withName('version', `数据库版本比本扩展新 (the database is newer than this extension): ${message}`);
    case 'InvalidStateError':
      return withName('closed', `数据库连接已关闭 (database connection closed): ${message}`);
    default:
      return withName('unknown', message);
  }
}
