// The two pages bench/page.ts loads: a ~1 MB Chinese news page made of the seed articles
// (public/archive.json, repeated, in article/h2/p markup with nav and aside furniture around them)
// and a page of the same structure and size without a single Chinese character (English words).
// Both say in a comment that they are synthetic. Pure functions: the same input gives the same page.
import type { ArchiveBundle } from '../../src/archive/types';
import { LAUNCHER } from './record';

/** What a news site puts around its articles: enough links and boxes to look like one. */
interface Furniture {
  lang: string;
  title: string;
  sections: string[];
  asideTitle: string;
  footer: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const STYLE = `
body { font: 16px/1.6 sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 280px; gap: 24px; }
header, footer { grid-column: 1 / -1; background: #f4f4f4; padding: 8px 16px; }
nav ul { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; margin: 0; padding: 0; }
main { padding: 0 16px; }
article { border-bottom: 1px solid #ddd; padding: 12px 0; }
aside { padding: 0 16px; font-size: 14px; }
.byline { color: #666; font-size: 13px; }
`.trim();

interface Story {
  headline: string;
  byline: string;
  paragraphs: string[];
}

function page(f: Furniture, stories: Story[], targetBytes: number, note: string): string {
  const nav = `<nav><ul>${f.sections.map((s, i) => `<li><a href="#s${i}">${esc(s)}</a></li>`).join('')}</ul></nav>`;
  const head = `<!doctype html>\n<!-- ${note} -->\n<html lang="${f.lang}"><head><meta charset="utf-8"><title>${esc(f.title)}</title><style>${STYLE}</style></head><body>\n<header><h1>${esc(f.title)}</h1>${nav}</header>\n<main>\n`;
  const latest = stories.slice(0, 12).map((s, i) => `<li><a href="#a${i}">${esc(s.headline)}</a></li>`).join('');
  const tail = `</main>\n<aside><h3>${esc(f.asideTitle)}</h3><ol>${latest}</ol></aside>\n<footer>${nav}<p>${esc(f.footer)}</p></footer>\n</body></html>\n`;
  const encoder = new TextEncoder();
  let bytes = encoder.encode(head + tail).length;
  const parts: string[] = [];
  // Articles in order, round after round, until the page reaches the target size.
  for (let i = 0; bytes < targetBytes; i++) {
    const s = stories[i % stories.length]!;
    const html =
      `<article id="a${i}"><h2>${esc(s.headline)}</h2>` +
      (s.byline ? `<p class="byline">${esc(s.byline)}</p>` : '') +
      s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('') +
      `</article>\n`;
    parts.push(html);
    bytes += encoder.encode(html).length;
  }
  return head + parts.join('') + tail;
}

/** The seed articles with a headline and text, as stories. */
function seedStories(bundle: ArchiveBundle): Story[] {
  return bundle.articles
    .filter((a) => a.headline && a.paragraphs.length > 0)
    .map((a) => ({
      headline: a.headline!,
      byline: a.byline.reporters.length > 0 ? `记者 ${a.byline.reporters.join(' ')}` : '',
      paragraphs: a.paragraphs,
    }));
}

export function chineseNewsPage(bundle: ArchiveBundle, targetBytes = 1_000_000): string {
  const stories = seedStories(bundle);
  if (stories.length === 0) throw new Error('the archive has no articles with a headline and text');
  return page(
    {
      lang: 'zh-CN',
      title: '株洲新闻网 · 要闻',
      sections: ['首页', '要闻', '时政', '经济', '社会', '文化', '体育', '图片', '评论', '专题', '县市区', '便民'],
      asideTitle: '最新消息',
      footer: '版权所有 株洲新闻网(基准测试用合成页面)',
    },
    stories,
    targetBytes,
    'Synthetic benchmark page (bench/page): the seed articles of public/archive.json repeated to about 1 MB. Not a real site.',
  );
}

// Common English words, drawn by a seeded generator: prose-like text of a chosen length with no
// character outside ASCII.
const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there one all we their can has more when will would about if no out up said what its so ' +
  'city council county report market local people year new first last week government plan project road river ' +
  'industry company school water power rail station workers officials growth million percent budget district ' +
  'village town residents police court health center festival museum library bridge harbor airport farmers'
).split(' ');

/** A small deterministic generator (mulberry32), so the page is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const n = 8 + Math.floor(next() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function paragraph(next: () => number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = sentence(next);
    out.push(s);
    length += s.length + 1;
  }
  return out.join(' ');
}

/**
 * The same structure without Chinese: as many stories as the seeds have, each with as many
 * paragraphs, in English words; paragraph lengths are the seeds' UTF-8 byte lengths, so the page
 * has as many articles per megabyte as the Chinese one.
 */
export function englishNewsPage(bundle: ArchiveBundle, targetBytes = 1_000_000): string {
  const next = random(20240127);
  const encoder = new TextEncoder();
  const stories = seedStories(bundle).map((s) => ({
    headline: sentence(next).slice(0, 60).replace(/\s+\S*$/, ''),
    byline: s.byline ? `By ${sentence(next).split(' ').slice(0, 2).join(' ')}` : '',
    paragraphs: s.paragraphs.map((p) => paragraph(next, encoder.encode(p).length)),
  }));
  return page(
    {
      lang: 'en',
      title: 'Riverside Gazette: Top Stories',
      sections: ['Home', 'News', 'Politics', 'Business', 'Society', 'Culture', 'Sports', 'Photos', 'Opinion', 'Features', 'Counties', 'Services'],
      asideTitle: 'Latest',
      footer: 'Riverside Gazette (a synthetic page for benchmarks)',
    },
    stories,
    targetBytes,
    'Synthetic benchmark page (bench/page): English words from a seeded generator, the structure of the Chinese page, no Chinese characters. Not a real site.',
  );
}

/** The two pages every page bench loads, by file name under its output folder. */
export interface BenchPage {
  key: 'zh' | 'en';
  label: string;
  file: string;
  /** With the extension, wait for this first (the launcher shows only where the page names something). */
  watch?: string;
}

export const BENCH_PAGES: readonly BenchPage[] = [
  { key: 'zh', label: 'Chinese news page', file: 'news-zh.html', watch: LAUNCHER },
  { key: 'en', label: 'page without Chinese', file: 'news-en.html' },
];

/** The ids a reader would hover: the archive's entities, most mentioned first. */
export function hoverIds(bundle: ArchiveBundle, limit: number): string[] {
  const count = new Map<string, number>();
  for (const m of bundle.mentions) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
  return [...bundle.entities]
    .sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0))
    .slice(0, limit)
    .map((e) => e.id);
}
