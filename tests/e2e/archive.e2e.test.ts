// The archive as a reader meets it, in each browser: the popup lists what the build ships (and what
// the hand-checked golden annotations say the seed issues contain), and the reader shows an article.
//
// DOM contract (popup): <section data-zzl-issue="ISSUE_ID"> per issue, holding links
// [data-article-id="ARTICLE_ID"] whose text is the displayed headline (a label for null headlines).
// Reader: root [data-zzl-ready="true"] once loaded; h1[data-zzl="headline"], [data-zzl="subheadline"],
// [data-zzl="byline"], [data-zzl="date"], p[data-zzl="paragraph"], [data-zzl="continues"],
// [data-zzl="continued-from"]. reader.html#article=ID opens one article.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDisplay } from '../../src/archive/display.ts';
import type { ArchiveBundle, ArticleRecord } from '../../src/archive/types.ts';
import { BROWSERS, REPO_ROOT, useBrowser, type TestPage } from './harness/index.ts';

const GOLDEN_DIR = resolve(REPO_ROOT, '../shared/eval/golden');
/** Golden notes: where it is unclear which of two lines is the main title, either may be the headline. */
const ACCEPTED_SWAPS: [string, string][] = [['338台火车头整装待发', '株洲机务段全力保障春运']];

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！', ';': '；' };
/** For comparing headlines: no whitespace (the extraction leaves stray spaces), ASCII punctuation shown full-width. */
const squash = (text: string): string => text.replace(/\s+/g, '');
const comparable = (text: string): string => squash(text).replace(/[,:()?!;]/g, (c) => HALF_TO_FULL[c] ?? c);

/** A CSS attribute selector for `value` (ids are plain, but quote them anyway). */
const byAttr = (name: string, value: string): string => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

interface GoldenFile {
  seed: string;
  articles: { headline: string | null }[];
}

function readBundle(extensionDir: string): ArchiveBundle {
  const file = join(extensionDir, 'archive.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the build ships public/archive.json, made by \`npm run build\` (scripts/build-archive.ts).`);
  }
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as ArchiveBundle;
  if (bundle.version !== 1 || !Array.isArray(bundle.articles) || bundle.articles.length === 0) {
    throw new Error(`${file} is not an ArchiveBundle with articles`);
  }
  return bundle;
}

function readGolden000(): GoldenFile[] {
  if (!existsSync(GOLDEN_DIR)) throw new Error(`${GOLDEN_DIR} is missing: the repo must have shared/ beside it (../shared).`);
  const files = readdirSync(GOLDEN_DIR).filter((f) => /^000_.*\.json$/.test(f));
  if (files.length === 0) throw new Error(`no 000_*.json in ${GOLDEN_DIR}`);
  return files.map((f) => JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')) as GoldenFile);
}

interface PopupLink {
  id: string;
  issueId: string | null;
  text: string;
}

async function popupLinks(popup: TestPage): Promise<PopupLink[]> {
  await popup.waitFor('[data-zzl-issue] [data-article-id]', 60_000);
  return popup.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-article-id]'), (el) => ({
        id: el.getAttribute('data-article-id') ?? '',
        issueId: el.closest('[data-zzl-issue]')?.getAttribute('data-zzl-issue') ?? null,
        text: el.textContent ?? '',
      })),
    null,
  );
}

