// Building a search segment from an ArchiveBundle: one pass over the text, posting lists written
// as they grow (documents are added in number order, so every list ascends by construction).
import type { ArchiveBundle, ArticleRecord, EntityRecord, FigureRecord, IssueRecord } from '../archive/types';
import {
  ARTICLE_GRAM,
  BODY_COUNT,
  ENTITY_ALIAS,
  ENTITY_EXACT,
  ENTITY_GRAM,
  ENTITY_NAME,
  ENTITY_TYPE_BITS,
  EXACT_ALIAS,
  EXACT_NAME,
  FIGURE_CLAUSE,
  FIGURE_GRAM,
  FIGURE_METRIC,
  FIGURE_SUBJECT,
  FIGURE_TEXT,
  HEADLINE_EXACT,
  IN_HEADLINE,
  MIN_PINYIN_PREFIX,
  PINYIN_ALIAS_FULL,
  PINYIN_ALIAS_INITIALS,
  PINYIN_EXACT,
  PINYIN_NAME_FULL,
  PINYIN_NAME_INITIALS,
  PINYIN_PREFIX,
} from './keys';
import { GramCoder, GramIndex } from './gram-codes';
import { searchFolder } from './folder';
import { compact, type TextFolder } from './normalize';
import type { PinyinKeys } from './pinyin-table';
import { PostingWriter, type PostingRecord } from './postings';
import type { ArticleDoc, EntityDoc, FigureDoc, IssueRange, SearchSegmentData } from './types';

export interface BuildOptions {
  /** The segment's name in results and storage (default 'bundled'). */
  segment?: string;
  /** The length-preserving fold applied to all indexed text (default searchFolder(): 繁→简, width, case, quotes). */
  folder?: TextFolder;
}

/** Posting lists keyed by whole strings (exact names, headlines, pinyin keys). */
class TextLists {
  private lists = new Map<string, PostingWriter>();
  private pending = new Map<string, number>();

  /** Ors `weight` into key for the document being added; `flush` writes it. */
  mark(key: string, weight: number): void {
    this.pending.set(key, (this.pending.get(key) ?? 0) | weight);
  }

  flush(num: number): void {
    for (const [key, weight] of this.pending) {
      let w = this.lists.get(key);
      if (!w) this.lists.set(key, (w = new PostingWriter()));
      w.add(num, weight);
    }
    this.pending.clear();
  }

  finish(out: PostingRecord[]): void {
    for (const [key, w] of this.lists) out.push(w.finish(key));
  }
}

/** The headline field: headline and subheadlines, one per line so no term spans two. */
export function headlineField(a: Pick<ArticleRecord, 'headline' | 'subheadlines'>): string {
  return [a.headline ?? '', ...a.subheadlines].join('\n');
}

/** The body field: paragraphs, then the byline's names, so a reporter finds their articles. */
export function bodyParts(a: Pick<ArticleRecord, 'paragraphs' | 'byline' | 'author'>): string[] {
  return [...a.paragraphs, ...a.byline.reporters, ...a.byline.correspondents, ...a.byline.photographers, a.author ?? ''];
}

export function bodyField(a: Pick<ArticleRecord, 'paragraphs' | 'byline' | 'author'>): string {
  return bodyParts(a).join('\n');
}

/** Sentence ends: 。！？； and their ASCII forms, and line breaks. */
function endsSentence(unit: number): boolean {
  return unit === 0x3002 || unit === 0xff01 || unit === 0xff1f || unit === 0xff1b || unit === 0x21 || unit === 0x3f || unit === 0x3b || unit === 0x0a;
}

