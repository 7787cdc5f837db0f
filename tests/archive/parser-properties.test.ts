// The parser never throws, whatever it is given: random text, random bytes, and the seeds mutated.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseIssueFile } from '../../src/archive/bundle';
import { parseIssueText } from '../../src/archive/parse-issue';
import { seedBytes } from '../support/golden';

const SEEDS = ['000_aef4f93b7db362a9.txt', '001_9ab4256ef58901f2.txt', '002_e09f9dc8a635df41.txt', '003_83df26c1926cabee.txt', '004_93fa3b44915f2e79.txt'];
const seedTexts = SEEDS.map((s) => new TextDecoder().decode(seedBytes(s)));

// Pieces the parser reacts to, so that random text reaches its interesting branches.
const TOKENS = [
  '株洲日报讯(', '全媒体记者/', '通讯员/', ')', '(', ' ', '\n', '\n\n', '。', ',', '下转02版①', '◀上接01版②', '▶下转02版', '导读', '04版',
  '摄', '通讯员供图', '株洲日报', '2024年1月27日 星期六', '第23552期 今日4版', '强调', '——', '●', '公告', '2023年4月26日', '言 鹏',
  '1月26日', '昨晚', '去年12月23日', '𫮃', '\u0000', '\ufeff', '\r\n', '：', '市委书记曹慧泉', '醴陵经开区',
];
const tokenText = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 80 }).map((a) => a.join(''));

function checkRecords(source: string, text: string): void {
  const { issue, articles } = parseIssueText(source, text);
  expect(issue.source).toBe(source);
  for (const a of articles) {
    expect(a.issueId).toBe(issue.id);
    expect(a.headline !== null || a.paragraphs.length > 0).toBe(true);
    for (const p of a.paragraphs) expect(p.trim().length).toBeGreaterThan(0);
  }
}

describe('the parser on any input', () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 400 })])('never throws on random text', (text) => {
    checkRecords('random.txt', text);
  });

  test.prop([tokenText])('never throws on text made of the markers it looks for', (text) => {
    checkRecords('tokens.txt', text);
  });

  test.prop([fc.uint8Array({ maxLength: 600 })])('never throws on random bytes, and either parses or names a reason', (bytes) => {
    const r = parseIssueFile({ source: 'bytes.bin', bytes });
    if (!r.ok) {
      expect(r.error.source).toBe('bytes.bin');
      expect(r.error.reason.length).toBeGreaterThan(0);
    }
  });

  test.prop(
    [
      fc.constantFrom(...seedTexts.keys()),
      fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: tokenText }), { minLength: 1, maxLength: 12 }),
    ],
    { numRuns: 60 },
  )('never throws on seed issues with random cuts and insertions', (seedIndex, edits) => {
    let text = seedTexts[seedIndex]!;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
    }
    checkRecords(SEEDS[seedIndex]!, text);
  });
});
