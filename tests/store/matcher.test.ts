import { afterEach, describe, expect, test } from 'vitest';
import { importBundle } from '../../src/store/import';
import { removeUserIssue } from '../../src/store/issues';
import { currentStamp, loadMatcher, saveMatcher } from '../../src/store/matcher';
import type { ArchiveDb } from '../../src/store/open';
import { freshDb, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

describe('the cached compiled matcher', () => {
  test('is handed out only while the archive it was compiled from is the visible one', async () => {
    db = await freshDb();
    const files = seedFiles();
    expect(await loadMatcher(db)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    value(await importBundle(db, seedBundle(files.slice(0, 3)), { source: 'bundled', chunkSize: 500 }));

    const compiled = { names: ['株洲市', '三一'], version: 1 };
    value(await saveMatcher(db, compiled, await currentStamp(db)));
    expect(value(await loadMatcher(db))).toEqual(compiled);

    // A user issue added: the entities changed, so the cached matcher is stale.
    const user = seedBundle([files[3]!]);
    value(await importBundle(db, user, { source: 'user', chunkSize: 500 }));
    expect(await loadMatcher(db)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    value(await saveMatcher(db, compiled, await currentStamp(db)));
    expect(value(await loadMatcher(db))).toEqual(compiled);

    // Removed again, or a new bundled generation: stale again.
    value(await removeUserIssue(db, user.issues[0]!.id));
    expect((await loadMatcher(db)).ok).toBe(false);
    value(await saveMatcher(db, compiled, await currentStamp(db)));
    value(await importBundle(db, seedBundle(), { source: 'bundled', chunkSize: 500 }));
    expect((await loadMatcher(db)).ok).toBe(false);
  });
});
