// Entities: names and aliases matched exactly first, then pinyin, then as a prefix, then inside.
// Terms are alternatives here (an entity matching more of them ranks higher), since one name rarely
// holds two terms; the whole query is also tried as one name. Among equal scores the entity
// mentioned more often comes first (segments number entities in that order).
import { intersectWeights } from './intersect';
import {
  ENTITY_ALIAS,
  ENTITY_EXACT,
  ENTITY_GRAM,
  ENTITY_NAME,
  ENTITY_TYPE_BITS,
  EXACT_ALIAS,
  EXACT_NAME,
  PINYIN_ALIAS_FULL,
  PINYIN_ALIAS_INITIALS,
  PINYIN_EXACT,
  PINYIN_NAME_FULL,
  PINYIN_NAME_INITIALS,
  PINYIN_PREFIX,
} from './keys';
import { compact } from './normalize';
import type { ParsedQuery, Term } from './query';
import { rankWithBounds } from './rank';
import { fetchKeys, listsOf, type SegmentQuery } from './segment-query';
import type { EntityDoc, EntityHit } from './types';
import type { EntityType } from '../archive/types';

export const SCORE = {
  name: 1000,
  alias: 800,
  pinyinName: 700,
  pinyinAlias: 650,
  initialsName: 600,
  initialsAlias: 550,
  namePrefix: 400,
  aliasPrefix: 350,
  pinyinPrefixName: 300,
  pinyinPrefixAlias: 250,
  nameContains: 200,
  aliasContains: 150,
} as const;

type Matched = EntityHit['matched'];
interface Scored {
  score: number;
  matched: Matched;
}

const NONE: Scored = { score: 0, matched: 'name' };

function better(a: Scored, b: Scored): Scored {
  return b.score > a.score ? b : a;
}

/** The keys one term (or the whole query) is looked up by. */
function keysOf(text: string, pinyin: string | null, grams: readonly string[]): string[] {
  const keys = [ENTITY_EXACT + text, ...grams.map((g) => ENTITY_GRAM + g)];
  if (pinyin !== null && pinyin !== '') keys.push(PINYIN_EXACT + pinyin, PINYIN_PREFIX + pinyin);
  return keys;
}

export function entityKeys(parsed: ParsedQuery): string[] {
  const keys = parsed.terms.flatMap((t) => keysOf(t.text, t.pinyin, t.alternatives[0]!.grams));
  if (parsed.terms.length > 1) keys.push(...keysOf(parsed.whole, parsed.wholePinyin, []));
  return keys;
}

/** What posting weights alone decide: exact names, aliases and pinyin. */
function exactFromPostings(q: SegmentQuery, text: string, pinyin: string | null, into: Map<number, Scored>, types: number): void {
  const put = (num: number, s: Scored) => into.set(num, better(into.get(num) ?? NONE, s));
  const exact = q.postings.get(ENTITY_EXACT + text);
  exact?.nums.forEach((num, i) => {
    const w = exact.weights[i]!;
    if (!(w & types)) return;
    put(num, w & EXACT_NAME ? { score: SCORE.name, matched: 'name' } : { score: SCORE.alias, matched: 'alias' });
  });
  if (pinyin === null || pinyin === '') return;
  const py = q.postings.get(PINYIN_EXACT + pinyin);
  py?.nums.forEach((num, i) => {
    const w = py.weights[i]!;
    if (!(w & types)) return;
    const score =
      w & PINYIN_NAME_FULL
        ? SCORE.pinyinName
        : w & PINYIN_ALIAS_FULL
          ? SCORE.pinyinAlias
          : w & PINYIN_NAME_INITIALS
            ? SCORE.initialsName
            : w & PINYIN_ALIAS_INITIALS
              ? SCORE.initialsAlias
              : 0;
    put(num, { score, matched: 'pinyin' });
  });
  const prefix = q.postings.get(PINYIN_PREFIX + pinyin);
  prefix?.nums.forEach((num, i) => {
    const w = prefix.weights[i]!;
    if (!(w & types)) return;
    put(num, { score: w & 1 ? SCORE.pinyinPrefixName : SCORE.pinyinPrefixAlias, matched: 'pinyin' });
  });
}

