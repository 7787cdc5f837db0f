import { describe, expect, it } from 'vitest';
import { ArchiveError, isIsoDate, loadArchive, validateBundle, type FetchLike } from '../../src/ui/archive-source';
import { brokenCopy, REMOVE, sampleBundle } from './fixtures';

const broken = (path: (string | number)[], value: unknown): unknown => brokenCopy(sampleBundle(), path, value);

describe('validateBundle', () => {
  it('accepts a well-formed bundle and returns the same data', () => {
    const bundle = sampleBundle();
    expect(validateBundle(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('keeps additive fields it does not know', () => {
    const data = broken(['issues', 0, 'dateEvidence'], { method: 'masthead', text: '2022年8月24日', reason: 'masthead' });
    expect(validateBundle(data).issues[0]).toHaveProperty('dateEvidence.method', 'masthead');
  });

  it.each([
    ['not an object', () => [], 'archive: expected an object, found an array'],
    ['wrong version', () => broken(['version'], 2), 'archive.version: expected 1, found 2'],
    ['issues missing', () => broken(['issues'], REMOVE), 'archive.issues: expected an array, found nothing'],
    ['a bad date', () => broken(['issues', 0, 'date'], '2022-02-30'), 'archive.issues[0].date: expected a date YYYY-MM-DD or null, found "2022-02-30"'],
    ['an issue number as text', () => broken(['issues', 2, 'issueNo'], '23552'), 'archive.issues[2].issueNo: expected a positive integer or null, found "23552"'],
    ['a headline that is a number', () => broken(['articles', 1, 'headline'], 7), 'archive.articles[1].headline: expected a string or null, found 7'],
    ['an unknown kind', () => broken(['articles', 0, 'kind'], 'opinion'), 'archive.articles[0].kind: expected one of news, feature, photo, notice, commentary, digest, continuation, found "opinion"'],
    ['a paragraph that is not text', () => broken(['articles', 0, 'paragraphs'], ['a', null]), 'archive.articles[0].paragraphs[1]: expected a string, found null'],
    ['a byline without photographers', () => broken(['articles', 0, 'byline', 'photographers'], REMOVE), 'archive.articles[0].byline.photographers: expected an array, found nothing'],
    ['an article of no issue', () => broken(['articles', 3, 'issueId'], 'i-1999'), 'archive.articles[3].issueId: no issue has the id "i-1999"'],
    ['a duplicate article id', () => broken(['articles', 1, 'id'], 'a1'), 'archive.articles[1].id: duplicate id "a1"'],
    ['a duplicate issue id', () => broken(['issues', 1, 'id'], 'i-2022'), 'archive.issues[1].id: duplicate id "i-2022"'],
    ['an empty id', () => broken(['articles', 0, 'id'], ''), 'archive.articles[0].id: expected a non-empty string, found ""'],
    ['figures missing', () => broken(['figures'], REMOVE), 'archive.figures: expected an array, found nothing'],
  ])('rejects %s with an error naming the field', (_, make, message) => {
    expect(() => validateBundle(make())).toThrow(new ArchiveError(message));
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-27')).toBe(false);
  });
});

describe('loadArchive', () => {
  const serve =
    (body: string, status = 200): FetchLike =>
    async () => ({ ok: status >= 200 && status < 300, status, text: async () => body });

  it('reads and validates the bundle at the given address', async () => {
    const urls: string[] = [];
    const fetchImpl: FetchLike = async (url) => {
      urls.push(url);
      return serve(JSON.stringify(sampleBundle()))(url);
    };
    const bundle = await loadArchive('chrome-extension://x/archive.json', fetchImpl);
    expect(bundle.articles).toHaveLength(8);
    expect(urls).toEqual(['chrome-extension://x/archive.json']);
  });

  it('reports a missing file', async () => {
    await expect(loadArchive('/archive.json', serve('', 404))).rejects.toThrow(new ArchiveError('archive.json could not be read (HTTP 404)'));
  });

  it('reports a read failure', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadArchive('/archive.json', failing)).rejects.toThrow(new ArchiveError('archive.json could not be read: Failed to fetch'));
  });

  it('reports a file that is not JSON', async () => {
    await expect(loadArchive('/archive.json', serve('{"version":'))).rejects.toThrow(/^archive\.json is not valid JSON: /);
  });

  it('reports a malformed bundle', async () => {
    await expect(loadArchive('/archive.json', serve('{"version":1}'))).rejects.toThrow(
      new ArchiveError('archive.issues: expected an array, found nothing'),
    );
  });
});
