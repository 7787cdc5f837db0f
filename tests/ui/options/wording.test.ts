import { describe, expect, test } from 'vitest';
import type { StoreErrorKind } from '../../../src/store';
import type { UploadError } from '../../../src/ui/options/upload-error';
import { formatSize, issueName, skippedText, storeErrorText, uploadErrorText } from '../../../src/ui/options/wording';
import { fakeI18n } from '../fake-i18n';

const KINDS: StoreErrorKind[] = ['quota', 'aborted', 'busy', 'version', 'closed', 'not-found', 'unknown'];
const UPLOAD_ERRORS: UploadError[] = [
  { code: 'unsupported-type' },
  { code: 'too-large', size: 12 * 1024 * 1024, limit: 5 * 1024 * 1024 },
  { code: 'newer-export', version: 2 },
  ...(['read-failed', 'parse', 'bad-json', 'not-export', 'invalid-export', 'empty-export', 'worker-failed'] as const).map((code) => ({ code, detail: 'd' })),
];
const issue = { id: '2024-01-27-23552', source: 'a.txt', date: '2024-01-27', issueNo: 23552, pageCount: 4 };

describe.each(['zh_CN', 'en'] as const)('the options page’s wording in %s', (locale) => {
  const i18n = fakeI18n(locale);

  test('every store failure has a title and an advice, all different', () => {
    const texts = KINDS.map((kind) => storeErrorText({ kind, message: 'm' }, i18n.t));
    for (const { title, advice } of texts) {
      expect(title).not.toBe('');
      expect(advice).not.toBe('');
    }
    expect(new Set(texts.map((x) => x.title)).size).toBe(KINDS.length);
  });

  test('every file error has a sentence of its own', () => {
    const texts = UPLOAD_ERRORS.map((e) => uploadErrorText(e, i18n).text);
    for (const text of texts) expect(text).not.toBe('');
    expect(new Set(texts).size).toBe(UPLOAD_ERRORS.length);
  });

  test('a duplicate is named by the issue the archive has, or by its id when it is not listed', () => {
    const known = new Map([[issue.id, issue]]);
    const named = skippedText({ issueId: 'x', source: 'b.txt', reason: 'same-text', duplicateOf: issue.id }, known, i18n);
    expect(named).toContain(issueName(issue, i18n));
    expect(skippedText({ issueId: 'x', source: 'b.txt', reason: 'same-id', duplicateOf: 'gone' }, new Map(), i18n)).toContain('gone');
  });
});

describe('numbers in the page’s language', () => {
  test('sizes', () => {
    expect(formatSize(5 * 1024 * 1024, 'en')).toBe('5 MB');
    expect(formatSize(12.5 * 1024 * 1024, 'en')).toBe('13 MB');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
  });

  test('the too-large sentence carries both sizes', () => {
    expect(uploadErrorText({ code: 'too-large', size: 12 * 1024 * 1024, limit: 5 * 1024 * 1024 }, fakeI18n('zh_CN')).text).toBe('文件太大（12 MB），这类文件最大 5 MB。');
  });

  test('an issue is named by date and number', () => {
    expect(issueName(issue, fakeI18n('zh_CN'))).toBe('2024年1月27日 第23552期');
    expect(issueName({ ...issue, issueNo: null }, fakeI18n('en'))).toBe('January 27, 2024');
  });
});
