import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { articleHash, parseArticleHash } from '../../src/ui/route';

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
