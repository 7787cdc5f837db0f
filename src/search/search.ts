// A query over one or more segments: each segment is searched on its own (reading only the keys
// and documents it needs), then the lists are merged by score. Pinyin that names an entity also
// finds the articles and figures that print its name (chq → 曹慧泉's articles).
import { entityKeys, searchEntities } from './entity-search';
import { articleKeys, searchArticles } from './article-search';
import { figureKeys, searchFigures } from './figure-search';
import { ENTITY_MATCH_BITS, PINYIN_EXACT } from './keys';
import { searchFolder } from './folder';
import { compact, type TextFolder } from './normalize';
import { alternative, parseQuery, type ParsedQuery, type Term } from './query';
import { allowedMask, fetchKeys, type SegmentQuery } from './segment-query';
import { mergeSuggestions, suggestInSegment } from './suggest';
import type { ArticleHit, DocKind, EntityHit, FigureHit, PostingSource, SearchOptions, SearchResults, Suggestion } from './types';

export const DEFAULT_LIMIT = 20;
/** How many entities a pinyin term may stand for in article and figure search. */
const PINYIN_NAMES = 3;

export interface SearchRun extends SearchResults {
  /** True when a list stopped at the cap on documents checked (see rank.ts): it may miss results. */
  partial: boolean;
}

type Tied<T> = T & { tie: number; segment: number };

interface SegmentResult {
  entities: Tied<EntityHit & { mentions: number }>[];
  articles: Tied<ArticleHit>[];
  figures: Tied<FigureHit>[];
  partial: boolean;
}

/** Terms whose pinyin exactly names entities also stand for those names. */
async function withPinyinNames(q: SegmentQuery, terms: readonly Term[]): Promise<Term[]> {
  return Promise.all(
    terms.map(async (t) => {
      if (t.pinyin === null) return t;
      const list = q.postings.get(PINYIN_EXACT + t.pinyin);
      if (!list) return t;
      const nums = [...list.nums].filter((_, i) => list.weights[i]! & ENTITY_MATCH_BITS).slice(0, PINYIN_NAMES);
      if (nums.length === 0) return t;
      const docs = await q.source.docs('entity', nums);
      const names = docs.map((d) => compact(q.folder.fold(d.name))).filter((n) => n !== t.text);
      return { ...t, alternatives: [...t.alternatives, ...[...new Set(names)].map(alternative)] };
    }),
  );
}

async function searchSegment(
  source: PostingSource,
  segment: number,
  parsed: ParsedQuery,
  kinds: ReadonlySet<DocKind>,
  options: SearchOptions,
  folder: TextFolder,
): Promise<SegmentResult> {
  const header = await source.header();
  if (header.fold !== folder.id) {
    throw new Error(`search: segment ${header.segment} was built with the fold '${header.fold}', the query uses '${folder.id}'`);
  }
  const q: SegmentQuery = { source, header, folder, limit: options.limit ?? DEFAULT_LIMIT, postings: new Map() };
  const wantsText = kinds.has('article') || kinds.has('figure');
  const hasPinyin = parsed.terms.some((t) => t.pinyin !== null);
  // One read for everything the query needs first; pinyin names add a second.
  await fetchKeys(q, [
    ...(kinds.has('entity') ? entityKeys(parsed) : []),
    ...(wantsText && hasPinyin ? parsed.terms.flatMap((t) => (t.pinyin === null ? [] : [PINYIN_EXACT + t.pinyin])) : []),
    ...(kinds.has('article') ? articleKeys(parsed.terms, parsed.whole) : []),
    ...(kinds.has('figure') ? figureKeys(parsed.terms) : []),
  ]);
  const textTerms = wantsText && hasPinyin ? await withPinyinNames(q, parsed.terms) : parsed.terms;
  if (textTerms !== parsed.terms) {
    await fetchKeys(q, [...(kinds.has('article') ? articleKeys(textTerms, '') : []), ...(kinds.has('figure') ? figureKeys(textTerms) : [])]);
  }
  const [entities, articles, figures] = await Promise.all([
    kinds.has('entity') ? searchEntities(q, parsed, options.entityTypes) : undefined,
    kinds.has('article') ? searchArticles(q, textTerms, parsed.whole, allowedMask(header, 'articles', options)) : undefined,
    kinds.has('figure') ? searchFigures(q, textTerms, allowedMask(header, 'figures', options)) : undefined,
  ]);
  const tag = <T extends { tie: number }>(hits: T[] | undefined) => (hits ?? []).map((h) => ({ ...h, segment }));
  return {
    entities: tag(entities?.hits),
    articles: tag(articles?.hits),
    figures: tag(figures?.hits),
    partial: Boolean(entities?.partial || articles?.partial || figures?.partial),
  };
}

