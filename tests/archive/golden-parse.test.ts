// The parser against the hand-checked annotations of seed issues 000–002 (../shared/eval/golden).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseIssueText } from '../../src/archive/parse-issue';
import { scoreParse, type AcceptedSwaps } from '../../src/eval/score-parse';
import { loadGolden } from '../support/golden';

// The annotation README names these two headline pairs as readable either way round.
const SWAPS: AcceptedSwaps = [
  ['338台火车头整装待发', '株洲机务段全力保障春运'],
  ['项目推进激发产业链蓬勃活力', '石峰区深挖潜力精准服务持续创新'],
];

const goldens = loadGolden();
const results = goldens.map(({ name, golden, seedPath }) => {
  const parsed = parseIssueText(seedPath, readFileSync(seedPath, 'utf8'));
  return { name, golden, parsed, score: scoreParse(golden, parsed.issue, parsed.articles, SWAPS) };
});

describe('parse of the annotated seed issues', () => {
  test('there are annotations to test against', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(3);
  });

  test.each(results.map((r) => [r.name, r] as const))('%s: every annotated article is found, with its details', (_name, r) => {
    const missing = r.score.articles.filter((a) => a.found === null).map((a) => a.golden.headline ?? a.golden.bodyStart);
    const wrong = r.score.articles
      .filter((a) => a.found && !(a.bodyStartRight && a.reportersRight && a.kindRight && a.continuationRight))
      .map((a) => ({
        headline: a.golden.headline,
        bodyStart: [a.golden.bodyStart, a.found!.paragraphs[0]?.slice(0, 15) ?? null],
        reporters: [a.golden.reporters, a.golden.correspondents, a.found!.byline.reporters, a.found!.byline.correspondents],
        kind: [a.golden.kind, a.found!.kind],
        continuation: [a.golden.continues, a.golden.continuedFrom, a.found!.continues, a.found!.continuedFrom],
      }));
    expect({ missing, extra: r.score.extra.map((a) => a.headline), wrong }).toEqual({ missing: [], extra: [], wrong: [] });
  });

  test.each(results.map((r) => [r.name, r] as const))('%s: the date, issue number and page count are right', (_name, r) => {
    expect({ date: r.parsed.issue.date, issueNo: r.parsed.issue.issueNo, pageCount: r.parsed.issue.pageCount }).toEqual({
      date: r.golden.issue.date,
      issueNo: r.golden.issue.issueNo,
      pageCount: r.golden.issue.pageCount,
    });
  });

  test('the headline group is split as annotated (kicker / main / deck, whitespace ignored)', () => {
    const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
    const wrong: unknown[] = [];
    for (const r of results) {
      for (const a of r.score.articles) {
        if (!a.found) continue;
        const swapped = SWAPS.some((p) => p.includes(a.golden.headline ?? ''));
        if (swapped) continue;
        const got = a.found.subheadlines.map(squash).sort();
        const want = a.golden.subheadlines.map(squash).sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ headline: a.golden.headline, want, got });
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the measured bar of issue 2 holds over 000–002 together (and the figures are printed)', () => {
    const all = results.flatMap((r) => r.score.articles);
    const found = all.filter((a) => a.found).length;
    const predicted = results.reduce((n, r) => n + r.parsed.articles.length, 0);
    const precision = found / predicted;
    const recall = found / all.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    const share = (f: (a: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    const figures = {
      headlineF1: f1,
      bodyStart: share((a) => a.bodyStartRight),
      reporters: share((a) => a.reportersRight),
      kind: share((a) => a.kindRight),
      continuation: share((a) => a.continuationRight),
      dates: results.filter((r) => r.score.dateRight).length / results.length,
    };
    console.log('parse vs golden 000–002:', JSON.stringify(figures));
    expect(figures.headlineF1).toBeGreaterThanOrEqual(0.95);
    expect(figures.bodyStart).toBeGreaterThanOrEqual(0.9);
    expect(figures.reporters).toBeGreaterThanOrEqual(0.95);
    expect(figures.dates).toBe(1);
  });
});
