// Articles: every term must occur (in the headline field or the body); a term in the headline
// counts twice what the most frequent body term can, and a query that is an article's whole
// headline puts that article first. Among equal scores the newer article comes first.
import { bodyParts } from './build-index';
import { countFolded, indexOfFolded } from './folded-match';
import { intersectSum, intersectWeights, scoreList, unionMax, type Scored } from './intersect';
import { ARTICLE_GRAM, BODY_COUNT, HEADLINE_EXACT, IN_HEADLINE } from './keys';
import { compact, type TextFolder } from './normalize';
import type { Term } from './query';
import { candidatesFrom, rankWithBounds } from './rank';
import { fetchKeys, issueOf, listsOf, type SegmentQuery } from './segment-query';
import { makeSnippet, findMarks } from './snippet';
import type { ArticleDoc, ArticleHit } from './types';

export const HEADLINE_SCORE = 8;
export const EXACT_HEADLINE_SCORE = 100;

/** 1 for one occurrence, 2 for two or three, 3 for four to seven, 4 beyond. */
export function bodyScore(count: number): number {
  return count <= 0 ? 0 : Math.min(4, 1 + Math.floor(Math.log2(count)));
}

export function articleKeys(terms: readonly Term[], whole: string): string[] {
  const keys = terms.flatMap((t) => t.alternatives.flatMap((a) => a.grams.map((g) => ARTICLE_GRAM + g)));
  if (whole !== '') keys.push(HEADLINE_EXACT + whole);
  return keys;
}

/** A term's best score in one article, read from its raw fields through the fold table. */
function termScore(term: Term, head: readonly string[], body: readonly string[], table: Uint16Array): number {
  let best = 0;
  for (const alt of term.alternatives) {
    const inHead = head.some((h) => indexOfFolded(h, alt.text, table) >= 0) ? HEADLINE_SCORE : 0;
    let count = 0;
    if (!alt.unigramOnly) for (const part of body) if (count < BODY_COUNT) count += countFolded(part, alt.text, table, BODY_COUNT - count);
    const s = inHead + bodyScore(count);
    if (s > best) best = s;
  }
  return best;
}

/** The exact score of a document: 0 when a term is missing. */
export function articleScore(doc: ArticleDoc, terms: readonly Term[], whole: string, folder: TextFolder): number {
  const head = [doc.headline ?? '', ...doc.subheadlines];
  const body = bodyParts(doc);
  let sum = 0;
  for (const t of terms) {
    const s = termScore(t, head, body, folder.table);
    if (s === 0) return 0;
    sum += s;
  }
  if (whole !== '' && compact(folder.fold(doc.headline ?? '')) === whole) sum += EXACT_HEADLINE_SCORE;
  return sum;
}

/** Bound of a term's score in a document, by weight byte: headline flag and body count. */
const BOUND = Int32Array.from({ length: 256 }, (_, w) => (w & IN_HEADLINE ? HEADLINE_SCORE : 0) + bodyScore(w & BODY_COUNT));
/** The same for a term found through headlines only (no run of two characters). */
const HEADLINE_ONLY = Int32Array.from({ length: 256 }, (_, w) => (w & IN_HEADLINE ? HEADLINE_SCORE : 0));

/** Per term, the documents holding all its grams, each with its score bound from the weights. */
function termBounds(q: SegmentQuery, term: Term): Scored {
  const parts: Scored[] = [];
  for (const alt of term.alternatives) {
    const lists = listsOf(
      q,
      alt.grams.map((g) => ARTICLE_GRAM + g),
    );
    if (!lists) continue;
    const table = alt.unigramOnly ? HEADLINE_ONLY : BOUND;
    parts.push(scoreList(intersectWeights(lists, BODY_COUNT), table));
  }
  return parts.length === 0 ? { nums: new Uint32Array(0), scores: new Int32Array(0) } : unionMax(parts);
}

export interface SegmentArticles {
  hits: (ArticleHit & { tie: number })[];
  partial: boolean;
}

export async function searchArticles(q: SegmentQuery, terms: readonly Term[], whole: string, allowed: Uint8Array | null): Promise<SegmentArticles> {
  await fetchKeys(q, articleKeys(terms, whole));
  const all = intersectSum(terms.map((t) => termBounds(q, t)));
  const exactHeadline = whole === '' ? undefined : q.postings.get(HEADLINE_EXACT + whole);
  const headlineHits = new Set(exactHeadline?.nums ?? []);
  const candidates = candidatesFrom(all, allowed, headlineHits.size > 0 ? (num) => (headlineHits.has(num) ? EXACT_HEADLINE_SCORE : 0) : undefined);
  const needsCheck = terms.some((t) => t.alternatives.some((a) => !a.exact));
  const fold = q.folder.fold;
  const { top, partial } = await rankWithBounds(
    candidates,
    q.limit,
    (list) => q.source.docs('article', list),
    needsCheck ? (doc) => articleScore(doc, terms, whole, q.folder) : null,
  );
  const needles = terms.flatMap((t) => t.alternatives.map((a) => a.text));
  const hits = top.map(({ num, score, tie, doc }) => {
    const { snippet, marks } = makeSnippet(doc.paragraphs, doc.paragraphs.map(fold), needles);
    return {
      id: doc.id,
      issueId: doc.issueId,
      headline: doc.headline,
      date: issueOf(q.header.issues, num, 'articles')?.date ?? null,
      score,
      snippet,
      marks,
      headlineMarks: doc.headline === null ? [] : findMarks(fold(doc.headline), needles),
      tie,
    };
  });
  return { hits, partial };
}
