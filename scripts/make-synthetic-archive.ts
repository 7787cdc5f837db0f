// `npm run synthetic [-- FACTOR [SEED]]`: writes the synthetic archive FACTOR× the seeds (default
// 1,000×, seed 1; see bench/synthetic-archive.ts) to bench/out/synthetic-FACTOR.json, which git
// ignores. The file is a valid ArchiveBundle marked synthetic, for `search --archive` and imports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { synthesizeArchive } from '../bench/synthetic-archive';
import { buildBundle } from '../src/archive';
import { defaultSeedPaths } from '../src/cli/seed-paths';
import { validateBundle } from '../src/ui/archive-source';

const factor = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
if (!Number.isInteger(factor) || factor < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run synthetic -- [FACTOR ≥ 1] [SEED]');
  process.exit(2);
}
const { bundle, errors } = buildBundle(defaultSeedPaths().map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
for (const e of errors) console.error(`synthetic: ${e.source}: ${e.reason}`);
if (errors.length > 0) process.exit(1);
const big = synthesizeArchive(bundle, factor, seed);
validateBundle(big); // the same check the extension makes; throws with the offending field
mkdirSync('bench/out', { recursive: true });
const out = `bench/out/synthetic-${factor}.json`;
writeFileSync(out, JSON.stringify(big));
console.error(`synthetic: ${big.issues.length} issues, ${big.articles.length} articles, ${big.figures.length} figures (seed ${seed}) → ${out}`);
