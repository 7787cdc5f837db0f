// Marked text: the parts put back together are the text, and exactly the marked code units (widened
// to whole characters) are inside <mark> parts — whatever the marks, astral characters included.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { markedParts } from '../../../src/ui/popup/marked-text';

const text = fc.array(fc.constantFrom('株', '洲', '曹', '𫮃', '𠀋', 'a', ',', '<', '>', '&', ' ', '…'), { maxLength: 24 }).map((cs) => cs.join(''));
const marks = fc.array(fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 })), { maxLength: 6 });

/** Per code unit: inside some mark, each mark clipped to the text and widened off surrogate halves. */
function oracle(s: string, ms: [number, number][]): boolean[] {
  const marked = Array.from({ length: s.length }, () => false);
  const low = (i: number) => i > 0 && i < s.length && /[\udc00-\udfff]/.test(s[i]!) && /[\ud800-\udbff]/.test(s[i - 1]!);
  for (const [a, b] of ms) {
    let start = Math.max(0, Math.min(s.length, a));
    let end = Math.max(0, Math.min(s.length, b));
    if (low(start)) start--;
    if (low(end)) end++;
    for (let i = start; i < end; i++) marked[i] = true;
  }
  return marked;
}

describe('markedParts', () => {
  test.prop([text, marks])('rebuilds the text and marks exactly the marked units', (s, ms) => {
    const parts = markedParts(s, ms);
    expect(parts.map((p) => p.text).join('')).toBe(s);
    const got = parts.flatMap((p) => Array.from({ length: p.text.length }, () => p.mark));
    expect(got).toEqual(oracle(s, ms));
  });

  test.prop([text, marks])('never leaves an empty part or two parts of the same kind side by side', (s, ms) => {
    const parts = markedParts(s, ms);
    for (const p of parts) expect(p.text).not.toBe('');
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.mark).not.toBe(parts[i - 1]!.mark);
  });

  test.prop([text, marks])('never splits a surrogate pair', (s, ms) => {
    for (const p of markedParts(s, ms)) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p.text)).toBe(false);
  });

  it('cuts a snippet at the engine’s marks', () => {
    expect(markedParts('市委书记曹慧泉主持', [[4, 7]])).toEqual([
      { text: '市委书记', mark: false },
      { text: '曹慧泉', mark: true },
      { text: '主持', mark: false },
    ]);
  });
});
