// The messages between the options page and its parse worker. Both sides check what they receive:
// the worker answers anything it cannot read with 'rejected' instead of throwing (an uncaught
// error would surface only as an opaque `error` event; see worker-handler.ts), and the page
// accepts a parsed bundle only after validateBundle, the same check the bundled archive passes.
import { validateBundle } from '../archive-source';
import type { UploadResult } from './uploads';
import { messageOf, readUploadError } from './upload-error';

/** Page → worker: parse one file. Files go one per message so each result comes back on its own. */
export interface ParseRequest {
  type: 'parse';
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** Worker → page. */
export type ParseResponse =
  | { type: 'parsed'; id: number; result: UploadResult }
  /** The request could not be read; `id` when it had one. */
  | { type: 'rejected'; id: number | null; reason: string };

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function readRequest(data: unknown): ParseRequest {
  if (!isObject(data) || data.type !== 'parse') throw new ProtocolError('expected a message of type "parse"');
  if (!isId(data.id)) throw new ProtocolError('parse.id: expected a whole number ≥ 0');
  if (typeof data.name !== 'string') throw new ProtocolError('parse.name: expected a string');
  if (!(data.bytes instanceof Uint8Array)) throw new ProtocolError('parse.bytes: expected a Uint8Array');
  return { type: 'parse', id: data.id, name: data.name, bytes: data.bytes };
}

function readResult(value: unknown): UploadResult {
  if (!isObject(value)) throw new ProtocolError('parsed.result: expected an object');
  if (value.ok === false) {
    const error = readUploadError(value.error);
    if (error === null) throw new ProtocolError('parsed.result.error: not a known upload error');
    return { ok: false, error };
  }
  if (value.ok !== true) throw new ProtocolError('parsed.result.ok: expected true or false');
  if (value.kind !== 'issue' && value.kind !== 'export') throw new ProtocolError('parsed.result.kind: expected "issue" or "export"');
  const { warnings } = value;
  if (!Array.isArray(warnings) || !warnings.every((w): w is string => typeof w === 'string')) {
    throw new ProtocolError('parsed.result.warnings: expected an array of strings');
  }
  let bundle;
  try {
    bundle = validateBundle(value.bundle);
  } catch (e) {
    throw new ProtocolError(`parsed.result.bundle: ${messageOf(e)}`);
  }
  return { ok: true, kind: value.kind, bundle, warnings };
}

export function readResponse(data: unknown): ParseResponse {
  if (!isObject(data)) throw new ProtocolError('expected an object');
  if (data.type === 'rejected') {
    if (data.id !== null && !isId(data.id)) throw new ProtocolError('rejected.id: expected a whole number ≥ 0 or null');
    if (typeof data.reason !== 'string') throw new ProtocolError('rejected.reason: expected a string');
    return { type: 'rejected', id: data.id, reason: data.reason };
  }
  if (data.type !== 'parsed') throw new ProtocolError('expected a message of type "parsed" or "rejected"');
  if (!isId(data.id)) throw new ProtocolError('parsed.id: expected a whole number ≥ 0');
  return { type: 'parsed', id: data.id, result: readResult(data.result) };
}
