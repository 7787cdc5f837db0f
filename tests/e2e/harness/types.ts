// The one interface both browser harnesses implement, so every e2e test runs unchanged in Chromium and Firefox.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A page (tab) in the browser under test. */
export interface TestPage {
  /** The page's current address (`location.href`). */
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page; `fn` is serialised, so it may use only its argument and the page's globals. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Resolves once `selector` matches an element; throws after `timeoutMs`. */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** A real pointer click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Clicks `selector` and returns the tab that the click opened (a new tab, whatever opened it). */
  clickForNewPage(selector: string, timeoutMs?: number): Promise<TestPage>;
  /** Moves the real pointer to page coordinates (CSS pixels of the viewport). */
  mouseMove(x: number, y: number): Promise<void>;
  /** A real click at page coordinates (reaches into shadow roots, as a person's click does). */
  mouseClick(x: number, y: number): Promise<void>;
  /** A real key press, e.g. `Escape` or `Alt+Shift+KeyZ` (modifiers joined with +, the key by its code). */
  press(combo: string): Promise<void>;
  /** Types text into the focused element, key by key, as a person would (any characters). */
  type(text: string): Promise<void>;
  /** Runs `action` and returns the tab it opened. */
  waitForNewPage(action: () => Promise<void>, timeoutMs?: number): Promise<TestPage>;
  /** Sets the files of the `<input type="file">` matching `selector`, as a person picking them would (fires change). */
  setInputFiles(selector: string, paths: string[]): Promise<void>;
  /** `textContent` of the first match; throws if nothing matches. */
  textOf(selector: string): Promise<string>;
  /** `textContent` of every match, in document order. */
  textsOf(selector: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface RecordedRequest {
  url: string;
  /** Address of the page that made it, when the browser tells. */
  from: string;
}

export interface BrowserHarness {
  readonly name: 'chromium' | 'firefox';
  /** The unpacked build that was installed, e.g. `.output/chrome-mv3`. */
  readonly extensionDir: string;
  /** `chrome-extension://ID/` or `moz-extension://UUID/`. */
  readonly extensionBase: string;
  /** Opens `popup.html`, `reader.html#article=…` … in a new tab and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Opens an ordinary web page (e.g. from the static server) in a new tab and waits until it has loaded. */
  openUrl(url: string): Promise<TestPage>;
  /** Every request the browser's pages made since launch (the network guard reads this). */
  readonly requests: readonly RecordedRequest[];
  /** Quits the browser and starts it again on the same profile, the extension still installed. */
  restart(): Promise<void>;
  /**
   * Stops the extension's service worker as Chrome does to an idle one (Chromium only, through the
   * DevTools protocol); the next event wakes it.
   */
  stopServiceWorker?(): Promise<void>;
  close(): Promise<void>;
}

export const SETUP_HINT = 'run `bash scripts/dev-env.sh npm run test:e2e` (it installs Debian’s chromium and firefox-esr when they are missing)';

/** A missing browser is an error, never a skip. */
export function requireBrowser(label: string, path: string): void {
  if (!existsSync(path)) {
    throw new Error(`${label} is not installed (expected at ${path}): ${SETUP_HINT}.`);
  }
}

/** The unpacked build must exist; `wxt build` (or `npm run build`) makes it. */
export function requireBuild(dir: string, buildCommand: string): string {
  const abs = resolve(REPO_ROOT, dir);
  if (!existsSync(resolve(abs, 'manifest.json'))) {
    throw new Error(`No extension build at ${abs}: run \`bash scripts/dev-env.sh npm run build\` (or \`${buildCommand}\`) first.`);
  }
  return abs;
}

/** Polls `probe` until it returns a truthy value; errors thrown by `probe` (page still navigating) count as "not yet". */
export async function pollUntil<T>(what: string, probe: () => Promise<T>, timeoutMs = 30_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

type Evaluate = TestPage['evaluate'];

/** `textOf` / `textsOf` through `evaluate`, the same in both browsers (no auto-waiting: call `waitFor` first). */
export function textReaders(evaluate: Evaluate): Pick<TestPage, 'textOf' | 'textsOf'> {
  return {
    async textOf(selector) {
      const text = await evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
      if (text === null) throw new Error(`No element matches ${selector}`);
      return text;
    },
    textsOf: (selector) => evaluate((sel) => Array.from(document.querySelectorAll(sel), (el) => el.textContent ?? ''), selector),
  };
}
