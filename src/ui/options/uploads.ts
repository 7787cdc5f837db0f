// One picked file → what it holds, or why it cannot be added. Pure and synchronous: the worker
// runs it (parsing an issue takes tens of milliseconds per 20 kB, so a large file would freeze
// the page), and tests run it in Node.
import { buildBundle } from '../../archive/bundle';
import type { ArchiveBundle } from '../../archive/types';
import { readExport } from './export-file';
import { preflight, uploadKind, type UploadKind } from './upload-limits';
import { messageOf, type UploadError } from './upload-error';

export type UploadResult =
  | {
      ok: true;
      kind: UploadKind;
      bundle: ArchiveBundle;
      /** Problems that did not stop the file (e.g. entity extraction failed, the articles are kept). */
      warnings: string[];
    }
  | { ok: false; error: UploadError };

export function parseUpload(name: string, bytes: Uint8Array): UploadResult {
  const refused = preflight(name, bytes.length);
  if (refused) return { ok: false, error: refused };
  try {
    return uploadKind(name) === 'issue' ? parseIssueText(name, bytes) : parseExport(bytes);
  } catch (e) {
    // A bug in the parser must cost this file only, never the worker or the other files.
    return { ok: false, error: { code: 'parse', detail: `internal error: ${messageOf(e)}` } };
  }
}

function parseIssueText(name: string, bytes: Uint8Array): UploadResult {
  const { bundle, errors } = buildBundle([{ source: name, bytes }]);
  if (bundle.issues.length === 0) {
    return { ok: false, error: { code: 'parse', detail: errors.map((e) => e.reason).join('; ') || 'no issue found' } };
  }
  return { ok: true, kind: 'issue', bundle, warnings: errors.map((e) => e.reason) };
}

function parseExport(bytes: Uint8Array): UploadResult {
  let text: string;
  try {
    // A byte-order mark is dropped (ignoreBOM false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    return { ok: false, error: { code: 'bad-json', detail: `not UTF-8 text: ${messageOf(e)}` } };
  }
  const read = readExport(text);
  return read.ok ? { ok: true, kind: 'export', bundle: read.file.bundle, warnings: [] } : read;
}
