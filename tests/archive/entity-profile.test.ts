import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { toDisplay } from '../../src/archive/display';
import type { EntityRecord } from '../../src/archive/types';
import {
  buildEntityProfile,
  indexEntities,
  linkParagraph,
  nonOverlapping,
  RELATED_LIMIT,
  sentenceAround,
  sentenceSnippet,
  SNIPPET_CONTEXT,
  titleHistory,
  type TextPart,
} from '../../src/archive/entity-profile';
import { article, CITY, entityBundle, JOURNALIST, mentionOf, ORG, PERSON, PERSON2, PLACE, sampleBundle } from '../ui/fixtures';

const joined = (parts: TextPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: TextPart[]) => parts.filter((p) => p.mark).map((p) => p.text);
const profileOf = (id: string) => buildEntityProfile(entityBundle(), id)!;

describe('sentenceAround', () => {
  const text = '1月26日，市委书记曹慧泉来到醴陵经开区调研。他强调，要做强做优陶瓷产业！中车株洲所负责人陪同。';

  it('cuts at 。！？ on both sides of the span', () => {
    const at = (name: string) => {
      const start = text.indexOf(name);
      const { start: s, end: e } = sentenceAround(text, { start, end: start + name.length });
      return text.slice(s, e);
    };
    expect(at('曹慧泉')).toBe('1月26日，市委书记曹慧泉来到醴陵经开区调研。');
    expect(at('陶瓷')).toBe('他强调，要做强做优陶瓷产业！');
    expect(at('中车株洲所')).toBe('中车株洲所负责人陪同。');
  });

  it('keeps closing quotes with the sentence they end, and drops white space at the ends', () => {
    const quoted = '曹慧泉说：“园区是发展的主战场。”随后，他与陈恢清察看了企业生产线。';
    const cut = (name: string) => {
      const start = quoted.indexOf(name);
      const span = sentenceAround(quoted, { start, end: start + name.length });
      return quoted.slice(span.start, span.end);
    };
    expect(cut('曹慧泉')).toBe('曹慧泉说：“园区是发展的主战场。”');
    expect(cut('陈恢清')).toBe('随后，他与陈恢清察看了企业生产线。');
    const spaced = '前一句。  株洲很好 ';
    expect(spaced.slice(...Object.values(sentenceAround(spaced, { start: 6, end: 8 })))).toBe('株洲很好');
  });

  it('runs to the paragraph ends when there is no sentence end', () => {
    expect(sentenceAround('株洲市石峰区', { start: 3, end: 6 })).toEqual({ start: 0, end: 6 });
  });
});

describe('sentenceSnippet', () => {
  it('gives the display text of the sentence, the name marked', () => {
    const stored = '今年以来,醴陵经开区新签约项目12个,总投资86亿元。市长曹慧泉出席签约仪式。';
    const start = stored.indexOf('曹慧泉');
    expect(sentenceSnippet(stored, { start, end: start + 3 }, [])).toEqual([
      { text: '市长', mark: false },
      { text: '曹慧泉', mark: true },
      { text: '出席签约仪式。', mark: false },
    ]);
  });

  it('treats an ASCII ? of Chinese text as the sentence end it displays as', () => {
    const parts = sentenceSnippet('曹慧泉要求,各地各部门要压实责任?确保安全。', { start: 0, end: 3 }, []);
    expect(joined(parts)).toBe('曹慧泉要求，各地各部门要压实责任？');
  });

  it('marks every mention inside the sentence and none outside', () => {
    const stored = '株洲很美。株洲人爱株洲。株洲!';
    const spans = [0, 5, 9, 12].map((start) => ({ start, end: start + 2 }));
    const parts = sentenceSnippet(stored, spans[1]!, spans);
    expect(parts).toEqual([
      { text: '株洲', mark: true },
      { text: '人爱', mark: false },
      { text: '株洲', mark: true },
      { text: '。', mark: false },
    ]);
  });

  it('cuts a long sentence around the name, with an ellipsis, never inside a surrogate pair', () => {
    const before = '甲'.repeat(SNIPPET_CONTEXT + 20);
    const after = '乙'.repeat(SNIPPET_CONTEXT - 1) + '𫮃' + '丙'.repeat(30);
    const stored = `${before}曹慧泉${after}。`;
    const start = before.length;
    const parts = sentenceSnippet(stored, { start, end: start + 3 }, []);
    expect(parts[0]?.text).toBe('…' + '甲'.repeat(SNIPPET_CONTEXT));
    expect(marked(parts)).toEqual(['曹慧泉']);
    // The cut would fall between the halves of 𫮃: it moves past it.
    expect(parts[2]?.text).toBe('乙'.repeat(SNIPPET_CONTEXT - 1) + '𫮃…');
  });
});

