import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isPageFindingsRequest, parsePageFindingsReply, tallyFindings, type FoundName } from '../src/page-findings';

const found = (entityId: string, name: string, type: FoundName['type'] = 'person'): FoundName => ({ entityId, name, type });

describe('tallyFindings', () => {
  it('counts mentions per entity, most mentioned first, ties by name', () => {
    const matches = [found('p:a', '甲'), found('o:c', '丙', 'org'), found('p:a', '甲'), found('o:b', '乙', 'org'), found('o:c', '丙', 'org')];
    expect(tallyFindings(matches)).toEqual([
      { id: 'o:c', name: '丙', type: 'org', count: 2 },
      { id: 'p:a', name: '甲', type: 'person', count: 2 },
      { id: 'o:b', name: '乙', type: 'org', count: 1 },
    ]);
  });

  test.prop([fc.array(fc.constantFrom('a', 'b', 'c', 'd').map((id) => found(id, id)), { maxLength: 60 })])('counts add up to the matches', (matches) => {
    const tally = tallyFindings(matches);
    expect(tally.reduce((s, f) => s + f.count, 0)).toBe(matches.length);
    for (const f of tally) expect(f.count).toBe(matches.filter((m) => m.entityId === f.id).length);
    expect(parsePageFindingsReply({ entities: tally })).toEqual({ entities: tally });
  });
});

describe('the page-findings messages', () => {
  it('recognises the request', () => {
    expect(isPageFindingsRequest({ type: 'page-findings' })).toBe(true);
    expect(isPageFindingsRequest({ type: 'entity' })).toBe(false);
    expect(isPageFindingsRequest(null)).toBe(false);
  });

  it('rejects malformed replies', () => {
    expect(parsePageFindingsReply(undefined)).toBeNull();
    expect(parsePageFindingsReply({ entities: [{ id: 'x', name: 'x', type: 'thing', count: 1 }] })).toBeNull();
    expect(parsePageFindingsReply({ entities: [{ id: 'x', name: 'x', type: 'org', count: 0 }] })).toBeNull();
    expect(parsePageFindingsReply({ entities: [] })).toEqual({ entities: [] });
  });
});
