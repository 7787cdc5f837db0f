// The archive search, as the extension uses it. Pinyin keys come in as data (pinyin-table.ts);
// the module that computes them (pinyin-keys.ts) is for the build and the command line only.
//
// Storing a segment in IndexedDB so that a query reads only what it needs (SearchSegmentData is
// already in that shape; every part is a list of independent records):
//   searchHeaders   key [segment]            SegmentHeader — small (issue ranges, counts), read
//                                             once when the popup opens
//   searchPostings  key [segment, key]        PostingRecord — `get(keys)` is one transaction of
//                                             parallel gets; a query reads one record per gram
//   searchDocs      key [segment, kind, num]  ArticleDoc | EntityDoc | FigureDoc — read only for
//                                             candidates to check and results to show
// An ArticleDoc is the ArticleRecord's own fields, so `docs('article', nums)` may instead map the
// numbers to article ids (the order of `articles` in the segment) and read the articles store.
// Segments: the bundled archive is one; a user's issue can be its own segment, built from its own
// small bundle and searched beside it (`search([bundled, ...user], query)`); removing the issue
// removes its segment.
export { buildSearchIndex, type BuildOptions } from './build-index';
export { MemorySource } from './memory-source';
export { search, suggest, DEFAULT_LIMIT, type SearchRun } from './search';
export { decodePostings, PostingWriter, type PostingRecord, type Postings } from './postings';
export { makeFolder, widthFolder, widthUnit, type TextFolder, type UnitFold } from './normalize';
export { searchFolder } from './folder';
export { segmentToJson, segmentFromJson, type SearchSegmentJson } from './serialize';
export type { NamePinyin, PinyinKeys } from './pinyin-table';
export type * from './types';
