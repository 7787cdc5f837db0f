import { describe, expect, it } from 'vitest';
import {
  articleTitle,
  bylineParts,
  excerpt,
  formatIssueDate,
  issueDateText,
  issueNumberText,
  kindBadge,
} from '../../src/ui/format';
import { fakeI18n } from './fake-i18n';
import { article, issue } from './fixtures';

const zh = fakeI18n('zh_CN');
const en = fakeI18n('en');

describe('formatIssueDate', () => {
  it('writes a date the Chinese way for zh-CN', () => {
    expect(formatIssueDate('2024-01-27', 'zh-CN')).toBe('2024年1月27日');
    expect(formatIssueDate('2022-08-24', 'zh-CN')).toBe('2022年8月24日');
  });

  it('follows the page language for English', () => {
    expect(formatIssueDate('2024-01-27', 'en')).toBe('January 27, 2024');
    expect(formatIssueDate('2024-01-27', 'en-GB')).toBe('27 January 2024');
  });

  it('does not shift the day with the time zone (first and last day of a year)', () => {
    expect(formatIssueDate('2024-01-01', 'zh-CN')).toBe('2024年1月1日');
    expect(formatIssueDate('2023-12-31', 'zh-CN')).toBe('2023年12月31日');
  });

  it('gives null for a missing or malformed date', () => {
    expect(formatIssueDate(null, 'zh-CN')).toBeNull();
    expect(formatIssueDate('2024/01/27', 'zh-CN')).toBeNull();
    expect(formatIssueDate('', 'zh-CN')).toBeNull();
  });
});

describe('issue labels', () => {
  it('shows the date, or 日期未知 when it is null', () => {
    expect(issueDateText(issue('x', '2024-01-27', 1), zh)).toBe('2024年1月27日');
    expect(issueDateText(issue('x', null, null), zh)).toBe('日期未知');
    expect(issueDateText(issue('x', null, null), en)).toBe('Date unknown');
  });

  it('shows the issue number as 第N期, or nothing when unknown', () => {
    expect(issueNumberText(issue('x', null, 23552), zh.t)).toBe('第23552期');
    expect(issueNumberText(issue('x', null, 23552), en.t)).toBe('No. 23552');
    expect(issueNumberText(issue('x', null, null), zh.t)).toBeNull();
  });
});

describe('articleTitle', () => {
  it('shows the headline with full-width punctuation inside Chinese', () => {
    expect(articleTitle(article('a', 'i', { headline: '三大新平台,让代表专业优势有用武之地' }), zh.t)).toBe(
      '三大新平台，让代表专业优势有用武之地',
    );
  });

  it('labels a continuation without headline by where it comes from', () => {
    const fragment = article('a', 'i', { headline: null, kind: 'continuation', continuedFrom: '01版②' });
    expect(articleTitle(fragment, zh.t)).toBe('（上接01版②）');
    expect(articleTitle(fragment, en.t)).toBe('(continued from 01版②)');
  });

  it('labels any other untitled article as untitled', () => {
    expect(articleTitle(article('a', 'i', { headline: null }), zh.t)).toBe('（无标题）');
    expect(articleTitle(article('a', 'i', { headline: '  ' }), zh.t)).toBe('（无标题）');
  });
});

describe('kindBadge', () => {
  it('names photo, digest and continuation items, and leaves news and features plain', () => {
    expect(kindBadge('photo', zh.t)).toBe('图片');
    expect(kindBadge('digest', zh.t)).toBe('导读');
    expect(kindBadge('continuation', zh.t)).toBe('续文');
    expect(kindBadge('news', zh.t)).toBeNull();
    expect(kindBadge('feature', zh.t)).toBeNull();
  });
});

describe('bylineParts', () => {
  it('lists each role with its names, leaving empty roles out', () => {
    const byline = { reporters: ['胡文洁'], correspondents: ['张璐', '杨欢群'], photographers: [] };
    expect(bylineParts({ byline }, zh.t)).toEqual(['记者 胡文洁', '通讯员 张璐、杨欢群']);
    expect(bylineParts({ byline }, en.t)).toEqual(['Reporter: 胡文洁', 'Correspondent: 张璐, 杨欢群']);
    expect(bylineParts({ byline: { reporters: [], correspondents: [], photographers: ['罗铭'] } }, zh.t)).toEqual(['摄影 罗铭']);
  });

  it("puts a commentary's author first", () => {
    const byline = { reporters: [], correspondents: [], photographers: [] };
    expect(bylineParts({ byline, author: '李支国' }, zh.t)).toEqual(['作者 李支国']);
    expect(bylineParts({ byline }, zh.t)).toEqual([]);
  });
});

describe('excerpt', () => {
  it('cuts on characters, not UTF-16 units, and marks the cut', () => {
    expect(excerpt('𫮃𫮃𫮃𫮃', 2)).toBe('𫮃𫮃…');
    expect(excerpt('短文', 10)).toBe('短文');
  });

  it('shows full-width punctuation decided on the whole text', () => {
    expect(excerpt('长期以来,这根小针只能依赖进口', 5)).toBe('长期以来，…');
  });
});
