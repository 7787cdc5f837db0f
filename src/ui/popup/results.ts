// A search run as the popup lists it: one flat list of options (what the arrow keys walk), cut into
// groups in a fixed order — names, articles, figures — or, when nothing was found, the suggested
// names. Each option knows what opening it does.
import type { ArticleHit, EntityHit, FigureHit, SearchRun, Suggestion } from '../../search';

export type ResultItem =
  | { kind: 'entity'; hit: EntityHit }
  | { kind: 'article'; hit: ArticleHit }
  | { kind: 'figure'; hit: FigureHit }
  | { kind: 'suggestion'; hit: Suggestion };

export type GroupKind = ResultItem['kind'];

export interface ResultGroup {
  kind: GroupKind;
  /** The index of the group's first option in `items`. */
  start: number;
  items: ResultItem[];
}

export interface ResultList {
  items: ResultItem[];
  groups: ResultGroup[];
  /** Whether the run found anything (suggestions are not findings). */
  found: boolean;
}

export function groupResults(run: Pick<SearchRun, 'entities' | 'articles' | 'figures' | 'suggestions'>): ResultList {
  const lists: [GroupKind, ResultItem[]][] = [
    ['entity', run.entities.map((hit) => ({ kind: 'entity', hit }))],
    ['article', run.articles.map((hit) => ({ kind: 'article', hit }))],
    ['figure', run.figures.map((hit) => ({ kind: 'figure', hit }))],
  ];
  const found = lists.some(([, items]) => items.length > 0);
  if (!found) lists.push(['suggestion', run.suggestions.map((hit) => ({ kind: 'suggestion', hit }))]);
  const items: ResultItem[] = [];
  const groups: ResultGroup[] = [];
  for (const [kind, list] of lists) {
    if (list.length === 0) continue;
    groups.push({ kind, start: items.length, items: list });
    items.push(...list);
  }
  return { items, groups, found };
}

export type OpenAction = { type: 'article'; id: string } | { type: 'entity'; id: string } | { type: 'search'; query: string };

/** What choosing an option does: names open their profile, articles and figures the article, a suggestion is searched. */
export function openAction(item: ResultItem): OpenAction {
  switch (item.kind) {
    case 'entity':
      return { type: 'entity', id: item.hit.id };
    case 'article':
      return { type: 'article', id: item.hit.id };
    case 'figure':
      return { type: 'article', id: item.hit.articleId };
    case 'suggestion':
      return { type: 'search', query: item.hit.name };
  }
}

/** The record id an option stands for (its data-id). */
export function itemId(item: ResultItem): string {
  return item.hit.id;
}

/** Ids the result rows can show more about: names (their title) and the articles figures come from (their headline). */
export function detailIds(list: ResultList): { entities: string[]; articles: string[] } {
  const entities: string[] = [];
  const articles = new Set<string>();
  for (const item of list.items) {
    if (item.kind === 'entity') entities.push(item.hit.id);
    else if (item.kind === 'figure') articles.add(item.hit.articleId);
  }
  return { entities, articles: [...articles] };
}
