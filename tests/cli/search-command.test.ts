// The `search` command as other tools run it: `npm run -s cli -- search [options] QUERY…`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { synthesizeArchive } from '../../bench/synthetic-archive';
import type { SearchResults } from '../../src/search';
import { REPO } from '../support/golden';
import { seedsIndex } from '../search/seeds-index';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'search', ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli search', () => {
  test('prints entities, articles and figures as JSON, best first, with the issue’s fields', () => {
    const r = cli('醴陵', '出口');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SearchResults;
    expect(Object.keys(out)).toEqual(['entities', 'articles', 'figures', 'suggestions', 'terms']);
    expect(out.terms).toEqual(['醴陵', '出口']);
    expect(Object.keys(out.entities[0]!)).toEqual(expect.arrayContaining(['id', 'name', 'type', 'score']));
    expect(Object.keys(out.articles[0]!)).toEqual(expect.arrayContaining(['id', 'headline', 'date', 'score', 'snippet', 'marks']));
    expect(Object.keys(out.figures[0]!)).toEqual(expect.arrayContaining(['id', 'text', 'metric', 'subject', 'score']));
    expect(out.articles[0]!.headline).toBe('醴陵上半年进出口总额 同比增27.7%');
    for (const list of [out.entities, out.articles, out.figures]) {
      expect(list.map((x) => x.score)).toEqual([...list.map((x) => x.score)].sort((a, b) => b - a));
    }
  }, 30_000);

  test('pinyin, traditional characters and filters', () => {
    expect((JSON.parse(cli('chq', '--kinds', 'entity').stdout) as SearchResults).entities[0]!.name).toBe('曹慧泉');
    const trad = JSON.parse(cli('陳恢清', '--kinds', 'entity,article', '--types', 'person', '--from', '2022-01-01', '--to', '2022-12-31', '--limit', '3').stdout) as SearchResults;
    expect(trad.entities[0]!.id).toBe('person:陈恢清');
    expect(trad.figures).toEqual([]);
    expect(trad.articles.length).toBeLessThanOrEqual(3);
    expect(trad.articles.every((a) => a.date !== null && a.date.startsWith('2022'))).toBe(true);
  }, 30_000);

  test('--archive searches another bundle, such as a synthetic one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zzl-search-'));
    const file = join(dir, 'synthetic-2.json');
    writeFileSync(file, JSON.stringify(synthesizeArchive(seedsIndex().bundle, 2, 1)));
    const out = JSON.parse(cli('--archive', file, '告别与出发', '--kinds', 'article').stdout) as SearchResults;
    expect(out.articles.map((a) => a.headline)).toEqual(['告别与出发', '告别与出发']);
    expect(out.articles.some((a) => a.id.startsWith('syn1-'))).toBe(true);
  }, 30_000);

  test('a miss prints suggestions; bad arguments are usage errors', () => {
    expect((JSON.parse(cli('陈恢青').stdout) as SearchResults).suggestions[0]!.name).toBe('陈恢清');
    for (const args of [[], ['--from', '2024-02-30', 'x']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/zzl search: /);
    }
  }, 60_000);
});
