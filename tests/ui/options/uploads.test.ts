import { describe, expect, test } from 'vitest';
import { buildBundle, MAX_ISSUE_BYTES } from '../../../src/archive/bundle';
import { makeExport, serializeExport } from '../../../src/ui/options/export-file';
import { summarize } from '../../../src/ui/options/summary';
import { MAX_EXPORT_BYTES, MAX_TEXT_BYTES, preflight, uploadKind } from '../../../src/ui/options/upload-limits';
import { parseUpload } from '../../../src/ui/options/uploads';
import { ENGLISH, LATIN1, SEED_INFERRED, SEED_MASTHEAD, seedBytes } from './support';

describe('a picked .txt file', () => {
  test('a seed issue gives the same bundle the build makes from it, with nothing to warn about', () => {
    const bytes = seedBytes(SEED_MASTHEAD);
    const result = parseUpload(SEED_MASTHEAD, bytes);
    expect(result).toEqual({ ok: true, kind: 'issue', bundle: buildBundle([{ source: SEED_MASTHEAD, bytes }]).bundle, warnings: [] });
  });

  test('what the file list shows of it: date, number, articles and the people, places and organisations named', () => {
    const result = parseUpload(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD));
    if (!result.ok) throw new Error('expected the seed to parse');
    const summary = summarize(result.bundle);
    expect(summary.issues).toHaveLength(1);
    expect(summary.issues[0]).toMatchObject({ id: '2024-01-27-23552', date: '2024-01-27', dateInferred: false, issueNo: 23552, articles: result.bundle.articles.length });
    const named = new Set(result.bundle.mentions.map((m) => m.entityId));
    for (const f of result.bundle.figures) if (f.subjectEntityId) named.add(f.subjectEntityId);
    expect(summary.issues[0]!.entities).toBeGreaterThanOrEqual(named.size);
    expect(summary.issues[0]!.entities).toBeLessThanOrEqual(result.bundle.entities.length);
    expect(summary.entities).toBe(result.bundle.entities.length);
  });

  test('a date worked out from the text is marked as inferred', () => {
    const result = parseUpload(SEED_INFERRED, seedBytes(SEED_INFERRED));
    if (!result.ok) throw new Error('expected the seed to parse');
    expect(summarize(result.bundle).issues[0]).toMatchObject({ date: '2023-12-29', issueNo: null, dateInferred: true });
  });

  test('the extension is matched case-insensitively', () => {
    expect(parseUpload('ISSUE.TXT', seedBytes(SEED_MASTHEAD)).ok).toBe(true);
    expect(uploadKind('a.Json')).toBe('export');
    expect(uploadKind('a.txt.pdf')).toBeNull();
  });

  test('text in no known encoding is refused with the decoder’s reason', () => {
    expect(parseUpload('cafe.txt', LATIN1)).toEqual({ ok: false, error: { code: 'parse', detail: expect.stringContaining('unknown encoding') } });
  });

  test('text that is not a newspaper issue is refused with the parser’s reason', () => {
    expect(parseUpload('minutes.txt', ENGLISH)).toEqual({ ok: false, error: { code: 'parse', detail: expect.stringContaining('too little Chinese') } });
    expect(parseUpload('empty.txt', new Uint8Array())).toEqual({ ok: false, error: { code: 'parse', detail: expect.stringContaining('empty') } });
  });

  test('another kind of file is refused before anything is read', () => {
    expect(parseUpload('scan.pdf', seedBytes(SEED_MASTHEAD))).toEqual({ ok: false, error: { code: 'unsupported-type' } });
    expect(preflight('scan.pdf', 10)).toEqual({ code: 'unsupported-type' });
  });

  test('a file over the limit is refused from its size alone; the limit for text is the parser’s own', () => {
    expect(MAX_TEXT_BYTES).toBe(MAX_ISSUE_BYTES);
    expect(preflight('big.txt', MAX_TEXT_BYTES)).toBeNull();
    expect(preflight('big.txt', MAX_TEXT_BYTES + 1)).toEqual({ code: 'too-large', size: MAX_TEXT_BYTES + 1, limit: MAX_TEXT_BYTES });
    expect(preflight('big.json', MAX_TEXT_BYTES + 1)).toBeNull();
    expect(preflight('big.json', MAX_EXPORT_BYTES + 1)).toEqual({ code: 'too-large', size: MAX_EXPORT_BYTES + 1, limit: MAX_EXPORT_BYTES });
    const big = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x41);
    expect(parseUpload('big.txt', big)).toEqual({ ok: false, error: { code: 'too-large', size: big.length, limit: MAX_TEXT_BYTES } });
  });
});

describe('a picked .json file', () => {
  const exportOf = (names: string[]) => buildBundle(names.map((source) => ({ source, bytes: seedBytes(source) }))).bundle;

  test('an export gives back its bundle', () => {
    const bundle = exportOf([SEED_MASTHEAD, SEED_INFERRED]);
    const bytes = new TextEncoder().encode(serializeExport(makeExport(bundle, new Date('2025-03-01T08:00:00Z'))));
    expect(parseUpload('mine.json', bytes)).toEqual({ ok: true, kind: 'export', bundle, warnings: [] });
  });

  test('a byte-order mark is allowed', () => {
    const text = serializeExport(makeExport(exportOf([SEED_MASTHEAD]), new Date(0)));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(parseUpload('bom.json', bytes).ok).toBe(true);
  });

  test('JSON that is not an export, and bytes that are not JSON, are refused with the reason', () => {
    const bundleOnly = new TextEncoder().encode(JSON.stringify(exportOf([SEED_MASTHEAD])));
    expect(parseUpload('bundle.json', bundleOnly)).toMatchObject({ ok: false, error: { code: 'not-export' } });
    expect(parseUpload('broken.json', new TextEncoder().encode('{"kind":'))).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(parseUpload('latin1.json', LATIN1)).toMatchObject({ ok: false, error: { code: 'bad-json', detail: expect.stringContaining('UTF-8') } });
  });
});