/** The sentence around [start, end) of `text`, at most `before` units before and `after` after. */
export function clauseAround(text: string, start: number, end: number, before = 24, after = 8): string {
  let s = start;
  while (s > 0 && start - s < before && !endsSentence(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < after && !endsSentence(text.charCodeAt(e))) e++;
  // Never cut a surrogate pair in two.
  const low = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  if (s > 0 && s < start && low(s)) s++;
  if (e < text.length && e > end && low(e)) e--;
  return text.slice(s, e);
}

function compareIssuesForNumbering(a: IssueRecord, b: IssueRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Issues in numbering order, each with its articles (bundle order) and their figures. */
function numbering(bundle: ArchiveBundle) {
  const articlesOf = new Map<string, ArticleRecord[]>();
  for (const a of bundle.articles) {
    const list = articlesOf.get(a.issueId);
    if (list) list.push(a);
    else articlesOf.set(a.issueId, [a]);
  }
  const figuresOf = new Map<string, FigureRecord[]>();
  for (const f of bundle.figures) {
    const list = figuresOf.get(f.articleId);
    if (list) list.push(f);
    else figuresOf.set(f.articleId, [f]);
  }
  const issues = [...bundle.issues].sort(compareIssuesForNumbering);
  const known = new Set(issues.map((i) => i.id));
  // Articles of an issue the bundle does not list still get searched, as an undated issue.
  for (const id of articlesOf.keys()) {
    if (!known.has(id)) issues.unshift({ id, source: '', date: null, issueNo: null, pageCount: null });
  }
  const ranges: IssueRange[] = [];
  const articles: ArticleRecord[] = [];
  const figures: FigureRecord[] = [];
  for (const issue of issues) {
    const a0 = articles.length;
    const f0 = figures.length;
    for (const a of articlesOf.get(issue.id) ?? []) {
      articles.push(a);
      for (const f of figuresOf.get(a.id) ?? []) figures.push(f);
    }
    ranges.push({ id: issue.id, date: issue.date, articles: [a0, articles.length], figures: [f0, figures.length] });
  }
  return { ranges, articles, figures };
}

function articleDoc(a: ArticleRecord): ArticleDoc {
  return {
    id: a.id,
    issueId: a.issueId,
    headline: a.headline,
    subheadlines: a.subheadlines,
    paragraphs: a.paragraphs,
    byline: a.byline,
    ...(a.author === undefined ? {} : { author: a.author }),
  };
}

function indexArticles(articles: ArticleRecord[], folder: TextFolder, coder: GramCoder, out: PostingRecord[]): ArticleDoc[] {
  const { fold, table } = folder;
  const grams = new GramIndex(coder);
  const exact = new TextLists();
  const docs: ArticleDoc[] = [];
  articles.forEach((a, num) => {
    grams.begin(num);
    grams.add(headlineField(a), table, IN_HEADLINE, true);
    for (const p of bodyParts(a)) grams.add(p, table, 0, false, BODY_COUNT);
    grams.end();
    const headline = compact(fold(a.headline ?? ''));
    if (headline !== '') exact.mark(HEADLINE_EXACT + headline, 1);
    exact.flush(num);
    docs.push(articleDoc(a));
  });
  grams.finish(ARTICLE_GRAM, out);
  exact.finish(out);
  return docs;
}

function indexEntities(
  entities: readonly EntityRecord[],
  mentions: Map<string, number>,
  pinyin: PinyinKeys,
  folder: TextFolder,
  coder: GramCoder,
  out: PostingRecord[],
): EntityDoc[] {
  const { fold, table } = folder;
  const grams = new GramIndex(coder);
  const exact = new TextLists();
  const docs: EntityDoc[] = [];
  // Numbered by prominence, so that among equally good matches the lower number wins: a query
  // can then stop reading documents as soon as no later one could rank higher.
  const ranked = entities
    .map((e) => ({ e, mentions: mentions.get(e.id) ?? 0 }))
    .sort((a, b) => b.mentions - a.mentions || a.e.name.length - b.e.name.length || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  ranked.forEach(({ e, mentions: count }, num) => {
    grams.begin(num);
    const type = ENTITY_TYPE_BITS[e.type];
    const names = [e.name, ...e.aliases];
    names.forEach((name, i) => {
      const isName = i === 0;
      const folded = fold(name);
      grams.add(name, table, (isName ? ENTITY_NAME : ENTITY_ALIAS) | type, true);
      const whole = compact(folded);
      if (whole !== '') exact.mark(ENTITY_EXACT + whole, (isName ? EXACT_NAME : EXACT_ALIAS) | type);
      const keys = pinyin[name];
      if (!keys) return;
      const mark = (key: string, exactWeight: number) => {
        exact.mark(PINYIN_EXACT + key, exactWeight | type);
        for (let n = MIN_PINYIN_PREFIX; n < key.length; n++) exact.mark(PINYIN_PREFIX + key.slice(0, n), (isName ? 1 : 2) | type);
      };
      for (const k of keys.full) mark(k, isName ? PINYIN_NAME_FULL : PINYIN_ALIAS_FULL);
      for (const k of keys.initials) mark(k, isName ? PINYIN_NAME_INITIALS : PINYIN_ALIAS_INITIALS);
    });
    grams.end();
    exact.flush(num);
    docs.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: count });
  });
  grams.finish(ENTITY_GRAM, out);
  exact.finish(out);
  return docs;
}

function indexFigures(
  figures: FigureRecord[],
  articleById: Map<string, ArticleRecord>,
  entityName: Map<string, string>,
  table: Uint16Array,
  coder: GramCoder,
  out: PostingRecord[],
): FigureDoc[] {
  const grams = new GramIndex(coder);
  const docs: FigureDoc[] = [];
  figures.forEach((f, num) => {
    grams.begin(num);
    const paragraph = articleById.get(f.articleId)?.paragraphs[f.paragraph] ?? '';
    const clause = paragraph === '' ? f.text : clauseAround(paragraph, f.start, f.end);
    const subject = f.subjectEntityId === null ? null : (entityName.get(f.subjectEntityId) ?? null);
    if (f.metric !== null) grams.add(f.metric, table, FIGURE_METRIC, false);
    if (subject !== null) grams.add(subject, table, FIGURE_SUBJECT, false);
    grams.add(f.text, table, FIGURE_TEXT, false);
    if (f.period !== null) grams.add(f.period, table, FIGURE_TEXT, false);
    grams.add(clause, table, FIGURE_CLAUSE, false);
    grams.end();
    docs.push({
      id: f.id,
      articleId: f.articleId,
      text: f.text,
      metric: f.metric,
      period: f.period,
      subjectEntityId: f.subjectEntityId,
      subject,
      clause,
    });
  });
  grams.finish(FIGURE_GRAM, out);
  return docs;
}

/**
 * Builds one search segment over a bundle. `pinyin` holds the keys of entity names (from
 * computePinyinKeys at build time); names it lacks are found by their characters only.
 */
export function buildSearchIndex(bundle: ArchiveBundle, pinyin: PinyinKeys = {}, options: BuildOptions = {}): SearchSegmentData {
  const folder = options.folder ?? searchFolder();
  const { ranges, articles, figures } = numbering(bundle);
  const mentions = new Map<string, number>();
  for (const m of bundle.mentions) mentions.set(m.entityId, (mentions.get(m.entityId) ?? 0) + 1);
  const postings: PostingRecord[] = [];
  const coder = new GramCoder();
  const articleDocs = indexArticles(articles, folder, coder, postings);
  const entityDocs = indexEntities(bundle.entities, mentions, pinyin, folder, coder, postings);
  const figureDocs = indexFigures(
    figures,
    new Map(bundle.articles.map((a) => [a.id, a])),
    new Map(bundle.entities.map((e) => [e.id, e.name])),
    folder.table,
    coder,
    postings,
  );
  return {
    header: {
      format: 1,
      segment: options.segment ?? 'bundled',
      fold: folder.id,
      counts: { articles: articleDocs.length, entities: entityDocs.length, figures: figureDocs.length, keys: postings.length },
      issues: ranges,
    },
    postings,
    articles: articleDocs,
    entities: entityDocs,
    figures: figureDocs,
  };
}
