// `npm run bench:parse`: parse throughput (MB/s of issue text) beside the baseline of only reading
// and decoding the same files, in one run. Prints a table; asserts nothing.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeIssueBytes } from '../src/archive/decode';
import { buildBundle, parseIssueFile } from '../src/archive/bundle';
import { defaultSeedPaths } from '../src/cli/seed-paths';

const paths = defaultSeedPaths();
const ROUNDS = Number(process.env.ZZL_BENCH_ROUNDS ?? 200);

function time(label: string, fn: () => number): { label: string; ms: number; bytes: number } {
  for (let i = 0; i < 5; i++) fn(); // warm up the JIT
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) bytes += fn();
  return { label, ms: performance.now() - start, bytes };
}

const readDecode = time('read + decode (baseline)', () => {
  let n = 0;
  for (const p of paths) {
    const bytes = new Uint8Array(readFileSync(p));
    const d = decodeIssueBytes(bytes);
    if (d.ok) n += bytes.length;
  }
  return n;
});

const readArticles = time('read + decode + articles', () => {
  let n = 0;
  for (const p of paths) {
    const bytes = new Uint8Array(readFileSync(p));
    parseIssueFile({ source: basename(p), bytes });
    n += bytes.length;
  }
  return n;
});

const readParse = time('read + decode + articles + entities and figures (npm run archive)', () => {
  const files = paths.map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  buildBundle(files);
  return files.reduce((n, f) => n + f.bytes.length, 0);
});

console.log(`bench/parse: ${paths.length} seed issues, ${ROUNDS} rounds, Node ${process.version}`);
console.log('| step | MB/s | ms per round |');
console.log('|---|---|---|');
for (const r of [readDecode, readArticles, readParse]) {
  console.log(`| ${r.label} | ${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(1)} | ${(r.ms / ROUNDS).toFixed(2)} |`);
}
