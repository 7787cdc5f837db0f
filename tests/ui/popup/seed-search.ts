// The popup's data from one real seed, 000_aef4f93b7db362a9.txt (株洲日报, 2024-01-27, issue 23552):
// the bundle, its search segment built with the real engine (pinyin keys as the build makes them),
// and the search, recent-issues and details functions the popup takes as props.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from '../../../src/archive';
import type { ArchiveBundle } from '../../../src/archive/types';
import { buildSearchIndex, MemorySource, search, type SearchOptions, type SearchRun } from '../../../src/search';
import { computePinyinKeys } from '../../../src/search/pinyin-keys';
import { detailsFrom, type DetailsRequest, type ResultDetails } from '../../../src/ui/popup/details';

export const SEED = '000_aef4f93b7db362a9.txt';

export interface SeedSearch {
  bundle: ArchiveBundle;
  source: MemorySource;
  search: (query: string, options: SearchOptions) => Promise<SearchRun>;
  loadRecent: () => Promise<ArchiveBundle>;
  details: (request: DetailsRequest) => Promise<ResultDetails>;
}

let cached: SeedSearch | undefined;

export function seedSearch(): SeedSearch {
  if (cached) return cached;
  const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../seeds', SEED)));
  const { bundle, errors } = buildBundle([{ source: SEED, bytes }]);
  if (errors.length > 0) throw new Error(`${SEED} did not parse: ${JSON.stringify(errors)}`);
  const source = new MemorySource(buildSearchIndex(bundle, computePinyinKeys(bundle.entities)));
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const articles = new Map(bundle.articles.map((a) => [a.id, a]));
  cached = {
    bundle,
    source,
    search: (query, options) => search(source, query, options),
    loadRecent: () => Promise.resolve(bundle),
    details: detailsFrom({ entity: (id) => entities.get(id), article: (id) => articles.get(id) }),
  };
  return cached;
}
