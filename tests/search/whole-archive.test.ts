// The bar, over the whole seeds archive (no sample): every entity is listed first when its
// name is searched — simplified, traditional, and by pinyin where it has pinyin — and every article
// is listed first when its headline is searched.
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, test } from 'vitest';
import { search } from '../../src/search';
import { seedsIndex } from './seeds-index';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

describe('every entity of the seeds is found first by its name', () => {
  const { bundle, source, pinyin } = seedsIndex();

  async function firstFor(query: string): Promise<string | undefined> {
    return (await search(source, query, { kinds: ['entity'], limit: 5 })).entities[0]?.id;
  }

  test('in simplified characters', async () => {
    const missed: string[] = [];
    for (const e of bundle.entities) if ((await firstFor(e.name)) !== e.id) missed.push(e.name);
    expect(missed).toEqual([]);
    expect(bundle.entities.length).toBeGreaterThan(300);
  });

  test('in traditional characters (Taiwan and Hong Kong forms)', async () => {
    const missed: string[] = [];
    let changed = 0;
    for (const e of bundle.entities) {
      for (const variant of new Set([toTraditional(e.name), toHongKong(e.name)])) {
        if (variant !== e.name) changed++;
        if ((await firstFor(variant)) !== e.id) missed.push(`${variant} (${e.name})`);
      }
    }
    expect(missed).toEqual([]);
    expect(changed).toBeGreaterThan(150); // most names do change, so this tests the fold
  });

  test('by full pinyin and by initials: first, or tied only with names that read the same', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const e of bundle.entities) {
      const keys = pinyin[e.name];
      if (!keys) continue;
      for (const key of [...keys.full, ...keys.initials]) {
        checked++;
        const hits = (await search(source, key, { kinds: ['entity'], limit: 50 })).entities;
        const at = hits.findIndex((h) => h.id === e.id);
        if (at < 0) {
          problems.push(`${key}: ${e.name} not listed`);
          continue;
        }
        // Whatever precedes it matched as well (the same score: the same pinyin, a name beside it).
        const ahead = hits.slice(0, at).filter((h) => h.score !== hits[at]!.score);
        if (ahead.length > 0) problems.push(`${key}: ${ahead.map((h) => h.name).join(', ')} before ${e.name}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(600);
  });

  test('the issue’s examples: chq → 曹慧泉, liling → 醴陵, 陳恢清 → 陈恢清', async () => {
    expect((await search(source, 'chq')).entities[0]?.name).toBe('曹慧泉');
    const liling = (await search(source, 'liling')).entities[0];
    expect(liling && [liling.name, ...(bundle.entities.find((e) => e.id === liling.id)?.aliases ?? [])]).toContain('醴陵');
    expect((await search(source, '陳恢清')).entities[0]?.id).toBe('person:陈恢清');
  });
});

describe('every article of the seeds is found first by its headline', () => {
  const { bundle, source } = seedsIndex();
  const withHeadlines = bundle.articles.filter((a) => a.headline !== null && a.headline.trim() !== '');

  test('as printed', async () => {
    const missed: string[] = [];
    for (const a of withHeadlines) {
      const first = (await search(source, a.headline!, { kinds: ['article'], limit: 3 })).articles[0];
      if (first?.id !== a.id) missed.push(`${a.headline} → ${first?.headline}`);
    }
    expect(missed).toEqual([]);
    expect(withHeadlines.length).toBeGreaterThan(30);
  });

  test('in traditional characters', async () => {
    const missed: string[] = [];
    for (const a of withHeadlines) {
      const first = (await search(source, toTraditional(a.headline!), { kinds: ['article'], limit: 3 })).articles[0];
      if (first?.id !== a.id) missed.push(a.headline!);
    }
    expect(missed).toEqual([]);
  });
});
