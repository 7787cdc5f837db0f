// The background: keeps IndexedDB holding the build's archive (on install, on update, and on every
// start, which also continues an import that a stopped service worker cut off) and answers the
// content scripts' questions about it (src/messages.ts). The logic is src/background/archive-service.ts.
import { browser, type PublicPath } from 'wxt/browser';
import { createArchiveService, describeServiceError, type ShippedArchiveVersion } from '../src/background/archive-service';
import { forwardCommand } from '../src/background/commands';
import { compileNames } from '../src/match';
import { handleMessage, MessageError, originOf, type Handlers } from '../src/messages';
import { cachedConnection, openArchiveDb, type JsonValue } from '../src/store';
import type { PinyinKeys } from '../src/search';
import { loadArchive } from '../src/ui/archive-source';
import { entityHash, articleHash } from '../src/ui/route';

// Written by `npm run archive`; WXT's PublicPath type lists them only if they existed at `wxt prepare`.
const ARCHIVE = '/archive.json' as string as PublicPath;
const ARCHIVE_VERSION = '/archive-version.json' as string as PublicPath;
const PINYIN_KEYS = '/pinyin-keys.json' as string as PublicPath;

async function shippedVersion(): Promise<ShippedArchiveVersion> {
  // no-store: an updated build must be seen at once (it is a local file; nothing is cached elsewhere).
  const response = await fetch(browser.runtime.getURL(ARCHIVE_VERSION), { cache: 'no-store' });
  const version: unknown = await response.json();
  if (typeof version !== 'object' || version === null || typeof (version as { hash?: unknown }).hash !== 'string') {
    throw new MessageError('not-ready', 'archive-version.json is malformed: the build is incomplete');
  }
  return version as ShippedArchiveVersion;
}

export default defineBackground(() => {
  const openDb = cachedConnection((onClose) => openArchiveDb({ onClose }));
  const service = createArchiveService({
    openDb,
    shippedVersion,
    shippedBundle: () => loadArchive(browser.runtime.getURL(ARCHIVE), (url) => fetch(url, { cache: 'no-store' })),
    // The compiled form is plain JSON by construction (src/match); the store keeps it as JsonValue.
    compileNames: (archive) => compileNames(archive) as unknown as JsonValue,
    pinyinKeys: async () => (await fetch(browser.runtime.getURL(PINYIN_KEYS), { cache: 'no-store' })).json() as Promise<PinyinKeys>,
  });
  const handlers: Handlers = {
    ...service.handlers,
    'open-reader': async ({ target, id }) => {
      const hash = target === 'article' ? articleHash(id) : entityHash(id);
      await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${hash}`) });
      return null;
    },
  };
  const self = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) ?? '' };

  // sendResponse + `return true` rather than a returned promise: both browsers honour it.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    void handleMessage(handlers, message, sender, self, describeServiceError).then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    void forwardCommand(command, tab?.id, (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
  });

  const ensure = (why: string) =>
    service.ensureArchive().catch((e: unknown) => console.error(`Zhuzhou Lens: archive import (${why}) failed:`, describeServiceError(e)));
  browser.runtime.onInstalled.addListener(({ reason }) => void ensure(reason));
  void ensure('start');
});
