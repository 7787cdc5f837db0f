// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../../src/archive/display';
import type { EntitySummary } from '../../../src/archive/entity-summary';
import { HoverCard, type CardTarget } from '../../../src/ui/overlay/components/HoverCard';
import { Launcher } from '../../../src/ui/overlay/components/Launcher';
import { MENTIONS_SHOWN, SidePanel, type SidePanelProps } from '../../../src/ui/overlay/components/SidePanel';
import type { PageEntity, SummaryState } from '../../../src/ui/overlay/model';
import { fakeI18n } from '../fake-i18n';
import { mountRoot } from '../render-support';
import { PERSON, seedSummary, ZONE } from './seed-summaries';

const mount = mountRoot();
const q = (selector: string) => mount.root().querySelector<HTMLElement>(selector);
const all = (selector: string) => Array.from(mount.root().querySelectorAll<HTMLElement>(selector));
const texts = (selector: string) => all(selector).map((el) => el.textContent ?? '');

const summaryOf = (id: string): EntitySummary => {
  const summary = seedSummary(id);
  if (!summary) throw new Error(`the seed has no ${id}`);
  return summary;
};
const ready = (id: string): SummaryState => ({ status: 'ready', summary: summaryOf(id) });
const personTarget: CardTarget = { entityId: PERSON, name: '曹慧泉', type: 'person' };
const zoneTarget: CardTarget = { entityId: ZONE, name: '醴陵经开区', type: 'place' };
const noop = () => {};
const cardProps = { position: { left: 10, top: 20 }, onOpenArticle: noop, onOpenProfile: noop, onClose: noop };

const HOSTILE = '<img src=x onerror="window.__zzlPwned=1">';

