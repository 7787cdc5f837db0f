// A segment as JSON (for files and for measuring its size): posting bytes as base64. IndexedDB
// needs none of this: it stores the records, Uint8Arrays included, as they are.
import type { PostingRecord } from './postings';
import type { SearchSegmentData } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = LOOKUP[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new SyntaxError(`base64: unexpected character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export type PostingJson = [key: string, count: number, bytes: string];

export interface SearchSegmentJson extends Omit<SearchSegmentData, 'postings'> {
  postings: PostingJson[];
}

export function segmentToJson(data: SearchSegmentData): SearchSegmentJson {
  return { ...data, postings: data.postings.map((p) => [p.key, p.count, toBase64(p.bytes)]) };
}

export function segmentFromJson(json: SearchSegmentJson): SearchSegmentData {
  return { ...json, postings: json.postings.map(([key, count, bytes]): PostingRecord => ({ key, count, bytes: fromBase64(bytes) })) };
}
