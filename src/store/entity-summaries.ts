// Hover-card data read in a bounded amount of work, however large the archive: what
// summarizeProfile(indexEntities(entitySlice(id)).profile(id), limits) gives, without the slice.
//
// - the entity: its visible copies (one bundled, one per user issue that names it), merged;
// - counts: the sum of the `stats` those copies carry (recency.ts: stamped by the import per owner);
// - the newest articles and figures: a 'prev' cursor over the v4 `by-entity-recency` indexes of
//   each visible generation, stopped once enough are read and the (date, number) group of the last
//   one is complete, then ordered exactly as the profile orders them (issue order, then print order,
//   then position) and merged over the generations; only the few articles shown are read.
//
// Visibility is that of the slice path: the active generation and the committed user issues.
// Hidden bundled issues are hidden from the archive's lists only, as in entitySlice.
//
// When the stamps contradict the records (a copy without stats, a listed article that is missing,
// fewer listed records than the stats count), the summary is computed the slow way from the
// entity's slice in the same transaction, and `fellBack` says so: always exact, and a broken
// invariant is visible rather than silently wrong.
import type { IssueRecord, MentionRecord } from '../archive/types';
import { indexEntities, sentenceSnippet, titleHistory } from '../archive/entity-profile';
import { summarizeProfile, summaryArticle, summaryFigure, type EntitySummary, type SummaryArticle, type SummaryFigure, type SummaryLimits } from '../archive/entity-summary';
import { isVisible, visibleGens, type Visibility } from './generations';
import { lookup } from './lookups';
import type { ArchiveDb } from './open';
import { compareIssueRecency, sameIssueGroup, type EntityStats, type Recency, type WithMetric } from './recency';
import { mergeEntityCopies, plainEntity, plainIssue } from './records';
import { USER_GEN, type Gen, type Stamp, type StoredFigure, type StoredMention } from './schema';
import { readEntitySlice, withSlice, type SliceTx } from './slices';

export interface SummaryObserver {
  /** The fast path met records that break its invariants and the slice path answered instead. */
  fellBack?(entityId: string, why: string): void;
}

/**
 * One summary per distinct known id, in the order the ids first appear; unknown ids are left out.
 * All ids are read in one read-only transaction. `articles` and `figures` are whole numbers ≥ 0.
 */
export async function entitySummaries(
  db: ArchiveDb,
  entityIds: readonly string[],
  limits: SummaryLimits,
  observer: SummaryObserver = {},
): Promise<EntitySummary[]> {
  const articles = wholeLimit(limits.articles, 'articles');
  const figures = wholeLimit(limits.figures, 'figures');
  return withSlice(db, async (tx, v) => {
    const found: EntitySummary[] = [];
    for (const id of new Set(entityIds)) {
      const summary = await summaryOf(tx, v, id, { ...limits, articles, figures }).catch(async (e: unknown) => {
        if (!(e instanceof BrokenInvariant)) throw e;
        observer.fellBack?.(id, e.message);
        const slice = await readEntitySlice(tx, v, id);
        const profile = slice && indexEntities(slice).profile(id);
        return profile ? summarizeProfile(profile, limits) : null;
      });
      if (summary) found.push(summary);
    }
    return found;
  });
}

function wholeLimit(n: number, name: string): number {
  // summarizeProfile slices with the limit: a fraction is cut as slice cuts it; a negative one
  // would count from the end, which no caller means (the message protocol allows 0…50).
  if (!(n >= 0)) throw new RangeError(`limits.${name} must be a number ≥ 0, not ${n}`);
  return Math.floor(n);
}

class BrokenInvariant extends Error {}

type Listed = Stamp & { recency?: Recency };

interface Cursor<T> {
  readonly value: T;
  continue(): Promise<Cursor<T> | null>;
}
interface RecencyIndex<T> {
  openCursor(range: IDBKeyRange, direction: IDBCursorDirection): Promise<Cursor<T> | null>;
}

