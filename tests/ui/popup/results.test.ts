// A run as the popup lists it, from the real engine over seed 000_aef4f93b7db362a9.txt: names, then
// articles, then figures, in one flat list whose groups know where they start; suggestions only
// when nothing was found; what each option opens.
import { describe, expect, it } from 'vitest';
import { detailIds, groupResults, openAction } from '../../../src/ui/popup/results';
import { seedSearch } from './seed-search';

describe('groupResults', () => {
  it('lists names, articles and figures in that order, each group starting where the last ended', async () => {
    const run = await seedSearch().search('曹慧泉', {});
    const list = groupResults(run);
    expect(list.found).toBe(true);
    expect(list.groups.map((g) => g.kind)).toEqual(['entity', 'article', 'figure']);
    expect(list.groups.map((g) => g.start)).toEqual([0, run.entities.length, run.entities.length + run.articles.length]);
    expect(list.items.map((i) => i.hit.id)).toEqual([...run.entities, ...run.articles, ...run.figures].map((h) => h.id));
  });

  it('leaves empty groups out', async () => {
    const run = await seedSearch().search('总收入', {});
    expect(run.entities).toEqual([]);
    const list = groupResults(run);
    expect(list.groups.map((g) => g.kind)).toEqual(['article', 'figure']);
    expect(list.groups[0]!.start).toBe(0);
  });

  it('lists the suggestions when nothing was found', async () => {
    const run = await seedSearch().search('曹慧全', {});
    const list = groupResults(run);
    expect(list.found).toBe(false);
    expect(list.groups.map((g) => g.kind)).toEqual(['suggestion']);
    expect(list.items.map((i) => i.hit.id)).toContain('person:曹慧泉');
  });

  it('opens names as profiles, articles as themselves, figures as their article, and searches a suggestion', async () => {
    const list = groupResults(await seedSearch().search('曹慧泉', {}));
    const [entity, article, figure] = list.groups.map((g) => g.items[0]!);
    expect(openAction(entity!)).toEqual({ type: 'entity', id: 'person:曹慧泉' });
    expect(openAction(article!)).toEqual({ type: 'article', id: article!.hit.id });
    expect(figure!.kind).toBe('figure');
    if (figure!.kind === 'figure') expect(openAction(figure!)).toEqual({ type: 'article', id: figure!.hit.articleId });
    const run = await seedSearch().search('曹慧全', {});
    const miss = groupResults(run);
    expect(openAction(miss.items[0]!)).toEqual({ type: 'search', query: run.suggestions[0]!.name });
  });

  it('asks details for the names and, once each, the articles figures come from', async () => {
    const list = groupResults(await seedSearch().search('醴陵经开区', {}));
    const ids = detailIds(list);
    expect(ids.entities).toEqual(list.items.filter((i) => i.kind === 'entity').map((i) => i.hit.id));
    const figureArticles = list.items.flatMap((i) => (i.kind === 'figure' ? [i.hit.articleId] : []));
    expect(figureArticles.length).toBeGreaterThan(ids.articles.length);
    expect(new Set(ids.articles)).toEqual(new Set(figureArticles));
  });
});
