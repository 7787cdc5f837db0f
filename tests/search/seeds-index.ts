// The seeds as the search sees them, built once per test file: the bundle of seeds/*.txt, the
// pinyin keys of its entities and one in-memory segment over it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBundle } from '../../src/archive';
import type { ArchiveBundle } from '../../src/archive/types';
import { defaultSeedPaths } from '../../src/cli/seed-paths';
import { buildSearchIndex, MemorySource, type SearchSegmentData } from '../../src/search';
import { computePinyinKeys } from '../../src/search/pinyin-keys';
import type { PinyinKeys } from '../../src/search/pinyin-table';
import { REPO } from '../support/golden';

export interface SeedsIndex {
  bundle: ArchiveBundle;
  pinyin: PinyinKeys;
  segment: SearchSegmentData;
  source: MemorySource;
}

let cached: SeedsIndex | undefined;

export function seedsIndex(): SeedsIndex {
  if (cached) return cached;
  const paths = defaultSeedPaths(`${REPO}/seeds`);
  const { bundle, errors } = buildBundle(paths.map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
  if (errors.length > 0) throw new Error(`seeds failed to parse: ${JSON.stringify(errors)}`);
  const pinyin = computePinyinKeys(bundle.entities);
  const segment = buildSearchIndex(bundle, pinyin);
  cached = { bundle, pinyin, segment, source: new MemorySource(segment) };
  return cached;
}
