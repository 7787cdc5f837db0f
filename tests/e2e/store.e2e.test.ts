// The archive in IndexedDB, in real browsers: after install the store holds exactly the shipped
// bundle and the popup reads it from there; a restart keeps it; and (Chromium) an update import cut
// off by stopping the service worker, as Chrome does to idle workers, ends complete when the worker
// wakes, readers having seen the old archive until then.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { bundleHash } from '../../src/store/hash';
import { countsOf } from '../../src/store/import';
import { BROWSERS, pollUntil, useBrowser, type BrowserHarness } from './harness/index.ts';
import { ensureArchive, readMeta } from './harness/archive-probe.ts';
import { copyBuild, ship, shippedBundle, withoutLastIssue } from './harness/shipped-archive.ts';
import { launchChromium } from './harness/chromium.ts';

describe.each(BROWSERS)('$name: the archive in IndexedDB', ({ launch }) => {
  const h = useBrowser(launch);
  let bundle: ArchiveBundle;
  beforeAll(() => {
    bundle = shippedBundle(h().extensionDir);
  });

  it('after install every count in IndexedDB equals the shipped bundle’s', async () => {
    const page = await h().openExtensionPage('popup.html');
    try {
      const ready = await ensureArchive(page);
      expect(ready.hash).toBe(bundleHash(bundle));
      expect(ready.counts).toEqual(countsOf(bundle));
      expect(await readMeta(page, 'activeGeneration')).toMatchObject({ hash: bundleHash(bundle), counts: countsOf(bundle) });
    } finally {
      await page.close();
    }
  });

  it('the popup shows the archive from IndexedDB without fetching the bundle file', async () => {
    const popup = await h().openExtensionPage('popup.html');
    try {
      await popup.waitFor('[data-zzl-issue] [data-article-id]', 60_000);
      const links = await popup.evaluate(() => document.querySelectorAll('[data-article-id]').length, null);
      expect(links).toBeGreaterThan(0);
      const fetched = await popup.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name), null);
      expect(fetched.filter((u) => /archive(-version)?\.json/.test(u))).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it('a browser restart keeps the archive', async () => {
    await h().restart();
    const page = await h().openExtensionPage('popup.html');
    try {
      expect(await readMeta(page, 'activeGeneration')).toMatchObject({ hash: bundleHash(bundle), counts: countsOf(bundle) });
      const ready = await ensureArchive(page);
      expect(ready.counts).toEqual(countsOf(bundle));
      // Nothing was imported again: the store already held this build's archive.
      expect(ready.imported).toBeUndefined();
    } finally {
      await page.close();
    }
  });
});

describe('chromium: an update import cut off by stopping the service worker', () => {
  let dir = '';
  let harness: BrowserHarness | undefined;
  let newer: ArchiveBundle;
  let older: ArchiveBundle;

  beforeAll(async () => {
    // A copy of the build whose archive files the test can change, as an update would.
    dir = await copyBuild('chrome-mv3');
    newer = shippedBundle(dir);
    older = withoutLastIssue(newer);
    await ship(dir, older);
    harness = await launchChromium(dir);
  });
  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('ends with the complete new archive, and readers saw the old complete one until then', async () => {
    const h = harness!;
    const page = await h.openExtensionPage('popup.html');
    try {
      expect((await ensureArchive(page)).counts).toEqual(countsOf(older));
      await ship(dir, newer);

      // Hold the mentions store: the update's chunks for issues, articles and entities commit, and
      // the first mentions chunk waits. The worker is stopped right there.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('zhuzhou-lens');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('mentions', 'readwrite');
              const store = tx.objectStore('mentions');
              const w = window as unknown as { zzlHold: boolean };
              w.zzlHold = true;
              // Keep the transaction alive with a chain of requests until released.
              const spin = () => {
                if (w.zzlHold) store.count().onsuccess = spin;
              };
              spin();
              tx.oncomplete = () => open.result.close();
              resolve();
            };
          }),
        null,
      );
      const trigger = await h.openExtensionPage('popup.html');
      await trigger.evaluate(() => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
        api.sendMessage({ type: 'ensure-archive' }).catch(() => {});
      }, null);
      // Give the update time to reach the held store (the earlier stores take well under a second).
      await new Promise((r) => setTimeout(r, 3000));
      await h.stopServiceWorker!();
      await trigger.close();
      await page.evaluate(() => {
        (window as unknown as { zzlHold: boolean }).zzlHold = false;
      }, null);

      const pending = (await pollUntil('the held transaction to end', () => readMeta(page, 'bundledImport'))) as {
        hash: string;
        generation: number;
        progress: { storeIndex: number; chunksDone: number };
      };
      expect(pending.hash).toBe(bundleHash(newer));
      expect(pending.progress.storeIndex, 'the import stopped at the mentions store').toBe(3);
      expect(pending.progress.chunksDone).toBeGreaterThan(0);
      expect(await readMeta(page, 'activeGeneration'), 'readers still see the old archive').toMatchObject({
        hash: bundleHash(older),
        counts: countsOf(older),
      });

      // Any message wakes the worker; it continues where the stopped one left off.
      const ready = await ensureArchive(page);
      expect(ready.hash).toBe(bundleHash(newer));
      expect(ready.counts).toEqual(countsOf(newer));
      expect(await readMeta(page, 'bundledImport')).toBeNull();
      // Continued, not begun again: a new import would have written a new generation.
      expect(await readMeta(page, 'activeGeneration')).toMatchObject({
        hash: bundleHash(newer),
        counts: countsOf(newer),
        generation: pending.generation,
      });
    } finally {
      await page.close();
    }
  });
});
