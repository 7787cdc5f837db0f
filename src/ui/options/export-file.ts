// The file "export my issues" writes and "add files" takes back: the user's issues as one
// ArchiveBundle in an envelope that says what it is, so a stray .json (or a newer format) is
// refused with a reason instead of being half imported.
import type { ArchiveBundle } from '../../archive/types';
import { validateBundle } from '../archive-source';
import { messageOf, type UploadError } from './upload-error';

export const EXPORT_KIND = 'zhuzhou-lens-issues';
export const EXPORT_VERSION = 1;

export interface IssuesExport {
  kind: typeof EXPORT_KIND;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  bundle: ArchiveBundle;
}

export function makeExport(bundle: ArchiveBundle, now: Date): IssuesExport {
  return { kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: now.toISOString(), bundle };
}

export function serializeExport(file: IssuesExport): string {
  return JSON.stringify(file);
}

/** `zhuzhou-lens-issues-2024-05-01.json`, dated in the user's own time zone (the day they see). */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${EXPORT_KIND}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export type ExportReadResult = { ok: true; file: IssuesExport } | { ok: false; error: UploadError };

/** Reads an export file's text: the envelope first, then every record of the bundle. */
export function readExport(text: string): ExportReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'bad-json', detail: messageOf(e) } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('kind' in data) || data.kind !== EXPORT_KIND) {
    return { ok: false, error: { code: 'not-export', detail: `expected "kind": "${EXPORT_KIND}"` } };
  }
  const version = 'version' in data ? data.version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    return { ok: false, error: { code: 'newer-export', version } };
  }
  if (version !== EXPORT_VERSION) return { ok: false, error: { code: 'invalid-export', detail: `version: expected ${EXPORT_VERSION}, found ${JSON.stringify(version) ?? 'nothing'}` } };
  const exportedAt = 'exportedAt' in data ? data.exportedAt : undefined;
  if (typeof exportedAt !== 'string') return { ok: false, error: { code: 'invalid-export', detail: 'exportedAt: expected a string' } };
  let bundle: ArchiveBundle;
  try {
    bundle = validateBundle('bundle' in data ? data.bundle : undefined);
  } catch (e) {
    return { ok: false, error: { code: 'invalid-export', detail: messageOf(e) } };
  }
  if (bundle.issues.length === 0) return { ok: false, error: { code: 'empty-export', detail: 'bundle.issues is empty' } };
  return { ok: true, file: { kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt, bundle } };
}
