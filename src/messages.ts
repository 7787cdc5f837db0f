// The typed protocol between the content script (and extension pages) and the background, which
// alone holds the archive for content scripts: a content script's IndexedDB is the page's, not
// ours. Requests are validated where they arrive, replies where they return; every failure comes
// back as a typed error (never a hang: the client has a timeout, and retries while a stopped
// service worker starts again).
import type { ArticleRecord, EntityRecord } from './archive/types';
import type { JsonValue } from './store/schema';
import type { EntitySummary } from './archive/entity-summary';

export interface ArchiveReady {
  /** The bundle hash of the active archive; null when none could be imported (see `error`). */
  hash: string | null;
  /** Records visible now, counted in the database. */
  counts: Record<'issues' | 'articles' | 'entities' | 'mentions' | 'figures', number>;
  /** Set when this request ran the import: whether it continued one a stopped worker began. */
  imported?: { resumed: boolean; chunksWritten: number };
}

export interface CompiledNamesReply {
  /** Changes whenever what is visible changes (an import, a user issue added or removed). */
  stamp: string;
  compiled: JsonValue;
}

/** Request and response of every message type. */
export interface Protocol {
  /** Imports the bundled archive if it is missing or older than the build's; replies once it is complete. */
  'ensure-archive': { request: Record<never, never>; response: ArchiveReady };
  /** The matcher's compiled names (cached in the store, compiled again when stale). */
  'compiled-names': { request: Record<never, never>; response: CompiledNamesReply };
  'entity': { request: { entityId: string }; response: EntityRecord | null };
  /** Digests for hover cards and the side panel: ids that no visible entity has are left out. */
  'entity-summaries': { request: { entityIds: string[]; articles: number; figures: number }; response: EntitySummary[] };
  'article': { request: { articleId: string }; response: ArticleRecord | null };
  /** Opens the reader page on an article or an entity profile in a new tab (content scripts have no tabs API). */
  'open-reader': { request: { target: 'article' | 'entity'; id: string }; response: null };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = { type: K } & Protocol[K]['request'];
export type AnyRequest = { [K in MessageType]: RequestOf<K> }[MessageType];

export type ErrorKind = 'invalid-request' | 'forbidden' | 'not-ready' | 'store' | 'timeout' | 'unavailable' | 'invalid-reply' | 'internal';

export interface ProtocolError {
  kind: ErrorKind;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export class MessageError extends Error {
  constructor(readonly kind: ErrorKind, message: string) {
    super(message);
    this.name = 'MessageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Validation. Hand-written: the shapes are few and small, and a schema library would cost the
// content script bundle more than these lines.

const MAX_IDS = 500;
const MAX_ID_LENGTH = 300;
const MAX_LIMIT = 50;

type Check = (value: unknown) => string | null;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const id: Check = (v) => (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH ? null : `a non-empty string of at most ${MAX_ID_LENGTH} characters`);
const ids: Check = (v) =>
  Array.isArray(v) && v.length <= MAX_IDS && v.every((x) => id(x) === null) ? null : `an array of at most ${MAX_IDS} ids`;
const limit: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_LIMIT ? null : `an integer from 0 to ${MAX_LIMIT}`);
const oneOf =
  (...options: string[]): Check =>
  (v) =>
    typeof v === 'string' && options.includes(v) ? null : `one of ${options.join(', ')}`;

const FIELDS: { [K in MessageType]: Record<keyof Protocol[K]['request'], Check> } = {
  'ensure-archive': {},
  'compiled-names': {},
  'entity': { entityId: id },
  'entity-summaries': { entityIds: ids, articles: limit, figures: limit },
  'article': { articleId: id },
  'open-reader': { target: oneOf('article', 'entity'), id },
};

const isMessageType = (v: unknown): v is MessageType => typeof v === 'string' && Object.prototype.hasOwnProperty.call(FIELDS, v);

/** The request in `message`, or why it is not one. Unknown fields are an error too: they are a bug on the sending side. */
export function parseRequest(message: unknown): { ok: true; request: AnyRequest } | { ok: false; error: ProtocolError } {
  const invalid = (message: string) => ({ ok: false as const, error: { kind: 'invalid-request' as const, message } });
  if (!isRecord(message)) return invalid('a message must be an object');
  if (!isMessageType(message.type)) return invalid(`unknown message type ${JSON.stringify(message.type)}`);
  const fields: Record<string, Check> = FIELDS[message.type];
  for (const key of Object.keys(message)) {
    if (key !== 'type' && !(key in fields)) return invalid(`${message.type}: unexpected field ${key}`);
  }
  for (const [key, check] of Object.entries(fields)) {
    const why = check(message[key]);
    if (why !== null) return invalid(`${message.type}: ${key} must be ${why}`);
  }
  return { ok: true, request: message as AnyRequest };
}

function parseReply(reply: unknown): Reply<unknown> {
  if (isRecord(reply) && reply.ok === true && 'value' in reply) return { ok: true, value: reply.value };
  if (isRecord(reply) && reply.ok === false && isRecord(reply.error) && typeof reply.error.kind === 'string' && typeof reply.error.message === 'string') {
    return { ok: false, error: { kind: reply.error.kind as ErrorKind, message: reply.error.message } };
  }
  return { ok: false, error: { kind: 'invalid-reply', message: `the background replied ${reply === undefined ? 'nothing' : 'something that is not a reply'}` } };
}

// ---------------------------------------------------------------------------------------------
// The background's side.

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Handlers = { [K in MessageType]: (request: RequestOf<K>, sender: Sender) => Promise<Protocol[K]['response']> };

/**
 * Only our own contexts are answered: our content scripts (they carry our extension id and a tab)
 * and our pages (our id and an address under our origin). Other extensions reach us only through
 * onMessageExternal, which we do not listen to; this is the second lock on the door.
 */
export function isOwnSender(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  return sender.tab !== undefined || (typeof sender.url === 'string' && originOf(sender.url) === extensionOrigin);
}

/** `scheme://host` of an address; `URL.origin` is "null" for schemes the URL standard does not know (chrome-extension:). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host === '' ? null : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** Validates, checks the sender, runs the handler and wraps whatever happens into a Reply. */
export async function handleMessage(
  handlers: Handlers,
  message: unknown,
  sender: Sender,
  self: { id: string; origin: string },
  describeError: (e: unknown) => ProtocolError = internalError,
): Promise<Reply<unknown>> {
  if (!isOwnSender(sender, self.id, self.origin)) return { ok: false, error: { kind: 'forbidden', message: 'not one of this extension’s own contexts' } };
  const parsed = parseRequest(message);
  if (!parsed.ok) return parsed;
  const request = parsed.request;
  try {
    const handler = handlers[request.type] as (r: AnyRequest, s: Sender) => Promise<unknown>;
    return { ok: true, value: await handler(request, sender) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

function internalError(e: unknown): ProtocolError {
  if (e instanceof MessageError) return { kind: e.kind, message: e.message };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

// ---------------------------------------------------------------------------------------------
// The asking side (content script, pages).

export interface ClientOptions {
  /** Per attempt. The first request after install may wait for the archive import. */
  timeoutMs?: number;
  /** Extra attempts when the background is not there yet (a stopped service worker starting). */
  retries?: number;
  retryDelayMs?: number;
}

export type Send = (message: AnyRequest) => Promise<unknown>;

/** Errors that mean "nobody listened yet": the service worker is starting, or the extension was reloaded. */
function isUnavailable(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /receiving end does not exist|could not establish connection|message port closed|no listener|disconnected/i.test(text);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MessageError('timeout', `${what}: no reply in ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** A typed request function over `send` (e.g. `browser.runtime.sendMessage`). Rejects only with MessageError. */
export function createClient(send: Send, options: ClientOptions = {}) {
  const { timeoutMs = 15_000, retries = 4, retryDelayMs = 150 } = options;
  return async function request<K extends MessageType>(type: K, payload: Protocol[K]['request']): Promise<Protocol[K]['response']> {
    const message = { ...payload, type } as AnyRequest;
    for (let attempt = 0; ; attempt++) {
      let raw: unknown;
      try {
        raw = await withTimeout(send(message), timeoutMs, type);
      } catch (e) {
        if (e instanceof MessageError) throw e;
        if (isUnavailable(e) && attempt < retries) {
          await sleep(retryDelayMs * 2 ** attempt);
          continue;
        }
        throw new MessageError('unavailable', `${type}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const reply = parseReply(raw);
      if (reply.ok) return reply.value as Protocol[K]['response'];
      throw new MessageError(reply.error.kind, reply.error.message);
    }
  };
}

export type Client = ReturnType<typeof createClient>;
