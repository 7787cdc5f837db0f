// @vitest-environment happy-dom
// The overlay as a page gets it: hosts added to <html>, open shadow roots, pointer and keyboard.
// The page text is two paragraphs of seed 000_aef4f93b7db362a9.txt (article 2024-01-27-23552-a01,
// 醴陵经开区获省政府真抓实干督查激励) and the digests are what the background makes from that seed.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../../src/archive/display';
import { createOverlay, type Overlay } from '../../../src/ui/overlay/overlay';
import { GRACE_MS, REST_MS } from '../../../src/ui/overlay/hover-intent';
import { fakeI18n } from '../fake-i18n';
import { PERSON, seedBundle, seedSummaries, ZONE } from './seed-summaries';
import { centre, findMatches, testPage, type KnownName, type TestMatch } from './test-page';

const CITY = 'place:株洲';

function seedPage(): { html: string; names: KnownName[] } {
  const bundle = seedBundle();
  const article = bundle.articles.find((a) => a.id === '2024-01-27-23552-a01')!;
  const names = [PERSON, ZONE, CITY].map((id) => {
    const e = bundle.entities.find((x) => x.id === id)!;
    return { entityId: e.id, name: e.name, type: e.type };
  });
  // 曹慧泉 is not in this article; a line naming him twice is added, as a page quoting the paper might.
  const paragraphs = [...article.paragraphs.slice(0, 2).map(toDisplay), '市委书记曹慧泉强调,曹慧泉说。'];
  return { html: paragraphs.map((p) => `<p>${p}</p>`).join(''), names };
}

let overlay: Overlay<TestMatch>;
let matches: TestMatch[];
let scrolledTo: string[];
let opened: [string, string][];
let asked: string[][];
let pageBefore: string;

const host = (part: string) => document.querySelector<HTMLElement>(`[data-zzl="${part}"]`);
const inside = (part: string, selector: string) => host(part)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const insideAll = (part: string, selector: string) => Array.from(host(part)?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

/** Lets promises settle and Preact render (and run effects). */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

async function pointTo(target: TestMatch | { clientX: number; clientY: number }) {
  const at = 'range' in target ? centre(target) : target;
  await act(() => {
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, pointerType: 'mouse', ...at }));
  });
}

async function wait(ms: number) {
  await act(() => {
    vi.advanceTimersByTime(ms);
  });
  await settle();
}

async function key(init: KeyboardEventInit, target: EventTarget = document.activeElement ?? document.body) {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  await act(() => {
    target.dispatchEvent(event);
  });
  await settle();
  return event;
}
const NEXT = { code: 'KeyZ', key: 'Z', altKey: true, shiftKey: true };
const PANEL = { code: 'KeyP', key: 'P', altKey: true, shiftKey: true };

