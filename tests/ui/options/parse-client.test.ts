import { describe, expect, test } from 'vitest';
import { inlineWorker } from '../../../src/ui/options/inline-worker';
import { createParseClient, type WorkerLike } from '../../../src/ui/options/parse-client';
import { parseUpload } from '../../../src/ui/options/uploads';
import { respond } from '../../../src/ui/options/worker-handler';
import { ENGLISH, SEED_MASTHEAD, SEED_OTHER, seedBytes } from './support';

/** The real protocol, except that the request for `crash.txt` kills the worker (as running out of memory would). */
function crashingOn(name: string, spawned: { count: number }) {
  return (): WorkerLike => {
    spawned.count += 1;
    return inlineWorker((data) => {
      if (typeof data === 'object' && data !== null && 'name' in data && data.name === name) throw new Error('out of memory');
      return respond(data);
    });
  };
}

describe('the parse client', () => {
  test('answers each file with the parse of that file, whatever order they finish in', async () => {
    const client = createParseClient(() => inlineWorker());
    const a = seedBytes(SEED_MASTHEAD);
    const b = seedBytes(SEED_OTHER);
    const results = await Promise.all([client.parse(SEED_MASTHEAD, a), client.parse('minutes.txt', ENGLISH), client.parse(SEED_OTHER, b)]);
    expect(results).toEqual([parseUpload(SEED_MASTHEAD, a), parseUpload('minutes.txt', ENGLISH), parseUpload(SEED_OTHER, b)]);
    client.dispose();
  });

  test('a worker that dies costs only the file it was on: a new one takes the files still waiting', async () => {
    const spawned = { count: 0 };
    const client = createParseClient(crashingOn('crash.txt', spawned));
    const results = await Promise.all([
      client.parse(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD)),
      client.parse('crash.txt', seedBytes(SEED_OTHER)),
      client.parse(SEED_OTHER, seedBytes(SEED_OTHER)),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toEqual({ ok: false, error: { code: 'worker-failed', detail: 'out of memory' } });
    expect(spawned.count).toBe(2);
    // And it goes on working afterwards.
    expect((await client.parse(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD))).ok).toBe(true);
    client.dispose();
  });

  test('a worker that cannot start fails every file with the reason', async () => {
    const client = createParseClient(() => {
      throw new Error('refused by the content security policy');
    });
    expect(await client.parse('a.txt', ENGLISH)).toEqual({
      ok: false,
      error: { code: 'worker-failed', detail: 'the parser could not start: refused by the content security policy' },
    });
  });

  test('an answer that does not check out fails its file, not the others', async () => {
    const client = createParseClient(() =>
      inlineWorker((data) => {
        const answer = respond(data);
        if (answer.type === 'parsed' && answer.result.ok && answer.result.bundle.issues[0]?.id === '2024-01-27-23552') {
          answer.result.bundle.mentions[0]!.entityId = 'nobody';
        }
        return answer;
      }),
    );
    const [bad, good] = await Promise.all([client.parse(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD)), client.parse(SEED_OTHER, seedBytes(SEED_OTHER))]);
    expect(bad).toEqual({ ok: false, error: { code: 'worker-failed', detail: expect.stringContaining('mentions[0].entityId') } });
    expect(good.ok).toBe(true);
    client.dispose();
  });

  test('dispose answers the files still waiting', async () => {
    const client = createParseClient(() => inlineWorker());
    const waiting = client.parse(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD));
    client.dispose();
    expect(await waiting).toEqual({ ok: false, error: { code: 'worker-failed', detail: 'the page stopped the parser' } });
  });
});
