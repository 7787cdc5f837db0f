// The popup's filters and the search options they make. One type filter covers both what kind of
// result to list and, for names, which kind of name; the date range bounds articles and figures
// (names have no date, so they are listed whatever the range).
import type { EntityType } from '../../archive/types';
import type { DocKind, SearchOptions } from '../../search';

export const TYPE_FILTERS = ['all', 'person', 'place', 'org', 'article', 'figure'] as const;
export type TypeFilter = (typeof TYPE_FILTERS)[number];

export interface Filters {
  type: TypeFilter;
  /** YYYY-MM-DD, or '' for no bound (what an empty <input type="date"> holds). */
  from: string;
  to: string;
}

export const NO_FILTERS: Readonly<Filters> = Object.freeze({ type: 'all', from: '', to: '' });

export function isTypeFilter(value: string): value is TypeFilter {
  return (TYPE_FILTERS as readonly string[]).includes(value);
}

/** A real calendar date written YYYY-MM-DD (what date inputs give; anything else is no bound). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.toISOString().slice(5, 10) === `${m[2]}-${m[3]}`;
}

const KINDS: Record<TypeFilter, readonly DocKind[] | undefined> = {
  all: undefined,
  person: ['entity'],
  place: ['entity'],
  org: ['entity'],
  article: ['article'],
  figure: ['figure'],
};

const ENTITY_TYPES: Partial<Record<TypeFilter, readonly EntityType[]>> = {
  person: ['person'],
  place: ['place'],
  org: ['org'],
};

/** The bounds in effect: invalid ones dropped, a reversed range read the right way round. */
export function dateRange(filters: Pick<Filters, 'from' | 'to'>): { from?: string; to?: string } {
  let from = isIsoDate(filters.from) ? filters.from : undefined;
  let to = isIsoDate(filters.to) ? filters.to : undefined;
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** Search options for the filters, over `base` (limit, hidden issues). */
export function searchOptionsFor(filters: Filters, base: SearchOptions = {}): SearchOptions {
  const kinds = KINDS[filters.type];
  const types = ENTITY_TYPES[filters.type];
  return {
    ...base,
    ...(kinds === undefined ? {} : { kinds }),
    ...(types === undefined ? {} : { entityTypes: types }),
    ...dateRange(filters),
  };
}

/** Whether any filter narrows the search (the no-results text says so). */
export function isFiltered(filters: Filters): boolean {
  const range = dateRange(filters);
  return filters.type !== 'all' || range.from !== undefined || range.to !== undefined;
}
