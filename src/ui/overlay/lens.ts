// The lens on one page: everything the content script does, with the extension APIs passed in
// (entrypoints/content/index.ts passes the real ones). Reads the settings; on an enabled site,
// once the page shows Chinese text, asks the background for the compiled names, scans the page
// (src/page) and puts the overlay on it; answers the popup's page-findings question; starts over
// when the settings change.
import type { EntityType } from '../../archive/types';
import type { CompiledNames } from '../../match/compile';
import { NameMatcher } from '../../match/matcher';
import type { Client } from '../../messages';
import { hasHan } from '../../page/cjk';
import { createPageScanner, type PageMatch, type PageMatcher, type PageScanner } from '../../page/scanner';
import { isPageCommand } from '../../page-commands';
import { isPageFindingsRequest, tallyFindings, type PageFindingsReply } from '../../page-findings';
import { isSiteDisabled, parseSettings, readSettings, type Settings, type SettingsArea } from '../../settings';
import type { I18n } from '../i18n';
import { createOverlay, SUMMARY_LIMITS, type Overlay } from './overlay';

export interface LensEnvironment {
  document: Document;
  /** The page's hostname (location.hostname), checked against the disabled sites. */
  hostname: string;
  i18n: I18n;
  /** The typed client to the background (createClient over runtime.sendMessage). */
  request: Client;
  storage: SettingsArea;
  /** Calls `listener` when a setting changes; returns the unsubscribe. */
  onSettingsChanged(listener: () => void): () => void;
  /**
   * Registers the answerer of messages sent to this tab: it returns the reply, or undefined for a
   * message that is not ours. Returns the unsubscribe.
   */
  onTabMessage(answer: (message: unknown) => unknown): () => void;
  onError?(what: string, error: unknown): void;
  /** Find what is in view with the page window's IntersectionObserver (browsers; DOM libraries' never answer). */
  observeViewport?: boolean;
}

export type LensState = 'starting' | 'disabled' | 'waiting-for-text' | 'loading-names' | 'running' | 'failed' | 'stopped';

export interface Lens {
  readonly state: LensState;
  /** What the popup is told: the entities named on the page, most mentioned first. */
  findings(): PageFindingsReply;
  /** Resolves when the current start has settled (running, disabled, waiting or failed). */
  whenSettled(): Promise<void>;
  /** The scanner and overlay while running (for tests and the page-command message). */
  readonly scanner: PageScanner | null;
  readonly overlay: Overlay<PageMatch> | null;
  stop(): void;
}

/** Only the kinds of names the user wants marked reach the scanner (and so the highlights and the overlay). */
export function onlyTypes(matcher: NameMatcher, types: readonly EntityType[]): PageMatcher {
  if (types.length === 3) return matcher;
  const wanted = new Set(types);
  return {
    find: (text) => matcher.find(text).filter((hit) => wanted.has(hit.type)),
    titleAround: (text, start, end) => matcher.titleAround(text, start, end),
  };
}

