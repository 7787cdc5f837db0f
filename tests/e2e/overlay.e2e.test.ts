// The overlay as a reader meets it, in each browser, on pages served from 127.0.0.1: the right
// names are marked (simplified, traditional, split by inline tags, added while reading), nothing is
// marked in form fields or on a page without Zhuzhou content, the hover card appears on hover and on
// the keyboard shortcut, the side panel lists the page's entities and opens the reader, and the
// page's own DOM and scripts are untouched.
//
// DOM contract (src/ui/overlay): hosts appended to <html> with open shadow roots —
// zzl-lens-launcher[data-zzl="launcher"] > button[data-zzl="launcher-button"][data-count];
// zzl-lens-panel[data-zzl="panel"] > aside[role="complementary"] li[data-zzl="panel-entity"][data-entity-id],
//   button[data-zzl="open-article"][data-article-id], button[data-zzl="panel-mention"];
// zzl-lens-card[data-zzl="card"] > .card[data-entity-id][data-state] [data-zzl="card-name"].
// Highlights: CSS.highlights entries zzl-person, zzl-place, zzl-org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, pollUntil, startStaticServer, useBrowser, type StaticServer, type TestPage } from './harness/index.ts';

interface Marked {
  person: string[];
  place: string[];
  org: string[];
}

/** The text of every highlighted range, per type, read from the page's highlight registry. */
function marked(page: TestPage): Promise<Marked> {
  return page.evaluate(() => {
    const read = (name: string) => {
      const h = (CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights?.get(name);
      return h ? Array.from(h, (r) => (r instanceof Range ? r.toString() : new StaticRangeText(r).text)) : [];
    };
    class StaticRangeText {
      text: string;
      constructor(r: AbstractRange) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        this.text = range.toString();
      }
    }
    return { person: read('zzl-person'), place: read('zzl-place'), org: read('zzl-org') };
  }, null);
}

/** The centre of the first occurrence of `text` inside `selector` (it may span inline tags). */
function centreOf(page: TestPage, selector: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([sel, wanted]) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const at = all.indexOf(wanted);
      if (at < 0) throw new Error(`${wanted} not in ${sel}`);
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset <= seen + n.data.length) return [n, offset - seen];
          seen += n.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + wanted.length));
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [selector, text] as [string, string],
  );
}

/** A selector's element inside an overlay host's shadow root: its centre and text. */
function inShadow(page: TestPage, host: string, selector: string): Promise<{ x: number; y: number; text: string; attrs: Record<string, string> } | null> {
  return page.evaluate(
    ([h, sel]) => {
      const el = document.querySelector(h)?.shadowRoot?.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return {
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        text: el.textContent ?? '',
        attrs: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])),
      };
    },
    [host, selector] as [string, string],
  );
}

const CARD = '[data-zzl="card"]';
const PANEL = '[data-zzl="panel"]';
const LAUNCHER = '[data-zzl="launcher"]';

/** The page's body as served (parsed from its own source) and as it is now. */
async function bodyBeforeAndAfter(page: TestPage): Promise<[string, string]> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(source, 'text/html');
    return [served.body.innerHTML, document.body.innerHTML] as [string, string];
  }, null);
}

/** Long enough for the content script to have scanned a small page (the positive tests show it does). */
const SETTLE_MS = 3000;

