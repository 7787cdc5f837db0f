// Asking the installed extension about its archive from one of its pages: through the same message
// the popup sends, and straight from IndexedDB (no product code involved).
import type { countsOf } from '../../../src/store/import';
import type { TestPage } from './types.ts';

export interface Ready {
  hash: string;
  counts: ReturnType<typeof countsOf>;
  imported?: { resumed: boolean; chunksWritten: number };
}

/** Sends `ensure-archive` from an extension page, as the popup does, and returns the reply's value. */
export async function ensureArchive(page: TestPage): Promise<Ready> {
  const reply = await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.sendMessage({ type: 'ensure-archive' });
      } catch (e) {
        // The worker is starting again: the product's client retries the same way.
        if (attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, null);
  const r = reply as { ok: boolean; value?: Ready; error?: { kind: string; message: string } };
  if (!r.ok) throw new Error(`ensure-archive failed: ${r.error?.kind}: ${r.error?.message}`);
  return r.value!;
}

/** Reads a meta record straight from the extension's IndexedDB (no product code involved). */
export function readMeta(page: TestPage, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('zhuzhou-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get(k);
          get.onsuccess = () => {
            resolve(get.result ?? null);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}
