import { describe, expect, test } from 'vitest';
import { decodeIssueBytes } from '../../src/archive/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

// GB18030 bytes of "株洲日报讯" + ASCII: produced once with iconv, kept literal so the test needs no encoder.
const GB18030_ZHUZHOU_RIBAO_XUN = Uint8Array.from([0xd6, 0xea, 0xd6, 0xde, 0xc8, 0xd5, 0xb1, 0xa8, 0xd1, 0xb6]);

describe('decoding issue files', () => {
  test('UTF-8 with and without a byte-order mark reads as the same text', () => {
    const text = '株洲日报讯(全媒体记者/刘毅)日前';
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeIssueBytes(utf8(text))).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    expect(decodeIssueBytes(bom)).toMatchObject({ ok: true, text, encoding: 'utf-8' });
  });

  test('GBK/GB18030 text is detected and decoded', () => {
    const bytes = new Uint8Array([...GB18030_ZHUZHOU_RIBAO_XUN, ...GB18030_ZHUZHOU_RIBAO_XUN]);
    expect(decodeIssueBytes(bytes)).toMatchObject({ ok: true, text: '株洲日报讯株洲日报讯', encoding: 'gb18030' });
  });

  test('UTF-16 with a byte-order mark is read', () => {
    const text = '株洲日报';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeIssueBytes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });

  test('an empty file is refused as empty', () => {
    expect(decodeIssueBytes(new Uint8Array())).toEqual({ ok: false, reason: expect.stringContaining('empty') });
  });

  test('a binary file is refused as binary', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeIssueBytes(png)).toEqual({ ok: false, reason: expect.stringContaining('binary') });
  });

  test('bytes that are neither UTF-8 nor Chinese GB18030 are refused as an unknown encoding', () => {
    // Latin-1 accented text: invalid UTF-8, and as GB18030 it decodes to a few odd characters, not Chinese prose.
    const latin1 = Uint8Array.from([...'caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]));
    expect(decodeIssueBytes(latin1)).toEqual({ ok: false, reason: expect.stringContaining('unknown encoding') });
  });
});
