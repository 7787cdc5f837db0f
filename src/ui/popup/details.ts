// What a result row shows beyond the search hit: a name's newest title (市委书记) and the headline of
// the article a figure was printed in. The search index does not hold these, so they are looked up
// after the results are on screen, only for ids not looked up before.
import type { ArticleRecord, EntityRecord } from '../../archive/types';
import type { MaybePromise } from '../../search';
import { titleHistory } from '../../archive/entity-profile';

export interface DetailsRequest {
  entities: readonly string[];
  articles: readonly string[];
}

export interface ResultDetails {
  /** Entity id → its newest title, null when it has none (or is unknown). */
  titles: ReadonlyMap<string, string | null>;
  /** Article id → its headline, null when it has none (or is unknown). */
  headlines: ReadonlyMap<string, string | null>;
}

export const NO_DETAILS: ResultDetails = { titles: new Map(), headlines: new Map() };

/** The title a name was printed with most recently (the bundle's order among same-date titles). */
export function newestTitle(entity: EntityRecord): string | null {
  return titleHistory(entity)[0]?.title ?? null;
}

export interface RecordLookup {
  entity(id: string): MaybePromise<EntityRecord | undefined | null>;
  article(id: string): MaybePromise<ArticleRecord | undefined | null>;
}

/** Details from a record lookup (the store in the extension, a bundle in tests). */
export function detailsFrom(lookup: RecordLookup): (request: DetailsRequest) => Promise<ResultDetails> {
  return async ({ entities, articles }) => {
    const [es, as] = await Promise.all([Promise.all(entities.map((id) => lookup.entity(id))), Promise.all(articles.map((id) => lookup.article(id)))]);
    return {
      titles: new Map(entities.map((id, i) => [id, es[i] ? newestTitle(es[i]) : null])),
      headlines: new Map(articles.map((id, i) => [id, as[i]?.headline ?? null])),
    };
  };
}

/** The ids of `request` that `known` has no answer for yet. */
export function missingDetails(known: ResultDetails, request: DetailsRequest): DetailsRequest {
  return {
    entities: request.entities.filter((id) => !known.titles.has(id)),
    articles: request.articles.filter((id) => !known.headlines.has(id)),
  };
}

export function mergeDetails(a: ResultDetails, b: ResultDetails): ResultDetails {
  return { titles: new Map([...a.titles, ...b.titles]), headlines: new Map([...a.headlines, ...b.headlines]) };
}
