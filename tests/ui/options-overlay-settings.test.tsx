// @vitest-environment happy-dom
// The options page's "on web pages" section over an in-memory storage.local, with the real
// messages, driven through its data-zzl hooks: what it lists, that every change is stored at once,
// and that it follows changes stored elsewhere (the popup's site switch writes the same key).
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { openArchiveDb } from '../../src/store';
import { OptionsApp } from '../../src/ui/components/OptionsApp';
import { OptionsOverlaySettings } from '../../src/ui/components/OptionsOverlaySettings';
import { inlineWorker } from '../../src/ui/options/inline-worker';
import { createParseClient } from '../../src/ui/options/parse-client';
import { freshIndexedDb } from '../store/support';
import { fakeI18n } from './fake-i18n';
import { memoryStorage, type MemoryStorage } from './options/memory-storage';
import { mountRoot } from './render-support';

const mount = mountRoot();
const q = <E extends Element = HTMLElement>(selector: string) => mount.root().querySelector<E>(selector);
const all = <E extends Element = HTMLElement>(selector: string) => Array.from(mount.root().querySelectorAll<E>(selector));
const text = (selector: string) => q(selector)?.textContent ?? '';

/** Lets storage promises, change listeners (a timer away) and Preact's re-render run. */
async function settle(rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function show(storage: MemoryStorage, locale: 'zh_CN' | 'en' = 'zh_CN') {
  await mount.show(<OptionsOverlaySettings storage={storage} />, fakeI18n(locale));
  await settle();
  expect(q('[data-zzl="overlay-settings"]')?.getAttribute('data-zzl-ready')).toBe('true');
}

const listedSites = () => all('[data-zzl-site]').map((li) => li.getAttribute('data-zzl-site'));
const typeBox = (type: string) => q<HTMLInputElement>(`[data-zzl="marked-type"][value="${type}"]`)!;
const checkedTypes = () => all<HTMLInputElement>('[data-zzl="marked-type"]').filter((box) => box.checked).map((box) => box.value);
const autoOpen = () => q<HTMLInputElement>('[data-zzl="auto-open-panel"]')!;
const addError = () => q('[data-zzl="add-site-error"]');

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
  await settle();
}

