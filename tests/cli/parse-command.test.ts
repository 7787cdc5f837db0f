// The `parse` command as other tools run it: `npm run -s cli -- parse [FILES…]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { REPO } from '../support/golden';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli parse', () => {
  test('with no files, prints the ArchiveBundle of seeds/*.txt with exactly the DESIGN.md fields', () => {
    const r = cli('parse');
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout) as ArchiveBundle;
    expect(Object.keys(bundle)).toEqual(['version', 'issues', 'articles', 'entities', 'mentions', 'figures']);
    expect(bundle.issues.map((i) => i.source)).toEqual([
      '000_aef4f93b7db362a9.txt',
      '001_9ab4256ef58901f2.txt',
      '002_e09f9dc8a635df41.txt',
      '003_83df26c1926cabee.txt',
      '004_93fa3b44915f2e79.txt',
    ]);
    for (const a of bundle.articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'issueId', 'headline', 'subheadlines', 'kind', 'byline', 'paragraphs', 'continues', 'continuedFrom']));
    }
  }, 30_000);

  test('a bad file: the others are still printed, the bad one is named on stderr, the exit is non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zzl-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cli('parse', 'seeds/000_aef4f93b7db362a9.txt', join(dir, 'empty.txt'), join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as ArchiveBundle).issues).toHaveLength(1);
    expect(r.stderr).toMatch(/empty\.txt: .*empty file/);
    expect(r.stderr).toMatch(/missing\.txt: .*ENOENT/);
  }, 30_000);

  test('an unknown command is a usage error', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  }, 30_000);
});
