// Searching the archive from the popup, in each browser: typing shows grouped results from
// IndexedDB as you type (simplified, traditional and pinyin), the keyboard moves through them and
// Enter opens the reader; a query with no result says so.
//
// DOM contract (src/ui/components/PopupApp.tsx): input[data-zzl="search-input"]; results
// [data-zzl-result="entity|article|figure"][data-id] with aria-selected on the keyboard's choice;
// [data-zzl="no-results"].
import { describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, useBrowser, type TestPage } from './harness/index.ts';

const INPUT = '[data-zzl="search-input"]';

async function typeQuery(popup: TestPage, query: string): Promise<void> {
  await popup.click(INPUT);
  await popup.evaluate((sel) => {
    const input = document.querySelector(sel) as HTMLInputElement;
    input.select();
  }, INPUT);
  await popup.press('Backspace');
  for (const ch of query) await popup.type(ch);
}

function results(popup: TestPage, kind: string): Promise<string[]> {
  return popup.evaluate((k) => Array.from(document.querySelectorAll(`[data-zzl-result="${k}"]`), (el) => el.getAttribute('data-id') ?? ''), kind);
}

describe.each(BROWSERS)('$name: searching the archive from the popup', ({ launch }) => {
  const h = useBrowser(launch);

  it('finds people by simplified, traditional and pinyin names, and articles by their words', async () => {
    const popup = await h().openExtensionPage('popup.html');
    try {
      await popup.waitFor(INPUT, 60_000);
      for (const [query, first] of [
        ['曹慧泉', 'person:曹慧泉'],
        ['陳恢清', 'person:陈恢清'],
        ['chq', 'person:曹慧泉'],
      ] as const) {
        await typeQuery(popup, query);
        const entities = await pollUntil(`entity results for ${query}`, async () => {
          const ids = await results(popup, 'entity');
          return ids[0] === first ? ids : null;
        });
        expect(entities[0]).toBe(first);
      }
      await typeQuery(popup, '社区联点共建');
      const articles = await pollUntil('article results', async () => {
        const ids = await results(popup, 'article');
        return ids.length > 0 ? ids : null;
      });
      expect(articles.length).toBeGreaterThan(0);
    } finally {
      await popup.close();
    }
  });

  it('the keyboard moves through the results and Enter opens the reader', async () => {
    const popup = await h().openExtensionPage('popup.html');
    try {
      await popup.waitFor(INPUT, 60_000);
      await typeQuery(popup, '曹慧泉');
      await pollUntil('results', async () => (await results(popup, 'entity'))[0] === 'person:曹慧泉');
      await popup.press('ArrowDown');
      const selected = await pollUntil('a selected result', () =>
        popup.evaluate(() => {
          const el = document.querySelector('[data-zzl-result][aria-selected="true"]');
          return el ? { kind: el.getAttribute('data-zzl-result'), id: el.getAttribute('data-id') } : null;
        }, null),
      );
      const reader = await popup.waitForNewPage(() => popup.press('Enter'));
      try {
        await reader.waitFor('[data-zzl-ready="true"]', 60_000);
        const url = decodeURIComponent(await reader.url());
        expect(url.startsWith(`${h().extensionBase}reader.html#`), url).toBe(true);
        if (selected.kind === 'entity') expect(url).toContain(`#entity=${selected.id}`);
        else {
          // An article, or a figure's article: the reader shows the one the result named.
          await reader.waitFor('[data-zzl-article]');
          if (selected.kind === 'article') expect(await reader.evaluate(() => document.querySelector('[data-zzl-article]')?.getAttribute('data-zzl-article'), null)).toBe(selected.id);
        }
      } finally {
        await reader.close();
      }
    } finally {
      await popup.close();
    }
  });

  it('a query that finds nothing says so', async () => {
    const popup = await h().openExtensionPage('popup.html');
    try {
      await popup.waitFor(INPUT, 60_000);
      await typeQuery(popup, '火星基地');
      await popup.waitFor('[data-zzl="no-results"]', 10_000);
    } finally {
      await popup.close();
    }
  });
});
