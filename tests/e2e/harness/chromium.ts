// Debian's Chromium, headless, with the unpacked Chrome MV3 build loaded (playwright-core, no browser download).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { pollUntil, requireBrowser, requireBuild, textReaders, type BrowserHarness, type RecordedRequest, type TestPage } from './types.ts';

/** Debian's package; ZZL_CHROMIUM points elsewhere (e.g. to check the missing-browser error). */
export const CHROMIUM_PATH = process.env['ZZL_CHROMIUM'] || '/usr/bin/chromium';

function wrap(page: Page, context: BrowserContext): TestPage {
  // The driver's own types unwrap handles in the argument; ours are plain serialisable values.
  const evaluate: TestPage['evaluate'] = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  return {
    url: async () => page.url(),
    evaluate,
    async waitFor(selector, timeoutMs = 30_000) {
      await page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs });
    },
    async click(selector) {
      await page.locator(selector).first().click();
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y, { steps: 4 });
    },
    async mouseClick(x, y) {
      await page.mouse.click(x, y);
    },
    async press(combo) {
      // A key may close the page it was pressed in (Enter in the popup opens the reader and closes it).
      await page.keyboard.press(combo).catch((e: unknown) => {
        if (!page.isClosed()) throw e;
      });
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async waitForNewPage(action, timeoutMs = 30_000) {
      const [opened] = await Promise.all([context.waitForEvent('page', { timeout: timeoutMs }), action()]);
      await opened.waitForLoadState('load');
      return wrap(opened, context);
    },
    async setInputFiles(selector, paths) {
      await page.locator(selector).first().setInputFiles(paths);
    },
    async clickForNewPage(selector, timeoutMs = 30_000) {
      const [opened] = await Promise.all([context.waitForEvent('page', { timeout: timeoutMs }), page.locator(selector).first().click()]);
      await opened.waitForLoadState('load');
      return wrap(opened, context);
    },
    ...textReaders(evaluate),
    // A popup may close itself after opening the reader: closing a closed tab is not an error.
    close: () => page.close().catch(() => {}),
  };
}

export async function launchChromium(extensionDir = '.output/chrome-mv3'): Promise<BrowserHarness> {
  requireBrowser('Chromium', CHROMIUM_PATH);
  const dir = requireBuild(extensionDir, 'npx wxt build');
  const profile = await mkdtemp(join(tmpdir(), 'zzl-chromium-'));
  const requests: RecordedRequest[] = [];
  let context: BrowserContext;
  let extensionBase = '';
  try {
    ({ context, extensionBase } = await start(dir, profile, requests));
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }

  const open = async (url: string): Promise<TestPage> => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return wrap(page, context);
  };
  return {
    name: 'chromium',
    extensionDir: dir,
    get extensionBase() {
      return extensionBase;
    },
    requests,
    openExtensionPage: (path) => open(new URL(path, extensionBase).href),
    openUrl: open,
    async restart() {
      await context.close();
      const started = await start(dir, profile, requests);
      if (started.extensionBase !== extensionBase) throw new Error(`The extension came back as ${started.extensionBase}, not ${extensionBase}`);
      context = started.context;
    },
    async stopServiceWorker() {
      // Closing the worker's target is what Puppeteer's worker.close() does; Chrome then treats it
      // as stopped (ServiceWorker.stopAllWorkers does not reach extension workers).
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      type Targets = { targetInfos: { type: string; url: string; targetId: string }[] };
      const workers = async () =>
        ((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(extensionBase));
      try {
        for (const target of await workers()) await cdp.send('Target.closeTarget', { targetId: target.targetId });
        await pollUntil('the service worker to stop', async () => (await workers()).length === 0, 10_000);
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium on `profile` with the extension and waits for its service worker. */
async function start(dir: string, profile: string, requests: RecordedRequest[]): Promise<{ context: BrowserContext; extensionBase: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      // Playwright passes --disable-extensions unless this names the extension to keep.
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  context.on('request', (request) => {
    let from = '';
    try {
      from = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    requests.push({ url: request.url(), from });
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) {
    try {
      worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
    } catch (error) {
      await context.close();
      throw new Error(`The extension in ${dir} did not start (no service worker in 30 s): is the build complete?`, { cause: error });
    }
  }
  const extensionBase = new URL('/', worker.url()).href;
  if (!extensionBase.startsWith('chrome-extension://')) {
    await context.close();
    throw new Error(`Unexpected service worker ${worker.url()}`);
  }
  return { context, extensionBase };
}
