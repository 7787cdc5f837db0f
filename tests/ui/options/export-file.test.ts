import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildBundle } from '../../../src/archive/bundle';
import type { ArchiveBundle } from '../../../src/archive/types';
import { EXPORT_KIND, exportFileName, makeExport, readExport, serializeExport } from '../../../src/ui/options/export-file';
import { SEED_MASTHEAD, SEED_OTHER, seedBytes } from './support';

const seeds: ArchiveBundle = buildBundle([SEED_MASTHEAD, SEED_OTHER].map((source) => ({ source, bytes: seedBytes(source) }))).bundle;
const text = (value: unknown) => JSON.stringify(value);

describe('the export file', () => {
  test('is an envelope around the bundle: kind, version, time of export', () => {
    const file = makeExport(seeds, new Date('2025-03-01T08:30:00Z'));
    expect(JSON.parse(serializeExport(file))).toEqual({ kind: 'zhuzhou-lens-issues', version: 1, exportedAt: '2025-03-01T08:30:00.000Z', bundle: seeds });
  });

  test('is named for the day it was made, in the user’s time zone', () => {
    expect(exportFileName(new Date(2025, 2, 1, 23, 59))).toBe('zhuzhou-lens-issues-2025-03-01.json');
  });

  // Names and text from users' files can hold anything, astral characters included.
  test.prop([fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.date({ noInvalidDate: true })], { numRuns: 30 })(
    'reads back what it wrote',
    (source, headline, when) => {
      const bundle = structuredClone(seeds);
      bundle.issues[0]!.source = source;
      bundle.articles[0]!.headline = headline;
      const read = readExport(serializeExport(makeExport(bundle, when)));
      expect(read).toEqual({ ok: true, file: { kind: EXPORT_KIND, version: 1, exportedAt: when.toISOString(), bundle } });
    },
  );

  test.prop([fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue().map((v) => JSON.stringify(v)))])('refuses anything else without throwing', (input) => {
    const read = readExport(input);
    expect(read.ok).toBe(false);
  });

  test('says why it refuses', () => {
    const envelope = { kind: EXPORT_KIND, version: 1, exportedAt: '2025-03-01T08:30:00.000Z', bundle: seeds };
    expect(readExport('not json')).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(readExport(text({ ...envelope, kind: 'something-else' }))).toMatchObject({ ok: false, error: { code: 'not-export' } });
    expect(readExport(text(seeds))).toMatchObject({ ok: false, error: { code: 'not-export' } });
    expect(readExport(text({ ...envelope, version: 2 }))).toEqual({ ok: false, error: { code: 'newer-export', version: 2 } });
    expect(readExport(text({ ...envelope, version: '1' }))).toMatchObject({ ok: false, error: { code: 'invalid-export' } });
    expect(readExport(text({ ...envelope, exportedAt: 5 }))).toMatchObject({ ok: false, error: { code: 'invalid-export', detail: expect.stringContaining('exportedAt') } });
    expect(readExport(text({ ...envelope, bundle: { ...seeds, issues: [] } }))).toMatchObject({ ok: false, error: { code: 'invalid-export' } });
    expect(readExport(text({ ...envelope, bundle: { version: 1, issues: [], articles: [], entities: [], mentions: [], figures: [] } }))).toMatchObject({
      ok: false,
      error: { code: 'empty-export' },
    });
  });

  test('names the broken record of a damaged bundle', () => {
    const broken = structuredClone(seeds);
    broken.mentions[3]!.end = 1_000_000;
    expect(readExport(text({ kind: EXPORT_KIND, version: 1, exportedAt: '', bundle: broken }))).toEqual({
      ok: false,
      error: { code: 'invalid-export', detail: expect.stringContaining('mentions[3].end') },
    });
  });
});
