import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { EntityRecord } from '../../src/archive/types';
import { compileNames, nameKey, relevantBlockers, type CompiledNames } from '../../src/match/compile';
import { NameMatcher } from '../../src/match/matcher';
import { seedBundle } from './support';

const person = (name: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({ id: `person:${name}`, type: 'person', name, aliases: [], ...extra });
const place = (name: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({ id: `place:${name}`, type: 'place', name, aliases: [], ...extra });

describe('compiling the archive names', () => {
  test('is plain JSON: a matcher from its JSON round trip finds the same hits', () => {
    const compiled = compileNames(seedBundle());
    const text = '株洲市委书记曹慧泉、市长陈恢清在天元区调研,醴陵市、攸县负责人参加';
    const again = NameMatcher.fromCompiled(JSON.parse(JSON.stringify(compiled)));
    expect(again.find(text)).toEqual(NameMatcher.fromCompiled(compiled).find(text));
    expect(again.find(text).length).toBeGreaterThan(4);
  });

  test('is deterministic', () => {
    expect(JSON.stringify(compileNames(seedBundle()))).toBe(JSON.stringify(compileNames(seedBundle())));
  });

  test('leaves journalists out unless asked (王娜, a reporter in seeds/002)', () => {
    const keys = (journalists: boolean) => compileNames(seedBundle(), { includeJournalists: journalists }).names.map((n) => n.key);
    expect(keys(false)).not.toContain('王娜');
    expect(keys(true)).toContain('王娜');
  });

  test('drops one-character forms (醴 for 醴陵市) and keys names folded and without spaces', () => {
    const c = compileNames({ entities: [place('醴陵市', { aliases: ['醴陵', '醴'], placeType: 'county-city', inZhuzhou: true }), person('言 鹏')], mentions: [] });
    expect(c.names.map((n) => n.key).sort()).toEqual(['言鹏', '醴陵', '醴陵市'].sort());
    expect(nameKey('陳　恢清')).toBe('陈恢清');
  });

  test('adds the short form of a district (天元 for 天元区), which the printed forms win over', () => {
    const c = compileNames({
      entities: [place('天元区', { placeType: 'district', inZhuzhou: true }), place('天元', { placeType: 'landmark' })],
      mentions: [],
    });
    const named = (key: string) => c.entities[c.names.find((n) => n.key === key)!.entity]!.id;
    expect(named('天元区')).toBe('place:天元区');
    expect(named('天元')).toBe('place:天元');
  });

  test('a name shared by two entities goes to the one whose own name it is, then the most mentioned, and scores lower', () => {
    const a = place('东莞', { inZhuzhou: false });
    const b = place('广东东莞', { aliases: ['东莞'], inZhuzhou: false });
    const c = compileNames({ entities: [b, a], mentions: [{ entityId: b.id, articleId: 'x', paragraph: 0, start: 0, end: 2 }] });
    const shared = c.names.find((n) => n.key === '东莞')!;
    expect(c.entities[shared.entity]!.id).toBe('place:东莞');
    const alone = compileNames({ entities: [a], mentions: [] }).names.find((n) => n.key === '东莞')!;
    expect(shared.score).toBeLessThan(alone.score);
  });

  test('carries only the fold pairs its names and titles need, and blockers that can meet a name', () => {
    const c = compileNames({ entities: [person('陈恢清', { titles: ['市长'] }), place('长沙', { inZhuzhou: false })], mentions: [] });
    const used = new Set([...c.names.map((n) => n.key), ...c.titles].join(''));
    const pairs = c.fold.match(/[\s\S]{2}/g) ?? [];
    expect(pairs).toContain('陳陈');
    expect(pairs).toContain('長长');
    expect(pairs.filter((p) => !used.has(p[1]!))).toEqual([]);
    expect(c.blockers).toContain('市长');
    expect(c.blockers).not.toContain('代表');
    expect(c.titles).toContain('代表');
    expect(NameMatcher.fromCompiled(c).find('市長陳恢清').map((h) => h.text)).toEqual(['陳恢清']);
    expect(NameMatcher.fromCompiled(c).find('他在長沙工作').map((h) => h.text)).toEqual(['長沙']);
  });

  test('an empty archive compiles to a matcher that finds nothing', () => {
    const c = compileNames({ entities: [], mentions: [] });
    expect(c.names).toEqual([]);
    expect(NameMatcher.fromCompiled(c).find('株洲市委书记曹慧泉')).toEqual([]);
  });

  test('the seed archive compiles to a small record', () => {
    const json = JSON.stringify(compileNames(seedBundle()));
    expect(json.length).toBeLessThan(60_000);
  });
});

describe('blockers that cannot meet a name', () => {
  test('are left out, and leaving them out changes no hit on the seed articles or their traditional forms', async () => {
    const compiled = compileNames(seedBundle());
    const keys = new Set(compiled.names.map((n) => n.key));
    const everyTitle = compiled.titles.filter((t) => !keys.has(t));
    expect(compiled.blockers.length).toBeLessThan(everyTitle.length);
    const lean = NameMatcher.fromCompiled(compiled);
    const full = NameMatcher.fromCompiled({ ...compiled, blockers: everyTitle });
    const OpenCC = await import('opencc-js/cn2t');
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const a of seedBundle().articles) {
      const text = a.paragraphs.join('\n');
      expect(lean.find(text)).toEqual(full.find(text));
      expect(lean.find(toTraditional(text))).toEqual(full.find(toTraditional(text)));
    }
  });
});

describe('leaving out blockers that cannot meet a name, on any input', () => {
  test('keeps a blocker that can start inside a name, end inside one, hold one, or sit in one', () => {
    expect(relevantBlockers(['部长长', '代表'], ['江部'])).toEqual(['部长长']);
    expect(relevantBlockers(['部长', '代表'], ['长江'])).toEqual(['部长']);
    expect(relevantBlockers(['省长沙', '代表'], ['长沙'])).toEqual(['省长沙']);
    expect(relevantBlockers(['代表', '书记'], ['株洲市代表团'])).toEqual(['代表']);
    // 副部长 meets no name, but it meets 部长, which meets 长江.
    expect(relevantBlockers(['副部长', '部长'], ['长江'])).toEqual(['副部长', '部长']);
  });

  const unit = fc.constantFrom('长', '江', '部', '𫮃');
  const word = (min: number) => fc.array(unit, { minLength: min, maxLength: 4 }).map((a) => a.join(''));
  // Texts made of the names, the titles and single units, so that they meet and overlap often.
  const scenario = fc
    .tuple(fc.uniqueArray(word(2), { minLength: 1, maxLength: 5 }), fc.uniqueArray(word(2), { maxLength: 5 }))
    .chain(([names, titles]) =>
      fc.tuple(
        fc.constant(names),
        fc.constant(titles),
        // Tails of words too, so that a name and a title can share their ends (江部 + 部长 → 江部长).
        fc.array(fc.oneof(unit, fc.constantFrom(...[...names, ...titles].flatMap((w) => [w, w.slice(1)]))), { maxLength: 8 }).map((a) => a.join('')),
      ),
    );
  test.prop([scenario], {
    numRuns: 300,
  })('changes no hit', ([names, titles, text]) => {
    const blockers = titles.filter((t) => !names.includes(t));
    const compiled = (b: string[]): CompiledNames => ({
      version: 1,
      entities: names.map((n, i) => ({ id: `org:${i}`, name: n, type: 'org' })),
      names: names.map((key, entity) => ({ key, entity, score: 1 })),
      blockers: b,
      titles: [],
      fold: '',
      strongAt: 0.5,
      includeJournalists: false,
    });
    const kept = relevantBlockers(blockers, names);
    expect(NameMatcher.fromCompiled(compiled(kept)).find(text)).toEqual(NameMatcher.fromCompiled(compiled(blockers)).find(text));
  });
});

describe('a compiled record of another shape', () => {
  test('is refused with a clear error, not half read', () => {
    const compiled = compileNames({ entities: [person('陈恢清')], mentions: [] });
    const { titles: _titles, ...withoutTitles } = compiled;
    expect(() => NameMatcher.fromCompiled(withoutTitles as unknown as CompiledNames)).toThrow(/malformed/);
    expect(() => NameMatcher.fromCompiled({ ...compiled, version: 2 } as unknown as CompiledNames)).toThrow(/version/);
  });
});
