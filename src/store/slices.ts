// Small ArchiveBundles cut out of the store: exactly the records one view needs, read in one
// read-only transaction (so a slice never mixes two generations). The UI's pure code (reader,
// entity profiles) works on ArchiveBundles, so a slice lets it run unchanged over an archive of
// any size: an article's slice is its issue, a profile's slice is the articles that name the
// entity and the entities named beside it. A profile's slice grows with the archive; the hover
// card, which shows a few lines of it, reads entity-summaries.ts instead (the same answer, bounded).
import { compareIssues } from '../archive/issue-order';
import type { ArchiveBundle, ArticleRecord, EntityRecord, FigureRecord, IssueRecord, MentionRecord } from '../archive/types';
import { readVisibility, type Visibility } from './generations';
import { entitiesWithIds, inArchiveOrder, lookup, reading, visibleOwners } from './lookups';
import type { ArchiveDb } from './open';
import { plainArticle, plainFigure, plainIssue, plainMention } from './records';
import { prefixRange, USER_GEN, type ArchiveDB, type Gen, type StoredArticle } from './schema';
import type { IDBPTransaction } from 'idb';

export type SliceTx = IDBPTransaction<ArchiveDB, ('meta' | 'issues' | 'articles' | 'entities' | 'mentions' | 'figures')[], 'readonly'>;

export const SLICE_STORES = ['meta', 'issues', 'articles', 'entities', 'mentions', 'figures'] as const;

export const emptyBundle = (): ArchiveBundle => ({ version: 1, issues: [], articles: [], entities: [], mentions: [], figures: [] });

export async function withSlice<T>(db: ArchiveDb, body: (tx: SliceTx, v: Visibility) => Promise<T>): Promise<T> {
  return reading(async () => {
    const tx = db.transaction([...SLICE_STORES]);
    return body(tx, await readVisibility(tx.objectStore('meta')));
  });
}

/** An article's issue record: it is stored under the same generation and owner as the article. */
async function issueOf(tx: SliceTx, article: StoredArticle): Promise<IssueRecord | undefined> {
  const issue = await tx.objectStore('issues').get([article.gen, article.owner, article.issueId]);
  return issue && plainIssue(issue);
}

async function mentionsOfArticles(tx: SliceTx, v: Visibility, articleIds: Iterable<string>): Promise<MentionRecord[]> {
  const index = tx.objectStore('mentions').index('by-article');
  const parts = await Promise.all([...new Set(articleIds)].map((id) => lookup(index, v, id)));
  return parts.flat().map(plainMention);
}

function entityIdsOf(mentions: readonly MentionRecord[], figures: readonly FigureRecord[]): string[] {
  const ids = new Set(mentions.map((m) => m.entityId));
  for (const f of figures) if (f.subjectEntityId) ids.add(f.subjectEntityId);
  return [...ids];
}

/**
 * One article with everything the reader shows beside it: its issue and the issue's other
 * articles (for the jump links and "more from this issue"), the article's mentions with their
 * entities, and its figures. Null when no visible article has the id.
 */
export function articleSlice(db: ArchiveDb, articleId: string): Promise<ArchiveBundle | null> {
  return withSlice(db, async (tx, v) => {
    const [article] = await lookup(tx.objectStore('articles').index('by-id'), v, articleId);
    if (!article) return null;
    const issue = await issueOf(tx, article);
    const siblings = (await lookup(tx.objectStore('articles').index('by-issue'), v, article.issueId)).filter(
      (a) => a.gen === article.gen && a.owner === article.owner,
    );
    const mentions = await mentionsOfArticles(tx, v, [articleId]);
    const figures = (await lookup(tx.objectStore('figures').index('by-article'), v, articleId)).map(plainFigure);
    const entities = await entitiesWithIds(tx.objectStore('entities').index('by-id'), v, entityIdsOf(mentions, figures));
    return {
      version: 1,
      issues: issue ? [issue] : [],
      articles: siblings.map(plainArticle),
      entities,
      mentions,
      figures,
    };
  });
}

/**
 * What an entity's profile (and a hover card, and the side panel) is computed from: the entity,
 * every article that names it with their issues, all mentions in those articles (the profile's
 * "named beside it" needs the other entities), those entities, and the figures whose subject it
 * is, with their articles. Null when no visible entity has the id.
 */
