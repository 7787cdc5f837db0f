// Loading the bundled archive (public/archive.json, an extension-local file) and checking that it
// has the shape the UI relies on. A malformed bundle is rejected with an error that names the
// offending field, so a broken build shows a clear message instead of a blank or half-drawn page.
import type {
  ArchiveBundle,
  ArticleKind,
  ArticleRecord,
  Byline,
  EntityRecord,
  EntityType,
  FigureRecord,
  IssueRecord,
  MentionRecord,
} from '../archive/types';

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const KINDS: readonly ArticleKind[] = ['news', 'feature', 'photo', 'notice', 'commentary', 'digest', 'continuation'];
const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'org'];
const ROLES: readonly NonNullable<EntityRecord['role']>[] = ['official', 'deputy', 'journalist', 'business', 'other'];
const QUALIFIERS: readonly FigureRecord['qualifier'][] = ['exact', 'approx', 'range', 'growth-rate'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ArchiveError(`${path}: expected ${expected}, found ${describe(value)}`);
}

function object(value: unknown, path: string): Json {
  return isObject(value) ? value : fail(path, 'an object', value);
}

function array(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(path, 'an array', value);
}

function string(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, 'a string', value);
}

function nonEmptyString(value: unknown, path: string): string {
  return typeof value === 'string' && value !== '' ? value : fail(path, 'a non-empty string', value);
}

function stringOrNull(value: unknown, path: string): string | null {
  return value === null ? null : typeof value === 'string' ? value : fail(path, 'a string or null', value);
}

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((item, i) => string(item, `${path}[${i}]`));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fail(path, `one of ${allowed.join(', ')}`, value);
}

function offset(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fail(path, 'a whole number ≥ 0', value);
}

function dateOrNull(value: unknown, path: string): string | null {
  const date = stringOrNull(value, path);
  if (date !== null && !isIsoDate(date)) fail(path, 'a date YYYY-MM-DD or null', date);
  return date;
}

function countOrNull(value: unknown, path: string): number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value > 0)
    ? value
    : fail(path, 'a positive integer or null', value);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function issue(value: unknown, path: string): IssueRecord {
  const o = object(value, path);
  const date = dateOrNull(o.date, `${path}.date`);
  // Spread first: additive fields (dateEvidence, …) pass through untouched.
  return {
    ...o,
    id: nonEmptyString(o.id, `${path}.id`),
    source: string(o.source, `${path}.source`),
    date,
    issueNo: countOrNull(o.issueNo, `${path}.issueNo`),
    pageCount: countOrNull(o.pageCount, `${path}.pageCount`),
  };
}

function byline(value: unknown, path: string): Byline {
  const o = object(value, path);
  return {
    reporters: strings(o.reporters, `${path}.reporters`),
    correspondents: strings(o.correspondents, `${path}.correspondents`),
    photographers: strings(o.photographers, `${path}.photographers`),
  };
}

function article(value: unknown, path: string): ArticleRecord {
  const o = object(value, path);
  const kind = o.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    fail(`${path}.kind`, `one of ${KINDS.join(', ')}`, kind);
  }
  return {
    ...o,
    id: nonEmptyString(o.id, `${path}.id`),
    issueId: nonEmptyString(o.issueId, `${path}.issueId`),
    headline: stringOrNull(o.headline, `${path}.headline`),
    subheadlines: strings(o.subheadlines, `${path}.subheadlines`),
    kind: kind as ArticleKind,
    byline: byline(o.byline, `${path}.byline`),
    paragraphs: strings(o.paragraphs, `${path}.paragraphs`),
    continues: stringOrNull(o.continues, `${path}.continues`),
    continuedFrom: stringOrNull(o.continuedFrom, `${path}.continuedFrom`),
    ...(o.author === undefined ? {} : { author: string(o.author, `${path}.author`) }),
  };
}

function entity(value: unknown, path: string): EntityRecord {
  const o = object(value, path);
  const optional = <K extends string, T>(key: K, check: (v: unknown, p: string) => T) =>
    (o[key] === undefined ? {} : { [key]: check(o[key], `${path}.${key}`) }) as Partial<Record<K, T>>;
  return {
    ...o,
    id: nonEmptyString(o.id, `${path}.id`),
    type: oneOf(o.type, ENTITY_TYPES, `${path}.type`),
    name: nonEmptyString(o.name, `${path}.name`),
    aliases: strings(o.aliases, `${path}.aliases`),
    ...optional('titles', strings),
    ...optional('titleHistory', (v, p) =>
      array(v, p).map((item, i) => {
        const h = object(item, `${p}[${i}]`);
        return {
          ...h,
          title: nonEmptyString(h.title, `${p}[${i}].title`),
          date: dateOrNull(h.date, `${p}[${i}].date`),
          articleId: nonEmptyString(h.articleId, `${p}[${i}].articleId`),
        };
      }),
    ),
    ...optional('role', (v, p) => oneOf(v, ROLES, p)),
    ...optional('placeType', string),
    ...optional('orgType', string),
    ...optional('inZhuzhou', (v, p) => (v === null || typeof v === 'boolean' ? v : fail(p, 'true, false or null', v))),
  };
}

