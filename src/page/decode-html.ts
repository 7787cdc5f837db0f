// Bytes of a saved web page to text, the way a browser would pick the encoding for a file: a byte
// order mark, else the charset the page declares in its first 1024 bytes (<meta charset> or
// http-equiv), else UTF-8. Undecodable bytes are refused with a reason rather than read as U+FFFD.

export type HtmlDecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset label a page declares near its start, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Labels are ASCII: read the prefix as Latin-1, one byte per character.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) head += String.fromCharCode(bytes[i]!);
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

function strict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeHtmlBytes(bytes: Uint8Array): HtmlDecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return withLabel(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withLabel(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withLabel(bytes.subarray(2), 'utf-16be');
  const declared = declaredCharset(bytes);
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8).
  const label = declared === null || declared.startsWith('utf-16') ? 'utf-8' : declared;
  return withLabel(bytes, label);
}

function withLabel(bytes: Uint8Array, label: string): HtmlDecodeResult {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return { ok: false, reason: `页面声明了未知的字符集 (unknown charset declared): ${label}` };
  }
  const text = strict(bytes, encoding);
  if (text === null) return { ok: false, reason: `不是有效的 ${encoding} 文本 (invalid ${encoding} text)` };
  return { ok: true, text, encoding };
}
