// The picked files, each with what was found in it (or why it cannot be added) and, once added,
// what happened to its issues; then the buttons and the progress bar of adding.
import type { ComponentChildren } from 'preact';
import type { IssueRecord } from '../../archive/types';
import { formatIssueDate } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import type { FileEntry, FileStatus } from '../options/file-list';
import type { IssueSummary } from '../options/summary';
import { skippedText, storeErrorText, uploadErrorText } from '../options/wording';

const STATUS_TEXT: Record<FileStatus, MessageKey> = {
  pending: 'optionsFileStatusPending',
  parsed: 'optionsFileStatusParsed',
  importing: 'optionsFileStatusImporting',
  added: 'optionsFileStatusAdded',
  skipped: 'optionsFileStatusSkipped',
  error: 'optionsFileStatusError',
};

function Facts({ items }: { items: [MessageKey, ComponentChildren][] }) {
  const { t } = useI18n();
  return (
    <dl class="facts">
      {items.map(([label, value]) => (
        <div class="fact" key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function IssueFacts({ issue }: { issue: IssueSummary }) {
  const { t, locale } = useI18n();
  const date = formatIssueDate(issue.date, locale);
  const items: [MessageKey, ComponentChildren][] = [
    ['optionsFactDate', date === null ? t('dateUnknown') : issue.dateInferred ? t('optionsDateInferred', date) : date],
  ];
  if (issue.issueNo !== null) items.push(['optionsFactIssueNo', t('issueNumber', String(issue.issueNo))]);
  items.push(['optionsFactArticles', issue.articles], ['optionsFactEntities', issue.entities], ['optionsFactFigures', issue.figures]);
  return <Facts items={items} />;
}

function FileRow({ entry, known }: { entry: FileEntry; known: ReadonlyMap<string, IssueRecord> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { parsed } = entry;
  const upload = entry.uploadError && uploadErrorText(entry.uploadError, i18n);
  const store = entry.storeError && storeErrorText(entry.storeError, t);
  const onlyIssue = parsed?.kind === 'issue' ? parsed.summary.issues[0] : undefined;
  return (
    <li class={`file-row is-${entry.status}`} data-zzl-file={entry.name} data-zzl-status={entry.status}>
      <div class="file-head">
        <span class="file-name">{entry.name}</span>
        {parsed && <span class="badge">{t(parsed.kind === 'issue' ? 'optionsFileKindIssue' : 'optionsFileKindExport')}</span>}
        <span class={`file-status status-${entry.status}`}>{t(STATUS_TEXT[entry.status])}</span>
      </div>
      {onlyIssue && <IssueFacts issue={onlyIssue} />}
      {parsed?.kind === 'export' && (
        <Facts
          items={[
            ['optionsFactIssues', parsed.summary.issues.length],
            ['optionsFactArticles', parsed.summary.articles],
            ['optionsFactEntities', parsed.summary.entities],
          ]}
        />
      )}
      {parsed?.warnings.map((w, i) => (
        <p class="file-note" key={i}>
          {t('optionsWarning', w)}
        </p>
      ))}
      {upload && (
        <p class="file-error" data-zzl="file-error">
          {upload.text}
          {upload.detail !== null && <code class="file-detail">{upload.detail}</code>}
        </p>
      )}
      {store && entry.storeError && (
        <p class={entry.storeError.kind === 'aborted' ? 'file-note' : 'file-error'} data-zzl="file-error">
          <strong>{store.title}</strong> {store.advice}
          {entry.storeError.kind !== 'aborted' && <code class="file-detail">{t('errorDetail', entry.storeError.message)}</code>}
        </p>
      )}
      {(entry.status === 'added' || entry.status === 'skipped') && parsed?.kind === 'export' && (
        <p class="file-note">{t('optionsAddedCount', [String(entry.added.length), String(entry.skipped.length)])}</p>
      )}
      {entry.skipped.length > 0 && (
        <ul class="file-skipped">
          {entry.skipped.map((s) => (
            <li key={s.issueId} data-zzl-skipped={s.issueId} data-zzl-reason={s.reason}>
              {skippedText(s, known, i18n)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export interface OptionsFileListProps {
  entries: readonly FileEntry[];
  /** Issues in the archive by id, to name the one a skipped issue duplicates. */
  known: ReadonlyMap<string, IssueRecord>;
  headingId: string;
}

export function OptionsFileList({ entries, known, headingId }: OptionsFileListProps) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <div class="files">
      <h3 id={headingId} class="subheading">
        {t('optionsFilesHeading')}
      </h3>
      <ul class="file-list" aria-labelledby={headingId} data-zzl="file-list">
        {entries.map((entry) => (
          <FileRow key={entry.key} entry={entry} known={known} />
        ))}
      </ul>
    </div>
  );
}

export function OptionsProgress({ percent }: { percent: number }) {
  const { t } = useI18n();
  return (
    <div class="progress-wrap">
      <div
        class="progress"
        role="progressbar"
        aria-label={t('optionsProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('optionsProgressValue', String(percent))}
        data-zzl="import-progress"
      >
        <div class="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span class="progress-text" aria-hidden="true">
        {t('optionsProgressValue', String(percent))}
      </span>
    </div>
  );
}
