import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteDisabled, parseSettings, readSettings, SETTINGS_KEYS, touchesSettings } from '../src/settings';

describe('parseSettings', () => {
  it('gives the defaults for empty storage: every type marked, panel closed, no site disabled', () => {
    expect(parseSettings({})).toEqual({ disabledSites: [], markedTypes: ['person', 'place', 'org'], autoOpenPanel: false });
  });

  it('keeps valid values, in a canonical form', () => {
    expect(parseSettings({ disabledSites: ['WWW.Example.com.', 'news.qq.com', 'news.qq.com'], markedTypes: ['org', 'person', 'org'], autoOpenPanel: true })).toEqual({
      disabledSites: ['example.com', 'news.qq.com'],
      markedTypes: ['person', 'org'],
      autoOpenPanel: true,
    });
  });

  it('treats an empty list of types as a choice (mark nothing), and a malformed value as the default', () => {
    expect(parseSettings({ markedTypes: [] }).markedTypes).toEqual([]);
    expect(parseSettings({ markedTypes: 'person' }).markedTypes).toEqual(DEFAULT_SETTINGS.markedTypes);
    expect(parseSettings({ markedTypes: ['people', 3] }).markedTypes).toEqual([]);
    expect(parseSettings({ autoOpenPanel: 'yes' }).autoOpenPanel).toBe(false);
    expect(parseSettings({ disabledSites: 'example.com' }).disabledSites).toEqual([]);
    expect(parseSettings({ disabledSites: ['', 5, null, 'a.cn'] }).disabledSites).toEqual(['a.cn']);
  });

  test.prop([fc.dictionary(fc.constantFrom(...SETTINGS_KEYS, 'other'), fc.jsonValue())])('never throws, whatever storage holds', (stored) => {
    const s = parseSettings(stored);
    expect(Array.isArray(s.disabledSites) && Array.isArray(s.markedTypes) && typeof s.autoOpenPanel === 'boolean').toBe(true);
  });

  it('does not share the default arrays with its result', () => {
    const s = parseSettings({});
    s.markedTypes.pop();
    expect(parseSettings({}).markedTypes).toHaveLength(3);
  });
});

describe('isSiteDisabled', () => {
  it('matches the host and its subdomains, not look-alikes', () => {
    const sites = ['example.com'];
    expect(isSiteDisabled('example.com', sites)).toBe(true);
    expect(isSiteDisabled('www.example.com', sites)).toBe(true);
    expect(isSiteDisabled('news.example.com', sites)).toBe(true);
    expect(isSiteDisabled('EXAMPLE.COM.', sites)).toBe(true);
    expect(isSiteDisabled('badexample.com', sites)).toBe(false);
    expect(isSiteDisabled('example.com.cn', sites)).toBe(false);
    expect(isSiteDisabled('', sites)).toBe(false);
    expect(isSiteDisabled('example.com', [])).toBe(false);
  });
});

describe('readSettings', () => {
  it('asks storage for exactly the settings keys', async () => {
    const asked: string[][] = [];
    const area = {
      get: async (keys: string[]) => {
        asked.push(keys);
        return { autoOpenPanel: true, unrelated: 1 };
      },
    };
    expect(await readSettings(area)).toEqual({ ...DEFAULT_SETTINGS, autoOpenPanel: true });
    expect(asked).toEqual([[...SETTINGS_KEYS]]);
  });
});

describe('touchesSettings', () => {
  it('is true for a change of a settings key in local storage only', () => {
    expect(touchesSettings({ markedTypes: {} }, 'local')).toBe(true);
    expect(touchesSettings({ markedTypes: {} }, 'sync')).toBe(false);
    expect(touchesSettings({ other: {} }, 'local')).toBe(false);
  });
});
