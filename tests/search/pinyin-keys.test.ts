// Pinyin keys of names, computed at build time with pinyin-pro.
import { describe, expect, test } from 'vitest';
import { computePinyinKeys } from '../../src/search/pinyin-keys';

describe('computePinyinKeys', () => {
  const keys = computePinyinKeys([
    { type: 'person', name: '曹慧泉', aliases: [] },
    { type: 'person', name: '陈恢清', aliases: [] },
    { type: 'place', name: '醴陵市', aliases: ['醴陵'] },
    { type: 'person', name: '单雄信', aliases: [] },
    { type: 'person', name: '曾国藩', aliases: [] },
    { type: 'org', name: '株洲B保中心管委会', aliases: [] },
    { type: 'org', name: 'RCEP', aliases: [] },
  ]);

  test('full pinyin and initials, zh/ch/sh whole as a second form', () => {
    expect(keys['曹慧泉']).toEqual({ full: ['caohuiquan'], initials: ['chq'] });
    expect(keys['陈恢清']).toEqual({ full: ['chenhuiqing'], initials: ['chq', 'chhq'] });
    expect(keys['醴陵']).toEqual({ full: ['liling'], initials: ['ll'] });
  });

  test('surnames are read as surnames', () => {
    expect(keys['单雄信']!.full).toEqual(['shanxiongxin']);
    expect(keys['曾国藩']!.full).toEqual(['zengguofan']);
  });

  test('letters inside a name stay whole; names without Chinese get no pinyin', () => {
    expect(keys['株洲B保中心管委会']!.initials[0]).toBe('zzbbzxgwh');
    expect(keys['RCEP']).toBeUndefined();
  });
});
