import { describe, expect, it } from 'vitest';
import { ArchiveError, validateBundle } from '../../src/ui/archive-source';
import { brokenCopy, REMOVE, entityBundle } from './fixtures';

const broken = (path: (string | number)[], value: unknown): unknown => brokenCopy(entityBundle(), path, value);

describe('validateBundle: entities, mentions and figures', () => {
  it('accepts a well-formed bundle with entities and returns the same data', () => {
    const bundle = entityBundle();
    expect(validateBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('keeps additive fields, and entities without the optional fields', () => {
    const data = broken(['entities', 0, 'pinyin'], 'cao hui quan');
    expect(validateBundle(data).entities[0]).toHaveProperty('pinyin', 'cao hui quan');
    const bare = broken(['entities', 3], { id: 'place:株洲', type: 'place', name: '株洲', aliases: [] });
    expect(() => validateBundle(bare)).toThrow(/no entity has the id "place:醴陵经开区"/);
    const ok = validateBundle(broken(['entities', 1], { id: 'person:陈恢清', type: 'person', name: '陈恢清', aliases: [] }));
    expect(ok.entities[1]).toEqual({ id: 'person:陈恢清', type: 'person', name: '陈恢清', aliases: [] });
  });

  it.each([
    ['entities missing', () => broken(['entities'], REMOVE), 'archive.entities: expected an array, found nothing'],
    ['an unknown entity type', () => broken(['entities', 0, 'type'], 'company'), 'archive.entities[0].type: expected one of person, place, org, found "company"'],
    ['an empty name', () => broken(['entities', 3, 'name'], ''), 'archive.entities[3].name: expected a non-empty string, found ""'],
    ['aliases that are not text', () => broken(['entities', 3, 'aliases'], [1]), 'archive.entities[3].aliases[0]: expected a string, found 1'],
    ['an unknown role', () => broken(['entities', 0, 'role'], 'mayor'), 'archive.entities[0].role: expected one of official, deputy, journalist, business, other, found "mayor"'],
    ['a title date that is not a date', () => broken(['entities', 0, 'titleHistory', 1, 'date'], '2024-1-27'), 'archive.entities[0].titleHistory[1].date: expected a date YYYY-MM-DD or null, found "2024-1-27"'],
    ['inZhuzhou as text', () => broken(['entities', 5, 'inZhuzhou'], 'yes'), 'archive.entities[5].inZhuzhou: expected true, false or null, found "yes"'],
    ['a duplicate entity id', () => broken(['entities', 1, 'id'], 'person:曹慧泉'), 'archive.entities[1].id: duplicate id "person:曹慧泉"'],
    ['a mention of no entity', () => broken(['mentions', 1, 'entityId'], 'person:无名'), 'archive.mentions[1].entityId: no entity has the id "person:无名"'],
    ['a mention in no article', () => broken(['mentions', 1, 'articleId'], 'zz'), 'archive.mentions[1].articleId: no article has the id "zz"'],
    ['a mention past the last paragraph', () => broken(['mentions', 1, 'paragraph'], 2), 'archive.mentions[1].paragraph: expected a paragraph of article "b1" (it has 2), found 2'],
    ['a negative offset', () => broken(['mentions', 1, 'start'], -1), 'archive.mentions[1].start: expected a whole number ≥ 0, found -1'],
    ['an end before the start', () => broken(['mentions', 1, 'end'], 10), "archive.mentions[1].end: expected an offset after start (10) and at most 48, the paragraph's length, found 10"],
    ['an end past the paragraph', () => broken(['mentions', 1, 'end'], 49), "archive.mentions[1].end: expected an offset after start (10) and at most 48, the paragraph's length, found 49"],
    ['a figure of no entity', () => broken(['figures', 0, 'subjectEntityId'], 'org:无'), 'archive.figures[0].subjectEntityId: no entity has the id "org:无"'],
    ['a figure value as text', () => broken(['figures', 0, 'value'], '851.7'), 'archive.figures[0].value: expected a finite number, found "851.7"'],
    ['an unknown qualifier', () => broken(['figures', 0, 'qualifier'], 'about'), 'archive.figures[0].qualifier: expected one of exact, approx, range, growth-rate, found "about"'],
    ['a figure without metric', () => broken(['figures', 0, 'metric'], REMOVE), 'archive.figures[0].metric: expected a string or null, found nothing'],
    ['a duplicate figure id', () => broken(['figures', 1, 'id'], 'a1-f001'), 'archive.figures[1].id: duplicate id "a1-f001"'],
  ])('rejects %s with an error naming the field', (_, make, message) => {
    expect(() => validateBundle(make())).toThrow(new ArchiveError(message));
  });
});