/** Newer first; undated last. */
function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function byOrder(a: { segment: number; tie: number }, b: { segment: number; tie: number }): number {
  return a.segment - b.segment || a.tie - b.tie;
}

function strip<T extends { tie: number; segment: number }>(hit: T): Omit<T, 'tie' | 'segment'> {
  const { tie: _tie, segment: _segment, ...rest } = hit;
  return rest;
}

function mergeEntities(lists: SegmentResult['entities'][], limit: number): EntityHit[] {
  const byId = new Map<string, SegmentResult['entities'][number]>();
  for (const hit of lists.flat()) {
    const seen = byId.get(hit.id);
    if (!seen) byId.set(hit.id, hit);
    else byId.set(hit.id, { ...(hit.score > seen.score ? hit : seen), mentions: seen.mentions + hit.mentions });
  }
  return [...byId.values()]
    // The order segments number entities in (build-index.ts), over the mentions of all segments.
    // Each segment gives its own top `limit`, so an entity just below the cut in every segment
    // but above it by its summed mentions can be missed: only ties at the cut are affected.
    .sort((a, b) => b.score - a.score || b.mentions - a.mentions || a.name.length - b.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((h) => {
      const { mentions: _mentions, ...rest } = strip(h);
      return rest;
    });
}

function mergeDated<T extends { score: number; date: string | null; tie: number; segment: number }>(lists: T[][], limit: number) {
  return lists
    .flat()
    .sort((a, b) => b.score - a.score || byDate(a.date, b.date) || byOrder(a, b))
    .slice(0, limit)
    .map(strip);
}

/**
 * Searches the archive. `sources` are its segments (the bundled archive and any user issues);
 * results are merged, best first. Articles and figures must hold every term; entities rank by how
 * well their names match. When nothing is found, `suggestions` lists the nearest names.
 */
export async function search(sources: PostingSource | readonly PostingSource[], query: string, options: SearchOptions = {}): Promise<SearchRun> {
  const list: readonly PostingSource[] = Array.isArray(sources) ? sources : [sources as PostingSource];
  const folder = options.folder ?? searchFolder();
  const parsed = parseQuery(query, folder, options.queryFold);
  const terms = parsed.terms.map((t) => t.text);
  const empty: SearchRun = { entities: [], articles: [], figures: [], suggestions: [], terms, partial: false };
  if (parsed.terms.length === 0) return empty;
  const kinds = new Set<DocKind>(options.kinds ?? ['entity', 'article', 'figure']);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const parts = await Promise.all(list.map((s, i) => searchSegment(s, i, parsed, kinds, options, folder)));
  const run: SearchRun = {
    entities: mergeEntities(
      parts.map((p) => p.entities),
      limit,
    ),
    articles: mergeDated(
      parts.map((p) => p.articles),
      limit,
    ),
    figures: mergeDated(
      parts.map((p) => p.figures),
      limit,
    ),
    suggestions: [],
    terms,
    partial: parts.some((p) => p.partial),
  };
  if (run.entities.length + run.articles.length + run.figures.length === 0) run.suggestions = await suggestFor(list, parsed, options, folder);
  return run;
}

async function suggestFor(list: readonly PostingSource[], parsed: ParsedQuery, options: SearchOptions, folder: TextFolder): Promise<Suggestion[]> {
  const scored = await Promise.all(
    list.map(async (source) => {
      const header = await source.header();
      return suggestInSegment({ source, header, folder, limit: DEFAULT_LIMIT, postings: new Map() }, parsed, options.entityTypes);
    }),
  );
  return mergeSuggestions(scored);
}

/** The names nearest to a query, whether or not it finds anything. */
export async function suggest(sources: PostingSource | readonly PostingSource[], query: string, options: SearchOptions = {}): Promise<Suggestion[]> {
  const list: readonly PostingSource[] = Array.isArray(sources) ? sources : [sources as PostingSource];
  const folder = options.folder ?? searchFolder();
  const parsed = parseQuery(query, folder, options.queryFold);
  return parsed.terms.length === 0 ? [] : suggestFor(list, parsed, options, folder);
}
