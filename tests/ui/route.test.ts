import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { articleHash, entityHash, parseArticleHash, parseEntityHash, parseReaderHash } from '../../src/ui/route';

describe('article hash', () => {
  it('reads #article=ID', () => {
    expect(parseArticleHash('#article=a-000-01')).toBe('a-000-01');
    expect(parseArticleHash('article=a-000-01')).toBe('a-000-01');
  });

  it('decodes percent-encoding, and keeps + as a plus', () => {
    expect(parseArticleHash('#article=%E6%A0%AA%E6%B4%B2%2F1')).toBe('株洲/1');
    expect(parseArticleHash('#article=a+b')).toBe('a+b');
  });

  it('finds the article among other parameters', () => {
    expect(parseArticleHash('#view=full&article=x7&p=2')).toBe('x7');
  });

  it('gives null when there is no article', () => {
    expect(parseArticleHash('')).toBeNull();
    expect(parseArticleHash('#')).toBeNull();
    expect(parseArticleHash('#article=')).toBeNull();
    expect(parseArticleHash('#articles=x')).toBeNull();
  });

  it('gives null for malformed percent-encoding instead of throwing', () => {
    expect(parseArticleHash('#article=%E6%A0')).toBeNull();
    expect(parseArticleHash('#article=%zz')).toBeNull();
  });

  it('writes the form the popup opens', () => {
    expect(articleHash('a 1&b')).toBe('#article=' + encodeURIComponent('a 1&b'));
  });

  test.prop([fc.string({ unit: 'binary', minLength: 1 })])('round-trips any id', (id) => {
    expect(parseArticleHash(articleHash(id))).toBe(id);
  });
});

describe('entity hash and reader routes', () => {
  it('reads #entity=ID, percent-decoded', () => {
    expect(parseEntityHash('#entity=person%3A%E6%9B%B9%E6%85%A7%E6%B3%89')).toBe('person:曹慧泉');
    expect(parseEntityHash('entity=org:x&y=1')).toBe('org:x');
    expect(parseEntityHash('#article=a1')).toBeNull();
    expect(parseEntityHash('#entity=')).toBeNull();
    expect(parseEntityHash('#entity=%E6')).toBeNull();
    expect(parseEntityHash('#entityx=1')).toBeNull();
  });

  it('writes the form the reader links to', () => {
    expect(entityHash('person:曹慧泉')).toBe('#entity=person%3A%E6%9B%B9%E6%85%A7%E6%B3%89');
  });

  it('routes to an article first, then an entity, else the index', () => {
    expect(parseReaderHash('#entity=p&article=a1')).toEqual({ view: 'article', id: 'a1' });
    expect(parseReaderHash('#entity=place%3A%E9%86%B4%E9%99%B5')).toEqual({ view: 'entity', id: 'place:醴陵' });
    expect(parseReaderHash('')).toEqual({ view: 'index' });
    expect(parseReaderHash('#entity=%zz')).toEqual({ view: 'index' });
  });

  test.prop([fc.string({ unit: 'binary', minLength: 1 })])('round-trips any entity id', (id) => {
    expect(parseEntityHash(entityHash(id))).toBe(id);
    expect(parseReaderHash(entityHash(id))).toEqual({ view: 'entity', id });
  });
});
