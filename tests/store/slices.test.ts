// Slices cut from the store must be enough for the views computed from them: every entity's profile
// and every article's reader data come out the same from its slice as from the whole bundle.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ArchiveBundle } from '../../src/archive/types';
import { importBundle } from '../../src/store/import';
import { hideIssue } from '../../src/store/issues';
import { mergeEntitiesById } from '../../src/store/records';
import type { ArchiveDb } from '../../src/store/open';
import { articleSlice, entitySlice, recentSlice } from '../../src/store/slices';
import { compareIssues, indexArchive, jumpLinks } from '../../src/ui/archive-index';
import { indexEntities } from '../../src/archive/entity-profile';
import { freshDb, seedBundle, seedFiles, value } from './support';

let db: ArchiveDb;
let bundle: ArchiveBundle;
let user: ArchiveBundle;

beforeAll(async () => {
  const files = seedFiles();
  bundle = seedBundle(files.slice(0, 4));
  user = seedBundle([files[4]!]);
  db = await freshDb();
  value(await importBundle(db, bundle, { source: 'bundled', chunkSize: 200 }));
  value(await importBundle(db, user, { source: 'user', chunkSize: 200 }));
});
afterAll(() => db.close());

const whole = (): ArchiveBundle => ({
  version: 1,
  issues: [...bundle.issues, ...user.issues],
  articles: [...bundle.articles, ...user.articles],
  // The store merges the copies of an entity that bundled and user issues both found.
  entities: mergeEntitiesById([...bundle.entities, ...user.entities]),
  mentions: [...bundle.mentions, ...user.mentions],
  figures: [...bundle.figures, ...user.figures],
});

describe('entitySlice', () => {
  test('gives every entity of bundled and user issues the same profile as the whole archive', async () => {
    const full = indexEntities(whole());
    const ids = new Set([...bundle.entities, ...user.entities].map((e) => e.id));
    expect(ids.size).toBeGreaterThan(300);
    for (const id of ids) {
      const slice = await entitySlice(db, id);
      expect(slice, id).not.toBeNull();
      expect(indexEntities(slice!).profile(id), id).toEqual(full.profile(id));
    }
  });

  test('is null for an id no visible entity has', async () => {
    expect(await entitySlice(db, 'person:无此人')).toBeNull();
  });
});

describe('articleSlice', () => {
  test('gives every article its issue, jump links and linked mentions as the whole archive does', async () => {
    const all = whole();
    const fullIndex = indexArchive(all);
    const fullEntities = indexEntities(all);
    for (const article of all.articles) {
      const slice = await articleSlice(db, article.id);
      expect(slice, article.id).not.toBeNull();
      const index = indexArchive(slice!);
      expect(index.article(article.id)).toEqual(article);
      expect(index.group(article.issueId)).toEqual(fullIndex.group(article.issueId));
      expect(jumpLinks(index, article)).toEqual(jumpLinks(fullIndex, article));
      expect(indexEntities(slice!).mentionsIn(article.id)).toEqual(fullEntities.mentionsIn(article.id));
      expect(slice!.figures).toEqual(all.figures.filter((f) => f.articleId === article.id));
    }
  });

  test('is null for an unknown article', async () => {
    expect(await articleSlice(db, 'a-none')).toBeNull();
  });
});

describe('recentSlice', () => {
  test('lists the newest issues first with their articles in print order, and counts the whole archive', async () => {
    const all = whole();
    const { bundle: recent, issueCount, articleCount } = await recentSlice(db, 2);
    const newest = [...all.issues].sort(compareIssues).slice(0, 2);
    expect(recent.issues).toEqual(newest);
    expect(recent.articles).toEqual(all.articles.filter((a) => newest.some((i) => i.id === a.issueId)));
    expect(issueCount).toBe(all.issues.length);
    expect(articleCount).toBe(all.articles.length);
  });

  test('leaves hidden bundled issues out of the list and the counts', async () => {
    const hidden = bundle.issues[0]!;
    value(await hideIssue(db, hidden.id));
    const { bundle: recent, issueCount, articleCount } = await recentSlice(db, 100);
    expect(recent.issues.map((i) => i.id)).not.toContain(hidden.id);
    expect(issueCount).toBe(bundle.issues.length + user.issues.length - 1);
    expect(articleCount).toBe(bundle.articles.length + user.articles.length - bundle.articles.filter((a) => a.issueId === hidden.id).length);
  });
});
