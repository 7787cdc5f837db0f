// @vitest-environment happy-dom
// The popup as a user meets it, over the real search engine and one real seed
// (000_aef4f93b7db362a9.txt, 株洲日报 2024-01-27): results as you type, grouped, walked with the
// keys; the newest issues while the box is empty; no results with the nearest names; filters; the
// current tab's names; the site switch. Frames are run by the test, so each step is deterministic.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../../src/archive/display';
import type { PageFinding } from '../../../src/page-findings';
import { buildSearchIndex, MemorySource, search as runSearch, type SearchOptions, type SearchRun } from '../../../src/search';
import { PopupApp, type PopupAppProps } from '../../../src/ui/components/PopupApp';
import type { FrameScheduler } from '../../../src/ui/popup/latest-search';
import { storageSiteControl, type SettingsStore } from '../../../src/ui/popup/site-switch';
import { fakeI18n } from '../fake-i18n';
import { article, issue } from '../fixtures';
import { mountRoot } from '../render-support';
import { seedSearch } from './seed-search';

const mount = mountRoot();
const q = (selector: string) => mount.root().querySelector(selector);
const qa = (selector: string) => Array.from(mount.root().querySelectorAll(selector));

const ISSUE = '2024-01-27-23552';
const PERSON = 'person:曹慧泉';

