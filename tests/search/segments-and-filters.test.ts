// Segments, filters and suggestions over the seeds: an archive split into segments (the bundled
// one and an issue the user added) answers as the whole does; a segment survives JSON; kinds,
// entity types, date ranges and hidden issues narrow the lists; a miss suggests the nearest names.
import { describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { buildSearchIndex, MemorySource, search, segmentFromJson, segmentToJson, suggest } from '../../src/search';
import { seedsIndex } from './seeds-index';

const QUERIES = ['醴陵 出口', '陳恢清', '专项债', 'chq', 'liling', '株洲', '市', '进出口总额', '告别与出发'];

/** The part of the bundle with these issues; entities are copied whole, as the store copies them per user issue. */
function part(bundle: ArchiveBundle, issueIds: Set<string>): ArchiveBundle {
  const articles = bundle.articles.filter((a) => issueIds.has(a.issueId));
  const ids = new Set(articles.map((a) => a.id));
  return {
    version: 1,
    issues: bundle.issues.filter((i) => issueIds.has(i.id)),
    articles,
    entities: bundle.entities,
    mentions: bundle.mentions.filter((m) => ids.has(m.articleId)),
    figures: bundle.figures.filter((f) => ids.has(f.articleId)),
  };
}

describe('segments', () => {
  const { bundle, pinyin, source, segment } = seedsIndex();

  test('the seeds split into a bundled segment and a user segment answer as the whole', async () => {
    const user = new Set([bundle.issues[4]!.id]);
    const rest = new Set(bundle.issues.map((i) => i.id).filter((id) => !user.has(id)));
    const parts = [
      new MemorySource(buildSearchIndex(part(bundle, rest), pinyin)),
      new MemorySource(buildSearchIndex(part(bundle, user), pinyin, { segment: bundle.issues[4]!.id })),
    ];
    for (const q of QUERIES) {
      // A limit above every list's length: per-segment lists are cut before merging (see search.ts).
      const whole = await search(source, q, { limit: 1000 });
      const split = await search(parts, q, { limit: 1000 });
      expect(split.articles.map((a) => [a.id, a.score]), q).toEqual(whole.articles.map((a) => [a.id, a.score]));
      expect(split.figures.map((f) => [f.id, f.score]), q).toEqual(whole.figures.map((f) => [f.id, f.score]));
      expect(split.entities.map((e) => [e.id, e.score]), q).toEqual(whole.entities.map((e) => [e.id, e.score]));
    }
  });

  test('a segment read back from JSON answers the same', async () => {
    const back = new MemorySource(segmentFromJson(JSON.parse(JSON.stringify(segmentToJson(segment)))));
    for (const q of QUERIES) expect(await search(back, q), q).toEqual(await search(source, q));
  });

  test('a query folded differently from the index is refused, not answered wrongly', async () => {
    const other = new MemorySource({ ...segment, header: { ...segment.header, fold: 'something-else' } });
    await expect(search(other, '株洲')).rejects.toThrow(/fold/);
  });
});

describe('filters', () => {
  const { bundle, source } = seedsIndex();
  const dateOf = new Map(bundle.articles.map((a) => [a.id, bundle.issues.find((i) => i.id === a.issueId)!.date]));

  test('kinds: only the lists asked for', async () => {
    const r = await search(source, '醴陵', { kinds: ['entity'] });
    expect(r.entities.length).toBeGreaterThan(0);
    expect(r.articles).toEqual([]);
    expect(r.figures).toEqual([]);
  });

  test('entity types', async () => {
    const r = await search(source, '株洲', { entityTypes: ['org'] });
    expect(r.entities.length).toBeGreaterThan(0);
    expect(r.entities.every((e) => e.type === 'org')).toBe(true);
  });

  test('date range: articles and figures of issues inside it only, all of them', async () => {
    const all = await search(source, '株洲', { limit: 1000 });
    const within = await search(source, '株洲', { from: '2023-01-01', to: '2023-12-31', limit: 1000 });
    const expected = all.articles.filter((a) => a.date !== null && a.date >= '2023-01-01' && a.date <= '2023-12-31').map((a) => a.id);
    expect(within.articles.map((a) => a.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.articles.length);
    expect(within.figures.every((f) => f.date !== null && f.date >= '2023-01-01' && f.date <= '2023-12-31')).toBe(true);
    for (const a of within.articles) expect(a.date).toBe(dateOf.get(a.id));
  });

  test('hidden issues are left out', async () => {
    const hidden = bundle.issues[1]!.id;
    const r = await search(source, '株洲', { hiddenIssues: new Set([hidden]), limit: 1000 });
    expect(r.articles.some((a) => a.issueId === hidden)).toBe(false);
    expect((await search(source, '株洲', { limit: 1000 })).articles.some((a) => a.issueId === hidden)).toBe(true);
  });
});

describe('results', () => {
  const { source } = seedsIndex();

  test('a multi-term query: every article holds every term, marks show where', async () => {
    const r = await search(source, '醴陵 出口');
    expect(r.terms).toEqual(['醴陵', '出口']);
    expect(r.articles[0]!.headline).toBe('醴陵上半年进出口总额 同比增27.7%');
    for (const a of r.articles) {
      const marked = a.marks.map(([s, e]) => a.snippet.slice(s, e));
      expect(marked.every((m) => m === '醴陵' || m === '出口')).toBe(true);
      expect(a.headlineMarks.map(([s, e]) => a.headline!.slice(s, e)).every((m) => m === '醴陵' || m === '出口')).toBe(true);
    }
    expect(r.figures[0]!.metric).toMatch(/出口/);
  });

  test('pinyin of a name also finds the articles that print it', async () => {
    const r = await search(source, 'caohuiquan');
    expect(r.entities[0]!.name).toBe('曹慧泉');
    expect(r.articles.length).toBeGreaterThan(0);
    expect(r.articles[0]!.marks.some(([s, e]) => r.articles[0]!.snippet.slice(s, e) === '曹慧泉')).toBe(true);
  });

  test('a miss suggests the nearest names; a hit suggests nothing', async () => {
    const miss = await search(source, '陈恢青');
    expect([miss.entities, miss.articles, miss.figures]).toEqual([[], [], []]);
    expect(miss.suggestions[0]!.name).toBe('陈恢清');
    expect((await search(source, 'lilinggg')).suggestions.map((s) => s.name)).toContain('醴陵市');
    expect((await search(source, '陈恢清')).suggestions).toEqual([]);
    expect((await suggest(source, '曹慧')).map((s) => s.name)).toContain('曹慧泉');
    expect((await search(source, '量子计算机')).suggestions).toEqual([]);
  });

  test('an empty or punctuation-only query finds nothing and reads nothing', async () => {
    for (const q of ['', '   ', '，。%']) expect(await search(source, q)).toMatchObject({ entities: [], articles: [], figures: [], suggestions: [] });
  });
});

describe('search command arguments', () => {
  test('options and query words', async () => {
    const { parseSearchArgs } = await import('../../src/search/command');
    expect(parseSearchArgs(['醴陵', '--kinds', 'article,figure', '出口', '--limit', '5'])).toEqual({
      query: '醴陵 出口',
      options: { kinds: ['article', 'figure'], limit: 5 },
      archive: null,
    });
    expect(parseSearchArgs(['--', '--not-an-option'])).toMatchObject({ query: '--not-an-option' });
    for (const bad of [[], ['--kinds', 'people', 'x'], ['--types', 'person,thing', 'x'], ['--from', '2024-02-30', 'x'], ['--limit', '0', 'x'], ['--frobnicate', 'x', 'y'], ['x', '--to']]) {
      expect(typeof parseSearchArgs(bad), bad.join(' ')).toBe('string');
    }
  });
});
