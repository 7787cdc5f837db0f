import { fc, test } from '@fast-check/vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect } from 'vitest';
import { foldChar, foldText } from '../../src/match/fold';
import table from '../../src/match/data/fold-t2s.json';
import { anyText } from './support';

describe('folding text for matching', () => {
  test('traditional names fold to the simplified ones (陳恢清, 蘆淞區)', () => {
    expect(foldText('陳恢清')).toBe('陈恢清');
    expect(foldText('蘆淞區')).toBe('芦淞区');
    expect(foldText('株洲市長沙海關')).toBe('株洲市长沙海关');
    expect(foldText('醴陵經開區')).toBe('醴陵经开区');
  });

  test('simplified text is left as it is', () => {
    const text = '株洲高新区(天元区)锚定“三高四新”,陈恢清、曹慧泉、芦淞区';
    expect(foldText(text)).toBe(text);
  });

  test('full-width ASCII folds to ASCII and the ideographic space to a space', () => {
    expect(foldText('株洲Ｂ保中心　ＡＢＣ１２３！～')).toBe('株洲B保中心 ABC123!~');
  });

  test('stages are composed, not merged: 群 stays 群 and 羣 becomes 群 (notes/chinese-text.md)', () => {
    expect(foldText('群羣為爲臺')).toBe('群群为为台');
  });

  test('a fold whose simplified form is astral is left out, so offsets hold (墠 → 𫮃 in opencc)', () => {
    expect(OpenCC.Converter({ from: 't', to: 'cn' })('墠')).toBe('𫮃');
    expect(foldText('墠')).toBe('墠');
  });

  test('agrees with opencc-js character by character for the plain traditional text it folds', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const pairs = table.pairs;
    let agree = 0;
    for (let i = 0; i < pairs.length; i += 2) if (convert(pairs[i]!) === pairs[i + 1]) agree++;
    // The rest come from the Taiwan and Hong Kong variant stages (為 → 爲 → 为 in opencc-js too, via tw).
    expect(agree / (pairs.length / 2)).toBeGreaterThan(0.95);
  });

  test('folding is idempotent on every code unit', () => {
    const unsettled: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (foldChar(foldChar(c)) !== foldChar(c)) unsettled.push(c);
    expect(unsettled).toEqual([]);
  });

  test('code points beyond the BMP are their own fold', () => {
    expect(foldChar(0x2b783)).toBe(0x2b783);
  });

  test.prop([anyText(200)])('always keeps the length, code unit for code unit', (text) => {
    const folded = foldText(text);
    expect(folded.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(folded.charCodeAt(i)).toBe(foldChar(text.charCodeAt(i)));
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 100 })])('folds surrogate halves to themselves, so astral characters survive', (text) => {
    const folded = foldText(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) expect(folded.charCodeAt(i)).toBe(c);
    }
  });
});
