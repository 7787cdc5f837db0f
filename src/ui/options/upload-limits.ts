// What can be refused from a file's name and size alone, before it is read. Kept apart from the
// parser so the page bundle does not carry it (the worker does).
import type { UploadError } from './upload-error';

export type UploadKind = 'issue' | 'export';

/** An issue's text: the parser's own limit (MAX_ISSUE_BYTES in src/archive/bundle.ts; a test holds them equal). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** An export holds many issues (a seed issue is ~50 kB as JSON): room for about a thousand. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** By extension, case-insensitively; null for anything else. */
export function uploadKind(name: string): UploadKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'issue';
  if (lower.endsWith('.json')) return 'export';
  return null;
}

export function preflight(name: string, size: number): UploadError | null {
  const kind = uploadKind(name);
  if (kind === null) return { code: 'unsupported-type' };
  const limit = kind === 'issue' ? MAX_TEXT_BYTES : MAX_EXPORT_BYTES;
  return size > limit ? { code: 'too-large', size, limit } : null;
}
