import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../src/ui/i18n';
import { readMessages, translatorFor, type Messages } from './fake-i18n';

const zh = readMessages('zh_CN');
const en = readMessages('en');

const usedPlaceholders = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('messages.json', () => {
  it('has the same keys in zh_CN and en, including the manifest keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of ['extName', 'extDescription', 'extActionTitle']) expect(zh).toHaveProperty(key);
  });

  it.each([
    ['zh_CN', zh],
    ['en', en],
  ] as [string, Messages][])('%s: every placeholder used is defined with $n content, and every one defined is used', (_, messages) => {
    for (const [key, entry] of Object.entries(messages)) {
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
      expect(usedPlaceholders(entry.message), key).toEqual([...new Set(defined)]);
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content, key).toMatch(/^\$[1-9]$/);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh)) expect(usedPlaceholders(en[key]!.message), key).toEqual(usedPlaceholders(zh[key]!.message));
  });

  it('substitutes values in order', () => {
    expect(translatorFor(zh)('archiveSummary', ['5', '38'])).toBe('共 5 期 · 38 篇文章');
    expect(translatorFor(en)('continuesNote', '02版①')).toBe('Continued on 02版①.');
  });
});

describe('pageLanguage', () => {
  it('follows the language of the messages the browser chose', () => {
    expect(pageLanguage(translatorFor(zh)('languageTag'), 'zh-CN')).toBe('zh-CN');
    expect(pageLanguage(translatorFor(en)('languageTag'), 'en')).toBe('en');
    // Messages chosen at start-up in English while the UI language now reads Chinese (seen in Chromium):
    expect(pageLanguage('en', 'zh-CN')).toBe('en');
    // A UI language the extension does not ship gets the default (Chinese) messages.
    expect(pageLanguage('zh-CN', 'fr')).toBe('zh-CN');
  });

  it('refines the language with the UI language when they agree', () => {
    expect(pageLanguage('en', 'en-GB')).toBe('en-GB');
    expect(pageLanguage('en', 'en_US')).toBe('en-US');
    expect(pageLanguage('zh-CN', 'zh-TW')).toBe('zh-CN');
    expect(pageLanguage('zh-CN', '')).toBe('zh-CN');
    expect(pageLanguage('', '')).toBe('zh-CN');
  });
});
