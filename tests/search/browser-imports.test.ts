// What the extension's bundles would pull in through src/search: no pinyin library (its keys are
// computed at build time), no opencc (traditional characters fold through src/match's table), and
// nothing of Node. Read from the import statements themselves, following relative imports.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../support/golden';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveFile(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith('/')) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // a directory: try the next form
      }
    }
  }
  return null;
}

/** Bare package specifiers reachable from `entry`, and the files walked. */
function reachable(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) {
        const target = resolveFile(file, spec);
        if (target === null) throw new Error(`${file}: cannot resolve ${spec}`);
        queue.push(target);
      } else {
        packages.add(spec);
      }
    }
  }
  return { packages, files };
}

describe('src/search as the extension imports it', () => {
  const { packages, files } = reachable(join(REPO, 'src/search/index.ts'));

  test('reaches no pinyin library, no opencc and no Node module', () => {
    expect([...packages].filter((p) => /pinyin|opencc|^node:|^fs$|^path$/.test(p))).toEqual([]);
    expect([...files].some((f) => f.endsWith('pinyin-keys.ts'))).toBe(false);
  });

  test('does reach the files it is made of (the walk is real)', () => {
    expect([...files].some((f) => f.endsWith('src/search/article-search.ts'))).toBe(true);
    expect([...files].some((f) => f.endsWith('src/match/fold.ts'))).toBe(true);
  });

  test('the build-time module is the one that imports pinyin-pro', () => {
    expect(reachable(join(REPO, 'src/search/pinyin-keys.ts')).packages.has('pinyin-pro')).toBe(true);
  });
});
