import { afterEach, describe, expect, test } from 'vitest';
import { bundleHash } from '../../src/store/hash';
import { importBundle, type ImportOutcome } from '../../src/store/import';
import type { ArchiveDb } from '../../src/store/open';
import {
  articleById,
  articlesMentioning,
  articlesOfIssue,
  countRecords,
  entitiesByName,
  entitiesByNameOrAlias,
  entitiesByType,
  entityById,
  exportBundle,
  figuresOfArticle,
  figuresOfEntity,
  listIssues,
  mentionsOfEntity,
} from '../../src/store/queries';
import { readStatus } from '../../src/store/status';
import { countsOf, freshDb, rawCounts, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb | undefined;
afterEach(() => db?.close());

const bundled = { source: 'bundled', chunkSize: 200 } as const;

describe('importing the bundled archive', () => {
  test('every count in the store equals the seed bundle’s, and the bundle comes back out unchanged', async () => {
    db = await freshDb();
    const bundle = seedBundle();
    const outcome = value(await importBundle(db, bundle, bundled));
    expect(outcome).toMatchObject<Partial<ImportOutcome>>({ status: 'imported', source: 'bundled', generation: 1, resumed: false, cleanupPending: false });
    expect(outcome.added).toEqual(bundle.issues.map((i) => i.id));
    expect(await countRecords(db)).toEqual(countsOf(bundle));
    expect(await rawCounts(db)).toEqual(countsOf(bundle));
    expect(await exportBundle(db)).toEqual(bundle);
    expect(await exportBundle(db, 'user')).toEqual({ version: 1, issues: [], articles: [], entities: [], mentions: [], figures: [] });
    const status = await readStatus(db);
    expect(status.active).toMatchObject({ generation: 1, hash: bundleHash(bundle), counts: countsOf(bundle) });
    expect(status.pending).toEqual([]);
  });

  test('the queries the UI needs answer from the store as the bundle says', async () => {
    db = await freshDb();
    const bundle = seedBundle();
    value(await importBundle(db, bundle, bundled));

    expect((await listIssues(db)).map((i) => i.id)).toEqual(bundle.issues.map((i) => i.id));
    expect((await listIssues(db)).every((i) => i.origin === 'bundled' && !i.hidden)).toBe(true);

    for (const issue of bundle.issues) {
      expect(await articlesOfIssue(db, issue.id)).toEqual(bundle.articles.filter((a) => a.issueId === issue.id));
    }
    const article = bundle.articles[3]!;
    expect(await articleById(db, article.id)).toEqual(article);
    expect(await articleById(db, 'no-such-article')).toBeUndefined();
    expect(await figuresOfArticle(db, article.id)).toEqual(bundle.figures.filter((f) => f.articleId === article.id));

    for (const entity of bundle.entities) {
      expect(await entityById(db, entity.id)).toEqual(entity);
    }
    // Exact name, and every alias, through the multiEntry index.
    const withAlias = bundle.entities.find((e) => e.aliases.length > 0)!;
    expect((await entitiesByName(db, withAlias.name)).map((e) => e.id)).toContain(withAlias.id);
    for (const alias of withAlias.aliases) expect((await entitiesByNameOrAlias(db, alias)).map((e) => e.id)).toContain(withAlias.id);
    expect(await entitiesByName(db, withAlias.aliases[0]!)).not.toContainEqual(withAlias);
    const sany = await entitiesByNameOrAlias(db, '三一');
    expect(sany.map((e) => e.id)).toEqual(['org:三一集团有限公司']);
    expect(await entitiesByNameOrAlias(db, '不存在的名字')).toEqual([]);
    for (const type of ['person', 'place', 'org'] as const) {
      expect((await entitiesByType(db, type)).map((e) => e.id).sort()).toEqual(bundle.entities.filter((e) => e.type === type).map((e) => e.id).sort());
    }

    // The most mentioned entity: its mentions, the articles naming it, and figures about it.
    const mentionCount = new Map<string, number>();
    for (const m of bundle.mentions) mentionCount.set(m.entityId, (mentionCount.get(m.entityId) ?? 0) + 1);
    const [top] = [...mentionCount].sort((a, b) => b[1] - a[1])[0]!;
    expect(await mentionsOfEntity(db, top)).toEqual(bundle.mentions.filter((m) => m.entityId === top));
    const articleIds = [...new Set(bundle.mentions.filter((m) => m.entityId === top).map((m) => m.articleId))];
    expect((await articlesMentioning(db, top)).map((a) => a.id)).toEqual(articleIds);

    const subjects = new Set(bundle.figures.map((f) => f.subjectEntityId).filter((s) => s !== null));
    expect(subjects.size).toBeGreaterThan(0);
    for (const subject of subjects) {
      expect(await figuresOfEntity(db, subject)).toEqual(bundle.figures.filter((f) => f.subjectEntityId === subject));
    }
  });

  test('importing the same bundle again is a no-op: nothing written, same generation', async () => {
    db = await freshDb();
    const bundle = seedBundle();
    value(await importBundle(db, bundle, bundled));
    const chunks: string[] = [];
    const again = value(await importBundle(db, seedBundle(), { ...bundled, onChunk: (c) => chunks.push(c.store) }));
    expect(again).toMatchObject({ status: 'unchanged', generation: 1, chunksWritten: 0 });
    expect(chunks).toEqual([]);
    expect(await rawCounts(db)).toEqual(countsOf(bundle));
  });

  test('a new bundle replaces the old one whole, and the old generation is deleted', async () => {
    db = await freshDb();
    const older = seedBundle(seedFiles().slice(0, 2));
    const newer = seedBundle();
    value(await importBundle(db, older, bundled));
    expect(await exportBundle(db)).toEqual(older);
    const outcome = value(await importBundle(db, newer, bundled));
    expect(outcome).toMatchObject({ status: 'imported', generation: 2, cleanupPending: false });
    expect(await exportBundle(db)).toEqual(newer);
    expect(await rawCounts(db)).toEqual(countsOf(newer));
    expect((await readStatus(db)).cleanupTasks).toBe(0);
  });

  test('a precomputed hash is used as given', async () => {
    db = await freshDb();
    const bundle = seedBundle();
    value(await importBundle(db, bundle, { ...bundled, hash: 'build-hash' }));
    expect((await readStatus(db)).active?.hash).toBe('build-hash');
    expect(value(await importBundle(db, bundle, { ...bundled, hash: 'build-hash' })).status).toBe('unchanged');
  });
});
