import { describe, expect, test } from 'vitest';
import { buildFoldPairs } from '../../src/match/fold-table';
import table from '../../src/match/data/fold-t2s.json';

describe('the committed fold table (src/match/data/fold-t2s.json)', () => {
  test('is what scripts/build-fold-table.ts makes from the installed opencc-js (run `npm run fold-table` if not)', () => {
    const { pairs, stats } = buildFoldPairs();
    expect(pairs === table.pairs).toBe(true);
    expect(stats.pairs).toBeGreaterThan(2500);
  });

  test('is a sorted list of BMP pairs, each changing its character', () => {
    const p = table.pairs;
    expect(p.length % 2).toBe(0);
    for (let i = 0; i < p.length; i += 2) {
      expect(p[i]).not.toBe(p[i + 1]);
      if (i > 0) expect(p.charCodeAt(i)).toBeGreaterThan(p.charCodeAt(i - 2));
      for (const u of [p.charCodeAt(i), p.charCodeAt(i + 1)]) expect(u >= 0xd800 && u <= 0xdfff).toBe(false);
    }
  });
});
