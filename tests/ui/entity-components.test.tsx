// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../src/archive/display';
import type { ArchiveBundle } from '../../src/archive/types';
import { MentionTimeline } from '../../src/ui/components/MentionTimeline';
import { ReaderApp } from '../../src/ui/components/ReaderApp';
import { fakeI18n } from './fake-i18n';
import { mountRoot } from './render-support';
import { CITY, entityBundle, JOURNALIST, ORG, PERSON, PERSON2, PLACE } from './fixtures';

const mount = mountRoot(() => {
  location.hash = '';
});
const show = mount.show;

const q = (selector: string) => mount.root().querySelector(selector);
const all = (selector: string) => Array.from(mount.root().querySelectorAll(selector));
const texts = (selector: string) => all(selector).map((el) => el.textContent ?? '');
const loaded = (bundle: ArchiveBundle) => () => Promise.resolve(bundle);

describe('MentionTimeline', () => {
  const points = [
    { date: '2022-08-24', count: 1 },
    { date: '2023-05-02', count: 3 },
    { date: '2024-01-27', count: 2 },
  ];

  it('draws one mark per date, taller for more mentions', async () => {
    await show(<MentionTimeline points={points} />);
    const marks = all('svg[data-zzl="timeline"] [data-zzl="timeline-mark"]');
    expect(marks.map((m) => m.getAttribute('data-date'))).toEqual(['2022-08-24', '2023-05-02', '2024-01-27']);
    const cy = marks.map((m) => Number(m.querySelector('circle')!.getAttribute('cy')));
    const cx = marks.map((m) => Number(m.querySelector('circle')!.getAttribute('cx')));
    expect(cy[1]).toBeLessThan(cy[2]!);
    expect(cy[2]).toBeLessThan(cy[0]!);
    expect(cx[0]).toBeLessThan(cx[1]!);
    expect(cx[1]).toBeLessThan(cx[2]!);
    expect(marks[1]?.querySelector('title')?.textContent).toBe('2023年5月2日：3 次');
  });

  it('is one image named by a summary of what it shows, with the same text as its title', async () => {
    await show(<MentionTimeline points={points} />);
    const svg = q('svg[data-zzl="timeline"]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('6 次提及，2022年8月24日至2024年1月27日');
    expect(svg.querySelector(':scope > title')?.textContent).toBe(svg.getAttribute('aria-label'));
  });

  it('labels its axes: the counts, the first and last dates, the years between', async () => {
    await show(<MentionTimeline points={points} />);
    const labels = texts('svg .timeline-label');
    expect(labels).toEqual(expect.arrayContaining(['次数', '3', '0', '2022年8月24日', '2024年1月27日', '2023年']));
  });

  it('names undated mentions in the summary, and speaks the page language', async () => {
    await show(<MentionTimeline points={points.slice(0, 1)} undated={2} />, fakeI18n('en'));
    expect(q('svg')?.getAttribute('aria-label')).toBe('Mentions: 1, all on August 24, 2022; mentions of unknown date: 2');
    expect(all('[data-zzl="timeline-mark"]')).toHaveLength(1);
  });

  it('draws nothing without dated mentions', async () => {
    await show(<MentionTimeline points={[]} undated={3} />);
    expect(q('svg')).toBeNull();
  });
});

describe('ReaderApp: entity profile', () => {
  it('shows a person through the contract hooks', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PERSON} />);
    const profile = q('[data-zzl="entity-profile"]');
    expect(profile?.getAttribute('data-entity-id')).toBe(PERSON);
    expect(q('[data-zzl-ready="true"]')?.getAttribute('data-zzl-state')).toBe('entity');
    expect(q('h1[data-zzl="entity-name"]')?.textContent).toBe('曹慧泉');
    expect(q('[data-zzl="entity-type"]')?.textContent).toBe('人物');
    expect(q('[data-zzl="entity-category"]')?.textContent).toBe('官员');
    expect(document.title).toBe('曹慧泉 · 株洲透镜');
    expect(document.activeElement).toBe(q('h1[data-zzl="entity-name"]'));
  });

  it('lists the titles over time, newest first, each date linking the article that printed it', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PERSON} />);
    const titles = all('[data-zzl="entity-title"]');
    expect(titles.map((li) => li.querySelector('.entity-title-name')?.textContent)).toEqual(['市委书记', '市长']);
    expect(Array.from(titles[0]!.querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['2024年1月27日', '#article=b1'],
      ['日期未知', '#article=b3'],
    ]);
    expect(titles[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2022-08-24');
  });

  it('lists the articles that mention it, newest first, with the sentence and the name marked', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PERSON} />);
    const items = all('[data-zzl="entity-article"]');
    expect(items.map((li) => li.getAttribute('data-article-id'))).toEqual(['b1', 'b2', 'b4', 'b3']);
    expect(items[0]?.querySelector('a')?.textContent).toBe('曹慧泉调研醴陵经开区');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('#article=b1');
    expect(items[0]?.querySelector('time')?.textContent).toBe('2024年1月27日');
    expect(items[0]?.textContent).toContain('提及 2 次');
    expect(items[3]?.querySelector('a')?.textContent).toBe('（上接01版③）');
    expect(items[0]?.querySelector('.entity-snippet')?.textContent).toBe('1月26日，市委书记曹慧泉来到醴陵经开区调研。');
    expect(texts('[data-zzl="entity-article"] mark')).toEqual(['曹慧泉', '曹慧泉', '曹慧泉', '曹慧泉']);
  });

  it('plots its mentions by issue date', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PERSON} />);
    const svg = q('svg[data-zzl="timeline"]');
    expect(svg?.getAttribute('aria-label')).toBe('4 次提及，2022年8月24日至2024年1月27日；另有 1 次提及的日期未知');
    expect(svg?.querySelectorAll('[data-zzl="timeline-mark"]')).toHaveLength(2);
  });

  it('links the entities most often named with it', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PERSON} />);
    const related = all('aside a[data-entity-id]');
    expect(related.map((a) => a.getAttribute('data-entity-id'))).toEqual([ORG, PLACE, CITY, PERSON2]);
    expect(related.map((a) => a.getAttribute('href'))).toEqual([ORG, PLACE, CITY, PERSON2].map((id) => `#entity=${encodeURIComponent(id)}`));
    expect(texts('aside .related-count')).toEqual(['同见于 2 篇', '同见于 2 篇', '同见于 1 篇', '同见于 1 篇']);
  });

  it('shows a place with its type, aliases and figures as a table', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={PLACE} />);
    expect(q('[data-zzl="entity-type"]')?.textContent).toBe('地点');
    expect(q('[data-zzl="entity-category"]')?.textContent).toBe('开发区、园区');
    expect(q('[data-zzl="entity-aliases"]')?.textContent).toBe('醴陵经济开发区');
    expect(q('[data-zzl="entity-title"]')).toBeNull();
    const rows = all('table tr[data-zzl="entity-figure"]');
    expect(rows.map((r) => r.getAttribute('data-figure-id'))).toEqual(['a1-f001', 'b4-f001']);
    expect(Array.from(rows[0]!.children, (c) => c.textContent)).toEqual(['851.7亿元', '技工贸总收入', '2023年', '醴陵经开区获省政府真抓实干督查激励2024年1月27日']);
    expect(Array.from(rows[1]!.children, (c) => c.textContent)).toEqual(['86亿元', '总投资', '—', '醴陵经开区新签约项目12个2022年8月24日']);
    expect(rows[1]?.querySelector('a')?.getAttribute('href')).toBe('#article=b4');
    expect(texts('table th[scope="col"]')).toEqual(['数值', '指标', '时期', '出处']);
  });

  it('shows an organisation in English', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={ORG} />, fakeI18n('en'));
    expect(q('[data-zzl="entity-type"]')?.textContent).toBe('Organisation');
    expect(q('[data-zzl="entity-category"]')?.textContent).toBe('Company');
    expect(texts('[data-zzl="entity-figure"] th')).toEqual(['500亿元']);
    expect(q('svg[data-zzl="timeline"]')?.getAttribute('aria-label')).toBe('Mentions: 2, August 24, 2022 to January 27, 2024');
  });

  it('says so when no article text names the entity', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId={JOURNALIST} />);
    expect(q('[data-zzl="entity-category"]')?.textContent).toBe('新闻工作者');
    expect(q('.entity-empty')?.textContent).toBe('资料库中的文章正文没有提到它。');
    expect(q('[data-zzl="entity-article"]')).toBeNull();
    expect(q('svg[data-zzl="timeline"]')).toBeNull();
    expect(q('aside')).toBeNull();
  });

  it('says so when the entity id is unknown, and is ready', async () => {
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} entityId="person:无名氏" />);
    expect(q('[data-zzl-ready="true"]')?.getAttribute('data-zzl-state')).toBe('not-found');
    expect(q('[data-zzl="not-found"] h1')?.textContent).toBe('找不到这个条目');
    expect(q('[data-zzl="not-found"]')?.textContent).toContain('“person:无名氏”');
    expect(q('[data-zzl="entity-profile"]')).toBeNull();
  });

  it('reads the entity from the location hash when the entrypoint passes only the article id', async () => {
    location.hash = `#entity=${encodeURIComponent(ORG)}`;
    await show(<ReaderApp load={loaded(entityBundle())} articleId={null} />);
    expect(q('[data-zzl="entity-profile"]')?.getAttribute('data-entity-id')).toBe(ORG);
  });

  it('moves between an article and profiles without reloading the archive', async () => {
    const load = vi.fn(loaded(entityBundle()));
    await show(<ReaderApp load={load} articleId="b1" entityId={null} />);
    await show(<ReaderApp load={load} articleId={null} entityId={PLACE} />);
    expect(q('h1[data-zzl="entity-name"]')?.textContent).toBe('醴陵经开区');
    await show(<ReaderApp load={load} articleId={null} entityId={ORG} />);
    expect(q('h1[data-zzl="entity-name"]')?.textContent).toBe('中车株洲所');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('ReaderApp: entity links in paragraphs', () => {
  it('links the names in the paragraph text, leaving its textContent exactly the display text', async () => {
    const bundle = entityBundle();
    await show(<ReaderApp load={loaded(bundle)} articleId="b1" entityId={null} />);
    const b1 = bundle.articles.find((a) => a.id === 'b1')!;
    expect(texts('p[data-zzl="paragraph"]')).toEqual(b1.paragraphs.map(toDisplay));
    const links = all('p[data-zzl="paragraph"] a[data-entity-id]');
    // 醴陵 (city) overlaps 醴陵经开区 at the same start: the longer name is the link.
    expect(links.map((a) => [a.textContent, a.getAttribute('data-entity-id')])).toEqual([
      ['曹慧泉', PERSON],
      ['醴陵经开区', PLACE],
      ['中车株洲所', ORG],
      ['曹慧泉', PERSON],
      ['陈恢清', PERSON2],
    ]);
    expect(links[1]?.getAttribute('href')).toBe(`#entity=${encodeURIComponent(PLACE)}`);
  });

  it('puts each link at the characters the mention points to', async () => {
    const bundle = entityBundle();
    await show(<ReaderApp load={loaded(bundle)} articleId="b1" entityId={null} />);
    const paragraphs = all('p[data-zzl="paragraph"]');
    paragraphs.forEach((p, i) => {
      let at = 0;
      for (const node of Array.from(p.childNodes)) {
        const text = node.textContent ?? '';
        if (node instanceof Element && node.matches('a[data-entity-id]')) {
          const m = bundle.mentions.find((x) => x.articleId === 'b1' && x.paragraph === i && x.start === at && x.entityId === node.getAttribute('data-entity-id'));
          expect(m, `${text} at ${at}`).toBeDefined();
          expect(at + text.length).toBe(m!.end);
        }
        at += text.length;
      }
    });
  });

  it('links nothing in an article without mentions, and keeps the paragraphs as they were', async () => {
    const bundle = entityBundle();
    await show(<ReaderApp load={loaded(bundle)} articleId="a8" entityId={null} />);
    expect(q('p[data-zzl="paragraph"] a')).toBeNull();
    expect(texts('p[data-zzl="paragraph"]')).toEqual(['第一段。']);
  });
});
