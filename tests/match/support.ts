// The seed archive, built once per test file, and its compiled names; a text generator.
import { fc } from '@fast-check/vitest';
import { buildBundle } from '../../src/archive/bundle';
import type { ArchiveBundle } from '../../src/archive/types';
import { compileNames, type CompiledNames, type CompileOptions } from '../../src/match/compile';
import { NameMatcher } from '../../src/match/matcher';
import { seedBytes } from '../support/golden';

export const SEEDS = [
  '000_aef4f93b7db362a9.txt',
  '001_9ab4256ef58901f2.txt',
  '002_e09f9dc8a635df41.txt',
  '003_83df26c1926cabee.txt',
  '004_93fa3b44915f2e79.txt',
];

let bundle: ArchiveBundle | null = null;

export function seedBundle(): ArchiveBundle {
  bundle ??= buildBundle(SEEDS.map((s) => ({ source: s, bytes: seedBytes(s) }))).bundle;
  return bundle;
}

export function seedMatcher(options?: CompileOptions): { compiled: CompiledNames; matcher: NameMatcher } {
  const compiled = compileNames(seedBundle(), options);
  return { compiled, matcher: NameMatcher.fromCompiled(compiled) };
}

// Any UTF-16 text: BMP code units (lone surrogate halves included) and astral characters.
// (fc.string({ unit: 'binary' }) does the same but spends over a second building its tables.)
export const anyText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      ),
      { maxLength },
    )
    .map((units) => units.join(''));
