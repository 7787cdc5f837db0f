// Firefox ESR, headless, over WebDriver BiDi (puppeteer-core; there is no geckodriver here), with the
// unpacked Firefox MV3 build installed as a temporary add-on at a fixed moz-extension:// UUID.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page, type Target } from 'puppeteer-core';
import { pollUntil, requireBrowser, requireBuild, textReaders, type BrowserHarness, type RecordedRequest, type TestPage } from './types.ts';

/** Debian's package; ZZL_FIREFOX points elsewhere. */
export const FIREFOX_PATH = process.env['ZZL_FIREFOX'] || '/usr/bin/firefox-esr';
/** Firefox gives each add-on a random UUID per profile unless this pref fixes it. */
export const FIXED_UUID = '5a0e1f3c-7d42-4b8e-9c61-2f8d4e7a9b13';

/**
 * Starts a navigation and polls until the document at `url` has loaded. Over BiDi, `page.goto` to a
 * moz-extension:// page may never report completion, so it is not awaited.
 */
async function navigate(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => {
    // The poll below decides; a navigation that "times out" after the page loaded is not an error.
  });
  const want = url.split('#')[0];
  await pollUntil(`${url} to load`, () =>
    page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).then((href) => href.split('#')[0] === want),
  );
}

async function waitForLoad(page: Page): Promise<void> {
  await pollUntil('the new tab to load', () =>
    page.evaluate(() => document.readyState === 'complete' && location.href !== 'about:blank'),
  );
}

/** Where each page is, as far as the harness knows; over BiDi a moz-extension:// page's frame URL can stay about:blank. */
const pageLabels = new WeakMap<Page, string>();

function wrap(page: Page, browser: Browser): TestPage {
  // The driver's own types unwrap handles in the argument; ours are plain serialisable values.
  const evaluate: TestPage['evaluate'] = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  return {
    url: () => page.evaluate(() => location.href),
    evaluate,
    async waitFor(selector, timeoutMs = 30_000) {
      await pollUntil(selector, () => page.evaluate((sel) => document.querySelector(sel) !== null, selector), timeoutMs);
    },
    async click(selector) {
      await page.click(selector);
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y, { steps: 4 });
    },
    async mouseClick(x, y) {
      await page.mouse.click(x, y);
    },
    async press(combo) {
      const keys = combo.split('+') as KeyInput[];
      const key = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async waitForNewPage(action, timeoutMs = 30_000) {
      const known = new Set<Target>(browser.targets());
      const opened = browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: timeoutMs });
      await action();
      const newPage = await (await opened).page();
      if (!newPage) throw new Error('The action opened a target without a page');
      await waitForLoad(newPage);
      pageLabels.set(newPage, await newPage.evaluate(() => location.href));
      return wrap(newPage, browser);
    },
    async setInputFiles(selector, paths) {
      const input = await page.$(selector);
      if (!input) throw new Error(`No element matches ${selector}`);
      await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
    },
    async clickForNewPage(selector, timeoutMs = 30_000) {
      const known = new Set<Target>(browser.targets());
      const opened = browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: timeoutMs });
      await page.click(selector);
      const target = await opened;
      const newPage = await target.page();
      if (!newPage) throw new Error(`The click on ${selector} opened a target without a page`);
      await waitForLoad(newPage);
      pageLabels.set(newPage, await newPage.evaluate(() => location.href));
      return wrap(newPage, browser);
    },
    ...textReaders(evaluate),
    // A popup may close itself after opening the reader: closing a closed tab is not an error.
    close: () => page.close().catch(() => {}),
  };
}

export async function launchFirefox(extensionDir = '.output/firefox-mv3'): Promise<BrowserHarness> {
  requireBrowser('Firefox ESR', FIREFOX_PATH);
  const dir = requireBuild(extensionDir, 'npx wxt build -b firefox');
  // The fixed gecko id (wxt.config.ts), as the build ships it.
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const profile = await mkdtemp(join(tmpdir(), 'zzl-firefox-'));
  const requests: RecordedRequest[] = [];
  let browser: Browser;
  try {
    browser = await start(dir, geckoId, profile, requests);
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const extensionBase = `moz-extension://${FIXED_UUID}/`;

  const open = async (url: string): Promise<TestPage> => {
    const page = await browser.newPage();
    watchers.get(browser)?.(page);
    pageLabels.set(page, url);
    await navigate(page, url);
    return wrap(page, browser);
  };
  return {
    name: 'firefox',
    extensionDir: dir,
    extensionBase,
    requests,
    openExtensionPage: (path) => open(new URL(path, extensionBase).href),
    openUrl: open,
    async restart() {
      await browser.close();
      browser = await start(dir, geckoId, profile, requests);
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Firefox on `profile` and installs the build as a temporary add-on. Temporary add-ons are
 * removed when Firefox quits, so a restart installs it again: the kept UUID and kept storage make
 * that the same extension with the same IndexedDB, as a permanently installed add-on would be.
 */
async function start(dir: string, geckoId: string, profile: string, requests: RecordedRequest[]): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    // Without it, BiDi refuses to open or script moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // MV3 host permissions are opt-in in Firefox; grant them so content-script tests see what a user who allowed them sees.
      'extensions.originControls.grantByDefault': true,
    },
  });
  const watched = new WeakSet<Page>();
  const watch = (page: Page): void => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', (request) => {
      let from = pageLabels.get(page) ?? '';
      try {
        from ||= request.frame()?.url() ?? '';
      } catch {
        // Frame already gone.
      }
      requests.push({ url: request.url(), from });
    });
  };
  watchers.set(browser, watch);
  browser.on('targetcreated', (target: Target) => {
    void target
      .page()
      .then((page) => page && watch(page))
      .catch(() => {});
  });
  try {
    const id = await browser.installExtension(dir);
    if (id !== geckoId) throw new Error(`Installed add-on has id ${id}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** The request recorder of each running browser, so pages opened later are recorded too. */
const watchers = new WeakMap<Browser, (page: Page) => void>();