describe('HoverCard', () => {
  it('shows the name, its type and its titles with the date that printed them', async () => {
    await mount.show(<HoverCard target={personTarget} state={ready(PERSON)} {...cardProps} />);
    expect(q('[data-zzl="card-name"]')?.textContent).toBe('曹慧泉');
    expect(q('[data-zzl="entity-type"]')?.textContent).toBe('人物');
    const titles = texts('[data-zzl="summary-title"]');
    expect(titles[0]).toBe('市委书记 2024年1月27日');
    expect(titles).toHaveLength(summaryOf(PERSON).titles.length);
    expect(q('.card')?.getAttribute('role')).toBe('dialog');
    expect(q('.card')?.getAttribute('aria-labelledby')).toBe('zzl-card-name');
  });

  it('lists the newest headlines that name it, with their dates', async () => {
    await mount.show(<HoverCard target={personTarget} state={ready(PERSON)} {...cardProps} />);
    const expected = summaryOf(PERSON).articles.map((a) => a.headline);
    expect(expected.length).toBeGreaterThan(0);
    expect(texts('[data-zzl="open-article"]')).toEqual(expected);
    expect(all('[data-zzl="summary-article"] time').map((t) => t.getAttribute('datetime'))).toEqual(summaryOf(PERSON).articles.map((a) => a.date));
    expect(q('.counts')?.textContent).toBe(`资料库中提及 ${summaryOf(PERSON).mentionCount} 次，见于 ${summaryOf(PERSON).articleCount} 篇文章`);
  });

  it('shows key figures with what they measure and the period', async () => {
    await mount.show(<HoverCard target={zoneTarget} state={ready(ZONE)} {...cardProps} />);
    const figures = all('[data-zzl="summary-figure"]');
    expect(figures.length).toBeGreaterThanOrEqual(2);
    expect(figures.length).toBeLessThanOrEqual(3);
    expect(figures[0]?.querySelector('.figure-metric')?.textContent).toBe('技工贸总收入');
    expect(figures[0]?.querySelector('.figure-value')?.textContent).toBe('851.7亿元');
    expect(figures[0]?.querySelector('.figure-period')?.textContent).toBe('（2023年）');
  });

  it('opens the article and the profile through its callbacks, and closes', async () => {
    const onOpenArticle = vi.fn();
    const onOpenProfile = vi.fn();
    const onClose = vi.fn();
    await mount.show(<HoverCard target={personTarget} state={ready(PERSON)} position={null} onOpenArticle={onOpenArticle} onOpenProfile={onOpenProfile} onClose={onClose} />);
    const first = summaryOf(PERSON).articles[0]!;
    q(`[data-zzl="open-article"][data-article-id="${first.id}"]`)!.click();
    expect(onOpenArticle).toHaveBeenCalledWith(first.id);
    q('[data-zzl="open-profile"]')!.click();
    expect(onOpenProfile).toHaveBeenCalledWith(PERSON);
    q('[data-zzl="card-close"]')!.click();
    expect(onClose).toHaveBeenCalledOnce();
    // Every control is a real button, reachable and operable from the keyboard.
    for (const el of all('[data-zzl="open-article"], [data-zzl="open-profile"], [data-zzl="card-close"]')) expect(el.localName).toBe('button');
  });

  it('is laid out invisibly until it has a position, then placed there', async () => {
    await mount.show(<HoverCard target={personTarget} state={ready(PERSON)} {...cardProps} position={null} />);
    expect(q('.card')?.style.visibility).toBe('hidden');
    await mount.show(<HoverCard target={personTarget} state={ready(PERSON)} {...cardProps} position={{ left: 12, top: 34 }} />);
    expect(q('.card')?.style.visibility).toBe('');
    expect([q('.card')?.style.left, q('.card')?.style.top]).toEqual(['12px', '34px']);
  });

  it('says so while the archive answers, when it fails, and when the entity is gone', async () => {
    await mount.show(<HoverCard target={personTarget} state={{ status: 'loading' }} {...cardProps} />);
    expect(q('[data-zzl="card-name"]')?.textContent).toBe('曹慧泉');
    expect(q('.card')?.getAttribute('aria-busy')).toBe('true');
    expect(q('[role="status"]')?.textContent).toBe('正在查询资料库…');
    await mount.show(<HoverCard target={personTarget} state={{ status: 'error', message: 'timeout' }} {...cardProps} />);
    expect(q('.status-error')?.textContent).toBe('暂时无法读取资料库。');
    expect(q('[data-zzl="open-profile"]')).not.toBeNull();
    await mount.show(<HoverCard target={personTarget} state={{ status: 'missing' }} {...cardProps} />);
    expect(q('.status')?.textContent).toBe('资料库中已没有这个名字的资料。');
    expect(q('[data-zzl="open-profile"]')).toBeNull();
  });

  it('speaks English when the browser does', async () => {
    await mount.show(<HoverCard target={zoneTarget} state={ready(ZONE)} {...cardProps} />, fakeI18n('en'));
    expect(q('[data-zzl="entity-type"]')?.textContent).toBe('Place');
    expect(q('#zzl-card-figures')?.textContent).toBe('Key figures');
    expect(q('[data-zzl="summary-article"] time')?.textContent).toBe('January 27, 2024');
    expect(q('[data-zzl="open-profile"]')?.textContent).toBe('Full profile');
  });

  it('renders archive text holding markup as text', async () => {
    const summary = structuredClone(summaryOf(ZONE));
    summary.entity.name = HOSTILE;
    summary.titles = [{ title: HOSTILE, date: '2024-01-27' }];
    summary.articles[0]!.headline = HOSTILE;
    summary.figures[0]!.metric = HOSTILE;
    await mount.show(<HoverCard target={{ ...zoneTarget, name: HOSTILE }} state={{ status: 'ready', summary }} {...cardProps} />);
    expect(all('img')).toHaveLength(0);
    expect(q('[data-zzl="card-name"]')?.textContent).toBe(toDisplay(HOSTILE));
    expect(q('[data-zzl="open-article"]')?.textContent).toBe(HOSTILE);
    expect(q('.figure-metric')?.textContent).toBe(toDisplay(HOSTILE));
    expect((globalThis as { __zzlPwned?: number }).__zzlPwned).toBeUndefined();
  });
});

/** Page entities as the overlay makes them: `count` mentions each, with keys `<id>#<n>`. */
function pageEntity(id: string, name: string, type: PageEntity['type'], count: number): PageEntity {
  return {
    id,
    name,
    type,
    count,
    mentions: Array.from({ length: count }, (_, i) => ({ key: `${id}#${i}`, before: `前文${i}`, text: name, after: '后文' })),
  };
}

