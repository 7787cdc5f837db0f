// The harness itself, against whatever popup and reader the build has: the extension loads in both
// browsers, its pages open, a Chinese page from the loopback server loads with it installed, and the
// network guard really sees what extension pages request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, startStaticServer, useBrowser, type StaticServer, type TestPage } from './harness/index.ts';

/** `extName` in the build's `_locales` for a UI language such as `en-US` or `zh-CN` (default `zh_CN`). */
function extNameFor(extensionDir: string, uiLanguage: string): string {
  const read = (locale: string): string | undefined => {
    try {
      const messages = JSON.parse(readFileSync(join(extensionDir, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      return messages['extName']?.message;
    } catch {
      return undefined;
    }
  };
  const [lang = '', region = ''] = uiLanguage.split(/[-_]/);
  return read(region ? `${lang}_${region.toUpperCase()}` : lang) ?? read(lang) ?? read('zh_CN') ?? '(no extName)';
}

describe.each(BROWSERS)('$name: extension smoke', ({ launch }) => {
  const h = useBrowser(launch);
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startStaticServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The page's title is the product name: 株洲透镜, or its translation for the browser's UI language. */
  async function expectProductName(page: TestPage): Promise<void> {
    const { title, name, ui } = await page.evaluate(
      () => {
        const api = (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string; getUILanguage(): string } } }).chrome.i18n;
        return { title: document.title, name: api.getMessage('extName'), ui: api.getUILanguage() };
      },
      null,
    );
    // i18n resolves through the build's _locales for the UI language (these headless browsers have only en-US).
    expect(name).toBe(extNameFor(h().extensionDir, ui));
    expect(['株洲透镜', name]).toContain(title);
  }

  it('ships the product name 株洲透镜 as the default (zh_CN) extName', () => {
    expect(extNameFor(h().extensionDir, 'zh-CN')).toBe('株洲透镜');
  });

  for (const path of ['popup.html', 'reader.html']) {
    it(`opens ${path} with the product name and working i18n`, async () => {
      const page = await h().openExtensionPage(path);
      try {
        expect(await page.url()).toBe(`${h().extensionBase}${path}`);
        await expectProductName(page);
        await page.waitFor('#app > *');
      } finally {
        await page.close();
      }
    });
  }

  it('loads a Chinese page from the loopback server with the extension installed', async () => {
    const page = await h().openUrl(server!.url('zhuzhou.html'));
    try {
      expect(await page.textOf('#headline')).toBe('醴陵经开区获省政府真抓实干督查激励');
      expect(await page.textOf('#p2')).toContain('株洲');
      expect(await page.evaluate(() => document.characterSet, null)).toBe('UTF-8');
    } finally {
      await page.close();
    }
  });

  it('network guard records requests made from extension pages', async () => {
    const popup = await h().openExtensionPage('popup.html');
    try {
      const probe = server!.url(`guard-probe-${Date.now()}.txt`);
      await popup.evaluate((url) => fetch(url).then(() => 'sent', (e: unknown) => String(e)), probe);
      await pollUntil('the guard to record the probe request', async () => h().requests.some((r) => r.url === probe), 10_000);
    } finally {
      await popup.close();
    }
  });
});
