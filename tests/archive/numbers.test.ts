// Number parsing: Arabic, Chinese and mixed numerals, with exact decimal scaling.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decFromDigits, decScale, decToNumber, parseChineseInteger, parseNumber, readChinese, readNumber } from '../../src/archive/numbers';

describe('parseNumber', () => {
  test.each([
    ['851.7', 851.7],
    ['1,806', 1806],
    ['1,806.9', 1806.9],
    ['12,345,678', 12345678],
    ['８５１．７', 851.7],
    ['851.7亿', 85170000000],
    ['1.2万', 12000],
    ['48.28万', 482800],
    ['99.13万', 991300],
    ['3万亿', 3e12],
    ['1.5千万', 15000000],
    ['两万', 20000],
    ['一千二百', 1200],
    ['一千二', 1200],
    ['一千零二', 1002],
    ['两万五', 25000],
    ['三点五亿', 350000000],
    ['十五', 15],
    ['二十', 20],
    ['一百二十三', 123],
    ['两百', 200],
    ['十万', 100000],
    ['一亿二千万', 120000000],
    ['三百零五万', 3050000],
    ['二〇二四', 2024],
    ['百', 100],
  ] as const)('%s → %d', (s, want) => {
    expect(parseNumber(s)).toBe(want);
  });

  test.each(['', '十三五', '十百', '两两', '1.2.3', '万万', 'abc', '一,二'])('%s is not one number', (s) => {
    expect(parseNumber(s)).toBeNull();
  });

  test('scaling is exact in decimal, unlike floating-point multiplication', () => {
    expect(20.15 * 1e8).not.toBe(2015000000); // 2014999999.9999998
    expect(parseNumber('20.15亿')).toBe(2015000000);
    expect(4.35 * 1e8).not.toBe(435000000);
    expect(parseNumber('4.35亿')).toBe(435000000);
    expect(parseNumber('851.7亿')).toBe(85170000000);
    expect(parseNumber('0.07万')).toBe(700);
    expect(parseNumber('1.1万')).toBe(11000);
    expect(parseNumber('59.73亿')).toBe(5973000000);
    expect(parseNumber('306.9亿')).toBe(30690000000);
  });

  test.prop([fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(['', 0], ['万', 4], ['亿', 8]) as fc.Arbitrary<[string, number]>])(
    'Arabic decimals scale exactly: a.b万 is the decimal string shifted, read once',
    (int, frac, [scale, pow]) => {
      const s = frac === 0 ? `${int}` : `${int}.${String(frac).padStart(4, '0')}`;
      const expected = Number(`${s}e${pow}`);
      expect(parseNumber(`${s}${scale}`)).toBe(expected);
    },
  );
});

describe('parseChineseInteger', () => {
  const cn = (n: number): string => {
    // a plain writer for the property: 0 < n < 10^8, standard form with 零
    const D = '零一二三四五六七八九';
    const section = (x: number): string => {
      let out = '';
      let zero = false;
      for (const [u, w] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
        const d = Math.floor(x / u) % 10;
        if (d === 0) {
          if (out) zero = true;
          continue;
        }
        if (zero) out += '零';
        zero = false;
        out += D[d] + w;
      }
      return out;
    };
    const hi = Math.floor(n / 10000);
    const lo = n % 10000;
    let s = hi ? `${section(hi)}万` : '';
    if (lo) s += (hi && lo < 1000 ? '零' : '') + section(lo);
    return s;
  };

  test.prop([fc.integer({ min: 1, max: 99999999 })])('reads what a standard writer writes', (n) => {
    expect(parseChineseInteger(cn(n))).toBe(BigInt(n));
  });

  test('financial forms are read when asked directly', () => {
    expect(parseChineseInteger('壹佰贰拾')).toBe(120n);
  });
});

describe('reading numbers in running text', () => {
  test('the longest well-formed Chinese numeral at a position', () => {
    expect(readChinese('两百余人', 0)).toMatchObject({ end: 2, bareUnit: false });
    expect(readChinese('百余人', 0)).toMatchObject({ end: 1, bareUnit: true });
    expect(readChinese('十三五规划', 0)?.end).toBe(2); // 十三, then 五 is left over (the figure finder rejects it)
    expect(readChinese('三点五亿元', 0)).toMatchObject({ end: 4 });
    expect(decToNumber(readChinese('三点五亿元', 0)!.value)).toBe(350000000);
  });

  test('Arabic with a 万/亿 scale, thousands groups only of three digits', () => {
    expect(readNumber('851.7亿元', 0)).toMatchObject({ end: 6, kind: 'arabic', scalePow: 8 });
    expect(decToNumber(readNumber('1,806.9万人次', 0)!.value)).toBe(18069000);
    expect(readNumber('10,30家', 0)?.end).toBe(2); // "10" then a comma: not a thousands group
  });

  test('decimal helpers', () => {
    expect(decToNumber(decScale(decFromDigits('851.7')!, 8))).toBe(85170000000);
  });
});