describe.each(BROWSERS)('$name: names marked on pages, hover card, side panel', ({ launch }) => {
  const h = useBrowser(launch);
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function open(name: string): Promise<TestPage> {
    return h().openUrl(server.url(`overlay/${name}.html`));
  }

  it('a simplified page: names marked, the page untouched, the card on hover and on the shortcut', async () => {
    const page = await open('simplified');
    try {
      await page.waitFor(LAUNCHER, 60_000);
      const m = await pollUntil('the names to be marked', async () => {
        const now = await marked(page);
        return now.person.includes('陈恢清') ? now : null;
      });
      expect(new Set(m.person)).toEqual(new Set(['曹慧泉', '瞿海', '陈恢清', '刘光跃']));
      expect(m.place).toContain('株洲');
      expect(m.org).toContain('市人大常委会');

      const [served, now] = await bodyBeforeAndAfter(page);
      expect(now, 'the page body, as served').toBe(served);

      // Hover: the pointer rests on the name.
      const name = await centreOf(page, '#p1', '陈恢清');
      await page.mouseMove(name.x, name.y);
      await page.waitFor(CARD, 10_000);
      const card = await pollUntil('the card to be ready', async () => {
        const c = await inShadow(page, CARD, '.card');
        return c?.attrs['data-state'] === 'ready' ? c : null;
      });
      expect(card.attrs['data-entity-id']).toBe('person:陈恢清');
      expect((await inShadow(page, CARD, '[data-zzl="card-name"]'))?.text).toContain('陈恢清');
      // It never covers the name it describes.
      const box = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('.card')!.getBoundingClientRect().toJSON() as DOMRect, CARD);
      expect(name.x >= box.left && name.x <= box.right && name.y >= box.top && name.y <= box.bottom).toBe(false);
      await page.press('Escape');
      await pollUntil('Esc to dismiss the card', () => page.evaluate((sel) => document.querySelector(sel) === null, CARD));

      // Keyboard: the shortcut goes to the first name and opens its card.
      await page.mouseMove(1, 1);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), null);
      await page.press('Alt+Shift+KeyZ');
      await page.waitFor(CARD, 10_000);
      expect((await inShadow(page, CARD, '.card'))?.attrs['data-entity-id']).toMatch(/^(person|place|org):/);
      await page.press('Escape');

      // The page's own script still runs and sees its own state.
      await page.click('#p2');
      expect(await page.evaluate(() => (window as unknown as { pageState: { clicks: number } }).pageState.clicks, null)).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('the side panel lists the page’s entities, scrolls to a mention and opens the reader', async () => {
    const page = await open('simplified');
    try {
      await page.waitFor(LAUNCHER, 60_000);
      const launcher = await pollUntil('the launcher button', () => inShadow(page, LAUNCHER, '[data-zzl="launcher-button"]'));
      expect(Number(launcher.attrs['data-count'])).toBeGreaterThanOrEqual(6);
      await page.mouseClick(launcher.x, launcher.y);
      await page.waitFor(PANEL, 10_000);
      const ids = await pollUntil('the panel to list entities', () =>
        page.evaluate((sel) => {
          const list = Array.from(document.querySelector(sel)?.shadowRoot?.querySelectorAll('[data-entity-id]') ?? [], (el) => el.getAttribute('data-entity-id'));
          return list.length > 0 ? list : null;
        }, PANEL),
      );
      for (const id of ['person:曹慧泉', 'person:陈恢清', 'person:刘光跃', 'place:株洲', 'org:市人大常委会']) expect(ids).toContain(id);
      expect(await inShadow(page, PANEL, 'aside[role="complementary"]')).not.toBeNull();

      // A mention in the panel takes the reader to that name on the page: it becomes the active highlight.
      const mention = await pollUntil('a mention in the panel', () => inShadow(page, PANEL, '[data-zzl="panel-mention"]'));
      await page.mouseClick(mention.x, mention.y);
      await pollUntil('the mention to become the active highlight', () =>
        page.evaluate(() => ((CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('zzl-active')?.size ?? 0) > 0, null),
      );

      const article = await pollUntil('an article in the panel', () => inShadow(page, PANEL, '[data-zzl="open-article"]'));
      const reader = await page.waitForNewPage(() => page.mouseClick(article.x, article.y));
      try {
        expect(await reader.url()).toContain(`${h().extensionBase}reader.html#article=`);
        await reader.waitFor('[data-zzl-ready="true"]', 60_000);
        expect(await reader.evaluate(() => document.querySelector('[data-zzl-article]')?.getAttribute('data-zzl-article'), null)).toBe(
          article.attrs['data-article-id'],
        );
      } finally {
        await reader.close();
      }
    } finally {
      await page.close();
    }
  });

  it('a traditional page: names folded to the archive’s simplified ones', async () => {
    const page = await open('traditional');
    try {
      await page.waitFor(LAUNCHER, 60_000);
      const m = await pollUntil('the names to be marked', async () => {
        const now = await marked(page);
        return now.person.includes('陳恢清') ? now : null;
      });
      expect(m.person).toEqual(expect.arrayContaining(['曹慧泉', '陳恢清', '劉光躍']));
      expect(m.place).toEqual(expect.arrayContaining(['蘆淞區', '天元區']));
    } finally {
      await page.close();
    }
  });

  it('names split by inline tags are marked whole', async () => {
    const page = await open('split-inline');
    try {
      await page.waitFor(LAUNCHER, 60_000);
      const m = await pollUntil('the names to be marked', async () => {
        const now = await marked(page);
        return now.person.includes('陈恢清') && now.person.includes('曹慧泉') ? now : null;
      });
      expect(m.place).toEqual(expect.arrayContaining(['株洲', '芦淞区']));
      const [served, now] = await bodyBeforeAndAfter(page);
      expect(now).toBe(served);
    } finally {
      await page.close();
    }
  });

  it('text the page adds later is marked too', async () => {
    const page = await open('infinite-scroll');
    try {
      await page.waitFor(LAUNCHER, 60_000);
      await page.click('#more');
      const m = await pollUntil('the added names to be marked', async () => {
        const now = await marked(page);
        return now.place.includes('天元区') && now.person.includes('陈恢清') ? now : null;
      });
      expect(m.person).toContain('曹慧泉');
    } finally {
      await page.close();
    }
  });

  it('names only inside inputs, a password field, a textarea, a select and an editor: nothing marked, nothing changed', async () => {
    const page = await open('inputs-only');
    try {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      expect(await marked(page)).toEqual({ person: [], place: [], org: [] });
      expect(await page.evaluate((sel) => document.querySelector(sel), LAUNCHER)).toBeNull();
      const fields = await page.evaluate(
        () => ({
          title: (document.getElementById('title') as HTMLInputElement).value,
          secret: (document.getElementById('secret') as HTMLInputElement).value,
          notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
          editor: document.getElementById('editor')!.innerHTML,
        }),
        null,
      );
      expect(fields).toEqual({ title: '市委书记曹慧泉到株洲市天元区调研', secret: '株洲市陈恢清', notes: '株洲市委副书记、市长陈恢清参加。', editor: '株洲市委书记曹慧泉主持会议。' });
      const [served, now] = await bodyBeforeAndAfter(page);
      expect(now).toBe(served);
    } finally {
      await page.close();
    }
  });

  it('a Chinese page without Zhuzhou content: no launcher, nothing marked', async () => {
    const page = await open('no-zhuzhou');
    try {
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      expect(await marked(page)).toEqual({ person: [], place: [], org: [] });
      expect(await page.evaluate((sel) => document.querySelector(sel), LAUNCHER)).toBeNull();
    } finally {
      await page.close();
    }
  });
});
