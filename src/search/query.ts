// A query as the index reads it: whitespace-separated terms (all must match an article or figure),
// each folded like the indexed text and turned into the grams it is looked up by.
import { compact, gramsOf, type TextFolder } from './normalize';
import { pinyinKeyOf } from './pinyin-table';

/** One way a term can be found: its own text, or the name its pinyin stands for. */
export interface Alternative {
  /** Folded text that must occur in a field. */
  text: string;
  grams: string[];
  /** True when the text has no run of two word characters: found through headlines and names only. */
  unigramOnly: boolean;
  /** True when the posting of its one gram decides the match (the text is exactly that gram). */
  exact: boolean;
}

export interface Term {
  text: string;
  alternatives: Alternative[];
  /** The pinyin key the term could be (letters and digits, at least one letter), else null. */
  pinyin: string | null;
}

export interface ParsedQuery {
  terms: Term[];
  /** The whole query folded, without whitespace: matched against whole names and headlines. */
  whole: string;
  wholePinyin: string | null;
}

export function alternative(text: string): Alternative {
  const { grams, unigramOnly } = gramsOf(text);
  return { text, grams, unigramOnly, exact: grams.length === 1 && grams[0] === text };
}

function pinyinOf(text: string): string | null {
  return /^[a-z0-9'’\s-]+$/.test(text) && /[a-z]/.test(text) ? pinyinKeyOf(text) : null;
}

/**
 * Splits and folds a query. `queryFold` (繁→简) runs first, on the raw text; then the index's own
 * fold. Terms without any word character (a lone '%') cannot be looked up and are dropped.
 */
export function parseQuery(query: string, folder: TextFolder, queryFold?: (q: string) => string): ParsedQuery {
  const folded = folder.fold(queryFold ? queryFold(query) : query);
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const text of folded.split(/\s+/)) {
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const alt = alternative(text);
    if (alt.grams.length === 0) continue;
    terms.push({ text, alternatives: [alt], pinyin: pinyinOf(text) });
  }
  const whole = compact(folded);
  return { terms, whole, wholePinyin: pinyinOf(folded.trim()) };
}
