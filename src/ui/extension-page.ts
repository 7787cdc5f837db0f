// What extension pages (popup, reader) take from the WebExtension API and the archive store.
// Kept apart so that the components and their tests never touch the `browser` global.
import { browser } from 'wxt/browser';
import type { ArchiveBundle } from '../archive/types';
import { createClient } from '../messages';
import { articleSlice, cachedConnection, emptyBundle, entitySlice, openArchiveDb, recentSlice, type ArchiveDb } from '../store';
import { pageLanguage, type I18n } from './i18n';
import { articleHash, type ReaderRoute } from './route';

/** Reads the UI language, sets `<html lang>` and the document title, and returns the page's I18n. */
export function setUpPageI18n(): I18n {
  const t: I18n['t'] = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
  const locale = pageLanguage(t('languageTag'), browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  document.title = t('extName');
  return { t, locale };
}

/** Typed requests to the background (src/messages.ts). */
export const requestBackground = createClient((message) => browser.runtime.sendMessage(message), { timeoutMs: 60_000 });

// Extension pages read IndexedDB themselves (their origin is the extension's); the background
// only has to make sure the archive is there first: after install it may still be importing.
const pageDb = cachedConnection((onClose) => openArchiveDb({ onClose }));
let ensured: Promise<unknown> | null = null;

/** The archive database, once the background has made sure it holds a complete archive. */
export async function archiveDb(): Promise<ArchiveDb> {
  // Asked once per page (a popup calls this on every keystroke); a failure is asked again next time.
  ensured ??= requestBackground('ensure-archive', {}).catch((e: unknown) => {
    ensured = null;
    throw e;
  });
  await ensured;
  return pageDb();
}

/** How many issues the popup and the reader's index list (newest first). */
export const RECENT_ISSUES = 30;

/** The newest issues with their articles, from the store. */
export async function loadRecentIssues(): Promise<ArchiveBundle> {
  return (await recentSlice(await archiveDb(), RECENT_ISSUES)).bundle;
}

/** What the reader needs for a route: an article's issue, an entity's profile slice, or the newest issues. */
export async function loadForRoute(route: ReaderRoute): Promise<ArchiveBundle> {
  if (route.view === 'index') return loadRecentIssues();
  const db = await archiveDb();
  const slice = route.view === 'article' ? await articleSlice(db, route.id) : await entitySlice(db, route.id);
  return slice ?? emptyBundle();
}

/** The reader page's address for an article. */
export function readerUrl(articleId: string): string {
  return browser.runtime.getURL(`/reader.html${articleHash(articleId)}`);
}

/** Opens an article in the reader in a new tab, then closes the popup. */
export async function openInReaderTab(articleId: string): Promise<void> {
  await browser.tabs.create({ url: readerUrl(articleId) });
  window.close();
}
