// `npm run archive`: parses seeds/*.txt into public/archive.json (and its hash and counts into
// public/archive-version.json), which the build ships inside the
// extension. A seed that fails to parse fails the build: the shipped archive must be whole.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBundle } from '../src/archive';
import type { ShippedArchiveVersion } from '../src/background/archive-service';
import { defaultSeedPaths } from '../src/cli/seed-paths';
import { bundleHash } from '../src/store/hash';
import { countsOf } from '../src/store/import';
import { computePinyinKeys } from '../src/search/pinyin-keys';

const paths = defaultSeedPaths();
const { bundle, errors } = buildBundle(paths.map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
for (const e of errors) console.error(`archive: ${e.source}: ${e.reason}`);
if (errors.length > 0) process.exit(1);
mkdirSync('public', { recursive: true });
writeFileSync('public/archive.json', JSON.stringify(bundle));
// The background reads this small file on every start to tell whether the store already holds
// this build's archive, without fetching and hashing the whole bundle.
const version: ShippedArchiveVersion = { hash: bundleHash(bundle), counts: countsOf(bundle) };
writeFileSync('public/archive-version.json', JSON.stringify(version));
// Pinyin keys of the entities' names, for the search index the extension builds at import: the
// pinyin library stays here, in the build.
writeFileSync('public/pinyin-keys.json', JSON.stringify(computePinyinKeys(bundle.entities)));
console.error(`archive: ${bundle.issues.length} issues, ${bundle.articles.length} articles → public/archive.json`);
