// Why a picked file cannot be added, as data: the page words it in the user's language (the
// parser's own reasons are already bilingual and travel as `detail`).

export type UploadError =
  /** Neither .txt (an issue's text) nor .json (an export of this extension). */
  | { code: 'unsupported-type' }
  | { code: 'too-large'; size: number; limit: number }
  /** An export written by a newer version of the extension. */
  | { code: 'newer-export'; version: number }
  | {
      code:
        | 'read-failed'
        | 'parse'
        | 'bad-json'
        | 'not-export'
        | 'invalid-export'
        | 'empty-export'
        /** The parser itself stopped (out of memory, a crash) while on this file. */
        | 'worker-failed';
      detail: string;
    };

export type UploadErrorCode = UploadError['code'];

const DETAIL_CODES = ['read-failed', 'parse', 'bad-json', 'not-export', 'invalid-export', 'empty-export', 'worker-failed'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The error if `value` is a well-formed UploadError (e.g. one that crossed from the worker), else null. */
export function readUploadError(value: unknown): UploadError | null {
  if (!isObject(value)) return null;
  const { code } = value;
  if (code === 'unsupported-type') return { code };
  if (code === 'too-large') return isCount(value.size) && isCount(value.limit) ? { code, size: value.size, limit: value.limit } : null;
  if (code === 'newer-export') return isCount(value.version) ? { code, version: value.version } : null;
  const detailCode = DETAIL_CODES.find((c) => c === code);
  return detailCode !== undefined && typeof value.detail === 'string' ? { code: detailCode, detail: value.detail } : null;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
