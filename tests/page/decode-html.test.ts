// Saved pages to text: byte order marks, a declared charset, else UTF-8; bad bytes are refused.
import { describe, expect, test } from 'vitest';
import { decodeHtmlBytes, declaredCharset } from '../../src/page/decode-html';

const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
/** 株洲 in GBK. */
const ZHUZHOU_GBK = new Uint8Array([0xd6, 0xea, 0xd6, 0xde]);

describe('decodeHtmlBytes', () => {
  test('UTF-8 without and with a byte order mark', () => {
    expect(decodeHtmlBytes(new TextEncoder().encode('<p>株洲𠀋</p>'))).toEqual({ ok: true, text: '<p>株洲𠀋</p>', encoding: 'utf-8' });
    expect(decodeHtmlBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode('<p>株洲</p>')))).toMatchObject({ text: '<p>株洲</p>' });
  });

  test('UTF-16 with a byte order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x2a, 0x68, 0x32, 0x6d]);
    expect(decodeHtmlBytes(le)).toEqual({ ok: true, text: '株洲', encoding: 'utf-16le' });
  });

  test('a GBK page that says so, in either form of meta tag', () => {
    for (const meta of ['<meta charset="gbk">', '<META http-equiv="Content-Type" content="text/html; charset=GB2312">']) {
      const r = decodeHtmlBytes(concat(ascii(`<html><head>${meta}</head><body><p>`), ZHUZHOU_GBK, ascii('</p>')));
      expect(r).toMatchObject({ ok: true, encoding: 'gbk' });
      expect(r.ok && r.text).toContain('<p>株洲</p>');
    }
  });

  test('refuses bytes that are not UTF-8 when nothing else is declared, and unknown charsets', () => {
    const r = decodeHtmlBytes(concat(ascii('<p>'), ZHUZHOU_GBK, ascii('</p>')));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/invalid utf-8/) });
    expect(decodeHtmlBytes(ascii('<meta charset="klingon">'))).toEqual({ ok: false, reason: expect.stringMatching(/unknown charset.*klingon/) });
  });

  test('a page claiming UTF-16 in ASCII bytes is read as UTF-8', () => {
    expect(decodeHtmlBytes(ascii('<meta charset="utf-16"><p>x</p>'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  test('only the first 1024 bytes are looked at for a charset', () => {
    expect(declaredCharset(ascii(`${' '.repeat(1100)}<meta charset="gbk">`))).toBeNull();
    expect(declaredCharset(ascii('<meta charset=Big5>'))).toBe('big5');
  });
});
