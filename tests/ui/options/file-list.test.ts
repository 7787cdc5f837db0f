import { describe, expect, test } from 'vitest';
import { addableFiles, fileListReducer, type FileAction, type FileEntry } from '../../../src/ui/options/file-list';
import { parseUpload } from '../../../src/ui/options/uploads';
import { ENGLISH, SEED_MASTHEAD, seedBytes } from './support';

const run = (actions: FileAction[], start: FileEntry[] = []) => actions.reduce(fileListReducer, start);
const good = parseUpload(SEED_MASTHEAD, seedBytes(SEED_MASTHEAD));
const bad = parseUpload('minutes.txt', ENGLISH);
const issueId = good.ok ? good.bundle.issues[0]!.id : '';
const quota = { kind: 'quota', message: 'full' } as const;

describe('the list of picked files', () => {
  test('files are pending until parsed, then ready or in error', () => {
    const list = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 10 }, { key: 2, name: 'b.txt', size: 20 }] },
      { type: 'parsed', key: 2, result: bad },
    ]);
    expect(list.map((e) => e.status)).toEqual(['pending', 'error']);
    const parsed = fileListReducer(list, { type: 'parsed', key: 1, result: good });
    expect(parsed[0]).toMatchObject({ status: 'parsed', parsed: { kind: 'issue', warnings: [] } });
    expect(parsed[0]!.parsed?.summary.issues.map((i) => i.id)).toEqual([issueId]);
    expect(addableFiles(parsed).map((e) => e.key)).toEqual([1]);
  });

  test('picking a file of the same name again replaces its row in place', () => {
    const list = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 10 }, { key: 2, name: 'b.txt', size: 20 }] },
      { type: 'parsed', key: 1, result: good },
      { type: 'picked', files: [{ key: 3, name: 'a.txt', size: 11 }] },
    ]);
    expect(list.map((e) => [e.key, e.name, e.status])).toEqual([
      [3, 'a.txt', 'pending'],
      [2, 'b.txt', 'pending'],
    ]);
  });

  test('a file being imported is not replaced: the new one is listed after it', () => {
    const list = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 10 }] },
      { type: 'parsed', key: 1, result: good },
      { type: 'importing', key: 1 },
      { type: 'picked', files: [{ key: 2, name: 'a.txt', size: 10 }] },
    ]);
    expect(list.map((e) => [e.key, e.status])).toEqual([
      [1, 'importing'],
      [2, 'pending'],
    ]);
  });

  test('an import ends added, or skipped when every issue was there already', () => {
    const base = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 10 }] },
      { type: 'parsed', key: 1, result: good },
      { type: 'importing', key: 1 },
    ]);
    expect(fileListReducer(base, { type: 'imported', key: 1, outcome: { added: [issueId], skipped: [] } })[0]).toMatchObject({ status: 'added', added: [issueId] });
    const skipped = { issueId, source: 'a.txt', reason: 'same-id', duplicateOf: issueId } as const;
    const after = fileListReducer(base, { type: 'imported', key: 1, outcome: { added: [], skipped: [skipped] } });
    expect(after[0]).toMatchObject({ status: 'skipped', skipped: [skipped] });
    expect(addableFiles(after)).toEqual([]);
  });

  test('a failed import keeps the file ready to try again; a cancelled one is not an error', () => {
    const base = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 10 }] },
      { type: 'parsed', key: 1, result: good },
      { type: 'importing', key: 1 },
    ]);
    const failed = fileListReducer(base, { type: 'import-failed', key: 1, error: quota });
    expect(failed[0]).toMatchObject({ status: 'error', storeError: quota });
    expect(addableFiles(failed)).toHaveLength(1);
    const cancelled = fileListReducer(base, { type: 'import-failed', key: 1, error: { kind: 'aborted', message: '' } });
    expect(cancelled[0]).toMatchObject({ status: 'parsed', storeError: { kind: 'aborted' } });
    expect(fileListReducer(failed, { type: 'importing', key: 1 })[0]).toMatchObject({ status: 'importing', storeError: null });
  });

  test('clearing keeps only the files still in flight', () => {
    const list = run([
      { type: 'picked', files: [{ key: 1, name: 'a.txt', size: 1 }, { key: 2, name: 'b.txt', size: 1 }, { key: 3, name: 'c.txt', size: 1 }] },
      { type: 'parsed', key: 1, result: good },
      { type: 'parsed', key: 2, result: good },
      { type: 'importing', key: 2 },
      { type: 'clear' },
    ]);
    expect(list.map((e) => e.key)).toEqual([2, 3]);
  });

  test('a late parse result for a replaced or cleared row changes nothing', () => {
    const list = run([{ type: 'picked', files: [{ key: 1, name: 'a.txt', size: 1 }] }, { type: 'picked', files: [{ key: 2, name: 'a.txt', size: 1 }] }]);
    expect(fileListReducer(list, { type: 'parsed', key: 1, result: good })).toEqual(list);
  });
});
