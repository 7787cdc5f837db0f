// The matcher's compiled form, cached in one record. It is compiled from the visible entities, so
// it is stored with the visibility stamp it was compiled at and only handed out while that stamp
// is still current: an import, a user issue added or removed makes it stale, and the caller
// compiles again. The compiled form is opaque JSON here; src/match decides its shape.
import { classifyError, failed, ok, StoreFailure, type StoreResult } from './errors';
import { readVisibility, visibilityStamp } from './generations';
import type { ArchiveDb } from './open';
import { MATCHER_KEY, type JsonValue } from './schema';

/** The stamp to compile against: read it, read the entities, compile, then save with this stamp. */
export async function currentStamp(db: ArchiveDb): Promise<string> {
  try {
    return visibilityStamp(await readVisibility(db.transaction('meta').objectStore('meta')));
  } catch (e) {
    throw new StoreFailure(classifyError(e));
  }
}

export async function saveMatcher(db: ArchiveDb, compiled: JsonValue, stamp: string): Promise<StoreResult<void>> {
  try {
    const tx = db.transaction('matcher', 'readwrite');
    await tx.objectStore('matcher').put({ stamp, compiled, savedAt: Date.now() }, MATCHER_KEY);
    await tx.done;
    return ok(undefined);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}

/** The cached matcher if it was compiled from what is visible now, else a 'not-found' result. */
export async function loadMatcher(db: ArchiveDb): Promise<StoreResult<JsonValue>> {
  try {
    const tx = db.transaction(['meta', 'matcher']);
    const [v, record] = await Promise.all([readVisibility(tx.objectStore('meta')), tx.objectStore('matcher').get(MATCHER_KEY)]);
    if (!record || record.stamp !== visibilityStamp(v)) return failed('not-found', 'no current compiled matcher');
    return ok(record.compiled);
  } catch (e) {
    return { ok: false, error: classifyError(e) };
  }
}
