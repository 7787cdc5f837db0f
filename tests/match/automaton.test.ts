// The automaton and the matcher against naive oracles written from the definitions: every
// occurrence (folded, spaces inside stepped over), and the most-covering choice among them.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Automaton, Occurrences } from '../../src/match/automaton';
import { isSkippable } from '../../src/match/code-units';
import { nameKey, type CompiledNames } from '../../src/match/compile';
import { foldPairsInto, foldText } from '../../src/match/fold';
import { NameMatcher } from '../../src/match/matcher';
import { anyText } from './support';

// Simplified, their traditional forms, full-width, astral (𫮃 and 𠀀), spaces, a line break; and a
// small alphabet, so that occurrences overlap often.
const WIDE = ['长', '江', '小', '忠', '陈', '区', '長', '陳', '區', 'A', 'Ａ', '𫮃', '𠀀', ' ', '\u3000', '\u200b', '\n'];
const NARROW = ['长', '江', '長', 'Ａ', 'A', '𫮃', ' '];
const word = (alphabet: string[], max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: max }).map((a) => a.join(''));
// Patterns of two code units or more are found from opening pairs; a one-unit pattern makes the
// automaton try every unit that begins a pattern: the scenarios have both.
const patternsOf = (alphabet: string[], minUnits: number) =>
  fc
    .array(word(alphabet, 4), { minLength: 1, maxLength: 8 })
    .map((ws) => [...new Set(ws.map(nameKey))].filter((k) => k.length >= minUnits))
    .filter((ks) => ks.length > 0);
const textOf = (alphabet: string[]) =>
  fc.oneof(
    word(alphabet, 40),
    anyText(20),
    fc.array(fc.oneof(word(alphabet, 6), fc.string({ unit: 'grapheme', maxLength: 3 }))).map((a) => a.join('')),
  );
const scenario = fc
  .tuple(fc.constantFrom(WIDE, NARROW), fc.constantFrom(1, 2))
  .chain(([alphabet, minUnits]) => fc.tuple(patternsOf(alphabet, minUnits), textOf(alphabet)));

type Occ = [start: number, end: number, pattern: number];

function naiveOccurrences(patterns: string[], t: string): Occ[] {
  const folded = foldText(t);
  const out: Occ[] = [];
  patterns.forEach((p, index) => {
    for (let i = 0; i < t.length; i++) {
      if (isSkippable(t.charCodeAt(i))) continue;
      let j = i;
      let k = 0;
      while (k < p.length && j < t.length) {
        if (k > 0 && isSkippable(t.charCodeAt(j))) j++;
        else if (folded[j] === p[k]) (j++, k++);
        else break;
      }
      if (k === p.length) out.push([i, j, index]);
    }
  });
  return out;
}

const sortOcc = (a: Occ[]): Occ[] => [...a].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);

function charsOf(strings: string[]): Set<number> {
  const s = new Set<number>();
  for (const p of strings) for (let i = 0; i < p.length; i++) s.add(p.charCodeAt(i));
  return s;
}

/**
 * The choice, from its definition: among sets of non-overlapping occurrences the one of most
 * weight; among those, read left to right, the earliest start, then the longest.
 */
function naiveChoice(occs: Occ[], weight: (p: number) => number, n: number): Occ[] {
  const memo = new Map<number, { weight: number; list: Occ[] }>();
  const better = (a: { weight: number; list: Occ[] }, b: { weight: number; list: Occ[] }): boolean => {
    if (a.weight !== b.weight) return a.weight > b.weight;
    for (let i = 0; i < Math.min(a.list.length, b.list.length); i++) {
      const x = a.list[i]!;
      const y = b.list[i]!;
      if (x[0] !== y[0]) return x[0] < y[0];
      if (x[1] !== y[1]) return x[1] > y[1];
    }
    return false;
  };
  const solve = (pos: number): { weight: number; list: Occ[] } => {
    if (pos >= n) return { weight: 0, list: [] };
    const cached = memo.get(pos);
    if (cached) return cached;
    let best = solve(pos + 1);
    for (const o of occs) {
      if (o[0] !== pos) continue;
      const rest = solve(o[1]);
      const option = { weight: weight(o[2]) + rest.weight, list: [o, ...rest.list] };
      if (better(option, best)) best = option;
    }
    memo.set(pos, best);
    return best;
  };
  return solve(0).list;
}

describe('the automaton finds every occurrence', () => {
  test.prop([scenario], { numRuns: 300 })('the same occurrences as a naive search over the folded text', ([patterns, t]) => {
    const automaton = Automaton.build(patterns, foldPairsInto(charsOf(patterns)));
    const occ = new Occurrences();
    automaton.scan(t, occ);
    const found: Occ[] = [];
    for (let i = 0; i < occ.length; i++) found.push([occ.start[i]!, occ.end[i]!, occ.pattern[i]!]);
    expect(sortOcc(found)).toEqual(sortOcc(naiveOccurrences(patterns, t)));
    // In order of start, and from one start in order of end: the order the chooser reads them in.
    expect(found.every((o, i) => i === 0 || o[0] > found[i - 1]![0] || (o[0] === found[i - 1]![0] && o[1] > found[i - 1]![1]))).toBe(true);
  });

  test('an occurrence across spaces keeps the page offsets, and never starts or ends on a space', () => {
    const automaton = Automaton.build(['言鹏'], '');
    const occ = new Occurrences();
    automaton.scan(' 言 \u3000鹏 ', occ);
    expect([occ.length, occ.start[0], occ.end[0]]).toEqual([1, 1, 5]);
  });

  test('a line break ends a name', () => {
    const occ = new Occurrences();
    Automaton.build(['言鹏'], '').scan('言\n鹏', occ);
    expect(occ.length).toBe(0);
  });
});

