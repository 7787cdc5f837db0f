// `npm run archive`: parses seeds/*.txt into public/archive.json, which the build ships inside the
// extension. A seed that fails to parse fails the build: the shipped archive must be whole.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBundle } from '../src/archive';
import { defaultSeedPaths } from '../src/cli/seed-paths';

const paths = defaultSeedPaths();
const { bundle, errors } = buildBundle(paths.map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
for (const e of errors) console.error(`archive: ${e.source}: ${e.reason}`);
if (errors.length > 0) process.exit(1);
mkdirSync('public', { recursive: true });
writeFileSync('public/archive.json', JSON.stringify(bundle));
console.error(`archive: ${bundle.issues.length} issues, ${bundle.articles.length} articles → public/archive.json`);
