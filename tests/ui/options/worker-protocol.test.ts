import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseUpload } from '../../../src/ui/options/uploads';
import { respond } from '../../../src/ui/options/worker-handler';
import { ProtocolError, readRequest, readResponse } from '../../../src/ui/options/worker-protocol';
import { ENGLISH, SEED_MASTHEAD, seedBytes } from './support';

describe('the parse worker’s answers', () => {
  test('a request is answered with the parse of its file, under its id, and the answer reads back after cloning', () => {
    const bytes = seedBytes(SEED_MASTHEAD);
    const answer = respond({ type: 'parse', id: 7, name: SEED_MASTHEAD, bytes });
    expect(answer).toEqual({ type: 'parsed', id: 7, result: parseUpload(SEED_MASTHEAD, bytes) });
    expect(readResponse(structuredClone(answer))).toEqual(answer);
  });

  test('a file that cannot be read is an answer too, not a failure of the worker', () => {
    const answer = respond({ type: 'parse', id: 1, name: 'minutes.txt', bytes: ENGLISH });
    expect(answer).toMatchObject({ type: 'parsed', id: 1, result: { ok: false, error: { code: 'parse' } } });
    expect(readResponse(structuredClone(answer))).toEqual(answer);
  });

  test('a malformed request is rejected, with its id when it has one', () => {
    expect(respond({ type: 'parse', id: 3, name: 'a.txt', bytes: 'not bytes' })).toEqual({ type: 'rejected', id: 3, reason: 'parse.bytes: expected a Uint8Array' });
    expect(respond({ type: 'parse', id: -1, name: 'a.txt', bytes: new Uint8Array() })).toMatchObject({ type: 'rejected', id: null });
    expect(respond('hello')).toMatchObject({ type: 'rejected', id: null });
    expect(() => readRequest({ type: 'parse', id: 1, bytes: new Uint8Array() })).toThrow(ProtocolError);
  });

  test.prop([fc.anything()])('never throws, and what it answers always reads back', (data) => {
    const answer = respond(data);
    expect(readResponse(structuredClone(answer))).toEqual(answer);
  });
});

describe('the page’s check of an answer', () => {
  const good = respond({ type: 'parse', id: 2, name: SEED_MASTHEAD, bytes: seedBytes(SEED_MASTHEAD) });

  test('refuses an answer whose bundle does not hold together', () => {
    const broken = structuredClone(good);
    if (broken.type !== 'parsed' || !broken.result.ok) throw new Error('expected a parsed answer');
    broken.result.bundle.articles[0]!.issueId = 'elsewhere';
    expect(() => readResponse(broken)).toThrow(/parsed\.result\.bundle: archive\.articles\[0\]\.issueId/);
  });

  test('refuses unknown error codes, result kinds and message types', () => {
    expect(() => readResponse({ type: 'parsed', id: 1, result: { ok: false, error: { code: 'oops', detail: '' } } })).toThrow(ProtocolError);
    expect(() => readResponse({ type: 'parsed', id: 1, result: { ok: false, error: { code: 'too-large', size: '9' } } })).toThrow(ProtocolError);
    expect(() => readResponse({ ...good, result: { ...(good.type === 'parsed' ? good.result : {}), kind: 'pdf' } })).toThrow(ProtocolError);
    expect(() => readResponse({ type: 'progress', id: 1 })).toThrow(ProtocolError);
    expect(() => readResponse({ type: 'rejected', id: 'x', reason: '' })).toThrow(ProtocolError);
  });

  test('accepts every kind of file error', () => {
    for (const error of [
      { code: 'unsupported-type' },
      { code: 'too-large', size: 9, limit: 5 },
      { code: 'newer-export', version: 2 },
      { code: 'worker-failed', detail: 'x' },
    ]) {
      expect(readResponse({ type: 'parsed', id: 1, result: { ok: false, error } })).toEqual({ type: 'parsed', id: 1, result: { ok: false, error } });
    }
  });
});
