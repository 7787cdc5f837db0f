// What the hover card and the side panel show, as plain data: the entities found on the page (with
// the page text around each mention) and the archive's digest of each, as it arrives.
import type { EntityType } from '../../archive/types';
import type { EntitySummary } from '../../archive/entity-summary';

/** The archive's digest of one entity, from the moment it is asked for. */
export type SummaryState =
  | { status: 'loading' }
  | { status: 'ready'; summary: EntitySummary }
  /** The archive has no visible entity with this id any more (a user issue was removed). */
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** One mention on the page: the matched text with a little of the page text around it. */
export interface PageMention {
  /** Identifies the match for the page (scrolling to it). */
  key: string;
  readonly before: string;
  text: string;
  readonly after: string;
}

/**
 * A mention whose surrounding text is worked out when first read: the panel reads it for the
 * mentions it shows, and a long page has thousands (working them all out at once took a
 * 80–140 ms task on bench/page's page). A class, not an object with closures: one small object
 * per mention.
 */
class LazyMention<M> implements PageMention {
  private context: { before: string; after: string } | null = null;
  constructor(
    readonly key: string,
    readonly text: string,
    private readonly match: M,
    private readonly around: (match: M) => { before: string; after: string },
  ) {}

  get before(): string {
    return this.resolved().before;
  }

  get after(): string {
    return this.resolved().after;
  }

  private resolved(): { before: string; after: string } {
    if (this.context === null) {
      const { before, after } = this.around(this.match);
      this.context = mentionContext(before, after);
    }
    return this.context;
  }
}

/** A PageMention of `match`, its context read through `around` (shared by all mentions) when first asked for. */
export function lazyMention<M>(key: string, text: string, match: M, around: (match: M) => { before: string; after: string }): PageMention {
  return new LazyMention(key, text, match, around);
}

export interface PageEntity {
  id: string;
  /** The entity's name as the matcher knows it. */
  name: string;
  type: EntityType;
  /** Mentions on the page. */
  count: number;
  /** In document order. */
  mentions: PageMention[];
}

export interface EntityGroup {
  type: EntityType;
  entities: PageEntity[];
  /** Mentions of the group's entities on the page. */
  count: number;
}

/** The order of the side panel's groups. */
export const TYPE_ORDER: readonly EntityType[] = ['person', 'place', 'org'];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Entities by type (people, places, organisations; empty groups left out), most mentioned first in each. */
export function groupByType(entities: readonly PageEntity[]): EntityGroup[] {
  return TYPE_ORDER.map((type) => {
    const members = entities
      .filter((e) => e.type === type)
      .sort((a, b) => b.count - a.count || compareText(a.name, b.name) || compareText(a.id, b.id));
    return { type, entities: members, count: members.reduce((sum, e) => sum + e.count, 0) };
  }).filter((g) => g.entities.length > 0);
}

/** How many characters of page text to show on each side of a mention in the panel. */
export const CONTEXT_CHARS = 14;

/**
 * The page text around a match, cut to `chars` code points on each side (never inside a surrogate
 * pair) with white space runs folded to one space.
 */
export function mentionContext(textBefore: string, textAfter: string, chars = CONTEXT_CHARS): { before: string; after: string } {
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  const before = Array.from(fold(textBefore));
  const after = Array.from(fold(textAfter));
  return {
    before: (before.length > chars ? '…' : '') + before.slice(-chars).join('').trimStart(),
    after: after.slice(0, chars).join('').trimEnd() + (after.length > chars ? '…' : ''),
  };
}
