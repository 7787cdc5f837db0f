// The filters as search options: the type filter picks the lists (and, for names, their type);
// dates bound articles and figures, read the right way round, and anything but a real date is no bound.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dateRange, isFiltered, isIsoDate, NO_FILTERS, searchOptionsFor, TYPE_FILTERS } from '../../../src/ui/popup/filters';

const isoDate = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('searchOptionsFor', () => {
  it('searches every list with no filter, keeping the base options', () => {
    expect(searchOptionsFor(NO_FILTERS, { limit: 10 })).toEqual({ limit: 10 });
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('maps each type to its lists', () => {
    const of = (type: (typeof TYPE_FILTERS)[number]) => searchOptionsFor({ type, from: '', to: '' });
    expect(of('person')).toEqual({ kinds: ['entity'], entityTypes: ['person'] });
    expect(of('place')).toEqual({ kinds: ['entity'], entityTypes: ['place'] });
    expect(of('org')).toEqual({ kinds: ['entity'], entityTypes: ['org'] });
    expect(of('article')).toEqual({ kinds: ['article'] });
    expect(of('figure')).toEqual({ kinds: ['figure'] });
    for (const type of TYPE_FILTERS) expect(isFiltered({ type, from: '', to: '' })).toBe(type !== 'all');
  });

  test.prop([isoDate, isoDate])('a range is read the right way round', (a, b) => {
    const range = dateRange({ from: a, to: b });
    expect(range).toEqual({ from: a < b ? a : b, to: a < b ? b : a });
    expect(searchOptionsFor({ type: 'all', from: a, to: b })).toEqual(range);
  });

  test.prop([isoDate])('one bound alone is kept', (a) => {
    expect(dateRange({ from: a, to: '' })).toEqual({ from: a });
    expect(dateRange({ from: '', to: a })).toEqual({ to: a });
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 12 })])('text that is no date is no bound', (junk) => {
    fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(junk));
    expect(dateRange({ from: junk, to: junk })).toEqual({});
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-01-27')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-27')).toBe(false);
    expect(dateRange({ from: '2023-02-29', to: '2024-01-27' })).toEqual({ to: '2024-01-27' });
  });
});