export function entitySlice(db: ArchiveDb, entityId: string): Promise<ArchiveBundle | null> {
  return withSlice(db, (tx, v) => readEntitySlice(tx, v, entityId));
}

/** entitySlice inside a transaction the caller holds (so it sees the same records as the caller's other reads). */
export async function readEntitySlice(tx: SliceTx, v: Visibility, entityId: string): Promise<ArchiveBundle | null> {
  const byId = tx.objectStore('entities').index('by-id');
  const [entity] = await entitiesWithIds(byId, v, [entityId]);
  if (!entity) return null;
  const own = await lookup(tx.objectStore('mentions').index('by-entity'), v, entityId);
  const figures = (await lookup(tx.objectStore('figures').index('by-entity'), v, entityId)).map(plainFigure);
  // Mentions and figures carry their article's id but not its generation: find each article
  // under the generation and owner of the record that named it.
  const wanted = new Map<string, [Gen, string, string]>();
  for (const m of own) wanted.set(m.articleId, [m.gen, m.owner, m.articleId]);
  const articles = tx.objectStore('articles');
  const byArticleId = articles.index('by-id');
  for (const f of figures) {
    if (wanted.has(f.articleId)) continue;
    const [found] = await lookup(byArticleId, v, f.articleId);
    if (found) wanted.set(f.articleId, [found.gen, found.owner, found.id]);
  }
  const stored = inArchiveOrder(
    v,
    (await Promise.all([...wanted.values()].map((key) => articles.get(key)))).filter((a): a is StoredArticle => a !== undefined),
  );
  const issues = new Map<string, IssueRecord>();
  for (const a of stored) {
    if (issues.has(a.issueId)) continue;
    const issue = await issueOf(tx, a);
    if (issue) issues.set(a.issueId, issue);
  }
  const mentions = await mentionsOfArticles(
    tx,
    v,
    stored.map((a) => a.id),
  );
  const others = entityIdsOf(mentions, figures).filter((id) => id !== entityId);
  const entities: EntityRecord[] = [entity, ...(await entitiesWithIds(byId, v, others))];
  return {
    version: 1,
    issues: [...issues.values()],
    articles: stored.map(plainArticle),
    entities,
    mentions,
    figures,
  };
}

/**
 * The newest `issueLimit` issues that are not hidden, with their articles (no entities): the
 * archive index of the popup and the reader. `issueCount` and `articleCount` count every visible,
 * unhidden issue and its articles, so a summary line can say how large the whole archive is.
 */
export function recentSlice(db: ArchiveDb, issueLimit: number): Promise<{ bundle: ArchiveBundle; issueCount: number; articleCount: number }> {
  return withSlice(db, async (tx, v) => {
    const issues: { issue: IssueRecord; gen: Gen; owner: string }[] = [];
    for (const { gen, owner } of visibleOwners(v)) {
      for (const s of await tx.objectStore('issues').getAll(prefixRange(gen, owner))) {
        if (gen !== USER_GEN && v.hidden.has(s.id)) continue;
        issues.push({ issue: plainIssue(s), gen, owner });
      }
    }
    issues.sort((a, b) => compareIssues(a.issue, b.issue));
    const byIssue = tx.objectStore('articles').index('by-issue');
    let articleCount = 0;
    // Leftovers of removed user issues (not yet cleaned up) can share an issue id: count by owner.
    const counted = await Promise.all(
      issues.map(async ({ issue, gen, owner }) =>
        gen === USER_GEN
          ? (await byIssue.getAllKeys(IDBKeyRange.only([gen, issue.id]))).filter(([, o]) => o === owner).length
          : byIssue.count(IDBKeyRange.only([gen, issue.id])),
      ),
    );
    for (const n of counted) articleCount += n;
    const shown = issues.slice(0, Math.max(0, issueLimit));
    const articles: ArticleRecord[] = [];
    for (const { issue, gen, owner } of shown) {
      const all = await byIssue.getAll(IDBKeyRange.only([gen, issue.id]));
      articles.push(...all.filter((a) => a.owner === owner).sort((a, b) => a.seq - b.seq).map(plainArticle));
    }
    return {
      bundle: { version: 1, issues: shown.map((s) => s.issue), articles, entities: [], mentions: [], figures: [] },
      issueCount: issues.length,
      articleCount,
    };
  });
}