describe('SidePanel', () => {
  const entities = [
    pageEntity('org:市委', '市委', 'org', 2),
    pageEntity(ZONE, '醴陵经开区', 'place', 3),
    pageEntity('person:陈恢清', '陈恢清', 'person', 1),
    pageEntity(PERSON, '曹慧泉', 'person', 7),
    pageEntity('place:株洲', '株洲', 'place', 9),
    pageEntity('place:天元区', '天元区', 'place', 3),
  ];
  const summaries = new Map<string, SummaryState>([
    [PERSON, ready(PERSON)],
    [ZONE, ready(ZONE)],
    ['place:株洲', { status: 'loading' }],
    ['org:市委', { status: 'error', message: 'store' }],
  ]);
  const props = (over: Partial<SidePanelProps> = {}): SidePanelProps => ({
    entities,
    summaryOf: (id) => summaries.get(id),
    onScrollTo: noop,
    onOpenArticle: noop,
    onOpenProfile: noop,
    onClose: noop,
    shortcuts: { next: 'Alt+Shift+Z', panel: 'Alt+Shift+P' },
    ...over,
  });

  it('is a labelled complementary landmark that can take focus', async () => {
    await mount.show(<SidePanel {...props()} />);
    const panel = q('aside')!;
    expect(panel.getAttribute('role')).toBe('complementary');
    expect(q(`#${panel.getAttribute('aria-labelledby')}`)?.textContent).toBe('本页提到的株洲名字');
    expect(panel.tabIndex).toBe(-1);
    expect(q('[data-zzl="panel-summary"]')?.textContent).toBe('6 个名字，共 25 处');
    expect(q('.panel-footer')?.textContent).toBe('Alt+Shift+Z 逐个查看名字 · Alt+Shift+P 打开或关闭侧栏');
  });

  it('groups entities by type (people, places, organisations) and lists the most mentioned first', async () => {
    await mount.show(<SidePanel {...props()} />);
    expect(all('[data-zzl="panel-group"]').map((g) => g.dataset.entityType)).toEqual(['person', 'place', 'org']);
    expect(texts('.group-title')).toEqual(['人物（2）', '地点（3）', '机构（1）']);
    const ids = (type: string) => all(`[data-zzl="panel-group"][data-entity-type="${type}"] [data-entity-id]`).filter((el) => el.dataset.zzl === 'panel-entity').map((el) => el.dataset.entityId);
    expect(ids('person')).toEqual([PERSON, 'person:陈恢清']);
    // 醴陵经开区 and 天元区 are both named 3 times: ties go by name (code point order).
    expect(ids('place')).toEqual(['place:株洲', 'place:天元区', ZONE]);
    expect(ids('org')).toEqual(['org:市委']);
    expect(all('[data-zzl="panel-entity"]').map((el) => el.dataset.count)).toEqual(['7', '1', '9', '3', '3', '2']);
  });

  it('scrolls the page to a mention when it is clicked', async () => {
    const onScrollTo = vi.fn();
    await mount.show(<SidePanel {...props({ onScrollTo })} />);
    const row = q(`[data-zzl="panel-entity"][data-entity-id="${ZONE}"]`)!;
    const buttons = Array.from(row.querySelectorAll<HTMLElement>('[data-zzl="panel-mention"]'));
    expect(buttons.map((b) => b.localName)).toEqual(['button', 'button', 'button']);
    expect(buttons[1]?.textContent).toBe('前文1醴陵经开区后文');
    expect(buttons[1]?.querySelector('mark')?.textContent).toBe('醴陵经开区');
    buttons[1]!.click();
    expect(onScrollTo).toHaveBeenCalledWith(ZONE, `${ZONE}#1`);
  });

  it(`lists the first ${MENTIONS_SHOWN} mentions, and all on request`, async () => {
    await mount.show(<SidePanel {...props()} />);
    const row = () => q(`[data-zzl="panel-entity"][data-entity-id="${PERSON}"]`)!;
    expect(row().querySelectorAll('[data-zzl="panel-mention"]')).toHaveLength(MENTIONS_SHOWN);
    const more = row().querySelector<HTMLElement>('[data-zzl="panel-more"]')!;
    expect(more.textContent).toBe('显示全部 7 处');
    await mount.show(<SidePanel {...props()} />);
    more.click();
    await mount.show(<SidePanel {...props()} />);
    expect(row().querySelectorAll('[data-zzl="panel-mention"]')).toHaveLength(7);
    expect(row().querySelector('[data-zzl="panel-more"]')).toBeNull();
  });

  it('shows each entity’s articles with date and the sentence that names it, and opens them in the reader', async () => {
    const onOpenArticle = vi.fn();
    const onOpenProfile = vi.fn();
    await mount.show(<SidePanel {...props({ onOpenArticle, onOpenProfile })} />);
    const row = q(`[data-zzl="panel-entity"][data-entity-id="${PERSON}"]`)!;
    const summary = summaryOf(PERSON);
    const articles = Array.from(row.querySelectorAll<HTMLElement>('[data-zzl="summary-article"]'));
    expect(articles.map((a) => a.querySelector('[data-zzl="open-article"]')?.textContent)).toEqual(summary.articles.map((a) => a.headline));
    expect(articles.map((a) => a.querySelector('.snippet')?.textContent)).toEqual(summary.articles.map((a) => a.snippet.map((p) => p.text).join('')));
    expect(articles[0]?.querySelector('.snippet mark')?.textContent).toBe('曹慧泉');
    expect(articles[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-01-27');
    articles[1]!.querySelector<HTMLElement>('[data-zzl="open-article"]')!.click();
    expect(onOpenArticle).toHaveBeenCalledWith(summary.articles[1]!.id);
    row.querySelector<HTMLElement>('[data-zzl="open-profile"]')!.click();
    expect(onOpenProfile).toHaveBeenCalledWith(PERSON);
  });

  it('shows figures quoted about an entity', async () => {
    await mount.show(<SidePanel {...props()} />);
    const row = q(`[data-zzl="panel-entity"][data-entity-id="${ZONE}"]`)!;
    expect(Array.from(row.querySelectorAll('.figure-value')).map((f) => f.textContent)).toEqual(summaryOf(ZONE).figures.map((f) => f.text));
  });

  it('says which digests are still coming or failed', async () => {
    await mount.show(<SidePanel {...props()} />);
    expect(q('[data-entity-id="place:株洲"] .status')?.textContent).toBe('正在查询资料库…');
    expect(q('[data-entity-id="org:市委"] .status-error')?.textContent).toBe('暂时无法读取资料库。');
    expect(q('[data-entity-id="place:天元区"] .status')?.textContent).toBe('正在查询资料库…');
  });

  it('closes through its button', async () => {
    const onClose = vi.fn();
    await mount.show(<SidePanel {...props({ onClose })} />);
    const close = q('[data-zzl="panel-close"]')!;
    expect(close.localName).toBe('button');
    expect(close.getAttribute('aria-label')).toBe('关闭侧栏');
    close.click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders page and archive text holding markup as text', async () => {
    const hostile = pageEntity('person:x', HOSTILE, 'person', 1);
    hostile.mentions[0] = { key: 'k', before: HOSTILE, text: HOSTILE, after: '<script>window.__zzlPwned=2</script>' };
    const summary = structuredClone(summaryOf(PERSON));
    summary.articles[0]!.snippet = [{ text: HOSTILE, mark: false }, { text: '<b>曹慧泉</b>', mark: true }];
    await mount.show(<SidePanel {...props({ entities: [hostile, entities[3]!], summaryOf: (id) => (id === PERSON ? { status: 'ready', summary } : undefined) })} />);
    expect(all('img, script, b')).toHaveLength(0);
    expect(q('[data-entity-id="person:x"] .entity-name')?.textContent).toBe(toDisplay(HOSTILE));
    expect(q('[data-entity-id="person:x"] [data-zzl="panel-mention"]')?.textContent).toBe(`${HOSTILE}${HOSTILE}<script>window.__zzlPwned=2</script>`);
    expect(q(`[data-entity-id="${PERSON}"] .snippet`)?.textContent).toBe(`${HOSTILE}<b>曹慧泉</b>`);
    expect((globalThis as { __zzlPwned?: number }).__zzlPwned).toBeUndefined();
  });
});

describe('Launcher', () => {
  it('is a button that says how many names the page has and opens the panel', async () => {
    const onOpen = vi.fn();
    await mount.show(<Launcher count={7} onOpen={onOpen} />);
    const button = q('[data-zzl="launcher-button"]')!;
    expect(button.localName).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('打开株洲透镜侧栏：本页有 7 个株洲名字');
    expect(q('.launcher-count')?.textContent).toBe('7');
    button.click();
    expect(onOpen).toHaveBeenCalledOnce();
  });
});