export function startLens(env: LensEnvironment): Lens {
  const { document: doc } = env;
  const onError = env.onError ?? ((what: string, e: unknown) => console.warn(`Zhuzhou Lens: ${what}`, e));
  let state: LensState = 'starting';
  let scanner: PageScanner | null = null;
  let overlay: Overlay<PageMatch> | null = null;
  let stopWaiting: (() => void) | null = null;
  /** Bumped by every (re)start, so that an older start's late replies are dropped. */
  let generation = 0;
  let settled: Promise<void> = Promise.resolve();

  function teardown() {
    stopWaiting?.();
    stopWaiting = null;
    overlay?.destroy();
    overlay = null;
    scanner?.stop();
    scanner = null;
  }

  async function run(current: number): Promise<void> {
    let settings: Settings;
    try {
      settings = await readSettings(env.storage);
    } catch (e) {
      onError('settings could not be read; using the defaults', e);
      settings = parseSettings({});
    }
    if (current !== generation) return;
    if (isSiteDisabled(env.hostname, settings.disabledSites) || settings.markedTypes.length === 0) {
      state = 'disabled';
      return;
    }
    // Pages without Chinese cost one text read and a watcher: no message, no matcher.
    if (!hasHan(doc.documentElement.textContent ?? '')) {
      state = 'waiting-for-text';
      await new Promise<void>((resolve) => {
        stopWaiting = waitForHan(doc, () => {
          stopWaiting = null;
          resolve();
        });
      });
      if (current !== generation) return;
    }
    state = 'loading-names';
    let matcher: NameMatcher;
    try {
      const reply = await env.request('compiled-names', {});
      if (current !== generation) return;
      // The background compiled it with compileNames (src/match/compile.ts); fromCompiled checks its version.
      matcher = NameMatcher.fromCompiled(reply.compiled as unknown as CompiledNames);
    } catch (e) {
      if (current !== generation) return;
      state = 'failed';
      onError('the names could not be loaded', e);
      return;
    }
    // Building the matcher, loading the extension's messages (the first translation does) and
    // setting up the scanner and overlay each take a task of their own: together they were one
    // 20–30 ms task on bench/page.
    await nextTask();
    if (current !== generation) return;
    void env.i18n.locale;
    await nextTask();
    if (current !== generation) return;
    const View = doc.defaultView;
    const pageScanner = createPageScanner({
      matcher: onlyTypes(matcher, settings.markedTypes),
      document: doc,
      ...(View?.IntersectionObserver && env.observeViewport ? { IntersectionObserver: View.IntersectionObserver } : {}),
      onMatches: (matches) => overlay?.setMatches(matches),
      onError: (e) => onError('page scan failed', e),
    });
    scanner = pageScanner;
    overlay = createOverlay<PageMatch>({
      document: doc,
      page: pageScanner,
      i18n: env.i18n,
      archive: {
        summaries: (entityIds) => env.request('entity-summaries', { entityIds, ...SUMMARY_LIMITS }),
        openReader: (target, id) => env.request('open-reader', { target, id }),
      },
      autoOpenPanel: settings.autoOpenPanel,
      onError,
    });
    pageScanner.start();
    state = 'running';
  }

  function start() {
    teardown();
    const current = ++generation;
    state = 'starting';
    settled = run(current).catch((e: unknown) => {
      if (current === generation) state = 'failed';
      onError('start failed', e);
    });
  }

  const findings = (): PageFindingsReply => ({ entities: scanner === null ? [] : tallyFindings(scanner.matches) });

  const unlistenMessages = env.onTabMessage((message) => {
    if (isPageFindingsRequest(message)) return findings();
    if (isPageCommand(message)) {
      overlay?.run(message.command);
      return { ok: overlay !== null };
    }
    return undefined;
  });
  const unlistenSettings = env.onSettingsChanged(() => {
    if (state !== 'stopped') start();
  });

  start();

  return {
    get state() {
      return state;
    },
    get scanner() {
      return scanner;
    },
    get overlay() {
      return overlay;
    },
    findings,
    whenSettled: () => settled,
    stop() {
      generation++;
      state = 'stopped';
      teardown();
      unlistenMessages();
      unlistenSettings();
    },
  };
}

/** Resolves in a later task (not a microtask): the browser may paint and run the page's own work in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `then` once Chinese text appears in the document (a page that fills itself in later);
 * returns the cancel. Only what was added or changed is read.
 */
export function waitForHan(doc: Document, then: () => void): () => void {
  const View = doc.defaultView;
  if (!View?.MutationObserver) return () => {};
  const observer = new View.MutationObserver((records) => {
    for (const r of records) {
      const found =
        r.type === 'characterData'
          ? hasHan((r.target as CharacterData).data)
          : Array.from(r.addedNodes).some((n) => {
              const ours = n.nodeType === 1 && (n as Element).hasAttribute('data-zzl');
              return (n.nodeType === 1 || n.nodeType === 3) && !ours && hasHan(n.textContent ?? '');
            });
      if (found) {
        observer.disconnect();
        then();
        return;
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