/** Names strong unless listed in `weak`. */
function compiledOf(names: string[], blockers: string[], weak: readonly string[] = []): CompiledNames {
  return {
    version: 1,
    entities: names.map((n, i) => ({ id: `place:${i}`, name: n, type: 'place' })),
    names: names.map((key, entity) => ({ key, entity, score: weak.includes(key) ? 0.2 : 1 })),
    blockers,
    titles: [],
    fold: foldPairsInto(charsOf([...names, ...blockers])),
    strongAt: 0.5,
    includeJournalists: false,
  };
}

describe('the matcher chooses among overlapping occurrences', () => {
  test.prop([scenario, fc.integer({ min: 0, max: 3 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })], { numRuns: 300 })(
    'the choice a naive search makes from the definition; blockers are never reported',
    ([patterns, t], blockerCount, weakFlags) => {
      const names = patterns.slice(blockerCount);
      const blockers = patterns.slice(0, blockerCount);
      const weak = names.filter((_, i) => weakFlags[i]);
      const all = [...names, ...blockers];
      const hits = NameMatcher.fromCompiled(compiledOf(names, blockers, weak)).find(t);
      // Each code unit of a strong name or a blocker weighs 3, of a weak name 2.
      const weight = (p: number) => all[p]!.length * (weak.includes(all[p]!) && p < names.length ? 2 : 3);
      const expected = naiveChoice(naiveOccurrences(all, t), weight, t.length).filter(([, , p]) => p < names.length);
      expect(hits.map((h) => [h.start, h.end, h.entityId])).toEqual(expected.map(([s, e, p]) => [s, e, `place:${p}`]));
      for (const h of hits) expect(h.text).toBe(t.slice(h.start, h.end));
      // findSpans is the same answer without objects: pattern k is compiled name k.
      const spans = NameMatcher.fromCompiled(compiledOf(names, blockers, weak)).findSpans(t);
      const asRows = Array.from({ length: spans.length }, (_, k) => [spans.start[k], spans.end[k], `place:${spans.pattern[k]}`]);
      expect(asRows).toEqual(expected.map(([s, e, p]) => [s, e, `place:${p}`]));
    },
  );

  test('a title beats the place it overlaps without losing the name after it (seeds/004: 市委宣传部长江小忠)', () => {
    const m = NameMatcher.fromCompiled(compiledOf(['长江', '江小忠', '市委宣传部', '市委'], ['部长'], ['长江', '市委宣传部', '市委']));
    expect(m.find('市委常委、市委宣传部长江小忠强调').map((h) => h.text)).toEqual(['市委', '市委宣传部', '江小忠']);
    expect(m.find('宣传部长江某强调').map((h) => h.text)).toEqual([]);
    expect(m.find('长江经济带').map((h) => h.text)).toEqual(['长江']);
  });

  test('a title does not eat a place that the name before it accounts for (湖南省长沙市)', () => {
    const m = NameMatcher.fromCompiled(compiledOf(['湖南', '湖南省', '长沙', '长沙市', '毛伟明'], ['省长'], ['湖南', '湖南省', '长沙', '长沙市', '毛伟明']));
    expect(m.find('湖南省长沙市').map((h) => h.text)).toEqual(['湖南省', '长沙市']);
    expect(m.find('湖南省长毛伟明').map((h) => h.text)).toEqual(['湖南', '毛伟明']);
  });

  test('nested names: the longest, where weight is equal (株洲市人大常委会 over 株洲 + 市人大常委会)', () => {
    const m = NameMatcher.fromCompiled(compiledOf(['株洲', '株洲市', '市人大常委会', '株洲市人大常委会', '市委'], [], ['市人大常委会', '市委']));
    expect(m.find('株洲市人大常委会').map((h) => h.text)).toEqual(['株洲市人大常委会']);
    expect(m.find('株洲市委').map((h) => h.text)).toEqual(['株洲', '市委']);
    // A long name that arrives last spans two names found before it.
    const spanning = NameMatcher.fromCompiled(compiledOf(['株洲', '市委', '株洲市委书记'], []));
    expect(spanning.find('株洲市委书记').map((h) => h.text)).toEqual(['株洲市委书记']);
  });

  test('two weak names do not split a strong one (天元区委书记: 天元区, not 天元 + 区委)', () => {
    const m = NameMatcher.fromCompiled(compiledOf(['天元区', '天元', '区委'], ['书记'], ['天元', '区委']));
    expect(m.find('天元区委书记邹凌云').map((h) => h.text)).toEqual(['天元区']);
    expect(m.find('天元区委').map((h) => h.text)).toEqual(['天元区']);
  });
});