describe('linkParagraph', () => {
  it('splits the display text at the mentions', () => {
    const display = toDisplay('1月26日,市委书记曹慧泉来到醴陵经开区调研。');
    const parts = linkParagraph(display, [
      { entityId: 'p', start: 10, end: 13 },
      { entityId: 'z', start: 15, end: 20 },
    ]);
    expect(parts).toEqual([
      { text: '1月26日，市委书记' },
      { text: '曹慧泉', entityId: 'p' },
      { text: '来到' },
      { text: '醴陵经开区', entityId: 'z' },
      { text: '调研。' },
    ]);
  });

  it('keeps the first, then the longest, of overlapping mentions, and drops offsets outside the text', () => {
    const display = '醴陵经开区获督查激励';
    const parts = linkParagraph(display, [
      { entityId: 'city', start: 0, end: 2 },
      { entityId: 'zone', start: 0, end: 5 },
      { entityId: 'inner', start: 2, end: 4 },
      { entityId: 'late', start: 8, end: 12 },
      { entityId: 'empty', start: 6, end: 6 },
    ]);
    expect(parts).toEqual([{ text: '醴陵经开区', entityId: 'zone' }, { text: '获督查激励' }]);
  });

  it('gives the whole text as one part when nothing is linked', () => {
    expect(linkParagraph('', [])).toEqual([{ text: '' }]);
    expect(linkParagraph('株洲', [])).toEqual([{ text: '株洲' }]);
  });

  test.prop([
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.record({ start: fc.integer({ min: -2, max: 45 }), length: fc.integer({ min: -1, max: 8 }) }), { maxLength: 8 }),
  ])('the parts join to exactly the text, links do not overlap and hold the mentioned characters', (text, raw) => {
    const mentions = raw.map((m, i) => ({ entityId: `e${i}`, start: m.start, end: m.start + m.length }));
    const parts = linkParagraph(text, mentions);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    let at = 0;
    for (const part of parts) {
      if (part.entityId !== undefined) {
        const m = mentions.find((x) => x.entityId === part.entityId)!;
        expect(m.start).toBe(at);
        expect(part.text).toBe(text.slice(m.start, m.end));
      }
      at += part.text.length;
    }
  });
});

