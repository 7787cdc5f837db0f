// Loads the hand-checked annotations from ../shared/eval/golden (beside the repository, as on CI).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldenIssue } from '../../src/eval/golden';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLDEN_DIR = process.env.ZZL_GOLDEN_DIR ?? resolve(REPO, '../shared/eval/golden');

export function loadGolden(): { name: string; golden: GoldenIssue; seedPath: string }[] {
  if (!existsSync(GOLDEN_DIR)) {
    throw new Error(`golden annotations not found at ${GOLDEN_DIR}: clone the repository beside shared/ or set ZZL_GOLDEN_DIR`);
  }
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')) as GoldenIssue;
      return { name: f, golden, seedPath: join(REPO, 'seeds', golden.seed.replace(/^.*\//, '')) };
    });
}

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REPO, 'seeds', name)));
}
