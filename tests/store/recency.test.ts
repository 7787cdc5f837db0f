// The v4 recency key: its order in memory is compareIssues' order, and IndexedDB's key order over
// it puts newer (date, number) groups after older ones, so a 'prev' cursor reads newest first.
import 'fake-indexeddb/auto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareIssues } from '../../src/archive/issue-order';
import { compareIssueRecency, dateOf, recencyOf, sameIssueGroup } from '../../src/store/recency';

const date = fc.option(
  fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);
// Few distinct values, so ties on date and number are common and the id has to decide.
const issue = fc.record({
  id: fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('2024-01-27-23552', 'syn1-2024-01-27-23552', '𫮃', '')),
  date: fc.oneof(date, fc.constantFrom(null, '2024-01-27')),
  issueNo: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  source: fc.constant('seed.txt'),
  pageCount: fc.constant(null),
});
const seq = fc.nat({ max: 50 });

describe('recency keys', () => {
  test.prop([issue, issue, seq, seq])('order issues as compareIssues does', (a, b, sa, sb) => {
    expect(Math.sign(compareIssueRecency(recencyOf(a, sa), recencyOf(b, sb)))).toBe(Math.sign(compareIssues(a, b)));
  });

  test.prop([issue, issue, seq, seq])('sort in IndexedDB with the newer (date, number) group last', (a, b, sa, sb) => {
    const [ka, kb] = [recencyOf(a, sa), recencyOf(b, sb)];
    if (sameIssueGroup(ka, kb)) return;
    // compareIssues < 0: a is newer, so its key must be the larger one.
    expect(Math.sign(indexedDB.cmp(ka, kb))).toBe(-Math.sign(compareIssues(a, b)));
  });

  test.prop([issue, seq])('give back the issue date', (i, s) => {
    expect(dateOf(recencyOf(i, s))).toBe(i.date);
  });
});