describe('nonOverlapping', () => {
  it('sorts and resolves overlaps', () => {
    expect(
      nonOverlapping(
        [
          { start: 4, end: 6 },
          { start: 0, end: 2 },
          { start: 1, end: 5 },
          { start: 5, end: 9 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
  });
});

describe('titleHistory', () => {
  it('lists titles newest first, each with its dates newest first and the unknown date last, one per date', () => {
    const entity = entityBundle().entities.find((e) => e.id === PERSON)!;
    expect(titleHistory(entity)).toEqual([
      {
        title: '市委书记',
        printings: [
          { date: '2024-01-27', articleId: 'b1' },
          { date: null, articleId: 'b3' },
        ],
      },
      { title: '市长', printings: [{ date: '2022-08-24', articleId: 'b2' }] },
    ]);
  });

  it('keeps titles the bundle gives without history, after the dated ones', () => {
    const entity: EntityRecord = {
      id: 'person:x',
      type: 'person',
      name: 'x',
      aliases: [],
      titles: ['董事长', '总经理'],
      titleHistory: [{ title: '总经理', date: '2023-03-01', articleId: 'a1' }],
    };
    expect(titleHistory(entity).map((e) => [e.title, e.printings.length])).toEqual([
      ['总经理', 1],
      ['董事长', 0],
    ]);
    expect(titleHistory({ id: 'place:y', type: 'place', name: 'y', aliases: [] })).toEqual([]);
  });
});

describe('buildEntityProfile', () => {
  it('lists the articles that mention the entity newest first, print order within an issue, undated last', () => {
    const profile = profileOf(PERSON);
    expect(profile.articles.map((a) => a.article.id)).toEqual(['b1', 'b2', 'b4', 'b3']);
    expect(profile.articles.map((a) => a.issue.date)).toEqual(['2024-01-27', '2022-08-24', '2022-08-24', null]);
    expect(profile.articles.map((a) => a.mentionCount)).toEqual([2, 1, 1, 1]);
    expect(profileOf(PLACE).articles.map((a) => a.article.id)).toEqual(['a1', 'b1', 'b4']);
  });

  it('gives each article the sentence of its first mention, the name marked', () => {
    const profile = profileOf(PERSON);
    expect(profile.articles.map((a) => joined(a.snippet))).toEqual([
      '1月26日，市委书记曹慧泉来到醴陵经开区调研。',
      '8月23日，市长曹慧泉到中车株洲所检查安全生产。',
      '市长曹慧泉出席签约仪式。',
      '曹慧泉要求，各地各部门要压实责任？',
    ]);
    for (const a of profile.articles) expect(marked(a.snippet)).toEqual(['曹慧泉']);
    expect(marked(profileOf(CITY).articles[0]!.snippet)).toEqual(['醴陵']);
    expect(joined(profileOf(PERSON2).articles[0]!.snippet)).toBe('随后，他与陈恢清察看了企业生产线。');
  });

  it('counts the entities named in the same articles, most first', () => {
    expect(profileOf(PERSON).related.map((r) => [r.entity.id, r.articles])).toEqual([
      [ORG, 2],
      [PLACE, 2],
      [CITY, 1],
      [PERSON2, 1],
    ]);
    expect(profileOf(PLACE).related.map((r) => [r.entity.id, r.articles])).toEqual([
      [PERSON, 2],
      [ORG, 1],
      [CITY, 1],
      [PERSON2, 1],
    ]);
  });

  it(`keeps the ${RELATED_LIMIT} most often named with it`, () => {
    const bundle = sampleBundle();
    const names = '甲乙丙丁戊己庚辛壬癸'.split('');
    bundle.entities = ['主', ...names].map((n) => ({ id: `place:${n}`, type: 'place', name: n, aliases: [] }));
    // 甲 is in 10 articles with 主, 乙 in 9, … 癸 in 1.
    for (let i = 0; i < 10; i++) {
      const a = article(`x${i}`, 'i-2024', { paragraphs: ['主' + names.slice(0, 10 - i).join('')] });
      bundle.articles.push(a);
      bundle.mentions.push(mentionOf('place:主', a, 0, '主'));
      for (const n of names.slice(0, 10 - i)) bundle.mentions.push(mentionOf(`place:${n}`, a, 0, n));
    }
    const related = buildEntityProfile(bundle, 'place:主')!.related;
    expect(related.map((r) => r.entity.name)).toEqual(names.slice(0, RELATED_LIMIT));
    expect(related.map((r) => r.articles)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
  });

  it("takes the figures whose subject is the entity, in the articles' order", () => {
    expect(profileOf(PLACE).figures.map((f) => f.figure.id)).toEqual(['a1-f001', 'b4-f001']);
    expect(profileOf(ORG).figures.map((f) => [f.figure.id, f.article.id, f.issue.date])).toEqual([['b2-f001', 'b2', '2022-08-24']]);
    expect(profileOf(PERSON).figures).toEqual([]);
  });

  it('counts mentions per issue date, oldest first, and the undated ones apart', () => {
    const profile = profileOf(PERSON);
    expect(profile.timeline).toEqual([
      { date: '2022-08-24', count: 2 },
      { date: '2024-01-27', count: 2 },
    ]);
    expect(profile.undatedMentions).toBe(1);
    expect(profile.mentionCount).toBe(5);
  });

  it('has titles, and an empty profile, for an entity known only from a byline', () => {
    const profile = profileOf(JOURNALIST);
    expect(profile.titles).toEqual([{ title: '记者', printings: [{ date: '2024-01-27', articleId: 'a1' }] }]);
    expect(profile.articles).toEqual([]);
    expect(profile.timeline).toEqual([]);
    expect(profile.related).toEqual([]);
  });

  it('is undefined for an unknown id, and built once per id', () => {
    const index = indexEntities(entityBundle());
    expect(index.profile('person:无名')).toBeUndefined();
    expect(index.profile(PERSON)).toBe(index.profile(PERSON));
  });

  it('gives the mentions of one article in reading order, leaving out unknown entities', () => {
    const bundle = entityBundle();
    bundle.mentions.push({ entityId: 'person:不存在', articleId: 'b1', paragraph: 0, start: 0, end: 2 });
    const mentions = indexEntities(bundle).mentionsIn('b1');
    expect(mentions.map((m) => [m.paragraph, m.start, m.entityId])).toEqual([
      [0, 10, PERSON],
      [0, 15, PLACE],
      [0, 15, CITY],
      [0, 37, ORG],
      [1, 0, PERSON],
      [1, 22, PERSON2],
    ]);
    expect(indexEntities(bundle).mentionsIn('a2')).toEqual([]);
  });
});
