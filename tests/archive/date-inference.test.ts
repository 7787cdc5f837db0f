import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inferIssueDate } from '../../src/archive/date-inference';
import { parseIssueText } from '../../src/archive/parse-issue';
import { REPO } from '../support/golden';

describe('issue date without a masthead', () => {
  test('the day after the latest dated event, datelines read against the full dates (seeds/002_e09f9dc8a635df41.txt)', () => {
    const r = inferIssueDate(['我市决定2023年1月1日18时起,将预警升级。', '12月30日,全市项目建设重大项目开工活动举行。', '去年12月23日,在大赛上签约。']);
    expect(r?.date).toBe('2023-01-02');
    expect(r?.evidence.method).toBe('inferred');
    expect(r?.evidence.text).toContain('2023年1月1日');
  });

  test('no date in the text means no date, not a guess', () => {
    expect(inferIssueDate(['岁月无声,奋斗有痕。'])).toBeNull();
  });

  test('a masthead date wins and is kept as evidence (seeds/000_aef4f93b7db362a9.txt)', () => {
    const { issue } = parseIssueText('000', readFileSync(`${REPO}/seeds/000_aef4f93b7db362a9.txt`, 'utf8'));
    expect(issue).toMatchObject({ date: '2024-01-27', issueNo: 23552, pageCount: 4, dateEvidence: { method: 'masthead' } });
  });
});
