// A stand-in for browser.i18n.getMessage that reads the real messages.json files, so component
// tests see the strings users see. Follows the WebExtension rules: named placeholders ($NAME$,
// case-insensitive) take their `content`, `$1`…`$9` take the substitutions, `$$` is a dollar sign.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { I18n, MessageKey, Translate } from '../../src/ui/i18n';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

export function readMessages(locale: 'zh_CN' | 'en'): Messages {
  const file = resolve(import.meta.dirname, '../../public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export function translatorFor(messages: Messages): Translate {
  return (key: MessageKey, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
    const expand = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message
      .replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name: string | undefined) =>
        name === undefined ? '\u0000' : expand(placeholders[name.toLowerCase()] ?? ''),
      )
      .replace(/\u0000/g, '$');
  };
}

export function fakeI18n(locale: 'zh_CN' | 'en' = 'zh_CN'): I18n {
  return { t: translatorFor(readMessages(locale)), locale: locale === 'zh_CN' ? 'zh-CN' : 'en' };
}
