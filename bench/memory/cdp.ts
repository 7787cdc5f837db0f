// The DevTools protocol pieces bench/memory.ts needs beyond Playwright's: a session on the
// extension's service worker (from a browser-level session), and heap usage after a forced GC.
import type { CDPSession } from 'playwright-core';
import { pollUntil } from '../../tests/e2e/harness/types';
import type { BenchBrowser } from '../page/record';

/** Runtime.getHeapUsage: V8's heap (used, allocated), Blink's C++ heap and ArrayBuffer backing stores. */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

export interface TargetSession {
  send<T>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/**
 * A session on another target (the service worker) through a browser-level one. Playwright's
 * CDPSession speaks only to its own target and has no way to address a flat child session, so the
 * worker is reached the older way: Target.sendMessageToTarget and receivedMessageFromTarget.
 */
export async function attachTo(cdp: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const onMessage = (e: { sessionId?: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const p = m.id === undefined ? undefined : pending.get(m.id);
    if (!p) return;
    pending.delete(m.id!);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  };
  const onDetached = (e: { sessionId: string }) => {
    if (e.sessionId !== sessionId) return;
    for (const p of pending.values()) p.reject(new Error('the target went away'));
    pending.clear();
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  cdp.on('Target.detachedFromTarget', onDetached);
  return {
    send<T>(method: string, params: object = {}) {
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer from the target in 30 s`));
        }, 30_000);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
          pending.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
          pending.delete(id);
        });
      });
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      cdp.off('Target.detachedFromTarget', onDetached);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}

export type Send = <T>(method: string, params?: object) => Promise<T>;

/** Heap usage after a forced GC (twice: the first may leave what only finalisers release). */
export async function heapAfterGc(send: Send): Promise<HeapUsage> {
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  return send<HeapUsage>('Runtime.getHeapUsage');
}

export const sendOn =
  (cdp: CDPSession): Send =>
  <T>(method: string, params?: object) =>
    // Playwright types send() by method name; these few methods are called with their own result types.
    (cdp.send.bind(cdp) as (m: string, p?: object) => Promise<unknown>)(method, params) as Promise<T>;

export type Targets = { targetInfos: { type: string; url: string; targetId: string }[] };

/** The target id of the service worker whose URL starts with `base`, once there is one. */
export async function workerTarget(cdp: CDPSession, base: string, timeoutMs = 30_000): Promise<string> {
  return pollUntil(
    `the service worker of ${base}`,
    async () => ((await cdp.send('Target.getTargets')) as Targets).targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(base))?.targetId,
    timeoutMs,
  );
}

export function extensionBase(b: BenchBrowser): string {
  const worker = b.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  return new URL('/', worker.url()).href;
}

export async function browserSession(b: BenchBrowser): Promise<CDPSession> {
  const browser = b.context.browser();
  if (!browser) throw new Error('Playwright gave no Browser for the persistent context: no browser-level DevTools session');
  return browser.newBrowserCDPSession();
}
