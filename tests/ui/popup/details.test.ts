// Row details from real records of seed 000_aef4f93b7db362a9.txt: a name's newest title and a
// figure's article headline; unknown ids answer null; only ids not known yet are asked again.
import { describe, expect, it } from 'vitest';
import { mergeDetails, missingDetails, NO_DETAILS } from '../../../src/ui/popup/details';
import { seedSearch } from './seed-search';

describe('details', () => {
  it('gives 曹慧泉 his newest title and a figure its headline', async () => {
    const { details } = seedSearch();
    const d = await details({ entities: ['person:曹慧泉', 'person:nobody'], articles: ['2024-01-27-23552-a01', 'no-such-article'] });
    expect(d.titles.get('person:曹慧泉')).toBe('市委书记');
    expect(d.titles.get('person:nobody')).toBeNull();
    expect(d.headlines.get('2024-01-27-23552-a01')).toBe('醴陵经开区获省政府真抓实干督查激励');
    expect(d.headlines.get('no-such-article')).toBeNull();
  });

  it('asks only for what is not known yet', async () => {
    const { details } = seedSearch();
    const known = mergeDetails(NO_DETAILS, await details({ entities: ['person:曹慧泉'], articles: [] }));
    expect(missingDetails(known, { entities: ['person:曹慧泉', 'person:陈恢清'], articles: ['a'] })).toEqual({ entities: ['person:陈恢清'], articles: ['a'] });
  });
});
