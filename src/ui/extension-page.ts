// What extension pages (popup, reader) take from the WebExtension API. Kept apart so that the
// components and their tests never touch the `browser` global.
import { browser, type PublicPath } from 'wxt/browser';
import type { ArchiveBundle } from '../archive/types';
import { loadArchive } from './archive-source';
import { pageLanguage, type I18n } from './i18n';
import { articleHash } from './route';

/** Reads the UI language, sets `<html lang>` and the document title, and returns the page's I18n. */
export function setUpPageI18n(): I18n {
  const t: I18n['t'] = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
  const locale = pageLanguage(t('languageTag'), browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  document.title = t('extName');
  return { t, locale };
}

// public/archive.json is written by `npm run archive`; WXT's PublicPath type lists it only when the
// file existed at `wxt prepare` time, so the type is asserted rather than inferred.
const ARCHIVE_PATH = '/archive.json' as string as PublicPath;

/** The bundled archive: an extension-local file, never the network. */
export function loadBundledArchive(): Promise<ArchiveBundle> {
  return loadArchive(browser.runtime.getURL(ARCHIVE_PATH));
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