function start(options: { autoOpenPanel?: boolean; failSummaries?: boolean } = {}) {
  const { html, names } = seedPage();
  document.body.innerHTML = `<input id="search"><main>${html}</main><button id="page-button">page</button>`;
  pageBefore = document.body.innerHTML;
  matches = findMatches(document.querySelector('main')!, names);
  const t = testPage(() => matches);
  scrolledTo = t.scrolledTo;
  opened = [];
  asked = [];
  overlay = createOverlay<TestMatch>({
    document,
    page: t.page,
    i18n: fakeI18n('zh_CN'),
    archive: {
      summaries: async (ids) => {
        asked.push(ids);
        if (options.failSummaries) throw new Error('timeout');
        return seedSummaries(ids);
      },
      openReader: async (target, id) => void opened.push([target, id]),
    },
    autoOpenPanel: options.autoOpenPanel,
    frame: (cb) => cb(),
    onError: () => {},
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(async () => {
  await act(() => overlay.destroy());
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the launcher', () => {
  it('appears only once the page names something, and shows how many entities', async () => {
    start();
    expect(host('launcher')).toBeNull();
    await act(() => overlay.setMatches(matches));
    await settle();
    const launcher = host('launcher')!;
    expect(launcher.parentElement).toBe(document.documentElement);
    expect(launcher.shadowRoot?.mode).toBe('open');
    const button = inside('launcher', 'button[data-zzl="launcher-button"]')!;
    expect(button.dataset.count).toBe('3');
    await act(() => overlay.setMatches([]));
    await settle();
    expect(host('launcher')).toBeNull();
  });

  it('changes nothing in the page but adding its hosts, and keeps its styles inside them', async () => {
    start();
    const headBefore = document.head.innerHTML;
    await act(() => overlay.setMatches(matches));
    await settle();
    await act(() => overlay.openPanel());
    await settle();
    expect(document.body.innerHTML).toBe(pageBefore);
    expect(document.head.innerHTML).toBe(headBefore);
    const ours = Array.from(document.documentElement.children).filter((el) => el !== document.head && el !== document.body);
    expect(ours.map((el) => el.getAttribute('data-zzl')).sort()).toEqual(['launcher', 'panel']);
    for (const el of ours) {
      const style = el.shadowRoot!.querySelector('style')!;
      expect(style.textContent).toContain(':host');
      expect(style.textContent).toContain('all: initial');
      expect(style.textContent).toContain('prefers-color-scheme: dark');
    }
  });
});

describe('the hover card', () => {
  it(`shows after the pointer rests ${REST_MS} ms on a name, with what the archive knows`, async () => {
    start();
    await act(() => overlay.setMatches(matches));
    const person = matches.find((m) => m.entityId === PERSON)!;
    await pointTo(person);
    expect(asked).toEqual([[PERSON]]); // asked at once, so the data is there when the card shows
    await wait(REST_MS - 10);
    expect(host('card')).toBeNull();
    await wait(10);
    expect(host('card')?.shadowRoot?.mode).toBe('open');
    const card = inside('card', '.card')!;
    expect(card.dataset.entityId).toBe(PERSON);
    expect(inside('card', '[data-zzl="card-name"]')?.textContent).toBe('曹慧泉');
    expect(insideAll('card', '[data-zzl="summary-title"]')[0]?.textContent).toBe('市委书记 2024年1月27日');
    expect(insideAll('card', '[data-zzl="open-article"]')).toHaveLength(seedSummaries([PERSON])[0]!.articles.length);
    // Placed next to the name, not on it: below it, the gap apart.
    expect(Number.parseFloat(card.style.top)).toBeGreaterThanOrEqual(person.box.top + person.box.height);
  });

  it('stays while the pointer moves onto the card and rests there, and hides after leaving both', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    const zone = matches.find((m) => m.entityId === ZONE)!;
    await pointTo(zone);
    await wait(REST_MS);
    expect(host('card')).not.toBeNull();
    await pointTo({ clientX: 5, clientY: 5 }); // off the name: the grace delay starts
    await wait(GRACE_MS / 2);
    const card = inside('card', '.card')!;
    await act(() => {
      card.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    });
    await wait(GRACE_MS * 4);
    expect(host('card')).not.toBeNull();
    await act(() => {
      card.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    });
    await wait(GRACE_MS - 1);
    expect(host('card')).not.toBeNull();
    await wait(1);
    expect(host('card')).toBeNull();
  });

  it('is dismissed with Esc, without taking the key from the page', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await pointTo(matches[0]!);
    await wait(REST_MS);
    expect(host('card')).not.toBeNull();
    const esc = await key({ key: 'Escape', code: 'Escape' }, document.body);
    expect(host('card')).toBeNull();
    expect(esc.defaultPrevented).toBe(false);
    // Still resting on the same name: it does not come back.
    await pointTo(matches[0]!);
    await wait(REST_MS * 3);
    expect(host('card')).toBeNull();
  });

  it('opens an article or the profile in the reader through the background', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await pointTo(matches.find((m) => m.entityId === ZONE)!);
    await wait(REST_MS);
    const first = inside('card', '[data-zzl="open-article"]')!;
    await act(() => first.click());
    await act(() => inside('card', '[data-zzl="open-profile"]')!.click());
    expect(opened).toEqual([
      ['article', first.dataset.articleId!],
      ['entity', ZONE],
    ]);
  });

  it('says the archive could not be read, and asks again next time', async () => {
    start({ failSummaries: true });
    await act(() => overlay.setMatches(matches));
    await pointTo(matches[0]!);
    await wait(REST_MS);
    expect(inside('card', '.card')?.dataset.state).toBe('error');
    await key({ key: 'Escape' });
    await pointTo({ clientX: 1, clientY: 1 });
    await pointTo(matches[0]!);
    expect(asked).toEqual([[matches[0]!.entityId], [matches[0]!.entityId]]);
  });
});

