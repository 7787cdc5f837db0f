// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../src/archive/display';
import type { ArchiveBundle } from '../../src/archive/types';
import { buildSearchIndex, MemorySource, search } from '../../src/search';
import { PopupApp } from '../../src/ui/components/PopupApp';
import { ReaderApp } from '../../src/ui/components/ReaderApp';
import { fakeI18n } from './fake-i18n';
import { mountRoot } from './render-support';
import { sampleBundle } from './fixtures';

const mount = mountRoot();
const show = mount.show;

const q = (selector: string) => mount.root().querySelector(selector);
const texts = (selector: string) => Array.from(mount.root().querySelectorAll(selector), (el) => el.textContent ?? '');
const loaded = (bundle: ArchiveBundle) => () => Promise.resolve(bundle);

describe('PopupApp', () => {
  const readerHref = (id: string) => `chrome-extension://test/reader.html#article=${encodeURIComponent(id)}`;
  /** The popup over `bundle`: its newest issues, and the real search over the same bundle. */
  const popup = (load: () => Promise<ArchiveBundle>, openArticle: (id: string) => void = () => {}) => {
    const source = new MemorySource(buildSearchIndex(sampleBundle()));
    return (
      <PopupApp
        search={(query, options) => search(source, query, options)}
        loadRecent={load}
        readerHref={readerHref}
        openArticle={openArticle}
        openEntity={() => {}}
      />
    );
  };

  it('renders one section per issue, newest first, undated last, each with its date and number', async () => {
    await show(popup(loaded(sampleBundle())));
    const sections = Array.from(mount.root().querySelectorAll('section[data-zzl-issue]'));
    expect(sections.map((s) => s.getAttribute('data-zzl-issue'))).toEqual(['i-2024', 'i-2022', 'i-nodate']);
    expect(sections.map((s) => s.querySelector('h2')?.textContent)).toEqual(['2024年1月27日第23552期', '2022年8月24日第23054期', '日期未知']);
    expect(sections[0]?.getAttribute('aria-labelledby')).toBe(sections[0]?.querySelector('h2')?.id);
    expect(q('[data-zzl-ready="true"]')).not.toBeNull();
  });

  it('links every article with data-article-id, its text being the displayed headline', async () => {
    const bundle = sampleBundle();
    await show(popup(loaded(bundle)));
    for (const article of bundle.articles) {
      const link = q(`section[data-zzl-issue="${article.issueId}"] a[data-article-id="${article.id}"]`);
      expect(link, article.id).not.toBeNull();
      expect(link?.getAttribute('href')).toBe(readerHref(article.id));
      if (article.headline !== null) expect(link?.textContent).toBe(toDisplay(article.headline));
    }
    expect(q('[data-article-id="a7"]')?.textContent).toBe('（上接01版②）');
  });

  it('shows kind badges outside the link text, tied to the link for screen readers', async () => {
    await show(popup(loaded(sampleBundle())));
    const photo = q('[data-article-id="a5"]')!;
    const badge = mount.root().querySelector(`#${photo.getAttribute('aria-describedby')}`);
    expect(badge?.textContent).toBe('图片');
    expect(texts('.issue .badge')).toEqual(['续文', '图片', '导读', '续文', '评论']);
    expect(q('[data-article-id="a1"]')?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('opens the article on click instead of following the link', async () => {
    const openArticle = vi.fn();
    await show(popup(loaded(sampleBundle()), openArticle));
    const link = q('[data-article-id="a2"]') as HTMLAnchorElement;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(event);
    expect(openArticle).toHaveBeenCalledWith('a2');
    expect(event.defaultPrevented).toBe(true);
  });

  it('labels the newest issues in the page language', async () => {
    await show(popup(loaded(sampleBundle())), fakeI18n('en'));
    expect(q('.recent-heading')?.textContent).toBe('Latest issues');
    expect(q('section[data-zzl-issue="i-nodate"] h2')?.textContent).toBe('Date unknown');
  });

  it('shows a clear error when the archive cannot be loaded', async () => {
    const load = () => Promise.reject(new Error('archive.json could not be read (HTTP 404)'));
    await show(popup(load));
    expect(q('[role="alert"]')?.textContent).toContain('资料库载入失败');
    expect(q('[role="alert"]')?.textContent).toContain('HTTP 404');
    expect(q('[data-zzl-state="error"]')?.getAttribute('data-zzl-ready')).toBe('true');
  });

  it('is not ready while loading', async () => {
    await show(popup(() => new Promise(() => {})));
    expect(q('.popup')?.getAttribute('data-zzl-ready')).toBe('false');
    expect(q('.recent [role="status"]')?.textContent).toBe('正在载入资料库…');
  });
});

describe('ReaderApp', () => {
  it('shows an article through the contract hooks', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="a1" />);
    expect(q('[data-zzl-ready="true"]')?.getAttribute('data-zzl-article')).toBe('a1');
    expect(q('h1[data-zzl="headline"]')?.textContent).toBe('醴陵经开区获省政府真抓实干督查激励');
    expect(q('[data-zzl="date"]')?.textContent).toBe('2024年1月27日');
    expect(q('[data-zzl="issue-number"]')?.textContent).toBe('第23552期');
    expect(q('[data-zzl="byline"]')?.textContent).toContain('记者 刘毅');
    expect(q('[data-zzl="byline"]')?.textContent).toContain('通讯员 张璐、杨欢群');
    expect(texts('p[data-zzl="paragraph"]')).toEqual([
      '日前，记者从醴陵经开区获悉，该园区获督查激励（“五好”园区）。',
      '去年，完成技工贸总收入851.7亿元，同比增长28.5%。',
    ]);
    expect(q('[data-zzl="continues"]')).toBeNull();
    expect(q('[data-zzl="continued-from"]')).toBeNull();
    expect(document.title).toBe('醴陵经开区获省政府真抓实干督查激励 · 株洲透镜');
  });

  it('shows subheadlines and where the article continues, linking the continuation when the issue has it', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="a2" />);
    expect(texts('[data-zzl="subheadline"]')).toEqual(['毛伟明在参加株洲市代表团审议时强调', '张剑飞参加审议 曹慧泉陈恢清等参加']);
    const note = q('[data-zzl="continues"]');
    expect(note?.textContent).toContain('本文未完，下转02版①。');
    expect(note?.querySelector('a')?.getAttribute('href')).toBe('#article=a3');
  });

  it('labels a continuation by where it comes from', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="a7" />);
    expect(q('h1[data-zzl="headline"]')?.textContent).toBe('（上接01版②）');
    expect(q('[data-zzl="continued-from"]')?.textContent).toBe('本文上接01版②。');
    expect(q('[data-zzl="date"]')?.textContent).toBe('日期未知');
    expect(q('[data-zzl="issue-number"]')).toBeNull();
  });

  it("lists the issue's articles, marking the current one", async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="a2" />);
    const nav = q('nav')!;
    expect(Array.from(nav.querySelectorAll('a[data-article-id]'), (a) => a.getAttribute('href'))).toEqual([
      '#article=a1',
      '#article=a2',
      '#article=a3',
    ]);
    expect(nav.querySelector('[aria-current="page"]')?.getAttribute('data-article-id')).toBe('a2');
  });

  it('follows a new article id without reloading the archive', async () => {
    const load = vi.fn(loaded(sampleBundle()));
    await show(<ReaderApp load={load} articleId="a1" />);
    await show(<ReaderApp load={load} articleId="a8" />);
    expect(q('h1[data-zzl="headline"]')?.textContent).toBe('告别与出发');
    expect(q('[data-zzl="byline"]')?.textContent).toBe('作者 李支国');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the article id is unknown, and is ready', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="no-such-id" />);
    expect(q('[data-zzl="not-found"]')?.textContent).toContain('找不到这篇文章');
    expect(q('[data-zzl="not-found"]')?.textContent).toContain('“no-such-id”');
    expect(q('[data-zzl-ready="true"]')?.getAttribute('data-zzl-state')).toBe('not-found');
    expect(q('h1[data-zzl="headline"]')).toBeNull();
  });

  it('shows the archive index when no article is named', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId={null} />);
    expect(q('[data-zzl-state="index"]')?.getAttribute('data-zzl-ready')).toBe('true');
    expect(q('a[data-article-id="a1"]')?.getAttribute('href')).toBe('#article=a1');
  });

  it('shows a clear error for a malformed archive', async () => {
    const load = () => Promise.reject(new Error('archive.version: expected 1, found 2'));
    await show(<ReaderApp load={load} articleId="a1" />);
    const alert = q('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe('资料库载入失败');
    expect(alert?.textContent).toContain('archive.version: expected 1, found 2');
    expect(q('[data-zzl-state="error"]')?.getAttribute('data-zzl-ready')).toBe('true');
  });

  it('says there is no body text for a teaser', async () => {
    await show(<ReaderApp load={loaded(sampleBundle())} articleId="a6" />);
    expect(q('p[data-zzl="paragraph"]')).toBeNull();
    expect(q('.article-empty')?.textContent).toBe('资料库中没有这一条目的正文。');
  });
});