/** Every key [...prefix, x] where x is a recency key (an array of strings and numbers): [[]] sorts after all of them. */
const recencyRange = (prefix: (Gen | string | number)[]): IDBKeyRange => IDBKeyRange.bound(prefix, [...prefix, [[]]]);

/**
 * Visible records of one generation, newest first, until `n` distinct units (`unitOf`) are taken
 * and the (date, number) group of the n-th is complete: within a group the index order is not
 * the profile's order (issue ids ascend there), so the whole group is read and ordered in memory.
 */
async function newestOf<T extends Listed>(index: RecencyIndex<T>, range: IDBKeyRange, v: Visibility, n: number, unitOf: (r: T) => string): Promise<T[]> {
  const taken: T[] = [];
  if (n <= 0) return taken;
  const units = new Set<string>();
  let boundary: Recency | undefined;
  for (let c = await index.openCursor(range, 'prev'); c; c = await c.continue()) {
    const r = c.value;
    if (!r.recency) continue; // the index holds only records that have one
    if (boundary && !sameIssueGroup(r.recency, boundary)) break;
    if (!isVisible(v, r)) continue;
    taken.push(r);
    units.add(unitOf(r));
    if (!boundary && units.size >= n) boundary = r.recency;
  }
  return taken;
}

/** inArchiveOrder's owner rank: bundled first, then user issues in the order they were added. */
function ownerRanks(v: Visibility): (r: Stamp) => number {
  const rank = new Map(v.userIssues.map((u, i) => [u.owner, i + 1]));
  return (r) => (r.gen === USER_GEN ? (rank.get(r.owner) ?? Infinity) : 0);
}

const recencyOf = (r: Listed): Recency => {
  if (!r.recency) throw new BrokenInvariant('a listed record without recency');
  return r.recency;
};

/** The profile's article order: issue order, then print order (owner, then seq). */
const compareListed = (rank: (r: Stamp) => number) => (a: Listed, b: Listed): number =>
  compareIssueRecency(recencyOf(a), recencyOf(b)) || rank(a) - rank(b) || recencyOf(a)[3] - recencyOf(b)[3];

interface Reads {
  tx: SliceTx;
  v: Visibility;
  rank: (r: Stamp) => number;
  issue(gen: Gen, owner: string, issueId: string): Promise<IssueRecord>;
}

async function summaryOf(tx: SliceTx, v: Visibility, entityId: string, limits: SummaryLimits): Promise<EntitySummary | null> {
  const copies = await lookup(tx.objectStore('entities').index('by-id'), v, entityId);
  const entity = mergeEntityCopies(copies.map(plainEntity));
  if (!entity) return null;
  const stats = copies.reduce<EntityStats>((sum, c) => {
    if (!c.stats) throw new BrokenInvariant(`the copy of ${c.owner || 'the bundled archive'} has no stats`);
    return { mentions: sum.mentions + c.stats.mentions, articles: sum.articles + c.stats.articles, figures: sum.figures + c.stats.figures };
  }, { mentions: 0, articles: 0, figures: 0 });

  const issues = new Map<string, Promise<IssueRecord | undefined>>();
  const reads: Reads = {
    tx,
    v,
    rank: ownerRanks(v),
    async issue(gen, owner, issueId) {
      const key: [Gen, string, string] = [gen, owner, issueId];
      const k = JSON.stringify(key);
      let found = issues.get(k);
      if (!found) issues.set(k, (found = tx.objectStore('issues').get(key).then((s) => s && plainIssue(s))));
      const issue = await found;
      if (!issue) throw new BrokenInvariant(`issue ${issueId} of a listed record is missing`);
      return issue;
    },
  };
  const articles = stats.articles > 0 ? await newestArticles(reads, entityId, limits.articles) : [];
  if (articles.length !== Math.min(limits.articles, stats.articles)) throw new BrokenInvariant('listed articles disagree with the stats');
  const figures = stats.figures > 0 ? await keyFigures(reads, entityId, limits.figures) : [];
  if (figures.length !== Math.min(limits.figures, stats.figures)) throw new BrokenInvariant('listed figures disagree with the stats');

  return {
    entity,
    titles: titleHistory(entity)
      .slice(0, limits.titles ?? 3)
      .map((t) => ({ title: t.title, date: t.printings[0]?.date ?? null })),
    articleCount: stats.articles,
    mentionCount: stats.mentions,
    articles,
    figureCount: stats.figures,
    figures,
  };
}

