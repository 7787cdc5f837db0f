// The simple path over one whole text: what `scan` of a .txt prints, and what tests use.
import type { NameHit, NameMatcher } from './matcher';
import { PageContext } from './page-context';

/** What a page shows of a hit: `[{ start, end, text, entityId, name, type }]` (DESIGN.md, `scan`). */
export type NameMatch = Omit<NameHit, 'strength' | 'score'>;

/** find + PageContext over one text: the page context is the whole text, noted before any hit is judged. */
export function scanText(matcher: NameMatcher, text: string): NameMatch[] {
  const hits = matcher.find(text);
  const context = new PageContext(matcher);
  context.note(hits, text);
  return hits.filter((h) => context.accept(h, text)).map(({ start, end, text: t, entityId, name, type }) => ({ start, end, text: t, entityId, name, type }));
}
