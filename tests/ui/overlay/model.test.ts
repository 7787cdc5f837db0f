import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { groupByType, lazyMention, mentionContext, TYPE_ORDER, type PageEntity } from '../../../src/ui/overlay/model';

const entity = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  name: fc.string({ unit: 'grapheme', maxLength: 6 }),
  type: fc.constantFrom(...TYPE_ORDER),
  count: fc.integer({ min: 1, max: 50 }),
  mentions: fc.constant([]),
}) satisfies fc.Arbitrary<PageEntity>;
const uniqueEntities = fc.uniqueArray(entity, { selector: (e) => e.id, maxLength: 30 });

describe('groupByType', () => {
  test.prop([uniqueEntities])('keeps every entity once, in a group of its type, groups in type order', (entities) => {
    const groups = groupByType(entities);
    expect(groups.flatMap((g) => g.entities.map((e) => e.id)).sort()).toEqual(entities.map((e) => e.id).sort());
    for (const g of groups) {
      expect(g.entities.length).toBeGreaterThan(0);
      for (const e of g.entities) expect(e.type).toBe(g.type);
      expect(g.count).toBe(g.entities.reduce((s, e) => s + e.count, 0));
    }
    const order = groups.map((g) => TYPE_ORDER.indexOf(g.type));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test.prop([uniqueEntities])('lists the most mentioned first within a group', (entities) => {
    for (const g of groupByType(entities)) {
      for (let i = 1; i < g.entities.length; i++) expect(g.entities[i - 1]!.count).toBeGreaterThanOrEqual(g.entities[i]!.count);
    }
  });
});

describe('mentionContext', () => {
  it('keeps a short context whole and folds white space', () => {
    expect(mentionContext('市委书记\n  ', '来到醴陵')).toEqual({ before: '市委书记 ', after: '来到醴陵' });
  });

  it('cuts long context at the given number of characters, marking the cut', () => {
    expect(mentionContext('一二三四五六', '七八九十', 3)).toEqual({ before: '…四五六', after: '七八九…' });
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 1, max: 20 })])(
    'never splits a surrogate pair and never exceeds the limit (plus the ellipsis)',
    (before, after, chars) => {
      const c = mentionContext(before, after, chars);
      for (const s of [c.before, c.after]) {
        expect(Array.from(s).length).toBeLessThanOrEqual(chars + 1); // + the ellipsis marking a cut
        expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
    },
  );

  it('counts an astral character as one', () => {
    expect(mentionContext('𫮃𫮃𫮃', '𫮃𫮃𫮃', 2)).toEqual({ before: '…𫮃𫮃', after: '𫮃𫮃…' });
  });
});

describe('lazyMention', () => {
  test('reads the page text around a mention only when the panel reads it, and only once', () => {
    let reads = 0;
    const m = lazyMention('3:0', '醴陵', { run: 3 }, () => (reads++, { before: '市委书记\n  ', after: '来到醴陵' }));
    expect(reads).toBe(0);
    expect([m.before, m.text, m.after]).toEqual(['市委书记 ', '醴陵', '来到醴陵']);
    expect(m.after).toBe('来到醴陵');
    expect(reads).toBe(1);
  });
});