describe('keyboard', () => {
  it('Alt+Shift+Z goes from name to name, scrolling to each, with focus in its card; Esc gives focus back', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    const button = document.querySelector<HTMLElement>('#page-button')!;
    button.focus();
    const first = await key(NEXT, button);
    expect(first.defaultPrevented).toBe(true);
    expect(scrolledTo).toEqual([matches[0]!.key]);
    expect(inside('card', '.card')?.dataset.entityId).toBe(matches[0]!.entityId);
    expect(document.activeElement).toBe(host('card'));
    expect(host('card')!.shadowRoot!.activeElement).toBe(inside('card', '.card'));
    await key(NEXT);
    expect(scrolledTo).toEqual([matches[0]!.key, matches[1]!.key]);
    expect(inside('card', '.card')?.dataset.entityId).toBe(matches[1]!.entityId);
    // The pointer wandering off does not close a card opened from the keyboard.
    await pointTo({ clientX: 1, clientY: 1 });
    await wait(GRACE_MS * 3);
    expect(host('card')).not.toBeNull();
    await key({ key: 'Escape' });
    expect(host('card')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('a click elsewhere on the page closes a card opened from the keyboard', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await key(NEXT, document.body);
    expect(host('card')).not.toBeNull();
    await act(() => {
      inside('card', '.card')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    expect(host('card')).not.toBeNull();
    await act(() => {
      document.querySelector('main p')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    await settle();
    expect(host('card')).toBeNull();
  });

  it('Alt+Shift+X goes backwards, wrapping to the last name', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await key({ code: 'KeyX', key: 'X', altKey: true, shiftKey: true }, document.body);
    expect(scrolledTo).toEqual([matches.at(-1)!.key]);
  });

  it('leaves keys typed in the page’s fields alone', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    const input = document.querySelector<HTMLInputElement>('#search')!;
    input.focus();
    const event = await key(NEXT, input);
    expect(event.defaultPrevented).toBe(false);
    expect(host('card')).toBeNull();
    expect(scrolledTo).toEqual([]);
  });
});

describe('the side panel', () => {
  it('opens with Alt+Shift+P: a labelled complementary region listing every entity by type, most mentioned first', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    const button = document.querySelector<HTMLElement>('#page-button')!;
    button.focus();
    await key(PANEL, button);
    expect(host('panel')?.shadowRoot?.mode).toBe('open');
    const aside = inside('panel', 'aside')!;
    expect(aside.getAttribute('role')).toBe('complementary');
    expect(aside.getAttribute('aria-labelledby')).toBe('zzl-panel-title');
    expect(host('panel')!.shadowRoot!.activeElement).toBe(aside);
    const rows = insideAll('panel', '[data-zzl="panel-entity"]');
    const count = (id: string) => matches.filter((m) => m.entityId === id).length;
    expect(rows.map((r) => r.dataset.entityId)).toEqual([PERSON, ...[ZONE, CITY].sort((a, b) => count(b) - count(a))]);
    expect(rows.map((r) => Number(r.dataset.count))).toEqual([PERSON, ...[ZONE, CITY].sort((a, b) => count(b) - count(a))].map(count));
    // Digests are asked for in the order the panel lists the entities, so the top fills in first.
    expect(asked.flat()).toEqual(rows.map((r) => r.dataset.entityId));
    // The launcher steps aside while the panel is open.
    expect(inside('launcher', 'button')).toBeNull();
    // Esc closes it and focus goes back where it was.
    await key({ key: 'Escape' }, aside);
    expect(host('panel')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('scrolls the page to a mention, and opens an article in the reader', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await act(() => overlay.openPanel());
    await settle();
    const zoneRow = insideAll('panel', '[data-zzl="panel-entity"]').find((r) => r.dataset.entityId === ZONE)!;
    const mentions = Array.from(zoneRow.querySelectorAll<HTMLElement>('[data-zzl="panel-mention"]'));
    const zoneMatches = matches.filter((m) => m.entityId === ZONE);
    expect(mentions.map((b) => b.dataset.mentionKey)).toEqual(zoneMatches.slice(0, 5).map((m) => m.key));
    expect(mentions[0]?.textContent).toBe('日前，记者从醴陵经开区获悉，该园区获2023年度省…');
    await act(() => mentions[1]!.click());
    expect(scrolledTo).toEqual([zoneMatches[1]!.key]);
    const article = zoneRow.querySelector<HTMLElement>('[data-zzl="open-article"]')!;
    expect(article.dataset.articleId).toBe('2024-01-27-23552-a01');
    await act(() => article.click());
    expect(opened).toEqual([['article', '2024-01-27-23552-a01']]);
  });

  it('opens from the launcher and gives focus back to it when closed', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await settle();
    const launcher = inside('launcher', 'button')!;
    launcher.focus();
    await act(() => launcher.click());
    await settle();
    expect(host('panel')).not.toBeNull();
    await act(() => inside('panel', '[data-zzl="panel-close"]')!.click());
    await settle();
    expect(host('panel')).toBeNull();
    expect(document.activeElement).toBe(host('launcher'));
    expect(host('launcher')!.shadowRoot!.activeElement).toBe(inside('launcher', 'button'));
  });

  it('opens by itself when the setting says so, without taking focus from the page', async () => {
    start({ autoOpenPanel: true });
    const input = document.querySelector<HTMLInputElement>('#search')!;
    input.focus();
    await act(() => overlay.setMatches([]));
    expect(host('panel')).toBeNull();
    await act(() => overlay.setMatches(matches));
    await settle();
    expect(host('panel')).not.toBeNull();
    expect(document.activeElement).toBe(input);
    expect(asked.flat().sort()).toEqual([CITY, PERSON, ZONE].sort());
  });
});

describe('destroy', () => {
  it('removes every host and stops listening', async () => {
    start();
    await act(() => overlay.setMatches(matches));
    await act(() => overlay.openPanel());
    await settle();
    await act(() => overlay.destroy());
    expect(document.querySelectorAll('[data-zzl]')).toHaveLength(0);
    await pointTo(matches[0]!);
    await wait(REST_MS);
    await key(NEXT, document.body);
    expect(document.querySelectorAll('[data-zzl]')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(pageBefore);
  });
});