/** Paragraph index and [start, end) offsets of a mention or figure, checked against the article's paragraphs. */
function position(o: Json, path: string, articles: Map<string, ArticleRecord>) {
  const articleId = nonEmptyString(o.articleId, `${path}.articleId`);
  const article = articles.get(articleId);
  if (!article) throw new ArchiveError(`${path}.articleId: no article has the id "${articleId}"`);
  const paragraph = offset(o.paragraph, `${path}.paragraph`);
  const text = article.paragraphs[paragraph];
  if (text === undefined) fail(`${path}.paragraph`, `a paragraph of article "${articleId}" (it has ${article.paragraphs.length})`, paragraph);
  const start = offset(o.start, `${path}.start`);
  const end = offset(o.end, `${path}.end`);
  if (end <= start || end > text.length) fail(`${path}.end`, `an offset after start (${start}) and at most ${text.length}, the paragraph's length`, end);
  return { articleId, paragraph, start, end };
}

function mention(value: unknown, path: string, articles: Map<string, ArticleRecord>, entityIds: Set<string>): MentionRecord {
  const o = object(value, path);
  const entityId = nonEmptyString(o.entityId, `${path}.entityId`);
  if (!entityIds.has(entityId)) throw new ArchiveError(`${path}.entityId: no entity has the id "${entityId}"`);
  return { ...o, entityId, ...position(o, path, articles) };
}

function figure(value: unknown, path: string, articles: Map<string, ArticleRecord>, entityIds: Set<string>): FigureRecord {
  const o = object(value, path);
  const subjectEntityId = stringOrNull(o.subjectEntityId, `${path}.subjectEntityId`);
  if (subjectEntityId !== null && !entityIds.has(subjectEntityId)) {
    throw new ArchiveError(`${path}.subjectEntityId: no entity has the id "${subjectEntityId}"`);
  }
  const value_ = o.value;
  return {
    ...o,
    id: nonEmptyString(o.id, `${path}.id`),
    ...position(o, path, articles),
    text: nonEmptyString(o.text, `${path}.text`),
    value: typeof value_ === 'number' && Number.isFinite(value_) ? value_ : fail(`${path}.value`, 'a finite number', value_),
    unit: string(o.unit, `${path}.unit`),
    metric: stringOrNull(o.metric, `${path}.metric`),
    subjectEntityId,
    period: stringOrNull(o.period, `${path}.period`),
    qualifier: oneOf(o.qualifier, QUALIFIERS, `${path}.qualifier`),
  };
}

function uniqueIds(records: { id: string }[], path: string): Set<string> {
  const ids = new Set<string>();
  records.forEach((rec, i) => {
    if (ids.has(rec.id)) throw new ArchiveError(`${path}[${i}].id: duplicate id "${rec.id}"`);
    ids.add(rec.id);
  });
  return ids;
}

/**
 * Checks a parsed archive.json and returns it typed, field by field (the UI reads all of them).
 * Ids must be unique; every article must belong to an issue of the bundle; every mention and
 * figure must point into a paragraph of an article of the bundle (offsets inside it), and name
 * entities of the bundle.
 */
export function validateBundle(data: unknown): ArchiveBundle {
  const o = object(data, 'archive');
  if (o.version !== 1) fail('archive.version', '1', o.version);
  const issues = array(o.issues, 'archive.issues').map((v, i) => issue(v, `archive.issues[${i}]`));
  const articles = array(o.articles, 'archive.articles').map((v, i) => article(v, `archive.articles[${i}]`));

  const issueIds = new Set<string>();
  issues.forEach((rec, i) => {
    if (issueIds.has(rec.id)) throw new ArchiveError(`archive.issues[${i}].id: duplicate id "${rec.id}"`);
    issueIds.add(rec.id);
  });
  const byId = new Map<string, ArticleRecord>();
  articles.forEach((rec, i) => {
    if (byId.has(rec.id)) throw new ArchiveError(`archive.articles[${i}].id: duplicate id "${rec.id}"`);
    if (!issueIds.has(rec.issueId)) {
      throw new ArchiveError(`archive.articles[${i}].issueId: no issue has the id "${rec.issueId}"`);
    }
    byId.set(rec.id, rec);
  });

  const entities = array(o.entities, 'archive.entities').map((v, i) => entity(v, `archive.entities[${i}]`));
  const entityIds = uniqueIds(entities, 'archive.entities');
  const mentions = array(o.mentions, 'archive.mentions').map((v, i) => mention(v, `archive.mentions[${i}]`, byId, entityIds));
  const figures = array(o.figures, 'archive.figures').map((v, i) => figure(v, `archive.figures[${i}]`, byId, entityIds));
  uniqueIds(figures, 'archive.figures');

  return { ...o, version: 1, issues, articles, entities, mentions, figures };
}

export type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

/** Reads and validates the archive at `url`. Every failure is an ArchiveError with a clear message. */
export async function loadArchive(url: string, fetchImpl: FetchLike = (u) => fetch(u)): Promise<ArchiveBundle> {
  let text: string;
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new ArchiveError(`archive.json could not be read (HTTP ${response.status})`);
    text = await response.text();
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`archive.json could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError(`archive.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateBundle(data);
}
