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

/** Share of characters that are Han ideographs or CJK punctuation, among the non-space characters. */
export function chineseShare(text: string): number {
  let han = 0;
  let total = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    total++;
    if (/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d]/.test(ch)) han++;
  }
  return total === 0 ? 0 : han / total;
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
