// Entity profiles as data: everything the reader's profile page shows about one person, place or
// organisation, gathered from the bundle (its titles over time, the articles that name it with the
// sentence that does, its figures, the entities named beside it, its mentions by issue date), and
// the split of a paragraph into plain text and entity links. No DOM, no Preact: tested on its own.
//
// Offsets in the bundle are UTF-16 offsets into the stored paragraphs; `toDisplay` keeps length,
// so they mark the same characters of the display text. Display text is always made from the whole
// paragraph and then cut (toDisplay looks at a character's neighbours).
import { toDisplay } from './display';
import type { ArchiveBundle, ArticleRecord, EntityRecord, FigureRecord, IssueRecord, MentionRecord } from './types';
import { compareIssues } from './issue-order';

/** A run of display text; `mark` runs are the entity's name (shown in `<mark>`). */
export interface TextPart {
  text: string;
  mark: boolean;
}

/** A run of a paragraph's display text; with `entityId` it is a mention, shown as a link to the profile. */
export interface LinkedPart {
  text: string;
  entityId?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface TitlePrinting {
  /** The issue date (YYYY-MM-DD), or null when the issue's date is unknown. */
  date: string | null;
  /** The article that printed the title. */
  articleId: string;
}

export interface TitleHistoryEntry {
  title: string;
  /** One per issue date, newest first, the unknown date last. Empty when the bundle has the title without its history. */
  printings: TitlePrinting[];
}

export interface ProfileArticle {
  article: ArticleRecord;
  issue: IssueRecord;
  /** How often the article names the entity. */
  mentionCount: number;
  /** The sentence around the first mention, the entity's name(s) in it marked. */
  snippet: TextPart[];
}

export interface ProfileFigure {
  figure: FigureRecord;
  article: ArticleRecord;
  issue: IssueRecord;
}

export interface RelatedEntity {
  entity: EntityRecord;
  /** The number of articles that name both. */
  articles: number;
}

export interface TimelinePoint {
  /** YYYY-MM-DD */
  date: string;
  count: number;
}

export interface EntityProfile {
  entity: EntityRecord;
  /** Titles newest first (by the latest date each was printed). */
  titles: TitleHistoryEntry[];
  /** Articles that mention the entity, newest issue first, print order within an issue. */
  articles: ProfileArticle[];
  /** Figures whose subject is the entity, in the order of `articles`, then by position. */
  figures: ProfileFigure[];
  /** The entities named in the most of the same articles, at most RELATED_LIMIT. */
  related: RelatedEntity[];
  /** Mentions per issue date, oldest first; mentions in undated issues are only counted in `undatedMentions`. */
  timeline: TimelinePoint[];
  undatedMentions: number;
  mentionCount: number;
}

export const RELATED_LIMIT = 8;

/** Sentence ends, in display form (the ASCII `!` `?` of Chinese text are full-width there). */
const SENTENCE_ENDS = new Set(['。', '！', '？']);
/** Closing quotes and brackets right after a sentence end belong to that sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '"', "'"]);
/** At most this many UTF-16 units of a long sentence are kept on either side of the mention. */
export const SNIPPET_CONTEXT = 60;

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * The sentence of `text` around `span`: from just after the previous 。！？ (and any closing quotes
 * after it) to the next one inclusive (with its closing quotes), or the paragraph's ends; leading
 * and trailing white space left out.
 */
export function sentenceAround(text: string, span: Span): Span {
  let start = Math.max(0, Math.min(span.start, text.length));
  while (start > 0 && !SENTENCE_ENDS.has(text[start - 1]!)) start--;
  while (start < span.start && (CLOSERS.has(text[start]!) || /\s/.test(text[start]!))) start++;
  let end = Math.max(start, Math.min(span.end, text.length));
  while (end < text.length && !SENTENCE_ENDS.has(text[end]!)) end++;
  if (end < text.length) {
    end++;
    while (end < text.length && (CLOSERS.has(text[end]!) || SENTENCE_ENDS.has(text[end]!))) end++;
  }
  while (end > span.end && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Spans inside `[0, length]`, sorted, overlaps resolved: the one starting first wins, the longest of those starting together. */
export function nonOverlapping<T extends Span>(spans: readonly T[], length: number): T[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length);
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reached = 0;
  for (const span of valid) {
    if (span.start < reached) continue;
    kept.push(span);
    reached = span.end;
  }
  return kept;
}

/**
 * The sentence of the paragraph `stored` that holds `focus`, in display form, with every span of
 * `marks` inside it marked. A sentence longer than SNIPPET_CONTEXT on a side of the mention is cut
 * there, and the cut shown with `…`.
 */
export function sentenceSnippet(stored: string, focus: Span, marks: readonly Span[]): TextPart[] {
  const display = toDisplay(stored);
  let { start, end } = sentenceAround(display, focus);
  let before = '';
  let after = '';
  if (focus.start - start > SNIPPET_CONTEXT) {
    start = focus.start - SNIPPET_CONTEXT;
    if (isLowSurrogate(display, start)) start++;
    before = '…';
  }
  if (end - focus.end > SNIPPET_CONTEXT) {
    end = focus.end + SNIPPET_CONTEXT;
    if (isLowSurrogate(display, end)) end++;
    after = '…';
  }
  const parts: TextPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  push(before, false);
  let at = start;
  for (const span of nonOverlapping([focus, ...marks], display.length)) {
    if (span.start < start || span.end > end) continue;
    push(display.slice(at, span.start), false);
    parts.push({ text: display.slice(span.start, span.end), mark: true });
    at = span.end;
  }
  push(display.slice(at, end), false);
  push(after, false);
  return parts;
}

/**
 * A paragraph's display text split at its mentions, for links to their profiles. The parts'
 * texts join to exactly `display`. Mentions outside the text or overlapping an earlier one are
 * left out (the first, then the longest, wins).
 */
export function linkParagraph(display: string, mentions: readonly (Span & { entityId: string })[]): LinkedPart[] {
  const parts: LinkedPart[] = [];
  let at = 0;
  for (const m of nonOverlapping(mentions, display.length)) {
    if (m.start > at) parts.push({ text: display.slice(at, m.start) });
    parts.push({ text: display.slice(m.start, m.end), entityId: m.entityId });
    at = m.end;
  }
  if (at < display.length || parts.length === 0) parts.push({ text: display.slice(at) });
  return parts;
}

/** Newest date first, unknown dates last. */
function compareDatesDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** Titles newest first, each with the dates (one per issue date) that printed it. */
export function titleHistory(entity: EntityRecord): TitleHistoryEntry[] {
  const byTitle = new Map<string, TitlePrinting[]>();
  for (const h of entity.titleHistory ?? []) {
    let printings = byTitle.get(h.title);
    if (!printings) byTitle.set(h.title, (printings = []));
    if (!printings.some((p) => p.date === h.date)) printings.push({ date: h.date, articleId: h.articleId });
  }
  for (const title of entity.titles ?? []) if (!byTitle.has(title)) byTitle.set(title, []);
  const entries = [...byTitle].map(([title, printings]) => ({ title, printings: printings.sort((a, b) => compareDatesDesc(a.date, b.date)) }));
  // Stable: titles with the same latest date keep the order the bundle gives them.
  return entries.sort((a, b) => {
    const [pa, pb] = [a.printings[0], b.printings[0]];
    if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
    return compareDatesDesc(pa.date, pb.date);
  });
}

export interface EntityIndex {
  entity(id: string): EntityRecord | undefined;
  /** The mentions of known entities in one article, in paragraph and offset order. */
  mentionsIn(articleId: string): MentionRecord[];
  /** The profile of an entity of the bundle; undefined for an unknown id. Built once per id. */
  profile(id: string): EntityProfile | undefined;
}

export function indexEntities(bundle: ArchiveBundle): EntityIndex {
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const issues = new Map(bundle.issues.map((i) => [i.id, i]));
  const articles = new Map(bundle.articles.map((a) => [a.id, a]));
  const printOrder = new Map(bundle.articles.map((a, i) => [a.id, i]));

  const byArticle = new Map<string, MentionRecord[]>();
  const byEntity = new Map<string, MentionRecord[]>();
  for (const m of bundle.mentions) {
    const article = articles.get(m.articleId);
    if (!entities.has(m.entityId) || !article || article.paragraphs[m.paragraph] === undefined) continue;
    for (const [map, key] of [
      [byArticle, m.articleId],
      [byEntity, m.entityId],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(m);
      else map.set(key, [m]);
    }
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || b.end - a.end);

  const figuresBySubject = new Map<string, FigureRecord[]>();
  for (const f of bundle.figures) {
    if (f.subjectEntityId === null || !articles.has(f.articleId)) continue;
    const list = figuresBySubject.get(f.subjectEntityId);
    if (list) list.push(f);
    else figuresBySubject.set(f.subjectEntityId, [f]);
  }

  /** Newest issue first, then print order. */
  const compareArticles = (a: ArticleRecord, b: ArticleRecord) =>
    compareIssues(issues.get(a.issueId)!, issues.get(b.issueId)!) || printOrder.get(a.id)! - printOrder.get(b.id)!;

  const build = (entity: EntityRecord): EntityProfile => {
    const mentions = byEntity.get(entity.id) ?? [];
    const perArticle = new Map<string, MentionRecord[]>();
    for (const m of mentions) {
      const list = perArticle.get(m.articleId);
      if (list) list.push(m);
      else perArticle.set(m.articleId, [m]);
    }

    const mentioning = [...perArticle.keys()]
      .map((id) => articles.get(id)!)
      .filter((a) => issues.has(a.issueId))
      .sort(compareArticles);
    const profileArticles = mentioning.map((article): ProfileArticle => {
      const own = perArticle.get(article.id)!.slice().sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
      const first = own[0]!;
      return {
        article,
        issue: issues.get(article.issueId)!,
        mentionCount: own.length,
        snippet: sentenceSnippet(article.paragraphs[first.paragraph]!, first, own.filter((m) => m.paragraph === first.paragraph)),
      };
    });

    const figures = (figuresBySubject.get(entity.id) ?? [])
      .map((figure) => ({ figure, article: articles.get(figure.articleId)! }))
      .filter(({ article }) => issues.has(article.issueId))
      .sort((a, b) => compareArticles(a.article, b.article) || a.figure.paragraph - b.figure.paragraph || a.figure.start - b.figure.start)
      .map(({ figure, article }) => ({ figure, article, issue: issues.get(article.issueId)! }));

    const together = new Map<string, number>();
    for (const article of mentioning) {
      const others = new Set((byArticle.get(article.id) ?? []).map((m) => m.entityId));
      others.delete(entity.id);
      for (const id of others) together.set(id, (together.get(id) ?? 0) + 1);
    }
    const related = [...together]
      .map(([id, count]) => ({ entity: entities.get(id)!, articles: count }))
      .sort((a, b) => b.articles - a.articles || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0) || (a.entity.id < b.entity.id ? -1 : 1))
      .slice(0, RELATED_LIMIT);

    const perDate = new Map<string, number>();
    let undatedMentions = 0;
    for (const m of mentions) {
      const date = issues.get(articles.get(m.articleId)!.issueId)?.date ?? null;
      if (date === null) undatedMentions++;
      else perDate.set(date, (perDate.get(date) ?? 0) + 1);
    }
    const timeline = [...perDate].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date < b.date ? -1 : 1));

    return { entity, titles: titleHistory(entity), articles: profileArticles, figures, related, timeline, undatedMentions, mentionCount: mentions.length };
  };

  const profiles = new Map<string, EntityProfile>();
  return {
    entity: (id) => entities.get(id),
    mentionsIn: (articleId) => byArticle.get(articleId) ?? [],
    profile(id) {
      const entity = entities.get(id);
      if (!entity) return undefined;
      let profile = profiles.get(id);
      if (!profile) profiles.set(id, (profile = build(entity)));
      return profile;
    },
  };
}

/** The profile of one entity of the bundle (see `indexEntities`). */
export function buildEntityProfile(bundle: ArchiveBundle, entityId: string): EntityProfile | undefined {
  return indexEntities(bundle).profile(entityId);
}
