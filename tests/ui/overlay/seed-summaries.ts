// Entity digests made from a real seed, exactly as the background makes them for the content
// script: buildBundle → indexEntities → summarizeProfile. The seed is 000_aef4f93b7db362a9.txt
// (株洲日报, 2024-01-27): it names 曹慧泉 (市委书记, in two articles) and 醴陵经开区 (with figures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from '../../../src/archive/bundle';
import type { ArchiveBundle } from '../../../src/archive/types';
import { indexEntities } from '../../../src/archive/entity-profile';
import { summarizeProfile, type EntitySummary } from '../../../src/archive/entity-summary';
import { SUMMARY_LIMITS } from '../../../src/ui/overlay/overlay';

export const SEED = '000_aef4f93b7db362a9.txt';
export const PERSON = 'person:曹慧泉';
export const ZONE = 'place:醴陵经开区';

let bundle: ArchiveBundle | null = null;

export function seedBundle(): ArchiveBundle {
  if (bundle === null) {
    const built = buildBundle([{ source: SEED, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../../seeds', SEED))) }]);
    if (built.errors.length > 0) throw new Error(`the seed ${SEED} did not parse: ${JSON.stringify(built.errors)}`);
    bundle = built.bundle;
  }
  return bundle;
}

/** The digest the background would send for `id` (undefined for an id the seed does not have). */
export function seedSummary(id: string): EntitySummary | undefined {
  const profile = indexEntities(seedBundle()).profile(id);
  return profile === undefined ? undefined : summarizeProfile(profile, SUMMARY_LIMITS);
}

export function seedSummaries(ids: readonly string[]): EntitySummary[] {
  const index = indexEntities(seedBundle());
  return ids.flatMap((id) => {
    const profile = index.profile(id);
    return profile === undefined ? [] : [summarizeProfile(profile, SUMMARY_LIMITS)];
  });
}
