// @vitest-environment happy-dom
// The scanner's result does not depend on how it got there: whatever part of the page counts as
// in view, however the work is cut into slices and however the text is split over inline tags,
// the matches are those of the matcher's own scanText (one paragraph) or of one judgement of the
// whole page in document order (many).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { scanText } from '../../src/match/scan';
import { judgePage } from '../../src/page/judge';
import { createPageScanner } from '../../src/page/scanner';
import { collectRuns, runsInDocumentOrder } from '../../src/page/text-runs';
import { testMatcher } from './support';

const PHRASES = ['株洲市', '株洲', '局长刘伟', '刘伟', '天元', '天元区', '省长毛伟明', '毛伟明', '省委', '株洲市代表团', '在长沙', '调研。', '，', '𠀋', 'abc', ' '];
const sentence = fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

/** A paragraph's text cut at random points into plain text and <b>/<span> pieces. */
function paragraphHtml(text: string, cuts: number[]): string {
  const units = [...text];
  const points = [...new Set(cuts.map((c) => c % (units.length + 1)))].sort((a, b) => a - b);
  let html = '';
  let last = 0;
  points.forEach((p, i) => {
    const piece = units.slice(last, p).join('');
    html += i % 2 ? `<b>${piece}</b>` : `<span>${piece}</span>`;
    last = p;
  });
  return html + units.slice(last).join('');
}

async function scanWith(near: (n: Node) => boolean, budgetMs: number) {
  let t = 0;
  const s = createPageScanner({
    matcher: testMatcher(),
    mutations: false,
    nearViewport: near,
    // A clock that moves on each reading: slices stop after a handful of units.
    scheduler: { budgetMs, now: () => (t += 0.2), request: (run) => (setTimeout(() => run(null), 0), () => {}) },
  });
  s.start();
  await s.whenIdle();
  const found = s.matches.map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: m.entityId, name: m.name, type: m.type, run: m.run.text }));
  s.stop();
  return found;
}

describe('same result however it is read', () => {
  test.prop([sentence, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 8 })], { numRuns: 60 })(
    'one paragraph: the matches of scanText over its text',
    async (text, cuts, budget) => {
      document.body.innerHTML = `<p>${paragraphHtml(text, cuts)}</p>`;
      const found = await scanWith(() => true, budget);
      expect(found.map(({ run: _, ...m }) => m)).toEqual(scanText(testMatcher(), text));
    },
  );

  test.prop([fc.array(fc.tuple(sentence, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 8 })], { numRuns: 60 })(
    'many paragraphs, any of them "in view": one judgement of the page in document order',
    async (paras, budget) => {
      document.body.innerHTML = paras.map(([t, near]) => `<p${near ? ' class="near"' : ''}>${t}</p>`).join('');
      const found = await scanWith((n) => (n as Element).classList?.contains('near') ?? false, budget);
      const runs = runsInDocumentOrder(collectRuns(document.documentElement));
      const matcher = testMatcher();
      const hits = runs.map((r) => matcher.find(r.text));
      const verdicts = judgePage(matcher, runs.map((r, i) => ({ text: r.text, hits: hits[i]!, zhuzhou: r.text.includes('株洲') })));
      const expected = runs.flatMap((r, i) =>
        hits[i]!.filter((_, k) => verdicts[i]![k]).map((h) => ({ start: h.start, end: h.end, text: h.text, entityId: h.entityId, name: h.name, type: h.type, run: r.text })),
      );
      expect(found).toEqual(expected);
    },
  );
});
