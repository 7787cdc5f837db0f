// The index's building blocks against plain oracles: the fold keeps lengths, posting bytes decode
// to what was written, ranking with bounds equals sorting everything, snippet marks sit on terms.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { searchFolder, widthFolder } from '../../src/search';
import { countFolded, indexOfFolded } from '../../src/search/folded-match';
import { decodePostings, PostingWriter } from '../../src/search/postings';
import { rankWithBounds } from '../../src/search/rank';
import { makeSnippet } from '../../src/search/snippet';
import { fromBase64, toBase64 } from '../../src/search/serialize';

const unicode = fc.string({ unit: 'binary', maxLength: 60 });
const mixed = fc.array(fc.constantFrom('陳', '陈', '區', 'Ａ', 'a', 'B', '１', '“', '”', '「', '𫮃', '𠀀', ' ', '\u3000', '，', '株'), { maxLength: 30 }).map((cs) => cs.join(''));

describe('the fold', () => {
  test.prop([fc.oneof(unicode, mixed)])('keeps the length and folds unit by unit', (text) => {
    const folded = searchFolder().fold(text);
    expect(folded.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(folded.charCodeAt(i)).toBe(searchFolder().fold(text[i]!).charCodeAt(0));
  });

  test('traditional to simplified, full width to ASCII, upper to lower case, quotes to straight ones', () => {
    expect(searchFolder().fold('陳恢清 醴陵經開區 ＲＣＥＰ RCEP １２３ “「株洲」”')).toBe('陈恢清 醴陵经开区 rcep rcep 123 ""株洲""');
    expect(widthFolder.fold('陳')).toBe('陳');
  });

  test.prop([fc.oneof(unicode, mixed), mixed])('folded search finds what searching the folded text finds', (text, needleRaw) => {
    const table = searchFolder().table;
    const needle = searchFolder().fold(needleRaw);
    const folded = searchFolder().fold(text);
    expect(indexOfFolded(text, needle, table)).toBe(folded.indexOf(needle));
    let count = 0;
    if (needle !== '') for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) count++;
    if (needle !== '') expect(countFolded(text, needle, table, 1000)).toBe(count);
  });
});

describe('posting lists', () => {
  const postings = fc.uniqueArray(fc.nat({ max: 5_000_000 }), { maxLength: 200 }).chain((nums) =>
    fc.tuple(fc.constant([...nums].sort((a, b) => a - b)), fc.array(fc.nat({ max: 255 }), { minLength: nums.length, maxLength: nums.length })),
  );

  test.prop([postings])('decode to the numbers and weights written, through base64 too', ([nums, weights]) => {
    const w = new PostingWriter();
    nums.forEach((n, i) => w.add(n, weights[i]!));
    const record = w.finish('k');
    const decoded = decodePostings({ count: record.count, bytes: fromBase64(toBase64(record.bytes)) });
    expect([...decoded.nums]).toEqual(nums);
    expect([...decoded.weights]).toEqual(weights);
  });

  test('refuse numbers out of order', () => {
    const w = new PostingWriter();
    w.add(5, 1);
    expect(() => w.add(5, 1)).toThrow(RangeError);
  });
});

describe('ranking with bounds', () => {
  // Candidates with a bound each and an exact score at most the bound (0: not a match after all).
  const candidates = fc.uniqueArray(fc.nat({ max: 500 }), { maxLength: 120 }).chain((nums) =>
    fc.tuple(
      fc.constant([...nums].sort((a, b) => a - b)),
      fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 })), { minLength: nums.length, maxLength: nums.length }),
    ),
  );

  test.prop([candidates, fc.integer({ min: 1, max: 10 }), fc.boolean()])('returns what sorting every exact score returns, reading fewer', async ([nums, pairs], limit, newestFirst) => {
    const uppers = pairs.map(([a, b]) => Math.max(a, b));
    const exact = new Map(nums.map((n, i) => [n, Math.min(pairs[i]![0], pairs[i]![1])]));
    let read = 0;
    const { top } = await rankWithBounds(
      { nums, uppers, length: nums.length, newestFirst },
      limit,
      (list) => {
        read += list.length;
        return list;
      },
      (num) => exact.get(num)!,
    );
    const expected = nums
      .filter((n) => exact.get(n)! > 0)
      .sort((a, b) => exact.get(b)! - exact.get(a)! || (newestFirst ? b - a : a - b))
      .slice(0, limit);
    expect(top.map((t) => t.num)).toEqual(expected);
    expect(read).toBeLessThanOrEqual(nums.length);
  });
});

describe('snippets', () => {
  test.prop([fc.array(fc.oneof(unicode, mixed), { minLength: 1, maxLength: 4 }), fc.array(mixed.filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 3 })])(
    'every mark covers a term, in the snippet as returned',
    (paragraphs, rawNeedles) => {
      const fold = searchFolder().fold;
      const needles = rawNeedles.map(fold);
      const { snippet, marks } = makeSnippet(paragraphs, paragraphs.map(fold), needles);
      for (const [s, e] of marks) {
        expect(s).toBeLessThan(e);
        expect(e).toBeLessThanOrEqual(snippet.length);
        const marked = fold(snippet.slice(s, e));
        // A mark starts with a whole term (several overlapping ones merge), or is a term's start
        // clipped by the snippet's end.
        expect(needles.some((n) => marked.startsWith(n) || n.startsWith(marked))).toBe(true);
      }
    },
  );

  test('a seed sentence: the query is marked where it stands', () => {
    const text = '记者日前从醴陵市商务和粮食局获悉,今年上半年,该市进出口总额“跑出”新速度';
    const { snippet, marks } = makeSnippet([text], [text], ['醴陵', '出口']);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['醴陵', '出口']);
  });
});
