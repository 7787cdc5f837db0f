import { describe, expect, test } from 'vitest';
import { compileNames } from '../../src/match/compile';
import { STRONG_AT } from '../../src/match/thresholds';
import { seedBundle } from './support';

const compiled = compileNames(seedBundle(), { includeJournalists: true });
const entities = new Map(seedBundle().entities.map((e) => [e.id, e]));
const scoreOf = (key: string): number => {
  const n = compiled.names.find((x) => x.key === key);
  if (!n) throw new Error(`${key} not compiled`);
  return n.score;
};
const strong = (key: string): boolean => scoreOf(key) >= STRONG_AT;

describe('precision of the seed archive names', () => {
  test('Zhuzhou names and rare names of its officials are strong', () => {
    for (const key of ['株洲', '株洲市', '天元区', '芦淞区', '醴陵', '攸县', '株洲高新区', '中车株洲所', '株硬集团', '曹慧泉', '陈恢清', '江小忠', '雷打石镇']) {
      expect([key, strong(key)]).toEqual([key, true]);
    }
  });

  test('common words, common names, relative and outside names are weak', () => {
    for (const key of ['天元', '荷塘', '石峰', '刘伟', '张辉', '周刚', '市委', '市政府', '省委', '区委', '长沙', '湖南', '美国', '高新区', '习近平', '毛伟明', '万达广场', '央视']) {
      expect([key, strong(key)]).toEqual([key, false]);
    }
  });

  test('journalists are never strong', () => {
    for (const n of compiled.names) {
      const e = entities.get(compiled.entities[n.entity]!.id)!;
      if (e.role === 'journalist') expect([e.name, n.score < STRONG_AT]).toEqual([e.name, true]);
    }
  });

  test('a strong place is always a Zhuzhou place (a page context rule relies on it)', () => {
    for (const n of compiled.names) {
      const e = entities.get(compiled.entities[n.entity]!.id)!;
      if (e.type === 'place' && n.score >= STRONG_AT) {
        const zhuzhou = e.inZhuzhou === true || [e.name, ...e.aliases].some((f) => /株洲|醴陵|攸县|茶陵|炎陵|渌口|天元区|荷塘区|芦淞区|石峰区/.test(f));
        expect([n.key, zhuzhou]).toEqual([n.key, true]);
      }
    }
  });

  test('scores lie in [0, 1]', () => {
    for (const n of compiled.names) expect(n.score >= 0 && n.score <= 1).toBe(true);
  });
});
