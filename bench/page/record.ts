// Drives Chromium for bench/page.ts: the browser with the built extension and the same browser
// without it (same flags otherwise), and one traced page load in a fresh tab of either. The launch
// follows tests/e2e/harness/chromium.ts (same binary, same flags); it is repeated here because the
// bench needs the Playwright context itself (for a DevTools protocol session), which the harness
// keeps inside.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/chromium';
import { requireBrowser, requireBuild } from '../../tests/e2e/harness/types';
import { PROFILER_CATEGORY, TRACE_CATEGORIES, type TraceEvent } from './trace';

export const LAUNCHER = '[data-zzl="launcher"]';

export interface BenchBrowser {
  readonly extension: boolean;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

const COMMON_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Chromium with `extensionDir` loaded (waits for its service worker), or without any extension. */
export async function launchBenchBrowser(extensionDir: string | null): Promise<BenchBrowser> {
  requireBrowser('Chromium', CHROMIUM_PATH);
  const dir = extensionDir === null ? null : requireBuild(extensionDir, 'npx wxt build');
  const profile = await mkdtemp(join(tmpdir(), 'zzl-bench-page-'));
  // Without an extension Playwright's own --disable-extensions stays in force.
  const args = dir === null ? COMMON_ARGS : [...COMMON_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args });
    if (dir !== null && context.serviceWorkers().length === 0) {
      await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(async (error: unknown) => {
        await context.close();
        throw new Error(`The extension in ${dir} did not start (no service worker in 30 s)`, { cause: error });
      });
    }
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    extension: dir !== null,
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface RecordOptions {
  /** How long after the load event the trace runs on, ms. */
  windowMs: number;
  /** Also take V8's CPU samples (the attribution run). */
  profile?: boolean;
  /** Note when an element matching this selector is first added to <html> (the extension's launcher host). */
  watch?: string;
}

export interface Recording {
  events: TraceEvent[];
  /** The page's load event, ms after navigation start (the page's own clock: Navigation Timing). */
  loadEventMs: number | null;
  /** When `watch` was first seen matching, ms after navigation start (page clock); null if it never did. */
  watchedAtMs: number | null;
  /** Ranges in the page's highlight registry under our names, at the end of the window. */
  highlightRanges: number;
  /** The launcher's count at the end (its data-count), or null without a launcher. */
  launcherCount: number | null;
}

/** Loads `url` in a fresh tab of `browser` under a trace that runs until `windowMs` after the load. */
export async function recordLoad(browser: BenchBrowser, url: string, options: RecordOptions): Promise<Recording> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  try {
    cdp.on('Tracing.dataCollected', (e) => {
      // The protocol types the events as plain objects; they are Trace Event Format records.
      for (const v of e.value) events.push(v as unknown as TraceEvent);
    });
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    const categories: string[] = [...TRACE_CATEGORIES, ...(options.profile ? [PROFILER_CATEGORY] : [])];
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loaded = performance.now();
    let watchedAtMs: number | null = null;
    if (options.watch) {
      // A MutationObserver on <html>'s children (where the overlay mounts its hosts) rather than
      // Playwright's polling, which would add a task per frame to the page being measured.
      watchedAtMs = await page.evaluate(
        ([selector, timeoutMs]) =>
          new Promise<number | null>((resolve) => {
            if (document.querySelector(selector)) return resolve(performance.now());
            const observer = new MutationObserver(() => {
              if (!document.querySelector(selector)) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(document.documentElement, { childList: true });
            setTimeout(() => {
              observer.disconnect();
              resolve(null);
            }, timeoutMs);
          }),
        [options.watch, Math.max(0, options.windowMs - (performance.now() - loaded))] as const,
      );
    }
    const left = options.windowMs - (performance.now() - loaded);
    if (left > 0) await page.waitForTimeout(left);
    const seen = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
      let ranges = 0;
      if (registry) for (const [name, h] of registry) if (name.startsWith('zzl-') && name !== 'zzl-active') ranges += h.size;
      const count = document.querySelector('[data-zzl="launcher"]')?.shadowRoot?.querySelector('[data-count]')?.getAttribute('data-count');
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { ranges, count: count === undefined || count === null ? null : Number(count), load: navigation ? navigation.loadEventStart : null };
    });
    await cdp.send('Tracing.end');
    await complete;
    return { events, loadEventMs: seen.load, watchedAtMs, highlightRanges: seen.ranges, launcherCount: seen.count };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}
