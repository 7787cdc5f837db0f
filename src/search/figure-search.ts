// Figures: every term must occur in one of a figure's fields; a term in its metric weighs most,
// then its subject's name, its own text or period, and last the sentence it was printed in.
// A one-character term finds no figures (they are keyed by bigrams only).
import { intersectSum, intersectWeights, scoreList, unionMax, type Scored } from './intersect';
import { FIGURE_CLAUSE, FIGURE_GRAM, FIGURE_METRIC, FIGURE_SUBJECT, FIGURE_TEXT } from './keys';
import type { Term } from './query';
import { candidatesFrom, rankWithBounds } from './rank';
import { fetchKeys, issueOf, listsOf, type SegmentQuery } from './segment-query';
import type { FigureDoc, FigureHit } from './types';

const FIELD_SCORES: readonly [number, number][] = [
  [FIGURE_METRIC, 10],
  [FIGURE_SUBJECT, 6],
  [FIGURE_TEXT, 5],
  [FIGURE_CLAUSE, 2],
];

function fieldScore(bits: number): number {
  for (const [bit, score] of FIELD_SCORES) if (bits & bit) return score;
  return 0;
}

export function figureKeys(terms: readonly Term[]): string[] {
  return terms.flatMap((t) => t.alternatives.flatMap((a) => (a.unigramOnly ? [] : a.grams.map((g) => FIGURE_GRAM + g))));
}

/** The fields of a figure a term is looked for in, with their bits. */
function fields(doc: FigureDoc, fold: (s: string) => string): [number, string][] {
  return [
    [FIGURE_METRIC, fold(doc.metric ?? '')],
    [FIGURE_SUBJECT, fold(doc.subject ?? '')],
    [FIGURE_TEXT, fold(doc.text + '\n' + (doc.period ?? ''))],
    [FIGURE_CLAUSE, fold(doc.clause)],
  ];
}

export function figureScore(doc: FigureDoc, terms: readonly Term[], fold: (s: string) => string): number {
  const folded = fields(doc, fold);
  let sum = 0;
  for (const t of terms) {
    let bits = 0;
    for (const alt of t.alternatives) {
      if (alt.unigramOnly) continue; // figures are keyed by bigrams only (see keys.ts)
      for (const [bit, text] of folded) if (text.includes(alt.text)) bits |= bit;
    }
    const s = fieldScore(bits);
    if (s === 0) return 0;
    sum += s;
  }
  return sum;
}

const BOUND = Int32Array.from({ length: 256 }, (_, w) => fieldScore(w));

/** Per term, the figures holding all its grams in one field, each with its score bound. */
function termBounds(q: SegmentQuery, term: Term): Scored {
  const parts: Scored[] = [];
  for (const alt of term.alternatives) {
    if (alt.unigramOnly) continue;
    const lists = listsOf(
      q,
      alt.grams.map((g) => FIGURE_GRAM + g),
    );
    if (lists) parts.push(scoreList(intersectWeights(lists, 0), BOUND));
  }
  return parts.length === 0 ? { nums: new Uint32Array(0), scores: new Int32Array(0) } : unionMax(parts);
}

export interface SegmentFigures {
  hits: (FigureHit & { tie: number })[];
  partial: boolean;
}

export async function searchFigures(q: SegmentQuery, terms: readonly Term[], allowed: Uint8Array | null): Promise<SegmentFigures> {
  await fetchKeys(q, figureKeys(terms));
  const all = intersectSum(terms.map((t) => termBounds(q, t)));
  const needsCheck = terms.some((t) => t.alternatives.some((a) => !a.exact));
  const fold = q.folder.fold;
  const { top, partial } = await rankWithBounds(
    candidatesFrom(all, allowed),
    q.limit,
    (list) => q.source.docs('figure', list),
    needsCheck ? (doc) => figureScore(doc, terms, fold) : null,
  );
  const hits = top.map(({ num, score, tie, doc }) => ({
    id: doc.id,
    articleId: doc.articleId,
    date: issueOf(q.header.issues, num, 'figures')?.date ?? null,
    text: doc.text,
    metric: doc.metric,
    subject: doc.subject,
    subjectEntityId: doc.subjectEntityId,
    period: doc.period,
    score,
    tie,
  }));
  return { hits, partial };
}
