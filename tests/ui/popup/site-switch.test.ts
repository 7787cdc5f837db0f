// The site switch: which host a tab is on, and the disabledSites list after a click — read with the
// same rules the content script uses (src/settings.ts isSiteDisabled), saved in storage.local.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSiteDisabled, normalizeHost } from '../../../src/settings';
import { siteHostOf, storageSiteControl, withSiteDisabled, withSiteEnabled, type SettingsStore } from '../../../src/ui/popup/site-switch';

const label = fc.constantFrom('news', 'www', 'example', 'zz', 'rednet', 'cn', 'm', 'com');
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const sites = fc.array(host, { maxLength: 5 });

/** storage.local as a map, JSON-copied both ways like the real one. */
function memoryStore(initial: Record<string, unknown> = {}): SettingsStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial)) as Record<string, unknown>;
  return {
    data,
    get: (keys) => Promise.resolve(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, JSON.parse(JSON.stringify(data[k])) as unknown]))),
    set: (items) => {
      Object.assign(data, JSON.parse(JSON.stringify(items)));
      return Promise.resolve();
    },
  };
}

describe('site switch lists', () => {
  test.prop([sites, host])('turning a site off turns it off, and on again turns it on', (list, h) => {
    const off = withSiteDisabled(list, h);
    expect(isSiteDisabled(h, off)).toBe(true);
    expect(isSiteDisabled(h, withSiteEnabled(off, h))).toBe(false);
  });

  test.prop([sites, host])('turning a site off keeps every other entry, and adds at most its own host', (list, h) => {
    const off = withSiteDisabled(list, h);
    expect(off.slice(0, list.length)).toEqual(list);
    expect(off.length - list.length).toBeLessThanOrEqual(1);
    if (off.length > list.length) expect(off[off.length - 1]).toBe(normalizeHost(h));
  });

  test.prop([sites, host, host])('turning a site on leaves other sites as they were unless a removed entry covered them', (list, h, other) => {
    const on = withSiteEnabled(list, h);
    const removed = list.filter((s) => !on.includes(s));
    if (!removed.some((s) => isSiteDisabled(other, [s]))) expect(isSiteDisabled(other, on)).toBe(isSiteDisabled(other, list));
    for (const s of removed) expect(isSiteDisabled(h, [s])).toBe(true);
  });

  it('reads the host of web pages only', () => {
    expect(siteHostOf('https://www.Example.com/news/1.html')).toBe('example.com');
    expect(siteHostOf('http://news.zznews.gov.cn:8080/a')).toBe('news.zznews.gov.cn');
    expect(siteHostOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteHostOf('moz-extension://abc/popup.html')).toBeNull();
    expect(siteHostOf('about:blank')).toBeNull();
    expect(siteHostOf('file:///tmp/a.html')).toBeNull();
    expect(siteHostOf('not a url')).toBeNull();
    expect(siteHostOf(undefined)).toBeNull();
  });
});

describe('storageSiteControl', () => {
  it('has no switch when the tab address is unknown or not a web page', async () => {
    expect(await storageSiteControl(memoryStore(), () => Promise.resolve(undefined)).read()).toBeNull();
    expect(await storageSiteControl(memoryStore(), () => Promise.resolve('chrome://newtab/')).read()).toBeNull();
  });

  it('reads, turns off and turns on a site in storage, covering subdomains as the content script does', async () => {
    const store = memoryStore({ disabledSites: ['other.org'], autoOpenPanel: true });
    const control = storageSiteControl(store, () => Promise.resolve('https://www.example.com/a'));
    expect(await control.read()).toEqual({ host: 'example.com', disabled: false });
    await control.setDisabled('example.com', true);
    expect(store.data.disabledSites).toEqual(['other.org', 'example.com']);
    expect(await control.read()).toEqual({ host: 'example.com', disabled: true });
    await control.setDisabled('example.com', false);
    expect(store.data.disabledSites).toEqual(['other.org']);
    expect(store.data.autoOpenPanel).toBe(true);
  });

  it('turns on a subdomain that a parent entry turned off', async () => {
    const store = memoryStore({ disabledSites: ['example.com'] });
    const control = storageSiteControl(store, () => Promise.resolve('https://news.example.com/'));
    expect(await control.read()).toEqual({ host: 'news.example.com', disabled: true });
    await control.setDisabled('news.example.com', false);
    expect(store.data.disabledSites).toEqual([]);
  });

  it('reads a malformed stored list as empty rather than failing', async () => {
    const store = memoryStore({ disabledSites: 'example.com' });
    const control = storageSiteControl(store, () => Promise.resolve('https://example.com/'));
    expect(await control.read()).toEqual({ host: 'example.com', disabled: false });
  });
});
