import { describe, expect, it } from 'vitest';
import { compareIssues, indexArchive, jumpLinks, jumpSlot } from '../../src/ui/archive-index';
import { article, issue, sampleBundle } from './fixtures';

describe('compareIssues / indexArchive', () => {
  it('puts the newest issue first and issues without a date last', () => {
    const index = indexArchive(sampleBundle());
    expect(index.groups.map((g) => g.issue.id)).toEqual(['i-2024', 'i-2022', 'i-nodate']);
  });

  it('orders equal dates by issue number (unknown last), then by id', () => {
    const issues = [issue('c', '2024-01-27', null), issue('b', '2024-01-27', 5), issue('a', '2024-01-27', 9), issue('e', null, null), issue('d', null, null)];
    expect([...issues].sort(compareIssues).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("keeps each issue's articles in print (bundle) order", () => {
    const index = indexArchive(sampleBundle());
    expect(index.group('i-2024')?.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(index.group('i-nodate')?.articles.map((a) => a.id)).toEqual(['a5', 'a6', 'a7', 'a8']);
    expect(index.articleCount).toBe(8);
  });

  it('looks articles up by id', () => {
    const index = indexArchive(sampleBundle());
    expect(index.article('a4')?.headline).toBe('市政务 公开专区亮相');
    expect(index.article('nope')).toBeUndefined();
  });

  it('does not reorder the bundle it was given', () => {
    const bundle = sampleBundle();
    indexArchive(bundle);
    expect(bundle.issues.map((i) => i.id)).toEqual(['i-2022', 'i-nodate', 'i-2024']);
  });
});

describe('jumpSlot', () => {
  it('reads the circled number of a page-jump marker', () => {
    expect(jumpSlot('02版①')).toBe('①');
    expect(jumpSlot('01版②')).toBe('②');
    expect(jumpSlot('02版')).toBe('');
    expect(jumpSlot('第二版')).toBeNull();
  });
});

describe('jumpLinks', () => {
  it('pairs 下转02版① with 上接01版① in the same issue, both ways', () => {
    const index = indexArchive(sampleBundle());
    expect(jumpLinks(index, index.article('a2')!).next?.id).toBe('a3');
    expect(jumpLinks(index, index.article('a3')!).previous?.id).toBe('a2');
    expect(jumpLinks(index, index.article('a2')!).previous).toBeUndefined();
  });

  it('never pairs across issues or with a different circled number', () => {
    const index = indexArchive(sampleBundle());
    expect(jumpLinks(index, index.article('a4')!)).toEqual({ next: undefined, previous: undefined }); // a3 is in another issue
    expect(jumpLinks(index, index.article('a7')!)).toEqual({ next: undefined, previous: undefined }); // ② has no 下转 end
  });

  it('does not guess when two articles share a marker', () => {
    const bundle = sampleBundle();
    bundle.articles.push(article('a9', 'i-2024', { continues: '03版①' }));
    const index = indexArchive(bundle);
    expect(jumpLinks(index, index.article('a3')!).previous).toBeUndefined();
  });
});
