// UI text. Components never call `browser.i18n` themselves: they get a `Translate` function from
// context, so tests can render them with a fake translator (see tests/ui/fake-i18n.ts) and the
// entrypoints pass the real one (src/ui/extension-page.ts).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Every key of the default locale's messages.json; a typo is a compile error. */
export type MessageKey = keyof typeof import('../../public/_locales/zh_CN/messages.json');

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export interface I18n {
  t: Translate;
  /** BCP 47 tag of the page's language (also used for date formatting). */
  locale: string;
}

/** Without a provider, keys show as themselves: visible in a test, never silently empty. */
export const I18nContext = createContext<I18n>({ t: (key) => key, locale: 'zh-CN' });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Language of the archive's own text, whatever the UI language. */
export const ARCHIVE_LANG = 'zh-CN';

/**
 * The page's language. `messagesTag` is the `languageTag` message, i.e. the language of the
 * messages the browser actually chose (zh_CN, the default, for any UI language the extension does
 * not ship); `uiLanguage` is `browser.i18n.getUILanguage()`, which refines it (en-GB dates) when it
 * is the same language. The two can disagree: the messages follow the browser's locale at start-up.
 * Any Chinese is `zh-CN`, the archive's own script, so the browser picks simplified glyph forms.
 */
export function pageLanguage(messagesTag: string, uiLanguage: string): string {
  const primary = (tag: string) => tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  const language = primary(messagesTag) || 'zh';
  if (language === 'zh') return 'zh-CN';
  const ui = uiLanguage.trim().replace(/_/g, '-');
  if (primary(ui) === language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(ui)) return ui;
  return messagesTag.trim();
}
