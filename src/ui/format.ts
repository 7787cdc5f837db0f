// Turning archive records into the strings the UI shows. Archive text always goes through
// `toDisplay` (full-width punctuation inside Chinese); UI wording goes through the translator.
import { toDisplay } from '../archive/display';
import type { ArticleKind, ArticleRecord, IssueRecord } from '../archive/types';
import type { I18n, MessageKey, Translate } from './i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An issue date (YYYY-MM-DD) in the page's language: `2024年1月27日` for zh-CN,
 * `January 27, 2024` for en. Null when there is no date or it is not a valid YYYY-MM-DD.
 */
export function formatIssueDate(date: string | null, locale: string): string | null {
  const m = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  let formatter = formatters.get(locale);
  if (!formatter) {
    // UTC on both sides: the calendar date must not shift with the user's time zone.
    formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** The issue's date as shown, or the localised "date unknown". */
export function issueDateText(issue: IssueRecord, { t, locale }: I18n): string {
  return formatIssueDate(issue.date, locale) ?? t('dateUnknown');
}

/** `第23552期`, or null when the issue number is unknown. */
export function issueNumberText(issue: IssueRecord, t: Translate): string | null {
  return issue.issueNo === null ? null : t('issueNumber', String(issue.issueNo));
}

/** The headline as displayed; for an untitled continuation `（上接01版②）`. */
export function articleTitle(article: ArticleRecord, t: Translate): string {
  if (article.headline !== null && article.headline.trim() !== '') return toDisplay(article.headline);
  if (article.continuedFrom !== null) return t('untitledContinuation', toDisplay(article.continuedFrom));
  return t('untitled');
}

const KIND_BADGES: Partial<Record<ArticleKind, MessageKey>> = {
  photo: 'kindPhoto',
  digest: 'kindDigest',
  continuation: 'kindContinuation',
  commentary: 'kindCommentary',
  notice: 'kindNotice',
};

/** The badge text for kinds worth pointing out in a list (news and features have none). */
export function kindBadge(kind: ArticleKind, t: Translate): string | null {
  const key = KIND_BADGES[kind];
  return key === undefined ? null : t(key);
}

/**
 * Byline lines: `记者 胡文洁`, `通讯员 张璐、杨欢群`, `摄影 罗铭`, and a commentary's author printed
 * without a role word (`作者 李支国`); empty roles are left out.
 */
export function bylineParts({ byline, author }: Pick<ArticleRecord, 'byline' | 'author'>, t: Translate): string[] {
  const roles: [string[], MessageKey][] = [
    [author === undefined || author.trim() === '' ? [] : [author], 'bylineAuthor'],
    [byline.reporters, 'bylineReporters'],
    [byline.correspondents, 'bylineCorrespondents'],
    [byline.photographers, 'bylinePhotographers'],
  ];
  const separator = t('nameSeparator');
  return roles
    .filter(([names]) => names.length > 0)
    .map(([names, key]) => t(key, names.map(toDisplay).join(separator)));
}

/** The start of a text for a list preview, cut on a character (not UTF-16 unit) boundary. */
export function excerpt(text: string, maxChars: number): string {
  const chars = Array.from(toDisplay(text.trim()));
  return chars.length <= maxChars ? chars.join('') : chars.slice(0, maxChars).join('') + '…';
}
