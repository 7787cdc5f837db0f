// What the options page says about errors, skipped issues and sizes, in the page's language.
// Every store failure gets a title and an advice (what the user can do about it); the raw message
// stays available as the technical detail.
import type { SkippedIssue, StoreError, StoreErrorKind } from '../../store';
import type { IssueRecord } from '../../archive/types';
import { issueDateText, issueNumberText } from '../format';
import type { I18n, MessageKey, Translate } from '../i18n';
import type { UploadError } from './upload-error';

const STORE_TEXT: Record<StoreErrorKind, { title: MessageKey; advice: MessageKey }> = {
  quota: { title: 'optionsStoreQuotaTitle', advice: 'optionsStoreQuotaAdvice' },
  busy: { title: 'optionsStoreBusyTitle', advice: 'optionsStoreBusyAdvice' },
  version: { title: 'optionsStoreVersionTitle', advice: 'optionsStoreVersionAdvice' },
  closed: { title: 'optionsStoreClosedTitle', advice: 'optionsStoreClosedAdvice' },
  aborted: { title: 'optionsStoreAbortedTitle', advice: 'optionsStoreAbortedAdvice' },
  'not-found': { title: 'optionsStoreNotFoundTitle', advice: 'optionsStoreNotFoundAdvice' },
  unknown: { title: 'optionsStoreUnknownTitle', advice: 'optionsStoreUnknownAdvice' },
};

export function storeErrorText(error: StoreError, t: Translate): { title: string; advice: string } {
  const keys = STORE_TEXT[error.kind];
  return { title: t(keys.title), advice: t(keys.advice) };
}

/** `5 MB`, `320 kB` in the page's language. */
export function formatSize(bytes: number, locale: string): string {
  const [unit, value] = bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', bytes / 1024] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** The sentence for a file that cannot be added, and the technical detail when there is one. */
export function uploadErrorText(error: UploadError, { t, locale }: I18n): { text: string; detail: string | null } {
  switch (error.code) {
    case 'unsupported-type':
      return { text: t('optionsErrorUnsupported'), detail: null };
    case 'too-large':
      return { text: t('optionsErrorTooLarge', [formatSize(error.size, locale), formatSize(error.limit, locale)]), detail: null };
    case 'newer-export':
      return { text: t('optionsErrorNewerExport', String(error.version)), detail: null };
    case 'read-failed':
      return { text: t('optionsErrorRead'), detail: error.detail };
    case 'parse':
      return { text: t('optionsErrorParse'), detail: error.detail };
    case 'bad-json':
      return { text: t('optionsErrorBadJson'), detail: error.detail };
    case 'not-export':
      return { text: t('optionsErrorNotExport'), detail: error.detail };
    case 'invalid-export':
      return { text: t('optionsErrorInvalidExport'), detail: error.detail };
    case 'empty-export':
      return { text: t('optionsErrorEmptyExport'), detail: null };
    case 'worker-failed':
      return { text: t('optionsErrorWorker'), detail: error.detail };
  }
}

/** `2024年1月27日 第23552期` / `January 27, 2024 · No. …`: how buttons and messages name an issue. */
export function issueName(issue: IssueRecord, i18n: I18n): string {
  const number = issueNumberText(issue, i18n.t);
  const date = issueDateText(issue, i18n);
  return number === null ? date : `${date} ${number}`;
}

const SKIP_REASONS: Record<SkippedIssue['reason'], MessageKey> = {
  'same-id': 'optionsSkippedSameId',
  'same-date-and-number': 'optionsSkippedSameDateNumber',
  'same-text': 'optionsSkippedSameText',
};

/** Why an issue was not added, naming the issue already in the archive (by date when it is listed). */
export function skippedText(skipped: SkippedIssue, known: ReadonlyMap<string, IssueRecord>, i18n: I18n): string {
  const present = known.get(skipped.duplicateOf);
  return i18n.t(SKIP_REASONS[skipped.reason], present ? issueName(present, i18n) : skipped.duplicateOf);
}
