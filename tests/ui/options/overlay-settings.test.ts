// What the options page makes of a typed site, how it edits the lists, and that its edits are
// written one at a time on what storage holds right then (over the in-memory storage.local).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { EntityType } from '../../../src/archive/types';
import { ENTITY_TYPES, isSiteDisabled, normalizeHost, readSettings } from '../../../src/settings';
import {
  addSite,
  changesSettings,
  parseSiteInput,
  removeSite,
  settingsEditor,
  sitesForDisplay,
  withType,
} from '../../../src/ui/options/overlay-settings';
import { memoryStorage } from './memory-storage';

const HOST_GRAMMAR = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
/** A hostname with at least two labels and a letter in its last one (so it is not read as an IPv4 address). */
const hostname = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z][a-z0-9]{1,5}$/))
  .map(([labels, top]) => [...labels, top].join('.'))
  .filter((h) => !h.startsWith('www.') && h !== 'www');
/** Any text at all: ASCII, CJK, astral characters, lone surrogates, URL punctuation. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '-', '_', ':', '/', '@', '[', ']', '%', ' ', '株', '。', '𫮃', 'ｅ'), maxLength: 30 }),
);

describe('parseSiteInput', () => {
  test.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['https://www.zznews.gov.cn/news/2024/0127/1.html', 'zznews.gov.cn'],
    ['http://user@news.example.com:8080/a?b#c', 'news.example.com'],
    ['example.com:8080/path', 'example.com'],
    ['news.example.com/x?y=1', 'news.example.com'],
    // Typed with a Chinese input method: full-width letters and 。 fold to ASCII.
    ['ｅｘａｍｐｌｅ。ｃｏｍ', 'example.com'],
    // Non-ASCII names become the ASCII form location.hostname has.
    ['株洲.中国', 'xn--ixvx5i.xn--fiqs8s'],
    ['https://株洲.中国/', 'xn--ixvx5i.xn--fiqs8s'],
    ['192.168.1.20', '192.168.1.20'],
    ['http://[::1]:3000/', '[::1]'],
  ])('%j is the site %j', (input, host) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, host });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['chrome://extensions', 'not-web'],
    ['file:///home/me/page.html', 'not-web'],
    ['mailto:editor@example.com', 'not-web'],
    ['about:blank', 'not-web'],
    // A site's name typed instead of its address, or a top-level domain alone.
    ['株洲新闻网', 'invalid'],
    ['com', 'invalid'],
    ['localhost', 'invalid'],
    ['ex ample.com', 'invalid'],
    ['a..b.com', 'invalid'],
    ['-news.example.com', 'invalid'],
    ['a!b.com', 'invalid'],
    ['exa%mple.com', 'invalid'],
    // The URL parser would read these as IPv4 addresses (0.0.48.57, 1.2.0.3).
    ['12345', 'invalid'],
    ['1.2.3', 'invalid'],
    ['http://', 'invalid'],
    [`${'a'.repeat(64)}.com`, 'invalid'],
  ])('%j is refused as %s', (input, problem) => {
    expect(parseSiteInput(input)).toEqual({ ok: false, problem });
  });

  test.prop([hostname, fc.boolean(), fc.constantFrom('', 'http://', 'https://', 'HTTPS://'), fc.constantFrom('', ':8080', '/', '/a/b.html?q=1#x')])(
    'a hostname comes back lower-cased without www., however it is written',
    (host, upper, scheme, tail) => {
      const written = (upper ? host.toUpperCase() : host) + tail;
      expect(parseSiteInput(scheme + written)).toEqual({ ok: true, host });
      expect(parseSiteInput(`${scheme}www.${written}`)).toEqual({ ok: true, host });
    },
  );

  test.prop([anyText], { numRuns: 400 })('anything typed gives a valid, stable host or a reason, never an exception', (text) => {
    const parsed = parseSiteInput(text);
    if (!parsed.ok) return;
    const { host } = parsed;
    expect(host === normalizeHost(host)).toBe(true);
    if (!host.startsWith('[')) expect(host).toMatch(HOST_GRAMMAR);
    expect(parseSiteInput(host)).toEqual({ ok: true, host });
    expect(isSiteDisabled(host, [host])).toBe(true);
  });
});

describe('the site list', () => {
  test('adding a listed site, or one a listed parent domain covers, changes nothing and says which', () => {
    expect(addSite(['example.com'], 'example.com')).toEqual({ kind: 'listed' });
    expect(addSite(['zhuzhou.cn', 'example.com'], 'news.example.com')).toEqual({ kind: 'covered', by: 'example.com' });
    // A subdomain listed on its own does not cover its parent.
    expect(addSite(['news.example.com'], 'example.com')).toEqual({ kind: 'added', sites: ['news.example.com', 'example.com'] });
  });

  test('turning a site back on removes that entry only (a subdomain listed on its own stays off)', () => {
    expect(removeSite(['example.com', 'news.example.com', 'a.cn'], 'example.com')).toEqual(['news.example.com', 'a.cn']);
  });

  test.prop([fc.uniqueArray(hostname, { maxLength: 8 }), hostname])('an added site is off, and turning it back on restores the list', (sites, host) => {
    const result = addSite(sites, host);
    if (sites.includes(host)) return expect(result.kind).toBe('listed');
    if (isSiteDisabled(host, sites)) {
      expect(result.kind).toBe('covered');
      if (result.kind === 'covered') expect(isSiteDisabled(host, [result.by])).toBe(true);
      return;
    }
    expect(result.kind).toBe('added');
    if (result.kind !== 'added') return;
    expect(isSiteDisabled(host, result.sites)).toBe(true);
    expect(removeSite(result.sites, host)).toEqual(sites);
  });

  test('sites are listed in a stable alphabetical order', () => {
    expect(sitesForDisplay(['zhuzhou.cn', 'a.com', 'news.example.com', 'example.com'])).toEqual(['a.com', 'example.com', 'news.example.com', 'zhuzhou.cn']);
  });
});

describe('marked types', () => {
  const types = fc.subarray([...ENTITY_TYPES]);
  test.prop([types, fc.constantFrom<EntityType>(...ENTITY_TYPES), fc.boolean()])('withType is set insertion or removal, in the canonical order', (before, type, marked) => {
    const expected = new Set(before);
    if (marked) expected.add(type);
    else expected.delete(type);
    expect(withType(before, type, marked)).toEqual(ENTITY_TYPES.filter((t) => expected.has(t)));
  });
});

test('only the settings keys count as a settings change', () => {
  expect(changesSettings(['disabledSites'])).toBe(true);
  expect(changesSettings(['somethingElse', 'autoOpenPanel'])).toBe(true);
  expect(changesSettings(['somethingElse'])).toBe(false);
});

describe('settingsEditor', () => {
  test('changes started together are written one after another, none lost', async () => {
    const storage = memoryStorage();
    const editor = settingsEditor(storage);
    const writes = ['a.com', 'b.com', 'c.com'].map((host) =>
      editor.update((s) => {
        const next = addSite(s.disabledSites, host);
        return next.kind === 'added' ? { disabledSites: next.sites } : null;
      }),
    );
    const results = await Promise.all(writes);
    expect(results.map((s) => s.disabledSites)).toEqual([['a.com'], ['a.com', 'b.com'], ['a.com', 'b.com', 'c.com']]);
    expect(storage.snapshot()).toEqual({ disabledSites: ['a.com', 'b.com', 'c.com'] });
  });

  test('a change applies to what is stored right then, keeping a site turned off elsewhere meanwhile', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com'] });
    const editor = settingsEditor(storage);
    const seen = await editor.read();
    // The popup turns off another site after the page read the list.
    await storage.set({ disabledSites: [...seen.disabledSites, 'zhuzhou.cn'] });
    await editor.update((s) => ({ disabledSites: removeSite(s.disabledSites, 'example.com') }));
    expect(storage.snapshot()).toEqual({ disabledSites: ['zhuzhou.cn'] });
  });

  test('writes only the keys a change returns, and nothing when it returns null', async () => {
    const storage = memoryStorage({ unrelated: 1 });
    const editor = settingsEditor(storage);
    await editor.update(() => ({ autoOpenPanel: true }));
    expect(storage.snapshot()).toEqual({ unrelated: 1, autoOpenPanel: true });
    // The listeners have heard of that write before this one starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const heard: string[][] = [];
    storage.onChanged((keys) => heard.push(keys));
    await editor.update(() => null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual([]);
  });

  test('a failed write rejects, stores nothing, and the next change still runs', async () => {
    const storage = memoryStorage({}, { quotaBytes: 40 });
    const editor = settingsEditor(storage);
    const tooBig = editor.update(() => ({ disabledSites: ['a-very-long-hostname-indeed.example.com'] }));
    const small = editor.update(() => ({ autoOpenPanel: true }));
    await expect(tooBig).rejects.toThrow(/quota/i);
    await expect(small).resolves.toMatchObject({ autoOpenPanel: true, disabledSites: [] });
    expect(await readSettings(storage)).toMatchObject({ disabledSites: [], autoOpenPanel: true });
  });

  test('a read waits for the changes asked for before it', async () => {
    const storage = memoryStorage();
    const editor = settingsEditor(storage);
    void editor.update(() => ({ markedTypes: ['org'] }));
    expect((await editor.read()).markedTypes).toEqual(['org']);
  });
});