async function addSiteTyped(typed: string) {
  const input = q<HTMLInputElement>('[data-zzl="add-site-input"]')!;
  await act(async () => {
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await click(q('[data-zzl-action="add-site"]')!);
}

const enableButton = (site: string) => q<HTMLButtonElement>(`[data-zzl-site="${site}"] [data-zzl-action="enable-site"]`)!;

describe('what the section lists', () => {
  test('the stored sites in order, each with a button naming it; the kinds marked; the auto-open switch', async () => {
    const storage = memoryStorage({ disabledSites: ['zhuzhou.cn', 'example.com'], markedTypes: ['person', 'org'], autoOpenPanel: true });
    await show(storage);
    expect(text('#zzl-overlay-heading')).toBe('网页上的标注');
    expect(listedSites()).toEqual(['example.com', 'zhuzhou.cn']);
    expect(enableButton('example.com').textContent).toBe('重新启用');
    expect(enableButton('example.com').getAttribute('aria-label')).toBe('在 example.com 上重新启用株洲透镜');
    expect(checkedTypes()).toEqual(['person', 'org']);
    expect(typeBox('place').closest('label')?.textContent).toBe('地点');
    expect(autoOpen().checked).toBe(true);
    expect(q('[data-zzl="no-marked-types"]')).toBeNull();
  });

  test('nothing stored: every kind marked, no site listed, the panel not opened by itself', async () => {
    await show(memoryStorage());
    expect(listedSites()).toEqual([]);
    expect(text('[data-zzl="no-disabled-sites"]')).toBe('没有停用的网站：株洲透镜在所有网站上标注。');
    expect(checkedTypes()).toEqual(['person', 'place', 'org']);
    expect(autoOpen().checked).toBe(false);
  });

  test('malformed stored values read as what the content script makes of them', async () => {
    await show(memoryStorage({ disabledSites: ['WWW.Example.com', 7, ''], markedTypes: 'person', autoOpenPanel: 'yes' }));
    expect(listedSites()).toEqual(['example.com']);
    expect(checkedTypes()).toEqual(['person', 'place', 'org']);
    expect(autoOpen().checked).toBe(false);
  });

  test('in English', async () => {
    await show(memoryStorage({ disabledSites: ['example.com'] }), 'en');
    expect(text('#zzl-overlay-heading')).toBe('On web pages');
    expect(enableButton('example.com').getAttribute('aria-label')).toBe('Turn Zhuzhou Lens back on for example.com');
    expect(typeBox('org').closest('label')?.textContent).toBe('Organisation');
    expect(q('label[for="zzl-add-site"]')?.textContent).toBe('Turn off a site (hostname or address)');
  });
});

describe('turning a site back on', () => {
  test('removes that entry from storage, says so, and puts focus on the next site', async () => {
    const storage = memoryStorage({ disabledSites: ['a.com', 'example.com', 'news.example.com'] });
    await show(storage);
    await click(enableButton('example.com'));
    expect(storage.snapshot().disabledSites).toEqual(['a.com', 'news.example.com']);
    expect(listedSites()).toEqual(['a.com', 'news.example.com']);
    expect(text('[data-zzl="overlay-announce"]')).toBe('已在 example.com 上重新启用株洲透镜。');
    expect(document.activeElement).toBe(enableButton('news.example.com'));
  });

  test('the last one: the list says none are off and focus goes to the field that adds one', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com'] });
    await show(storage);
    await click(enableButton('example.com'));
    expect(storage.snapshot().disabledSites).toEqual([]);
    expect(q('[data-zzl="no-disabled-sites"]')).not.toBeNull();
    expect(document.activeElement).toBe(q('[data-zzl="add-site-input"]'));
  });
});

describe('adding a site', () => {
  test('a pasted address is stored as its host without www., the field emptied', async () => {
    const storage = memoryStorage({ disabledSites: ['zhuzhou.cn'] });
    await show(storage);
    await addSiteTyped('https://www.Example.com/news/2024/0127.html');
    expect(storage.snapshot().disabledSites).toEqual(['zhuzhou.cn', 'example.com']);
    expect(listedSites()).toEqual(['example.com', 'zhuzhou.cn']);
    expect(q<HTMLInputElement>('[data-zzl="add-site-input"]')!.value).toBe('');
    expect(addError()).toBeNull();
    expect(text('[data-zzl="overlay-announce"]')).toBe('已在 example.com 上停用株洲透镜。');
  });

  test('a Chinese domain name is stored in the form location.hostname has', async () => {
    const storage = memoryStorage();
    await show(storage);
    await addSiteTyped('株洲.中国');
    expect(storage.snapshot().disabledSites).toEqual(['xn--ixvx5i.xn--fiqs8s']);
  });

  test.each([
    ['株洲新闻网', '“株洲新闻网”不是网站的域名。请输入像 example.com 这样的域名，或粘贴一个网址。'],
    ['chrome://extensions', '“chrome://extensions”不是网页地址。只能停用 http 或 https 网站。'],
    ['  ', '请输入网站的域名，例如 example.com。'],
    ['www.example.com', 'example.com 已在列表中。'],
    ['news.example.com', 'news.example.com 已经停用：列表中的 example.com 包括了它。'],
  ])('%j is refused with a message at the field, and nothing is stored', async (typed, message) => {
    const storage = memoryStorage({ disabledSites: ['example.com'] });
    await show(storage);
    await addSiteTyped(typed);
    expect(addError()?.textContent).toBe(message);
    expect(addError()?.getAttribute('role')).toBe('alert');
    const input = q<HTMLInputElement>('[data-zzl="add-site-input"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('zzl-add-site-error');
    expect(input.value).toBe(typed);
    expect(storage.snapshot()).toEqual({ disabledSites: ['example.com'] });
    // Typing again takes the message away.
    await act(async () => {
      input.value = 'example.org';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(addError()).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  test('a write the storage refuses: the reason is shown, the list shows what is stored, the text stays', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com'] }, { quotaBytes: 40 });
    await show(storage);
    await addSiteTyped('a-rather-long-hostname.example.org');
    expect(text('[data-zzl="overlay-settings-error"]')).toBe('无法保存设置：QUOTA_BYTES quota exceeded。页面显示的是已保存的设置。');
    expect(listedSites()).toEqual(['example.com']);
    expect(storage.snapshot()).toEqual({ disabledSites: ['example.com'] });
    expect(q<HTMLInputElement>('[data-zzl="add-site-input"]')!.value).toBe('a-rather-long-hostname.example.org');
  });
});

describe('marked kinds and the side panel', () => {
  test('each checkbox is stored as soon as it changes, in the canonical order', async () => {
    const storage = memoryStorage();
    await show(storage);
    await click(typeBox('place'));
    expect(storage.snapshot().markedTypes).toEqual(['person', 'org']);
    expect(checkedTypes()).toEqual(['person', 'org']);
    await click(typeBox('place'));
    expect(storage.snapshot().markedTypes).toEqual(['person', 'place', 'org']);
  });

  test('with every kind unticked the section says no names will be marked', async () => {
    const storage = memoryStorage({ markedTypes: ['org'] });
    await show(storage);
    await click(typeBox('org'));
    expect(storage.snapshot().markedTypes).toEqual([]);
    const warning = q('[data-zzl="no-marked-types"]');
    expect(warning?.textContent).toBe('没有勾选任何一类：网页上不会标出名字。');
    expect(q('fieldset')?.getAttribute('aria-describedby')).toBe(warning?.id);
  });

  test('the auto-open switch is stored as soon as it changes', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com'] });
    await show(storage);
    await click(autoOpen());
    expect(storage.snapshot()).toEqual({ disabledSites: ['example.com'], autoOpenPanel: true });
    await click(autoOpen());
    expect(storage.snapshot().autoOpenPanel).toBe(false);
    expect(autoOpen().checked).toBe(false);
  });
});

describe('changes stored elsewhere', () => {
  test('a site the popup turns off, and settings changed in another tab, show up here', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com'] });
    await show(storage);
    await act(async () => {
      await storage.set({ disabledSites: ['example.com', 'zhuzhou.cn'], markedTypes: ['person'], autoOpenPanel: true });
    });
    await settle();
    expect(listedSites()).toEqual(['example.com', 'zhuzhou.cn']);
    expect(checkedTypes()).toEqual(['person']);
    expect(autoOpen().checked).toBe(true);
  });

  test('a change made here keeps a site turned off elsewhere after the page read the list', async () => {
    const storage = memoryStorage({ disabledSites: ['example.com', 'a.com'] });
    await show(storage);
    // Written without the page hearing of it yet (the listener runs a timer later).
    await storage.set({ disabledSites: ['example.com', 'a.com', 'zhuzhou.cn'] });
    await click(enableButton('a.com'));
    expect(storage.snapshot().disabledSites).toEqual(['example.com', 'zhuzhou.cn']);
    expect(listedSites()).toEqual(['example.com', 'zhuzhou.cn']);
  });

  test('the section stops listening when it goes away', async () => {
    const storage = memoryStorage();
    await show(storage);
    expect(storage.listenerCount()).toBe(1);
    await mount.show(null);
    expect(storage.listenerCount()).toBe(0);
  });
});

test('the options page shows the section when it is given the settings', async () => {
  freshIndexedDb();
  const storage = memoryStorage({ disabledSites: ['example.com'] });
  await mount.show(<OptionsApp openDb={openArchiveDb} parser={createParseClient(() => inlineWorker())} save={() => {}} settings={storage} />);
  await settle();
  expect(listedSites()).toEqual(['example.com']);
  await click(autoOpen());
  expect(storage.snapshot().autoOpenPanel).toBe(true);
});
