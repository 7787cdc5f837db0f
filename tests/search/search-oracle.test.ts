// Search against an oracle that reads every document: the articles (and figures) a query lists
// are exactly those whose folded text holds every term — the index may only make it faster.
// Terms with a run of two word characters are looked for in headlines and bodies; one-character
// terms in headlines only (see keys.ts), and the oracle says so too.
import { fc, test } from '@fast-check/vitest';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { buildSearchIndex, MemorySource, search, searchFolder, type SearchSegmentData } from '../../src/search';
import { bodyField, headlineField } from '../../src/search/build-index';
import { gramsOf } from '../../src/search/normalize';
import { seedsIndex } from './seeds-index';

const fold = (s: string) => searchFolder().fold(s);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The query's terms as the index reads them (folded, split on whitespace, at least one word character). */
function termsOf(query: string): { text: string; headlineOnly: boolean }[] {
  const seen = new Set<string>();
  return fold(query)
    .split(/\s+/)
    .filter((t) => t !== '' && !seen.has(t) && seen.add(t) && gramsOf(t).grams.length > 0)
    .map((t) => ({ text: t, headlineOnly: gramsOf(t).unigramOnly }));
}

function oracleArticles(bundle: ArchiveBundle, query: string): string[] {
  const terms = termsOf(query);
  if (terms.length === 0) return [];
  return bundle.articles
    .filter((a) => {
      const head = fold(headlineField(a));
      const body = fold(bodyField(a));
      return terms.every((t) => head.includes(t.text) || (!t.headlineOnly && body.includes(t.text)));
    })
    .map((a) => a.id)
    .sort();
}

function oracleFigures(segment: SearchSegmentData, query: string): string[] {
  const terms = termsOf(query);
  if (terms.length === 0 || terms.some((t) => t.headlineOnly)) return [];
  return segment.figures
    .filter((f) => {
      const fields = [f.metric ?? '', f.subject ?? '', f.text + '\n' + (f.period ?? ''), f.clause].map(fold);
      return terms.every((t) => fields.some((field) => field.includes(t.text)));
    })
    .map((f) => f.id)
    .sort();
}

async function found(source: MemorySource, query: string) {
  const r = await search(source, query, { kinds: ['article', 'figure'], limit: 100_000 });
  expect(r.partial).toBe(false);
  return { articles: r.articles.map((a) => a.id).sort(), figures: r.figures.map((f) => f.id).sort() };
}

describe('over the seeds', () => {
  const { bundle, segment, source } = seedsIndex();
  const texts = bundle.articles.flatMap((a) => [a.headline ?? '', ...a.subheadlines, ...a.paragraphs]).filter((t) => t.length > 0);

  /** A piece of seed text, 1–6 characters, sometimes in traditional characters. */
  const piece = fc
    .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean())
    .map(([text, at, length, traditional]) => {
      const start = at % text.length;
      const slice = text.slice(start, start + length);
      return traditional ? toTraditional(slice) : slice;
    });

  test.prop([fc.array(piece, { minLength: 1, maxLength: 3 })], { numRuns: 300 })('articles and figures are exactly those the full scan finds', async (pieces) => {
    const query = pieces.join(' ');
    const got = await found(source, query);
    expect(got.articles).toEqual(oracleArticles(bundle, query));
    expect(got.figures).toEqual(oracleFigures(segment, query));
  });

  test('the issue’s examples find what a full scan finds', async () => {
    for (const query of ['醴陵 出口', '陳恢清', '专项债', '进出口总额', '市']) {
      const got = await found(source, query);
      expect(got.articles, query).toEqual(oracleArticles(bundle, query));
      expect(got.articles.length, query).toBeGreaterThan(0);
    }
  });
});

describe('over random text, astral characters included', () => {
  // Characters that fold (陳, ａ, Ａ, １, “), astral ones (𫮃, 𠀀), separators and plain Chinese.
  const ALPHABET = ['株', '洲', '醴', '陵', '陈', '陳', '市', 'a', 'ａ', 'Ａ', '1', '１', '“', '”', '，', ' ', '.', '%', '𫮃', '𠀀', '\u3000'];
  const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((cs) => cs.join(''));
  const article = fc.record({ headline: fc.option(text, { nil: null }), subheadlines: fc.array(text, { maxLength: 2 }), paragraphs: fc.array(text, { maxLength: 4 }) });

  function bundleOf(articles: { headline: string | null; subheadlines: string[]; paragraphs: string[] }[]): ArchiveBundle {
    return {
      version: 1,
      issues: [{ id: 'i1', source: 'random.txt', date: '2024-01-01', issueNo: null, pageCount: null }],
      articles: articles.map((a, i) => ({
        id: `a${i}`,
        issueId: 'i1',
        kind: 'news',
        byline: { reporters: [], correspondents: [], photographers: [] },
        continues: null,
        continuedFrom: null,
        ...a,
      })),
      entities: [],
      mentions: [],
      figures: [],
    };
  }

  test.prop([fc.array(article, { minLength: 1, maxLength: 12 }), fc.array(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 2 })], {
    numRuns: 300,
  })('articles are exactly those the full scan finds', async (articles, pieces) => {
    const bundle = bundleOf(articles);
    const source = new MemorySource(buildSearchIndex(bundle));
    const query = pieces.join(' ');
    expect((await found(source, query)).articles).toEqual(oracleArticles(bundle, query));
  });
});
