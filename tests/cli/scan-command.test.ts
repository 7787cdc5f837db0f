// The `scan` command as other tools run it: `npm run -s cli -- scan [--archive BUNDLE.json] FILE`.
// Fixtures: tests/page/fixtures/seed-000-page.html (seeds/000_aef4f93b7db362a9.txt lines 22–30 set
// as a news page, with names also put where the walker must not read: title, script, textarea,
// password field, select, contenteditable) and seed-000-lines-22-30.txt (those lines verbatim).
// names-archive.json is a hand-written ArchiveBundle of six names, so the exact output below does
// not move when the seeds' parse or the matcher's precision rules change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../support/golden';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FIXTURES = 'tests/page/fixtures';
const ARCHIVE = ['--archive', `${FIXTURES}/names-archive.json`];

const m = (start: number, end: number, text: string, entityId: string, name = text) => ({
  start,
  end,
  text,
  entityId,
  name,
  type: entityId.slice(0, entityId.indexOf(':')),
});

describe('cli scan', () => {
  test('an .html page: offsets into its walked text (runs joined with \\n), nothing from fields, scripts or the title', () => {
    const r = cli('scan', ...ARCHIVE, `${FIXTURES}/seed-000-page.html`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Walked text: "Home | News\n" (0–11), the h1 from 12 (株洲 is in an <a>: 株洲市代表团 at 18),
    // the h2 30–64, the subhead from 65 ("张剑飞参加审议 <span>曹慧</span>泉陈恢清…": 曹慧泉 at 73),
    // the lead from 83, the last paragraph from 178. The journalist 胡文洁 is never marked.
    expect(JSON.parse(r.stdout)).toEqual([
      m(18, 24, '株洲市代表团', 'org:株洲市代表团'),
      m(73, 76, '曹慧泉', 'person:曹慧泉'),
      m(76, 79, '陈恢清', 'person:陈恢清'),
      m(83, 85, '株洲', 'place:株洲'),
      m(128, 134, '株洲市代表团', 'org:株洲市代表团'),
      m(238, 241, '曹慧泉', 'person:曹慧泉'),
      m(258, 261, '陈恢清', 'person:陈恢清'),
      m(270, 273, '刘光跃', 'person:刘光跃'),
    ]);
  }, 30_000);

  test('a .txt: offsets into the file’s text', () => {
    const r = cli('scan', ...ARCHIVE, `${FIXTURES}/seed-000-lines-22-30.txt`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      m(6, 12, '株洲市代表团', 'org:株洲市代表团'),
      m(63, 66, '曹慧泉', 'person:曹慧泉'),
      m(66, 69, '陈恢清', 'person:陈恢清'),
      m(74, 76, '株洲', 'place:株洲'),
      m(119, 125, '株洲市代表团', 'org:株洲市代表团'),
      m(311, 314, '曹慧泉', 'person:曹慧泉'),
      m(331, 334, '陈恢清', 'person:陈恢清'),
      m(343, 346, '刘光跃', 'person:刘光跃'),
    ]);
  }, 30_000);

  test('by default the names come from seeds/*.txt', () => {
    const r = cli('scan', `${FIXTURES}/seed-000-page.html`);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout) as { start: number; end: number; text: string; entityId: string; type: string }[];
    expect(Object.keys(found[0]!)).toEqual(['start', 'end', 'text', 'entityId', 'name', 'type']);
    // Read across the <span>, and each name only where the page shows it (not in the form or the editable div).
    expect(found).toContainEqual(m(73, 76, '曹慧泉', 'person:曹慧泉'));
    expect(found.filter((f) => f.text === '刘光跃')).toHaveLength(1);
    expect(found.filter((f) => f.text === '陈恢清')).toHaveLength(2);
    expect(found.map((f) => f.start)).toEqual([...found.map((f) => f.start)].sort((a, b) => a - b));
  }, 30_000);

  describe('refuses, with a message on stderr and a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zzl-scan-'));

    test('a missing file', () => {
      const r = cli('scan', join(dir, 'missing.html'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/missing\.html: .*cannot read file.*ENOENT/);
      expect(r.stdout).toBe('');
    }, 30_000);

    test('an unknown extension', () => {
      writeFileSync(join(dir, 'page.pdf'), '株洲');
      const r = cli('scan', join(dir, 'page.pdf'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/page\.pdf: .*unknown extension/);
    }, 30_000);

    test('text that does not decode', () => {
      writeFileSync(join(dir, 'bad.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0x80, 0x3c, 0x2f, 0x70, 0x3e]));
      const html = cli('scan', join(dir, 'bad.html'));
      expect(html.code).toBe(1);
      expect(html.stderr).toMatch(/bad\.html: .*invalid utf-8/);
      writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
      const txt = cli('scan', join(dir, 'bad.txt'));
      expect(txt.code).toBe(1);
      expect(txt.stderr).toMatch(/bad\.txt: .*binary file/);
    }, 30_000);

    test('no file, or more than one', () => {
      expect(cli('scan').code).toBe(2);
      const r = cli('scan', 'a.html', 'b.html');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/exactly one FILE/);
    }, 30_000);
  });
});