describe.each(BROWSERS)('$name: archive in the popup and the reader', ({ launch }) => {
  const h = useBrowser(launch);
  let bundle: ArchiveBundle;
  let articles: Map<string, ArticleRecord>;
  beforeAll(() => {
    bundle = readBundle(h().extensionDir);
    articles = new Map(bundle.articles.map((a) => [a.id, a]));
  });

  /** Opens the popup, runs `fn`, closes it. */
  async function withPopup<T>(fn: (popup: TestPage) => Promise<T>): Promise<T> {
    const popup = await h().openExtensionPage('popup.html');
    try {
      return await fn(popup);
    } finally {
      await popup.close();
    }
  }

  it('popup lists every issue and every headlined article of the shipped bundle, each link showing its headline', async () => {
    await withPopup(async (popup) => {
      const links = await popupLinks(popup);
      const sections = await popup.evaluate(
        () => Array.from(document.querySelectorAll('section[data-zzl-issue]'), (el) => el.getAttribute('data-zzl-issue')),
        null,
      );
      for (const issue of bundle.issues) expect(sections, `section for issue ${issue.id}`).toContain(issue.id);

      for (const link of links) {
        const article = articles.get(link.id);
        expect(article, `popup links article ${link.id}, which the bundle does not have`).toBeDefined();
        if (!article) continue;
        expect(link.issueId, `section of article ${link.id}`).toBe(article.issueId);
        if (article.headline === null) expect(squash(link.text), `label of headline-less article ${link.id}`).not.toBe('');
        else expect(squash(link.text), `headline of article ${link.id}`).toBe(squash(toDisplay(article.headline)));
      }
      const linked = new Set(links.map((l) => l.id));
      const missing = bundle.articles.filter((a) => a.headline !== null && !linked.has(a.id)).map((a) => `${a.id} ${a.headline}`);
      expect(missing, 'bundle articles with a headline but no link in the popup').toEqual([]);
    });
  });

  it('popup shows the headlines of the golden annotations of issue 000', async () => {
    const golden = readGolden000();
    await withPopup(async (popup) => {
      const links = await popupLinks(popup);
      for (const file of golden) {
        const issue = bundle.issues.find((i) => i.source === file.seed);
        expect(issue, `bundle issue from ${file.seed}`).toBeDefined();
        const shown = new Set(links.filter((l) => l.issueId === issue?.id).map((l) => comparable(l.text)));
        for (const { headline } of file.articles) {
          if (headline === null) continue;
          const swap = ACCEPTED_SWAPS.find((pair) => pair.includes(headline));
          const accepted = (swap ?? [headline]).map(comparable);
          expect(
            accepted.some((a) => shown.has(a)),
            `golden headline ${headline} (${file.seed}) among the popup's links of that issue: ${[...shown].join(' | ')}`,
          ).toBe(true);
        }
      }
    });
  });

  it('clicking an article in the popup opens the reader with its headline and paragraphs', async () => {
    await withPopup(async (popup) => {
      const links = await popupLinks(popup);
      const link = links.find((l) => {
        const a = articles.get(l.id);
        return a !== undefined && a.headline !== null && a.paragraphs.length > 1;
      });
      expect(link, 'a popup link to an article with a headline and paragraphs').toBeDefined();
      const article = articles.get(link!.id)!;

      const reader = await popup.clickForNewPage(byAttr('data-article-id', article.id));
      try {
        expect(await reader.url()).toContain(`${h().extensionBase}reader.html`);
        await reader.waitFor('[data-zzl-ready="true"]', 60_000);
        expect(squash(await reader.textOf('h1[data-zzl="headline"]'))).toBe(squash(toDisplay(article.headline!)));
        const paragraphs = await reader.textsOf('p[data-zzl="paragraph"]');
        expect(paragraphs.map((p) => p.trim())).toEqual(article.paragraphs.map((p) => toDisplay(p).trim()));
      } finally {
        await reader.close();
      }
    });
  });

  async function openReader(article: ArticleRecord): Promise<TestPage> {
    const reader = await h().openExtensionPage(`reader.html#article=${encodeURIComponent(article.id)}`);
    await reader.waitFor('[data-zzl-ready="true"]', 60_000);
    return reader;
  }

  it('reader.html#article=ID shows where a continued article comes from', async () => {
    const article = bundle.articles.find((a) => a.continuedFrom !== null);
    expect(article, 'an article with continuedFrom in the bundle').toBeDefined();
    const reader = await openReader(article!);
    try {
      expect(squash(await reader.textOf('[data-zzl="continued-from"]'))).toContain(squash(toDisplay(article!.continuedFrom!)));
      const paragraphs = await reader.textsOf('p[data-zzl="paragraph"]');
      expect(paragraphs.map((p) => p.trim())).toEqual(article!.paragraphs.map((p) => toDisplay(p).trim()));
    } finally {
      await reader.close();
    }
  });

  it('reader.html#article=ID shows where an article continues', async () => {
    const article = bundle.articles.find((a) => a.continues !== null);
    expect(article, 'an article with continues in the bundle').toBeDefined();
    const reader = await openReader(article!);
    try {
      expect(squash(await reader.textOf('[data-zzl="continues"]'))).toContain(squash(toDisplay(article!.continues!)));
    } finally {
      await reader.close();
    }
  });
  it('an entity profile lists the articles that name it, and a name in an article links to it', async () => {
    // The entity named in the most articles: its profile has the most to show.
    const articlesOf = new Map<string, Set<string>>();
    for (const m of bundle.mentions) {
      const set = articlesOf.get(m.entityId) ?? new Set<string>();
      set.add(m.articleId);
      articlesOf.set(m.entityId, set);
    }
    const [entityId, mentioning] = [...articlesOf].sort((a, b) => b[1].size - a[1].size)[0]!;
    const entity = bundle.entities.find((e) => e.id === entityId)!;
    const profile = await h().openExtensionPage(`reader.html#entity=${encodeURIComponent(entityId)}`);
    try {
      await profile.waitFor('[data-zzl-ready="true"]', 60_000);
      expect(squash(await profile.textOf('h1[data-zzl="entity-name"]'))).toBe(squash(toDisplay(entity.name)));
      const listed = await profile.evaluate(
        () => Array.from(document.querySelectorAll('[data-zzl="entity-article"]'), (el) => el.getAttribute('data-article-id')),
        null,
      );
      expect(new Set(listed)).toEqual(mentioning);
      await profile.waitFor('svg[data-zzl="timeline"]');
    } finally {
      await profile.close();
    }

    // From an article: clicking a marked name opens its profile.
    const article = articles.get([...mentioning][0]!)!;
    const reader = await openReader(article);
    try {
      await reader.click(`p[data-zzl="paragraph"] a${byAttr('data-entity-id', entityId)}`);
      await reader.waitFor(`[data-zzl="entity-profile"]${byAttr('data-entity-id', entityId)}`, 30_000);
    } finally {
      await reader.close();
    }
  });
});