/** Frames that run when the test says so. */
function manualFrames() {
  let queue: (() => void)[] = [];
  const schedule: FrameScheduler = (fn) => {
    queue.push(fn);
    return () => {
      queue = queue.filter((f) => f !== fn);
    };
  };
  return {
    schedule,
    flush: async () => {
      await act(async () => {
        const now = queue;
        queue = [];
        for (const fn of now) fn();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    },
  };
}

interface Setup extends Partial<PopupAppProps> {
  frames?: ReturnType<typeof manualFrames>;
}

async function showPopup(setup: Setup = {}, locale: 'zh_CN' | 'en' = 'zh_CN') {
  const seed = seedSearch();
  const frames = setup.frames ?? manualFrames();
  const openArticle = vi.fn<(id: string) => void>();
  const openEntity = vi.fn<(id: string) => void>();
  const props: PopupAppProps = {
    search: seed.search,
    loadRecent: seed.loadRecent,
    readerHref: (id) => `chrome-extension://test/reader.html#article=${encodeURIComponent(id)}`,
    openArticle,
    openEntity,
    details: seed.details,
    schedule: frames.schedule,
    announceDelay: 0,
    ...setup,
  };
  await mount.show(<PopupApp {...props} />, fakeI18n(locale));
  return { frames, openArticle, openEntity, seed };
}

const input = () => q('[data-zzl="search-input"]') as HTMLInputElement;

async function type(text: string): Promise<void> {
  await act(async () => {
    const el = input();
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Types `text` and lets one frame pass: the search runs and its results are shown. */
async function search(frames: ReturnType<typeof manualFrames>, text: string): Promise<void> {
  await type(text);
  await frames.flush();
}

async function press(key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  await act(async () => {
    input().dispatchEvent(event);
  });
  return event;
}

/** Lets pending promises (details, saves) settle and Preact re-render. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const results = () => qa('[data-zzl-result], [data-zzl="suggestion"]');
const selected = () => qa('[aria-selected="true"]');
const selectedId = () => {
  const all = selected();
  expect(all).toHaveLength(1);
  return all[0]!.getAttribute('data-id');
};

describe('PopupApp: search as you type', () => {
  it('shows 曹慧泉 first, with type and title, then the articles and figures that name him', async () => {
    const { frames, seed } = await showPopup();
    await search(frames, '曹慧泉');
    await settle();
    const first = results()[0]!;
    expect(first.getAttribute('data-zzl-result')).toBe('entity');
    expect(first.getAttribute('data-id')).toBe(PERSON);
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(first.textContent).toContain('人物');
    expect(first.textContent).toContain('市委书记');

    const groups = qa('[data-zzl^="results-"]').map((g) => g.getAttribute('data-zzl'));
    expect(groups).toEqual(['results-entities', 'results-articles', 'results-figures']);
    const run = await seed.search('曹慧泉', { limit: 10 });
    expect(qa('[data-zzl="results-articles"] [data-zzl-result="article"]').map((el) => el.getAttribute('data-id'))).toEqual(run.articles.map((a) => a.id));
    expect(qa('[data-zzl="results-figures"] [data-zzl-result="figure"]').map((el) => el.getAttribute('data-id'))).toEqual(run.figures.map((f) => f.id));
  });

  it('shows an article with its headline, date and a snippet whose matches are <mark>ed text', async () => {
    const { frames, seed } = await showPopup();
    await search(frames, '曹慧泉');
    const hit = (await seed.search('曹慧泉', { limit: 10 })).articles[0]!;
    const row = q(`[data-zzl-result="article"][data-id="${hit.id}"]`)!;
    expect(row.querySelector('.result-headline')?.textContent).toBe(toDisplay(hit.headline!));
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('2024-01-27');
    expect(row.querySelector('time')?.textContent).toBe('2024年1月27日');
    const snippet = row.querySelector('.result-snippet')!;
    expect(snippet.textContent).toBe(toDisplay(hit.snippet));
    const marks = Array.from(snippet.querySelectorAll('mark'), (m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe('曹慧泉');
  });

  it('shows a figure with its value, metric, subject, period and where it was printed', async () => {
    const { frames, seed } = await showPopup();
    await search(frames, '总收入');
    await settle();
    const hit = (await seed.search('总收入', { limit: 10 })).figures.find((f) => f.text === '851.7亿元')!;
    const row = q(`[data-zzl-result="figure"][data-id="${hit.id}"]`)!;
    expect(row.querySelector('.figure-value')?.textContent).toBe('851.7亿元');
    expect(row.querySelector('.figure-metric')?.textContent).toBe('技工贸总收入');
    expect(row.querySelector('.result-meta')?.textContent).toBe('醴陵经开区 · 2023年');
    expect(row.querySelector('.result-source')?.textContent).toBe('见2024年1月27日《醴陵经开区获省政府真抓实干督查激励》');
  });

  it('finds 陈恢清 from traditional 陳恢清, and 曹慧泉 from the initials chq', async () => {
    const { frames } = await showPopup();
    await search(frames, '陳恢清');
    expect(results()[0]?.getAttribute('data-id')).toBe('person:陈恢清');
    await search(frames, 'chq');
    expect(results()[0]?.getAttribute('data-id')).toBe(PERSON);
    expect(results()[0]?.getAttribute('data-zzl-result')).toBe('entity');
  });

  it('searches once per frame with the newest text', async () => {
    const seed = seedSearch();
    const calls: string[] = [];
    const { frames } = await showPopup({
      search: (query, options) => {
        calls.push(query);
        return seed.search(query, options);
      },
    });
    await type('曹');
    await type('曹慧');
    await type('曹慧泉');
    expect(calls).toEqual([]);
    await frames.flush();
    expect(calls).toEqual(['曹慧泉']);
  });

  it('never lets a slow earlier search overwrite a newer one', async () => {
    const seed = seedSearch();
    const held: { query: string; release: () => void }[] = [];
    const { frames } = await showPopup({
      search: (query, options) => {
        const run = seed.search(query, options);
        // The first search is slow: it answers only when released.
        if (query === '醴陵') return new Promise<SearchRun>((resolve) => held.push({ query, release: () => void run.then(resolve) }));
        return run;
      },
    });
    await search(frames, '醴陵');
    await search(frames, '曹慧泉');
    expect(results()[0]?.getAttribute('data-id')).toBe(PERSON);
    await act(async () => {
      held[0]!.release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(results()[0]?.getAttribute('data-id')).toBe(PERSON);
    expect(q('[data-zzl-query]')?.getAttribute('data-zzl-query')).toBe('曹慧泉');
    expect(qa('[data-id^="place:醴陵"]')).toEqual([]);
  });

  it('says when the search fails', async () => {
    const { frames } = await showPopup({ search: () => Promise.reject(new Error('QuotaExceededError')) });
    await search(frames, '曹慧泉');
    expect(q('[data-zzl="search-error"]')?.textContent).toBe('搜索出错：QuotaExceededError');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('renders archive text as text, never as markup', async () => {
    const bundle = {
      version: 1 as const,
      issues: [issue('i1', '2024-01-27', 1)],
      articles: [article('x1', 'i1', { headline: '株洲<b>新闻</b>', paragraphs: ['<img src=x onerror="alert(1)">株洲 & 醴陵'] })],
      entities: [],
      mentions: [],
      figures: [],
    };
    const source = new MemorySource(buildSearchIndex(bundle));
    const { frames } = await showPopup({ search: (query: string, options: SearchOptions) => runSearch(source, query, options), details: undefined });
    await search(frames, '株洲');
    const hit = (await runSearch(source, '株洲')).articles[0]!;
    expect(hit.snippet).toContain('onerror="alert(1)">株洲 & 醴陵');
    const row = q('[data-zzl-result="article"][data-id="x1"]')!;
    expect(row.querySelector('img, b')).toBeNull();
    expect(row.querySelector('.result-headline')?.textContent).toBe('株洲<b>新闻</b>');
    expect(row.querySelector('.result-snippet')?.textContent).toBe(toDisplay(hit.snippet));
    expect(Array.from(row.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['株洲', '株洲']);
  });
});

describe('PopupApp: keyboard', () => {
  it('moves aria-selected with the arrows, keeps focus in the box and points at the option', async () => {
    const { frames } = await showPopup();
    await search(frames, '曹慧泉');
    const ids = results().map((el) => el.getAttribute('data-id'));
    expect(selectedId()).toBe(ids[0]);
    const down = await press('ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    expect(selectedId()).toBe(ids[1]);
    expect(input().getAttribute('aria-activedescendant')).toBe(selected()[0]!.id);
    await press('ArrowUp');
    await press('ArrowUp');
    expect(selectedId()).toBe(ids[ids.length - 1]);
    await press('ArrowDown');
    expect(selectedId()).toBe(ids[0]);
  });

  it('opens the profile of a name, an article, and the article of a figure with Enter', async () => {
    const { frames, openEntity, openArticle, seed } = await showPopup();
    await search(frames, '曹慧泉');
    const run = await seed.search('曹慧泉', { limit: 10 });
    await press('Enter');
    expect(openEntity).toHaveBeenCalledWith(PERSON);
    await press('ArrowDown');
    expect(selectedId()).toBe(run.articles[0]!.id);
    await press('Enter');
    expect(openArticle).toHaveBeenLastCalledWith(run.articles[0]!.id);
    await press('PageDown');
    expect(q('[aria-selected="true"]')?.getAttribute('data-zzl-result')).toBe('figure');
    await press('Enter');
    expect(openArticle).toHaveBeenLastCalledWith(run.figures[0]!.articleId);
  });

  it('opens a result on click', async () => {
    const { frames, openArticle, seed } = await showPopup();
    await search(frames, '曹慧泉');
    const id = (await seed.search('曹慧泉', { limit: 10 })).articles[1]!.id;
    await act(async () => {
      (q(`[data-zzl-result="article"][data-id="${id}"]`) as HTMLElement).click();
    });
    expect(openArticle).toHaveBeenCalledWith(id);
  });

  it('clears with Escape and shows the newest issues again; a second Escape is left to the browser', async () => {
    const { frames } = await showPopup();
    await search(frames, '曹慧泉');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const first = await press('Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(input().value).toBe('');
    expect(results()).toEqual([]);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    expect(q(`section[data-zzl-issue="${ISSUE}"]`)).not.toBeNull();
    const second = await press('Escape');
    expect(second.defaultPrevented).toBe(false);
  });

  it('opens the first result of what is typed when Enter comes before its results', async () => {
    const { frames, openEntity } = await showPopup();
    await type('陈恢清');
    await press('Enter');
    await frames.flush();
    expect(openEntity).toHaveBeenLastCalledWith('person:陈恢清');
    await search(frames, '醴陵');
    openEntity.mockClear();
    await type('曹慧泉');
    await press('Enter');
    expect(openEntity).not.toHaveBeenCalled();
    await frames.flush();
    expect(openEntity).toHaveBeenCalledWith(PERSON);
  });

  it('leaves Enter to the input method while it composes', async () => {
    const { frames, openEntity } = await showPopup();
    await search(frames, '曹慧泉');
    const event = await press('Enter', { isComposing: true });
    expect(event.defaultPrevented).toBe(false);
    expect(openEntity).not.toHaveBeenCalled();
  });
});

describe('PopupApp: empty box and no results', () => {
  it('shows the newest issues while the box is empty, linking every article', async () => {
    const { seed } = await showPopup();
    expect(q('.popup')?.getAttribute('data-zzl-ready')).toBe('true');
    expect(qa('section[data-zzl-issue]').map((s) => s.getAttribute('data-zzl-issue'))).toEqual([ISSUE]);
    const linked = qa(`section[data-zzl-issue="${ISSUE}"] a[data-article-id]`).map((a) => a.getAttribute('data-article-id'));
    expect(linked).toEqual(seed.bundle.articles.map((a) => a.id));
    expect(q('[data-zzl="results"]')).toBeNull();
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('says a miss found nothing and offers the nearest names; choosing one searches it', async () => {
    const { frames } = await showPopup();
    await search(frames, '曹慧全');
    expect(q('[data-zzl="no-results"]')?.textContent).toBe('没有找到与“曹慧全”相关的内容。');
    const suggestions = qa('[data-zzl="suggestion"]');
    expect(suggestions.map((s) => s.getAttribute('data-entity-id'))).toContain(PERSON);
    expect(selected()).toEqual([]);
    await press('ArrowDown');
    expect(selectedId()).toBe(suggestions[0]!.getAttribute('data-id'));
    await act(async () => {
      (q(`[data-zzl="suggestion"][data-id="${PERSON}"]`) as HTMLElement).click();
    });
    expect(input().value).toBe('曹慧泉');
    await frames.flush();
    expect(q('[data-zzl="no-results"]')).toBeNull();
    expect(results()[0]?.getAttribute('data-id')).toBe(PERSON);
  });

  it('announces result counts and misses in a polite live region', async () => {
    const { frames, seed } = await showPopup();
    const status = q('[data-zzl="search-status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    await search(frames, '曹慧泉');
    const run = await seed.search('曹慧泉', { limit: 10 });
    expect(status.textContent).toBe(`找到 ${run.entities.length} 个名字、${run.articles.length} 篇文章、${run.figures.length} 条数据。`);
    await search(frames, '曹慧全');
    expect(status.textContent).toMatch(/^没有找到与“曹慧全”相关的内容。有 \d+ 个相近的名字。$/);
  });

  it('waits for results to settle before announcing them', async () => {
    const { frames } = await showPopup({ announceDelay: 30 });
    await search(frames, '曹慧泉');
    const status = q('[data-zzl="search-status"]')!;
    expect(status.textContent).toBe('');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
    });
    expect(status.textContent).toContain('找到');
  });

  it('searches at the next animation frame by default', async () => {
    const seed = seedSearch();
    await mount.show(
      <PopupApp search={seed.search} loadRecent={seed.loadRecent} readerHref={(id) => id} openArticle={() => {}} openEntity={() => {}} announceDelay={0} />,
    );
    await type('曹慧泉');
    for (let i = 0; i < 50 && results().length === 0; i++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    }
    expect(results()[0]?.getAttribute('data-id')).toBe(PERSON);
  });
});

describe('PopupApp: filters', () => {
  async function setFilter(hook: string, value: string) {
    await act(async () => {
      const el = q(`[data-zzl="${hook}"]`) as HTMLInputElement | HTMLSelectElement;
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('narrows results to one type, and names to one kind', async () => {
    const seed = seedSearch();
    const seen: SearchOptions[] = [];
    const { frames } = await showPopup({
      search: (query, options) => {
        seen.push(options);
        return seed.search(query, options);
      },
    });
    await search(frames, '醴陵');
    expect(new Set(results().map((r) => r.getAttribute('data-zzl-result')))).toEqual(new Set(['entity', 'article', 'figure']));
    await setFilter('filter-type', 'place');
    await frames.flush();
    expect(seen.at(-1)).toMatchObject({ kinds: ['entity'], entityTypes: ['place'] });
    const ids = results().map((r) => r.getAttribute('data-id') ?? '');
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(id.startsWith('place:')).toBe(true);
    await setFilter('filter-type', 'article');
    await frames.flush();
    expect(new Set(results().map((r) => r.getAttribute('data-zzl-result')))).toEqual(new Set(['article']));
    expect(q('[data-zzl="results-entities"]')).toBeNull();
  });

  it('bounds articles and figures by issue date; names stay', async () => {
    const { frames } = await showPopup();
    await search(frames, '曹慧泉');
    await setFilter('filter-from', '2024-01-28');
    await frames.flush();
    expect(results().map((r) => r.getAttribute('data-zzl-result'))).toEqual(['entity']);
    await setFilter('filter-to', '2024-01-27');
    await frames.flush();
    // A reversed range is read the right way round: 2024-01-27 to 2024-01-28 holds the issue.
    expect(qa('[data-zzl-result="article"]').length).toBeGreaterThan(0);
  });

  it('says a filtered miss was filtered', async () => {
    const { frames } = await showPopup();
    await search(frames, '总收入');
    await setFilter('filter-type', 'person');
    await frames.flush();
    expect(q('[data-zzl="no-results"]')?.textContent).toBe('在所选类型和日期中，没有找到与“总收入”相关的内容。');
  });
});

describe('PopupApp: the current tab', () => {
  const found: PageFinding[] = [
    { id: PERSON, name: '曹慧泉', type: 'person', count: 3 },
    { id: 'place:醴陵经开区', name: '醴陵经开区', type: 'place', count: 1 },
  ];

  it('lists the names found on the tab above the search box; each opens its profile', async () => {
    const { openEntity } = await showPopup({ findings: () => Promise.resolve(found) });
    const section = q('[data-zzl="tab-findings"]')!;
    expect(Array.from(section.querySelectorAll('[data-entity-id]'), (b) => b.getAttribute('data-entity-id'))).toEqual([PERSON, 'place:醴陵经开区']);
    expect(section.querySelector(`[data-entity-id="${PERSON}"]`)?.getAttribute('aria-label')).toBe('曹慧泉，人物，本页 3 处');
    expect(section.compareDocumentPosition(input()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await act(async () => {
      (section.querySelector(`[data-entity-id="${PERSON}"]`) as HTMLElement).click();
    });
    expect(openEntity).toHaveBeenCalledWith(PERSON);
  });

  it('shows no findings section when the tab has none or cannot answer', async () => {
    await showPopup({ findings: () => Promise.resolve(null) });
    expect(q('[data-zzl="tab-findings"]')).toBeNull();
    await showPopup({ findings: () => Promise.reject(new Error('no content script')) });
    expect(q('[data-zzl="tab-findings"]')).toBeNull();
  });

  it('turns the extension off and on for the site, saved in storage', async () => {
    const data: Record<string, unknown> = { disabledSites: ['other.org'] };
    const area: SettingsStore = {
      get: (keys) => Promise.resolve(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))),
      set: (items) => {
        Object.assign(data, items);
        return Promise.resolve();
      },
    };
    await showPopup({ site: storageSiteControl(area, () => Promise.resolve('https://www.example.com/news')) });
    const button = q('[data-zzl="site-switch"]') as HTMLButtonElement;
    expect(button.getAttribute('role')).toBe('switch');
    expect(button.getAttribute('aria-checked')).toBe('true');
    expect(mount.root().querySelector(`#${button.getAttribute('aria-labelledby')}`)?.textContent).toBe('在 example.com 上标出名字');
    await act(async () => {
      button.click();
    });
    expect(button.getAttribute('aria-checked')).toBe('false');
    await settle();
    expect(data.disabledSites).toEqual(['other.org', 'example.com']);
    await act(async () => {
      button.click();
    });
    expect(button.getAttribute('aria-checked')).toBe('true');
    await settle();
    expect(data.disabledSites).toEqual(['other.org']);
  });

  it('shows no switch off the web, and puts the switch back when saving fails', async () => {
    await showPopup({ site: { read: () => Promise.resolve(null), setDisabled: () => Promise.resolve() } });
    expect(q('[data-zzl="site-switch"]')).toBeNull();
    await showPopup({ site: { read: () => Promise.resolve({ host: 'example.com', disabled: false }), setDisabled: () => Promise.reject(new Error('quota')) } });
    await act(async () => {
      (q('[data-zzl="site-switch"]') as HTMLElement).click();
    });
    await settle();
    expect(q('[data-zzl="site-switch"]')?.getAttribute('aria-checked')).toBe('true');
    expect(q('[role="alert"]')?.textContent).toBe('无法保存这个设置：quota');
  });
});

describe('PopupApp: in English', () => {
  it('labels the groups and the box in the page language', async () => {
    const { frames } = await showPopup({}, 'en');
    expect(input().getAttribute('placeholder')).toBe('Names, places, headlines, figures; pinyin works');
    await search(frames, '曹慧泉');
    const headings = qa('.result-group-heading').map((h) => h.textContent);
    expect(headings).toEqual(['People, places, organisations', 'Articles', 'Figures']);
    expect(results()[0]?.textContent).toContain('Person');
  });
});
