// The issues in the archive: the user's own (removable, exportable) and the bundled ones
// (hidden and shown again; reset brings every hidden one back). Buttons stay enabled while a
// change is written: the page runs changes one after another, so a quick second click waits
// instead of being lost, and focus never falls off a button that disabled itself.
import { compareIssues } from '../../archive/issue-order';
import type { IssueView } from '../../store';
import { issueDateText, issueNumberText } from '../format';
import { useI18n } from '../i18n';
import { issueName } from '../options/wording';

export interface IssueActions {
  onRemove(issue: IssueView): void;
  onHide(issue: IssueView): void;
  onUnhide(issue: IssueView): void;
}

function IssueRow({ issue, actions }: { issue: IssueView; actions: IssueActions }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = issueName(issue, i18n);
  const number = issueNumberText(issue, t);
  const button =
    issue.origin === 'user'
      ? { action: 'remove', text: t('optionsRemove'), label: t('optionsRemoveLabel', name), run: actions.onRemove, danger: true }
      : issue.hidden
        ? { action: 'unhide', text: t('optionsUnhide'), label: t('optionsUnhideLabel', name), run: actions.onUnhide, danger: false }
        : { action: 'hide', text: t('optionsHide'), label: t('optionsHideLabel', name), run: actions.onHide, danger: false };
  return (
    <li class={issue.hidden ? 'issue-row is-hidden' : 'issue-row'} data-zzl-issue={issue.id} data-zzl-origin={issue.origin} data-zzl-hidden={String(issue.hidden)}>
      <div class="issue-row-text">
        <span class="issue-row-title">
          <span class={issue.date === null ? 'issue-date is-unknown' : 'issue-date'}>{issueDateText(issue, i18n)}</span>
          {number !== null && <span class="issue-number">{number}</span>}
          {issue.hidden && <span class="badge">{t('optionsHiddenBadge')}</span>}
        </span>
        <span class="issue-row-source">{t('optionsIssueSource', issue.source)}</span>
      </div>
      <button
        type="button"
        class={button.danger ? 'button button-danger' : 'button'}
        data-zzl-action={button.action}
        aria-label={button.label}
        onClick={() => button.run(issue)}
      >
        {button.text}
      </button>
    </li>
  );
}

export interface OptionsIssuesProps extends IssueActions {
  issues: readonly IssueView[];
  /** False until the archive is open and read: the lists would claim "none" too early. */
  loaded: boolean;
  onReset(): void;
  onExport(): void;
}

export function OptionsIssues({ issues, loaded, onReset, onExport, ...actions }: OptionsIssuesProps) {
  const { t } = useI18n();
  const user = issues.filter((i) => i.origin === 'user').sort(compareIssues);
  const bundled = issues.filter((i) => i.origin === 'bundled').sort(compareIssues);
  const hidden = bundled.filter((i) => i.hidden).length;
  return (
    <>
      <section class="issue-group" aria-labelledby="zzl-user-issues">
        <div class="group-head">
          <h3 id="zzl-user-issues" class="subheading" tabIndex={-1}>
            {t('optionsUserIssuesHeading')}
          </h3>
          <button type="button" class="button" data-zzl-action="export" disabled={user.length === 0} aria-describedby="zzl-export-hint" onClick={onExport}>
            {t('optionsExport')}
          </button>
        </div>
        <p id="zzl-export-hint" class="hint">
          {t('optionsExportHint')}
        </p>
        {loaded && user.length === 0 && <p class="empty">{t('optionsNoUserIssues')}</p>}
        {user.length > 0 && (
          <ul class="issue-rows" aria-labelledby="zzl-user-issues">
            {user.map((issue) => (
              <IssueRow key={issue.id} issue={issue} actions={actions} />
            ))}
          </ul>
        )}
      </section>
      <section class="issue-group" aria-labelledby="zzl-bundled-issues">
        <div class="group-head">
          <h3 id="zzl-bundled-issues" class="subheading" tabIndex={-1}>
            {t('optionsBundledIssuesHeading')}
          </h3>
          <button type="button" class="button" data-zzl-action="reset" disabled={hidden === 0} onClick={onReset}>
            {t('optionsReset')}
          </button>
        </div>
        <p class="hint">{t('optionsHideHint')}</p>
        {loaded && bundled.length === 0 && <p class="empty">{t('optionsNoBundledIssues')}</p>}
        {bundled.length > 0 && (
          <ul class="issue-rows" aria-labelledby="zzl-bundled-issues">
            {bundled.map((issue) => (
              <IssueRow key={issue.id} issue={issue} actions={actions} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
