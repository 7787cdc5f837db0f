// Names close to a query that found nothing: entities sharing the most of its characters and
// character pairs (陈恢青 → 陈恢清), or, for pinyin, those whose key starts with the longest
// prefix of it that still matches something (lilingg → 醴陵).
import { ENTITY_GRAM, ENTITY_TYPE_BITS, MIN_PINYIN_PREFIX, PINYIN_EXACT, PINYIN_PREFIX } from './keys';
import { compact, forEachRun } from './normalize';
import type { ParsedQuery } from './query';
import { fetchKeys, type SegmentQuery } from './segment-query';
import type { Suggestion } from './types';
import type { EntityType } from '../archive/types';

export interface ScoredSuggestion extends Suggestion {
  similarity: number;
  mentions: number;
}

export const MAX_SUGGESTIONS = 5;
const MIN_SIMILARITY = 0.3;
const READ = 20;

/** Single characters and bigrams of the word runs of `text`. */
export function gramSet(text: string): Set<string> {
  const out = new Set<string>();
  forEachRun(text, (cps, len) => {
    for (let i = 0; i < len; i++) {
      out.add(String.fromCodePoint(cps[i]!));
      if (i + 1 < len) out.add(String.fromCodePoint(cps[i]!, cps[i + 1]!));
    }
  });
  return out;
}

/** Dice coefficient of two gram sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function typeMask(types: readonly EntityType[] | undefined): number {
  return (types ?? (['person', 'place', 'org'] as const)).reduce((m, t) => m | ENTITY_TYPE_BITS[t], 0);
}

export async function suggestInSegment(q: SegmentQuery, parsed: ParsedQuery, types?: readonly EntityType[]): Promise<ScoredSuggestion[]> {
  const mask = typeMask(types);
  const query = gramSet(parsed.terms.map((t) => t.text).join(' '));
  const pinyinTerms = parsed.terms.map((t) => t.pinyin).filter((p): p is string => p !== null && p.length > MIN_PINYIN_PREFIX);
  const prefixKeys = pinyinTerms.flatMap((p) => {
    const keys: string[] = [];
    for (let n = p.length; n >= MIN_PINYIN_PREFIX; n--) keys.push(PINYIN_EXACT + p.slice(0, n), PINYIN_PREFIX + p.slice(0, n));
    return keys;
  });
  await fetchKeys(q, [...[...query].map((g) => ENTITY_GRAM + g), ...prefixKeys]);

  const shared = new Map<number, number>();
  const bonus = new Map<number, number>();
  for (const g of query) {
    const list = q.postings.get(ENTITY_GRAM + g);
    list?.nums.forEach((num, i) => {
      if (list.weights[i]! & mask) shared.set(num, (shared.get(num) ?? 0) + 1);
    });
  }
  for (const p of pinyinTerms) {
    for (let n = p.length; n >= MIN_PINYIN_PREFIX; n--) {
      const hits = [PINYIN_EXACT, PINYIN_PREFIX].flatMap((prefix) => {
        const list = q.postings.get(prefix + p.slice(0, n));
        return list ? [...list.nums].filter((_, i) => list.weights[i]! & mask) : [];
      });
      if (hits.length === 0) continue;
      for (const num of hits) bonus.set(num, Math.max(bonus.get(num) ?? 0, n / p.length));
      break;
    }
  }
  const nums = [...new Set([...shared.keys(), ...bonus.keys()])]
    .sort((a, b) => (bonus.get(b) ?? 0) - (bonus.get(a) ?? 0) || (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || a - b)
    .slice(0, READ);
  if (nums.length === 0) return [];
  const docs = await q.source.docs('entity', nums);
  const fold = q.folder.fold;
  const out: ScoredSuggestion[] = [];
  docs.forEach((doc, i) => {
    const byChars = Math.max(...[doc.name, ...doc.aliases].map((n) => similarity(query, gramSet(compact(fold(n))))));
    const s = Math.max(byChars, bonus.get(nums[i]!) ?? 0);
    if (s >= MIN_SIMILARITY) out.push({ id: doc.id, name: doc.name, type: doc.type, similarity: s, mentions: doc.mentions });
  });
  return out;
}

/** Suggestions of several segments, best first, one per entity. */
export function mergeSuggestions(lists: readonly ScoredSuggestion[][]): Suggestion[] {
  const best = new Map<string, ScoredSuggestion>();
  for (const s of lists.flat()) {
    const seen = best.get(s.id);
    if (!seen || s.similarity > seen.similarity) best.set(s.id, s);
  }
  return [...best.values()]
    .sort((a, b) => b.similarity - a.similarity || b.mentions - a.mentions || a.name.length - b.name.length)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ id, name, type }) => ({ id, name, type }));
}
