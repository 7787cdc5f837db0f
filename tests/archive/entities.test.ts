import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { buildBundle } from '../../src/archive/bundle';
import { extractEntities } from '../../src/archive/entities';
import { parseIssueText } from '../../src/archive/parse-issue';
import { seedBytes } from '../support/golden';

const SEEDS = ['000_aef4f93b7db362a9.txt', '001_9ab4256ef58901f2.txt', '002_e09f9dc8a635df41.txt', '003_83df26c1926cabee.txt', '004_93fa3b44915f2e79.txt'];
const { bundle } = buildBundle(SEEDS.map((s) => ({ source: s, bytes: seedBytes(s) })));
const articles = new Map(bundle.articles.map((a) => [a.id, a]));
const entities = new Map(bundle.entities.map((e) => [e.id, e]));

describe('entities, mentions and figures of the seed archive', () => {
  test('entity ids are type + canonical name, unique', () => {
    expect(entities.size).toBe(bundle.entities.length);
    for (const e of bundle.entities) expect(e.id).toBe(`${e.type}:${e.name}`);
  });

  test('every mention points at its entity\'s name or an alias, in an existing paragraph', () => {
    const bad = bundle.mentions.filter((m) => {
      const text = articles.get(m.articleId)?.paragraphs[m.paragraph]?.slice(m.start, m.end);
      const e = entities.get(m.entityId);
      // 言 鹏 (a name printed with a space) is the one form compared without whitespace.
      return !e || text === undefined || ![e.name, ...e.aliases].includes(text.replace(/\s+/g, ''));
    });
    expect(bad).toEqual([]);
  });

  test('every figure\'s text is the slice at its offsets, and its subject exists', () => {
    for (const f of bundle.figures) {
      expect(articles.get(f.articleId)?.paragraphs[f.paragraph]?.slice(f.start, f.end)).toBe(f.text);
      if (f.subjectEntityId !== null) expect(entities.has(f.subjectEntityId)).toBe(true);
      expect(Number.isFinite(f.value)).toBe(true);
    }
  });

  test('a person\'s titles are kept with the date of the issue that printed them (曹慧泉, seeds/000 and seeds/002)', () => {
    const cao = entities.get('person:曹慧泉')!;
    expect(cao.role).toBe('official');
    expect(cao.titleHistory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: '市委书记', date: '2024-01-27' }),
        expect.objectContaining({ title: '市委书记', date: '2023-01-02' }),
      ]),
    );
  });

  test('journalists come from bylines with their role', () => {
    expect(entities.get('person:刘毅')).toMatchObject({ role: 'journalist', titles: expect.arrayContaining(['记者']) });
  });

  test('anonymised people never become entities (seeds/003, seeds/004)', () => {
    for (const id of ['person:刘某某', 'person:梁先生', 'person:张女士']) expect(entities.has(id)).toBe(false);
  });
});

describe('entity extraction on any input', () => {
  propTest.prop([fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 6 })], { numRuns: 150 })(
    'never throws, and every offset lies inside its paragraph',
    (paragraphs) => {
      const { issue, articles: parsed } = parseIssueText('random.txt', paragraphs.join('\n\n'));
      const out = extractEntities([issue], parsed);
      for (const m of [...out.mentions, ...out.figures]) {
        const p = parsed.find((a) => a.id === m.articleId)!.paragraphs[m.paragraph]!;
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(p.length);
      }
    },
  );
});