async function newestArticles(r: Reads, entityId: string, n: number): Promise<SummaryArticle[]> {
  const index: RecencyIndex<StoredMention> = r.tx.objectStore('mentions').index('by-entity-recency');
  const articleKey = (m: StoredMention) => `${m.gen}\u0000${m.owner}\u0000${m.articleId}`;
  const byArticle = new Map<string, StoredMention[]>();
  for (const gen of visibleGens(r.v)) {
    for (const m of await newestOf(index, recencyRange([gen, entityId]), r.v, n, articleKey)) {
      const list = byArticle.get(articleKey(m));
      if (list) list.push(m);
      else byArticle.set(articleKey(m), [m]);
    }
  }
  // Each list's first mention stands for its article (they share its recency and owner).
  const chosen = [...byArticle.values()].sort((a, b) => compareListed(r.rank)(a[0]!, b[0]!)).slice(0, n);
  return Promise.all(
    chosen.map(async (mentions) => {
      const { gen, owner, articleId } = mentions[0]!;
      const article = await r.tx.objectStore('articles').get([gen, owner, articleId]);
      if (!article) throw new BrokenInvariant(`listed article ${articleId} is missing`);
      const issue = await r.issue(gen, owner, article.issueId);
      // As the profile does: the entity's mentions in the article by position, archive order on ties.
      const own: MentionRecord[] = mentions
        .filter((m) => article.paragraphs[m.paragraph] !== undefined)
        .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.seq - b.seq);
      const first = own[0];
      if (!first) throw new BrokenInvariant(`listed article ${articleId} lacks the mentioned paragraph`);
      return summaryArticle(
        article,
        issue,
        sentenceSnippet(
          article.paragraphs[first.paragraph]!,
          first,
          own.filter((m) => m.paragraph === first.paragraph),
        ),
      );
    }),
  );
}

/** summarizeProfile's keyFigures: figures with a metric first, then the rest, each newest first. */
async function keyFigures(r: Reads, entityId: string, n: number): Promise<SummaryFigure[]> {
  const withMetric = await newestFigures(r, entityId, 1, n);
  const rest = withMetric.length < n ? await newestFigures(r, entityId, 0, n - withMetric.length) : [];
  return Promise.all(
    [...withMetric, ...rest].map(async (f) => summaryFigure(f, await r.issue(f.gen, f.owner, recencyOf(f)[2]))),
  );
}

async function newestFigures(r: Reads, entityId: string, withMetric: WithMetric, n: number): Promise<StoredFigure[]> {
  const index: RecencyIndex<StoredFigure> = r.tx.objectStore('figures').index('by-entity-recency');
  const found: StoredFigure[] = [];
  for (const gen of visibleGens(r.v)) {
    found.push(...(await newestOf(index, recencyRange([gen, entityId, withMetric]), r.v, n, (f) => `${f.gen}\u0000${f.owner}\u0000${f.id}`)));
  }
  // The profile's figure order: its article's place, then position in the article, then archive order.
  const byArticle = compareListed(r.rank);
  return found
    .sort((a, b) => byArticle(a, b) || a.paragraph - b.paragraph || a.start - b.start || r.rank(a) - r.rank(b) || a.seq - b.seq)
    .slice(0, n);
}
