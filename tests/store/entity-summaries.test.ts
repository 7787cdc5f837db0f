// The hover card's fast path gives exactly what the slice path gives (the entity's slice → its
// profile → summarizeProfile), for every entity of the seeds, with user issues beside the bundled
// archive, a bundled issue hidden, a user issue removed, issues that tie in issue order, and
// records the parser would never make — and it reads from the v4 stamps, not from the slice.
import { afterEach, describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { entitySummaries } from '../../src/store/entity-summaries';
import { importBundle } from '../../src/store/import';
import { hideIssue, removeUserIssue } from '../../src/store/issues';
import type { ArchiveDb } from '../../src/store/open';
import { entitySlice } from '../../src/store/slices';
import { indexEntities } from '../../src/archive/entity-profile';
import { summarizeProfile, type EntitySummary, type SummaryLimits } from '../../src/archive/entity-summary';
import { synthesizeArchive } from '../../bench/synthetic-archive';
import { freshDb, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

const files = seedFiles();
/** No limit, the card's, one of each, and nothing: the ends of every list and the cut inside it. */
const LIMITS: SummaryLimits[] = [
  { articles: 50, figures: 50, titles: 50 },
  { articles: 3, figures: 3 },
  { articles: 1, figures: 1, titles: 1 },
  { articles: 0, figures: 0, titles: 0 },
];

/** What the background answered before v4: one slice per entity, its profile, the summary. */
async function slicePath(db: ArchiveDb, ids: readonly string[], limits: SummaryLimits): Promise<EntitySummary[]> {
  const found: EntitySummary[] = [];
  for (const id of ids) {
    const slice = await entitySlice(db, id);
    const profile = slice && indexEntities(slice).profile(id);
    if (profile) found.push(summarizeProfile(profile, limits));
  }
  return found;
}

/** The fast path for `ids` under every limit, each against the slice path; no fallback allowed. */
async function expectSameAsSlices(db: ArchiveDb, ids: readonly string[], limitsList = LIMITS): Promise<void> {
  // One slice and profile per entity, summarised under each limit (slices are the slow part).
  const profiles = [];
  for (const id of ids) {
    const slice = await entitySlice(db, id);
    const profile = slice && indexEntities(slice).profile(id);
    if (profile) profiles.push(profile);
  }
  const fellBack: string[] = [];
  for (const limits of limitsList) {
    const fast = await entitySummaries(db, ids, limits, { fellBack: (id, why) => fellBack.push(`${id}: ${why}`) });
    const slow = profiles.map((p) => summarizeProfile(p, limits));
    expect(fast.map((s) => s.entity.id)).toEqual(slow.map((s) => s.entity.id));
    fast.forEach((s, i) => expect(s, `${s.entity.id} ${JSON.stringify(limits)}`).toEqual(slow[i]));
  }
  expect(fellBack).toEqual([]);
}

const idsOf = (...bundles: ArchiveBundle[]): string[] => [...new Set(bundles.flatMap((b) => b.entities.map((e) => e.id)))];

describe('entitySummaries', () => {
  test('equals the slice path for every seed entity: bundled, with user issues and a hidden issue, after a removal', async () => {
    db = await freshDb();
    const bundled = seedBundle(files.slice(0, 3));
    const [third, fourth] = [seedBundle([files[3]!]), seedBundle([files[4]!])];
    const ids = idsOf(bundled, third, fourth);
    expect(ids.length).toBeGreaterThan(300);
    value(await importBundle(db, bundled, { source: 'bundled', chunkSize: 300 }));
    await expectSameAsSlices(db, ids);

    // Two user issues, added one by one (two owners, ranked in the order they came), and a hidden bundled issue.
    value(await importBundle(db, third, { source: 'user', chunkSize: 300 }));
    value(await importBundle(db, fourth, { source: 'user', chunkSize: 300 }));
    value(await hideIssue(db, bundled.issues[0]!.id));
    await expectSameAsSlices(db, ids);

    value(await removeUserIssue(db, third.issues[0]!.id));
    await expectSameAsSlices(db, ids);
  });

  test('equals the slice path when issues tie in issue order (same date and number, ids decide)', async () => {
    db = await freshDb();
    // Copies 0 days apart: each seed issue three times with the same date and number under other ids.
    const seeds = seedBundle(files.slice(0, 2));
    const copies = synthesizeArchive(seeds, 3, 7, { stepDays: 0 });
    expect(new Set(copies.issues.map((i) => `${i.date}#${i.issueNo}`)).size).toBe(seeds.issues.length);
    // Articles stored in reverse, so print order (seq) and issue id order disagree across tied issues.
    const tied = { ...copies, articles: [...copies.articles].reverse() };
    value(await importBundle(db, tied, { source: 'bundled', chunkSize: 500 }));
    // Every entity's lists cross a tie, so the newest-first read must finish each (date, number) group.
    await expectSameAsSlices(db, idsOf(seeds));
  });

  test('counts and lists records the parser never makes (missing issue, missing article, paragraph out of range) as the slice path does', async () => {
    db = await freshDb();
    const bundle = seedBundle(files.slice(0, 2));
    const [keptIssue, droppedIssue] = bundle.issues;
    const orphanArticle = bundle.articles.find((a) => a.issueId === droppedIssue!.id)!;
    const droppedArticle = bundle.articles.find((a) => a.issueId === keptIssue!.id && bundle.mentions.some((m) => m.articleId === a.id))!;
    const broken: ArchiveBundle = {
      ...bundle,
      // Articles of an issue that is not there; mentions and figures of an article that is not there.
      issues: bundle.issues.filter((i) => i !== droppedIssue),
      articles: bundle.articles.filter((a) => a !== droppedArticle),
      // A mention pointing past its article's paragraphs.
      mentions: bundle.mentions.map((m, i) => (i % 7 === 0 ? { ...m, paragraph: 999 } : m)),
    };
    expect(bundle.mentions.some((m) => m.articleId === orphanArticle.id)).toBe(true);
    value(await importBundle(db, broken, { source: 'bundled', chunkSize: 500 }));
    await expectSameAsSlices(db, idsOf(bundle));
  });

  test('gives unknown ids nothing and repeated ids once, in the order asked', async () => {
    db = await freshDb();
    const bundle = seedBundle([files[0]!]);
    value(await importBundle(db, bundle, { source: 'bundled', chunkSize: 500 }));
    const [a, b] = bundle.entities;
    const got = await entitySummaries(db, [b!.id, 'person:无此人', a!.id, b!.id], { articles: 2, figures: 2 });
    expect(got.map((s) => s.entity.id)).toEqual([b!.id, a!.id]);
    await expect(entitySummaries(db, [a!.id], { articles: -1, figures: 2 })).rejects.toThrow(RangeError);
  });

  test('falls back to the slice, still exact, when stored stamps contradict the records', async () => {
    db = await freshDb();
    const bundle = seedBundle([files[0]!]);
    value(await importBundle(db, bundle, { source: 'bundled', chunkSize: 500 }));
    const counts = new Map<string, number>();
    for (const m of bundle.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    const [busiest] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    // Behind the store's back: the entity's copy loses its stats.
    const tx = db.transaction('entities', 'readwrite');
    const [copy] = await tx.objectStore('entities').index('by-id').getAll(IDBKeyRange.only([1, busiest]));
    const { stats: _stats, ...withoutStats } = copy!;
    await tx.objectStore('entities').put(withoutStats);
    await tx.done;
    const before = await slicePath(db, [busiest], { articles: 3, figures: 3 });
    const fellBack: string[] = [];
    const fast = await entitySummaries(db, [busiest], { articles: 3, figures: 3 }, { fellBack: (_id, why) => fellBack.push(why) });
    expect(fast).toEqual(before);
    expect(fellBack).toEqual([expect.stringContaining('no stats')]);

    // Stats back; now the newest article it lists is gone.
    const [newest] = await slicePath(db, [busiest], { articles: 1, figures: 0 });
    const fix = db.transaction(['entities', 'articles'], 'readwrite');
    await fix.objectStore('entities').put(copy!);
    await fix.objectStore('articles').delete([1, '', newest!.articles[0]!.id]);
    await fix.done;
    fellBack.length = 0;
    expect(await entitySummaries(db, [busiest], { articles: 3, figures: 3 }, { fellBack: (_id, why) => fellBack.push(why) })).toEqual(
      await slicePath(db, [busiest], { articles: 3, figures: 3 }),
    );
    expect(fellBack).toEqual([expect.stringContaining('is missing')]);
  });
});
