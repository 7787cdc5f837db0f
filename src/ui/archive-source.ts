// Loading the bundled archive (public/archive.json, an extension-local file) and checking that it
// has the shape the UI relies on. A malformed bundle is rejected with an error that names the
// offending field, so a broken build shows a clear message instead of a blank or half-drawn page.
import type { ArchiveBundle, ArticleKind, ArticleRecord, Byline, IssueRecord } from '../archive/types';

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const KINDS: readonly ArticleKind[] = ['news', 'feature', 'photo', 'notice', 'commentary', 'digest', 'continuation'];

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
  const date = stringOrNull(o.date, `${path}.date`);
  if (date !== null && !isIsoDate(date)) fail(`${path}.date`, 'a date YYYY-MM-DD or null', date);
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

/**
 * Checks a parsed archive.json and returns it typed. Issues and articles are checked field by
 * field (the UI reads all of them); entities, mentions and figures only have to be arrays here.
 * Ids must be unique and every article must belong to an issue of the bundle.
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
  const articleIds = new Set<string>();
  articles.forEach((rec, i) => {
    if (articleIds.has(rec.id)) throw new ArchiveError(`archive.articles[${i}].id: duplicate id "${rec.id}"`);
    if (!issueIds.has(rec.issueId)) {
      throw new ArchiveError(`archive.articles[${i}].issueId: no issue has the id "${rec.issueId}"`);
    }
    articleIds.add(rec.id);
  });

  return {
    ...o,
    version: 1,
    issues,
    articles,
    entities: array(o.entities, 'archive.entities') as ArchiveBundle['entities'],
    mentions: array(o.mentions, 'archive.mentions') as ArchiveBundle['mentions'],
    figures: array(o.figures, 'archive.figures') as ArchiveBundle['figures'],
  };
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
