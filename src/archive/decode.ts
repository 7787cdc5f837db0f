// Turning the bytes of an issue file into text, or a clear refusal. Pure: runs in Node and browsers.

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: string };

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether a UTF-16 code unit is a Han ideograph (BMP blocks). */
export function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Counts of Han ideographs, of Chinese text (Han plus CJK and full-width punctuation) and of non-space units. */
export function countChinese(text: string): { han: number; chinese: number; total: number } {
  let han = 0;
  let chinese = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3000) continue;
    total++;
    if (isHanUnit(c)) {
      han++;
      chinese++;
    } else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) chinese++;
  }
  return { han, chinese, total };
}

/** Share of characters that are Han ideographs or CJK punctuation, among the non-space characters. */
export function chineseShare(text: string): number {
  const { chinese, total } = countChinese(text);
  return total === 0 ? 0 : chinese / total;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.02;
}

/**
 * UTF-8 (with or without BOM) and UTF-16 with BOM are read as they are. Text that is not valid
 * UTF-8 is tried as GB18030 (a superset of GBK and GB2312, the usual encodings of Chinese text
 * files) and accepted only if the result reads as Chinese; anything else is refused with a reason.
 */
export function decodeIssueBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: '文件为空 (empty file)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict(bytes.subarray(2), 'utf-16le');
    return text === null ? { ok: false, reason: '不是有效的 UTF-16 文本 (invalid UTF-16LE)' } : { ok: true, text, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict(bytes.subarray(2), 'utf-16be');
    return text === null ? { ok: false, reason: '不是有效的 UTF-16 文本 (invalid UTF-16BE)' } : { ok: true, text, encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: '这是二进制文件，不是文本 (binary file, not text)' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = decodeStrict(bytes.subarray(start), 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== null && chineseShare(gb) >= 0.3) return { ok: true, text: gb, encoding: 'gb18030' };
  return {
    ok: false,
    reason: '无法识别的文本编码：既不是 UTF-8，也不是 GBK/GB18030 (unknown encoding: neither UTF-8 nor GBK/GB18030)',
  };
}
