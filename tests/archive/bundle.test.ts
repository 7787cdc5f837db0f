import { describe, expect, test } from 'vitest';
import { buildBundle, MAX_ISSUE_BYTES } from '../../src/archive/bundle';
import { seedBytes } from '../support/golden';

const SEED_000 = '000_aef4f93b7db362a9.txt';
const SEED_001 = '001_9ab4256ef58901f2.txt';

describe('building the archive from files', () => {
  test('a bad file is reported with its name and reason, and the rest of the archive still builds', () => {
    const { bundle, errors } = buildBundle([
      { source: SEED_000, bytes: seedBytes(SEED_000) },
      { source: 'empty.txt', bytes: new Uint8Array() },
      { source: 'photo.jpg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]) },
      { source: 'recipe.txt', bytes: new TextEncoder().encode('Mix flour and water. Bake for 20 minutes.\n'.repeat(50)) },
      { source: SEED_001, bytes: seedBytes(SEED_001) },
    ]);
    expect(bundle.issues.map((i) => i.source)).toEqual([SEED_000, SEED_001]);
    expect(errors.map((e) => e.source)).toEqual(['empty.txt', 'photo.jpg', 'recipe.txt']);
    expect(errors[0]!.reason).toMatch(/empty/);
    expect(errors[1]!.reason).toMatch(/binary/);
    expect(errors[2]!.reason).toMatch(/not a newspaper issue/);
  });

  test('Chinese prose that is not a newspaper issue is refused', () => {
    const prose = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。'.repeat(20);
    const { errors } = buildBundle([{ source: 'poem.txt', bytes: new TextEncoder().encode(prose) }]);
    expect(errors).toEqual([{ source: 'poem.txt', reason: expect.stringContaining('not a newspaper issue') }]);
  });

  test('the same issue given twice is added once', () => {
    const { bundle, errors } = buildBundle([
      { source: SEED_000, bytes: seedBytes(SEED_000) },
      { source: 'copy.txt', bytes: seedBytes(SEED_000) },
    ]);
    expect(bundle.issues).toHaveLength(1);
    expect(errors).toEqual([{ source: 'copy.txt', reason: expect.stringContaining(SEED_000) }]);
  });

  test('a file larger than any issue is refused before it is decoded', () => {
    const { errors } = buildBundle([{ source: 'huge.txt', bytes: new Uint8Array(MAX_ISSUE_BYTES + 1).fill(0x41) }]);
    expect(errors[0]!.reason).toMatch(/too large/);
  });

  test('ids are stable across parses and unique across the seeds', () => {
    const files = ['000_aef4f93b7db362a9.txt', SEED_001, '002_e09f9dc8a635df41.txt', '003_83df26c1926cabee.txt', '004_93fa3b44915f2e79.txt'].map((s) => ({
      source: s,
      bytes: seedBytes(s),
    }));
    const a = buildBundle(files).bundle;
    const b = buildBundle(files).bundle;
    expect(a.articles.map((x) => x.id)).toEqual(b.articles.map((x) => x.id));
    expect(new Set(a.articles.map((x) => x.id)).size).toBe(a.articles.length);
    expect(new Set(a.issues.map((x) => x.id)).size).toBe(5);
  });
});
