// The synthetic scale archive (bench/synthetic-archive.ts): a valid ArchiveBundle the store can
// import, the seeds plus perturbed copies marked synthetic, the same for the same seed.
import { describe, expect, test } from 'vitest';
import { perturbNumber, prng, synthesizeArchive } from '../../bench/synthetic-archive';
import { bundleHash } from '../../src/store/hash';
import { validateBundle } from '../../src/ui/archive-source';
import { seedsIndex } from './seeds-index';

describe('synthesizeArchive', () => {
  const { bundle: seeds } = seedsIndex();
  const big = synthesizeArchive(seeds, 4, 7);

  test('is a valid ArchiveBundle: the checks the extension makes pass', () => {
    expect(() => validateBundle(JSON.parse(JSON.stringify(big)))).not.toThrow();
  });

  test('holds the seeds as they are and factor − 1 copies, with new ids, marked synthetic', () => {
    expect(big.issues.length).toBe(seeds.issues.length * 4);
    expect(big.articles.length).toBe(seeds.articles.length * 4);
    expect(big.figures.length).toBe(seeds.figures.length * 4);
    expect(big.mentions.length).toBe(seeds.mentions.length * 4);
    expect(big.entities).toBe(seeds.entities);
    expect(big.issues.slice(0, seeds.issues.length)).toEqual(seeds.issues);
    const copies = big.issues.slice(seeds.issues.length);
    expect(copies.every((i) => /^synthetic:[123]:/.test(i.source))).toBe(true);
    expect(big.synthetic).toEqual({ factor: 4, seed: 7, stepDays: 5, of: 'seeds' });
    expect(new Set(big.articles.map((a) => a.id)).size).toBe(big.articles.length);
  });

  test('moves each copy back k × 5 days', () => {
    const first = seeds.issues.find((i) => i.date === '2024-01-27')!;
    expect(big.issues.find((i) => i.id === `syn2-${first.id}`)!.date).toBe('2024-01-17');
  });

  test('perturbs figures in the text and the records alike, so every offset holds', () => {
    const articles = new Map(big.articles.map((a) => [a.id, a]));
    let changed = 0;
    big.figures.forEach((f, i) => {
      expect(articles.get(f.articleId)!.paragraphs[f.paragraph]!.slice(f.start, f.end)).toBe(f.text);
      const original = seeds.figures[i % seeds.figures.length]!;
      if (f.text !== original.text) {
        changed++;
        expect(f.text.length).toBe(original.text.length);
        // The value moved as the printed number did (851.7亿元 → 634.2亿元: × 634.2 / 851.7).
        const num = (t: string) => Number(/\d+(?:\.\d+)?/.exec(t)![0]);
        expect(f.value / original.value).toBeCloseTo(num(f.text) / num(original.text), 9);
      }
    });
    expect(changed).toBeGreaterThan(seeds.figures.length * 2);
    const seedText = new Map(seeds.mentions.map((m) => [`${m.articleId}|${m.paragraph}|${m.start}`, m]));
    for (const m of big.mentions) {
      const original = seedText.get(`${m.articleId.replace(/^syn\d+-/, '')}|${m.paragraph}|${m.start}`)!;
      const text = (id: string) => (id === m.articleId ? articles : new Map(seeds.articles.map((a) => [a.id, a]))).get(id)!.paragraphs[m.paragraph]!.slice(m.start, m.end);
      expect(text(m.articleId)).toBe(text(original.articleId));
    }
  });

  test('the same arguments give the same archive; another seed another', () => {
    expect(bundleHash(synthesizeArchive(seeds, 4, 7))).toBe(bundleHash(big));
    expect(bundleHash(synthesizeArchive(seeds, 4, 8))).not.toBe(bundleHash(big));
  });

  test('a perturbed number keeps its length and form', () => {
    const random = prng(3);
    for (const n of ['851.7', '28.5', '4', '1554.7', '99.13', '0.5', '2824']) {
      for (let i = 0; i < 50; i++) {
        const p = perturbNumber(n, random);
        expect(p.length).toBe(n.length);
        expect(p.indexOf('.')).toBe(n.indexOf('.'));
        if (n.length === 1) expect(p).not.toBe('0');
      }
    }
  });
});