/** Bounds from grams: a name holding every gram may start with the term. */
function gramBounds(q: SegmentQuery, term: Term, into: Map<number, number>, types: number): void {
  const lists = listsOf(
    q,
    term.alternatives[0]!.grams.map((g) => ENTITY_GRAM + g),
  );
  if (!lists) return;
  const all = intersectWeights(lists, 0);
  for (let i = 0; i < all.nums.length; i++) {
    const bits = all.weights[i]!;
    if (!(bits & types)) continue;
    const upper = bits & ENTITY_NAME ? SCORE.namePrefix : bits & ENTITY_ALIAS ? SCORE.aliasPrefix : 0;
    const num = all.nums[i]!;
    if (upper > (into.get(num) ?? 0)) into.set(num, upper);
  }
}

/** What only the document tells: prefix and containment, of the name or an alias. */
function fromDoc(doc: EntityDoc, text: string, fold: (s: string) => string): Scored {
  const name = compact(fold(doc.name));
  if (name === text) return { score: SCORE.name, matched: 'name' };
  let best = name.startsWith(text) ? { score: SCORE.namePrefix, matched: 'name' as Matched } : name.includes(text) ? { score: SCORE.nameContains, matched: 'name' as Matched } : NONE;
  for (const a of doc.aliases) {
    const alias = compact(fold(a));
    const s = alias === text ? SCORE.alias : alias.startsWith(text) ? SCORE.aliasPrefix : alias.includes(text) ? SCORE.aliasContains : 0;
    best = better(best, { score: s, matched: 'alias' });
  }
  return best;
}

function typeMask(types: readonly EntityType[] | undefined): number {
  if (!types) return ENTITY_TYPE_BITS.person | ENTITY_TYPE_BITS.place | ENTITY_TYPE_BITS.org;
  return types.reduce((m, t) => m | ENTITY_TYPE_BITS[t], 0);
}

export interface SegmentEntities {
  hits: (EntityHit & { mentions: number; tie: number })[];
  partial: boolean;
}

export async function searchEntities(q: SegmentQuery, parsed: ParsedQuery, types?: readonly EntityType[]): Promise<SegmentEntities> {
  await fetchKeys(q, entityKeys(parsed));
  const mask = typeMask(types);
  const perTerm = parsed.terms.map((t) => {
    const exact = new Map<number, Scored>();
    exactFromPostings(q, t.text, t.pinyin, exact, mask);
    const grams = new Map<number, number>();
    gramBounds(q, t, grams, mask);
    return { term: t, exact, grams };
  });
  const whole = new Map<number, Scored>();
  if (parsed.terms.length > 1) exactFromPostings(q, parsed.whole, parsed.wholePinyin, whole, mask);

  const nums = new Set<number>(whole.keys());
  for (const p of perTerm) {
    for (const n of p.exact.keys()) nums.add(n);
    for (const n of p.grams.keys()) nums.add(n);
  }
  const sorted = [...nums].sort((a, b) => a - b);
  const uppers = sorted.map((num) => {
    let upper = 0;
    for (const p of perTerm) upper += Math.max(p.exact.get(num)?.score ?? 0, p.grams.get(num) ?? 0);
    return Math.max(upper, whole.get(num)?.score ?? 0);
  });
  const fold = q.folder.fold;
  const matchedBy = new Map<number, Matched>();
  const { top, partial } = await rankWithBounds(
    { nums: sorted, uppers, length: sorted.length, newestFirst: false },
    q.limit,
    (list) => q.source.docs('entity', list),
    (doc, num) => {
      let sum = 0;
      let first: Scored = NONE;
      for (const p of perTerm) {
        const s = better(p.exact.get(num) ?? NONE, p.grams.has(num) ? fromDoc(doc, p.term.text, fold) : NONE);
        sum += s.score;
        first = better(first, s);
      }
      const w = whole.get(num);
      if (w && w.score >= sum) {
        matchedBy.set(num, w.matched);
        return w.score;
      }
      matchedBy.set(num, first.matched);
      return sum;
    },
  );
  return {
    hits: top.map(({ num, score, tie, doc }) => ({
      id: doc.id,
      name: doc.name,
      type: doc.type,
      score,
      matched: matchedBy.get(num) ?? 'name',
      mentions: doc.mentions,
      tie,
    })),
    partial,
  };
}
