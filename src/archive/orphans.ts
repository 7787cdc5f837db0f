// Fragments that the extraction cut off from their article (text printed after a notice's
// signature, text before the first headline) are given back to the article of the same issue
// whose vocabulary they share most, measured on character bigrams. A fragment that resembles no
// article stays a headless `continuation` article of its own rather than being glued anywhere.

import { isHanUnit } from './decode';
import type { ArticleRecord } from './types';

const squash = (s: string): string => s.replace(/\s+/g, '');

function bigrams(text: string): Map<number, number> {
  const grams = new Map<number, number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHanUnit(c)) continue;
    if (prev >= 0) {
      const g = prev * 0x10000 + c;
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    prev = c;
  }
  return grams;
}

/** Cosine similarity of two bigram bags. */
export function similarity(a: Map<number, number>, b: Map<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, x] of a) {
    na += x * x;
    const y = b.get(g);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Below this the fragment is kept apart: measured on the seeds, unrelated articles score < 0.15. */
const MIN_SIMILARITY = 0.25;
const HOSTS = new Set(['news', 'feature', 'commentary']);

export function attachOrphans(items: { article: ArticleRecord; orphan: boolean }[]): ArticleRecord[] {
  const hosts = items.filter((i) => !i.orphan && HOSTS.has(i.article.kind)).map((i) => i.article);
  const bags = new Map(hosts.map((h) => [h, bigrams(h.paragraphs.join('') + (h.headline ?? ''))]));
  const out: ArticleRecord[] = [];
  for (const item of items) {
    if (!item.orphan || item.article.paragraphs.length === 0) {
      out.push(item.article);
      continue;
    }
    // Text printed twice (a notice repeated around the fragment) is dropped before placing it.
    const elsewhere = items.filter((i) => i !== item).flatMap((i) => i.article.paragraphs.map(squash));
    item.article.paragraphs = item.article.paragraphs.filter((p) => {
      const s = squash(p);
      return !elsewhere.some((e) => e === s || (s.length >= 20 && e.includes(s)));
    });
    if (item.article.paragraphs.length === 0) continue;
    const bag = bigrams(item.article.paragraphs.join(''));
    let best: ArticleRecord | null = null;
    let bestScore = MIN_SIMILARITY;
    for (const h of hosts) {
      const score = similarity(bag, bags.get(h)!);
      if (score > bestScore) {
        best = h;
        bestScore = score;
      }
    }
    if (best) best.paragraphs.push(...item.article.paragraphs);
    else out.push(item.article);
  }
  return out;
}
