// The message protocol: requests are validated where they arrive, only our own contexts are
// answered, failures come back as typed errors, and the client neither hangs nor gives up while a
// stopped service worker is starting again.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClient, handleMessage, isOwnSender, MessageError, parseRequest, type Handlers, type Sender } from '../src/messages';

const SELF = { id: 'our-id', origin: 'chrome-extension://our-id' };
const CONTENT: Sender = { id: 'our-id', url: 'https://news.example/a.html', tab: { id: 3 } };
const POPUP: Sender = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };

const handlers: Handlers = {
  'ensure-archive': async () => ({ hash: 'h', counts: { issues: 1, articles: 2, entities: 3, mentions: 4, figures: 5 } }),
  'compiled-names': async () => ({ stamp: 's', compiled: { version: 1 } }),
  'entity': async ({ entityId }) => (entityId === 'place:株洲市' ? { id: entityId, type: 'place', name: '株洲市', aliases: ['株洲'] } : null),
  'entity-summaries': async () => [],
  'article': async () => {
    throw new Error('the store is closed');
  },
  'open-reader': async () => null,
};

afterEach(() => vi.useRealTimers());

describe('parseRequest', () => {
  test('accepts every well-formed request', () => {
    for (const message of [
      { type: 'ensure-archive' },
      { type: 'compiled-names' },
      { type: 'entity', entityId: 'person:陈恢清' },
      { type: 'entity-summaries', entityIds: ['place:株洲市'], articles: 3, figures: 3 },
      { type: 'article', articleId: 'a-000-01' },
      { type: 'open-reader', target: 'entity', id: 'org:中车株机' },
    ]) {
      expect(parseRequest(message), JSON.stringify(message)).toEqual({ ok: true, request: message });
    }
  });

  test.each([
    [null, 'a message must be an object'],
    [['entity'], 'a message must be an object'],
    [{ type: 'drop-database' }, 'unknown message type "drop-database"'],
    [{ type: 'entity' }, 'entity: entityId must be a non-empty string'],
    [{ type: 'entity', entityId: '' }, 'entity: entityId must be a non-empty string'],
    [{ type: 'entity', entityId: 'x'.repeat(301) }, 'entity: entityId must be a non-empty string'],
    [{ type: 'entity', entityId: 'a', extra: 1 }, 'entity: unexpected field extra'],
    [{ type: 'entity-summaries', entityIds: 'place:株洲市', articles: 3, figures: 3 }, 'entityIds must be an array'],
    [{ type: 'entity-summaries', entityIds: Array(501).fill('a'), articles: 3, figures: 3 }, 'entityIds must be an array of at most 500'],
    [{ type: 'entity-summaries', entityIds: [], articles: 3.5, figures: 3 }, 'articles must be an integer'],
    [{ type: 'entity-summaries', entityIds: [], articles: 3, figures: 51 }, 'figures must be an integer from 0 to 50'],
    [{ type: 'open-reader', target: 'javascript', id: 'x' }, 'target must be one of article, entity'],
  ])('rejects %j with a reason', (message, reason) => {
    const parsed = parseRequest(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.kind).toBe('invalid-request');
      expect(parsed.error.message).toContain(reason);
    }
  });
});

describe('isOwnSender', () => {
  test('answers our content scripts and our pages only', () => {
    expect(isOwnSender(CONTENT, SELF.id, SELF.origin)).toBe(true);
    expect(isOwnSender(POPUP, SELF.id, SELF.origin)).toBe(true);
    expect(isOwnSender({ ...CONTENT, id: 'other-extension' }, SELF.id, SELF.origin)).toBe(false);
    expect(isOwnSender({ id: 'our-id', url: 'https://evil.example/' }, SELF.id, SELF.origin)).toBe(false);
    expect(isOwnSender({ id: 'our-id', url: 'chrome-extension://our-id.evil/popup.html' }, SELF.id, SELF.origin)).toBe(false);
    expect(isOwnSender({ id: 'our-id', url: 'not a url' }, SELF.id, SELF.origin)).toBe(false);
    expect(isOwnSender({}, SELF.id, SELF.origin)).toBe(false);
  });
});

describe('handleMessage', () => {
  test('replies with the handler’s value', async () => {
    expect(await handleMessage(handlers, { type: 'entity', entityId: 'place:株洲市' }, CONTENT, SELF)).toEqual({
      ok: true,
      value: { id: 'place:株洲市', type: 'place', name: '株洲市', aliases: ['株洲'] },
    });
    expect(await handleMessage(handlers, { type: 'entity', entityId: 'place:无' }, CONTENT, SELF)).toEqual({ ok: true, value: null });
  });

  test('turns a thrown error into an error reply instead of leaving the sender waiting', async () => {
    expect(await handleMessage(handlers, { type: 'article', articleId: 'a' }, POPUP, SELF)).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'the store is closed' },
    });
  });

  test('refuses strangers before looking at the message, and invalid messages before running a handler', async () => {
    const spy = vi.fn(handlers['open-reader']);
    const guarded = { ...handlers, 'open-reader': spy };
    expect(await handleMessage(guarded, { type: 'open-reader', target: 'article', id: 'a' }, { id: 'x', tab: {} }, SELF)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await handleMessage(guarded, { type: 'open-reader', target: 'page', id: 'a' }, CONTENT, SELF)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('createClient', () => {
  const serve = (message: unknown) => handleMessage(handlers, message, CONTENT, SELF);

  test('returns the value of an ok reply and throws the typed error of a failed one', async () => {
    const request = createClient(serve);
    expect(await request('compiled-names', {})).toEqual({ stamp: 's', compiled: { version: 1 } });
    await expect(request('article', { articleId: 'a' })).rejects.toMatchObject({ name: 'MessageError', kind: 'internal' });
  });

  test('retries while nobody listens (a service worker starting) and then gets the reply', async () => {
    let calls = 0;
    const request = createClient(
      async (m) => {
        if (++calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
        return serve(m);
      },
      { retryDelayMs: 1 },
    );
    expect(await request('ensure-archive', {})).toMatchObject({ hash: 'h' });
    expect(calls).toBe(3);
  });

  test('gives up with an "unavailable" error after its retries, and at once on other errors', async () => {
    const never = createClient(async () => Promise.reject(new Error('Receiving end does not exist.')), { retries: 2, retryDelayMs: 1 });
    await expect(never('ensure-archive', {})).rejects.toMatchObject({ kind: 'unavailable' });
    let calls = 0;
    const broken = createClient(async () => {
      calls++;
      throw new TypeError('sendMessage is not a function');
    });
    await expect(broken('ensure-archive', {})).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(1);
  });

  test('times out instead of hanging when no reply comes', async () => {
    vi.useFakeTimers();
    const request = createClient(() => new Promise(() => {}), { timeoutMs: 1000 });
    const pending = request('ensure-archive', {});
    const caught = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1001);
    const error = await caught;
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  test('reports a reply that is not a reply (a listener that answered undefined)', async () => {
    const request = createClient(async () => undefined);
    await expect(request('ensure-archive', {})).rejects.toMatchObject({ kind: 'invalid-reply' });
  });
});
