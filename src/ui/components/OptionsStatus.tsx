// What state the archive is in: the connection (opening, blocked by another tab, reopened), the
// record counts, an unfinished import, leftovers being cleaned up; and store errors as alerts
// that say what to do.
import type { ArchiveStatus, StoreCounts, StoreError } from '../../store';
import { useI18n, type MessageKey } from '../i18n';
import type { ConnectionState } from '../options/archive-connection';
import { storeErrorText } from '../options/wording';

/** A store failure: what happened, what to do, and the technical detail. */
export function OptionsAlert({ error, onDismiss, title }: { error: StoreError; onDismiss?: () => void; title?: string }) {
  const { t } = useI18n();
  const text = storeErrorText(error, t);
  return (
    <div class="status status-error options-alert" role="alert" data-zzl="store-error" data-zzl-kind={error.kind}>
      <p class="status-title">{title ?? text.title}</p>
      <p>{text.advice}</p>
      <p class="status-detail">
        <code>{t('errorDetail', error.message)}</code>
      </p>
      {onDismiss && (
        <button type="button" class="button" data-zzl-action="dismiss" onClick={onDismiss}>
          {t('optionsDismiss')}
        </button>
      )}
    </div>
  );
}

/** Nothing once the connection is open; otherwise why the page is waiting, or why it cannot go on. */
export function OptionsConnection({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  switch (state.kind) {
    case 'open':
      return null;
    case 'opening':
    case 'reopening':
      return (
        <p class="status" role="status" data-zzl="db-state">
          {t(state.kind === 'opening' ? 'optionsDbOpening' : 'optionsDbReopening')}
        </p>
      );
    case 'blocked':
      return (
        <p class="status status-warning" role="alert" data-zzl="db-state">
          {t('optionsDbBlocked')}
        </p>
      );
    case 'failed':
      return <OptionsAlert error={state.error} title={t('optionsDbFailed')} />;
  }
}

const COUNTS: [keyof StoreCounts, MessageKey][] = [
  ['issues', 'optionsCountIssues'],
  ['articles', 'optionsCountArticles'],
  ['entities', 'optionsCountEntities'],
  ['mentions', 'optionsCountMentions'],
  ['figures', 'optionsCountFigures'],
];

export function OptionsArchiveStatus({ status, counts }: { status: ArchiveStatus; counts: StoreCounts }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));
  return (
    <div class="archive-status" data-zzl="archive-status">
      <dl class="counts">
        {COUNTS.map(([store, label]) => (
          <div class="count" key={store} data-zzl-count={store}>
            <dt>{t(label)}</dt>
            <dd>{number.format(counts[store])}</dd>
          </div>
        ))}
      </dl>
      <ul class="status-notes">
        <li>{status.active ? t('optionsActiveArchive', when(status.active.importedAt)) : t('optionsNoActiveArchive')}</li>
        {status.pending.map((p) => (
          <li key={p.source} data-zzl-pending={p.source}>
            {t(p.source === 'bundled' ? 'optionsPendingBundled' : 'optionsPendingUser', String(p.chunksDone))}
          </li>
        ))}
        {status.cleanupTasks > 0 && <li data-zzl-pending="cleanup">{t('optionsCleanupPending')}</li>}
      </ul>
    </div>
  );
}
