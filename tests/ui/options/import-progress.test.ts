import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { chunkWritten, fileFinished, percentDone, startProgress } from '../../../src/ui/options/import-progress';

describe('the progress of adding files', () => {
  // Each file: its weight, and the chunk sizes the store reports for it (which may add up to more
  // than the weight: entity copies, or fewer: skipped issues are not written).
  const files = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 500 }), chunks: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 6,
  });

  test.prop([files])('only moves forward, stays under 100 until the last file is done, then reaches 100', (list) => {
    let p = startProgress(list.map((f) => f.weight));
    let last = percentDone(p);
    const seen: number[] = [last];
    list.forEach((file, i) => {
      for (const records of file.chunks) {
        p = chunkWritten(p, records, file.weight);
        seen.push(percentDone(p));
      }
      p = fileFinished(p, file.weight);
      seen.push(percentDone(p));
      if (i < list.length - 1 && list.slice(i + 1).some((f) => f.weight > 0)) expect(percentDone(p)).toBeLessThan(100);
    });
    for (const value of seen) {
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
    expect(percentDone(p)).toBe(100);
  });

  test('counts by records, not by files', () => {
    let p = startProgress([100, 300]);
    p = fileFinished(p, 100);
    expect(percentDone(p)).toBe(25);
    p = chunkWritten(p, 150, 300);
    expect(percentDone(p)).toBe(62);
  });
});
