// The archive's table of contents: one section per issue, newest first, each listing its articles.
// Used by the popup (links open the reader in a new tab) and by the reader's index (same-page links).
import type { ArticleRecord } from '../../archive/types';
import type { IssueGroup } from '../archive-index';
import { articleTitle, excerpt, issueDateText, issueNumberText, kindBadge } from '../format';
import { ARCHIVE_LANG, useI18n } from '../i18n';

export interface ArticleLinkOptions {
  /** The link's address (a real href, so the browser treats it as a link). */
  hrefFor: (articleId: string) => string;
  /** When given, a plain click calls this instead of following the href. */
  onOpen?: ((articleId: string) => void) | undefined;
  /** The article being read, marked with aria-current. */
  currentId?: string | null | undefined;
}

/** One article in a list: its displayed headline as a link, its kind badge, a preview if untitled. */
export function ArticleItem({ article, domId, hrefFor, onOpen, currentId }: ArticleLinkOptions & { article: ArticleRecord; domId: string }) {
  const { t } = useI18n();
  const badge = kindBadge(article.kind, t);
  const badgeId = `${domId}-kind`;
  const first = article.paragraphs[0];
  const preview = article.headline === null && first !== undefined ? excerpt(first, 40) : null;
  const current = currentId === article.id;
  return (
    <li class={current ? 'article-item is-current' : 'article-item'}>
      <a
        class="article-link"
        href={hrefFor(article.id)}
        data-article-id={article.id}
        lang={article.headline === null ? undefined : ARCHIVE_LANG}
        aria-describedby={badge === null ? undefined : badgeId}
        aria-current={current ? 'page' : undefined}
        onClick={
          onOpen &&
          ((event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onOpen(article.id);
          })
        }
      >
        {articleTitle(article, t)}
      </a>
      {badge !== null && (
        <span id={badgeId} class={`badge badge-${article.kind}`}>
          {badge}
        </span>
      )}
      {preview !== null && <span class="article-preview" lang={ARCHIVE_LANG}>{preview}</span>}
    </li>
  );
}

function IssueSection({ group, domId, ...options }: ArticleLinkOptions & { group: IssueGroup; domId: string }) {
  const i18n = useI18n();
  const { issue, articles } = group;
  const date = issueDateText(issue, i18n);
  const number = issueNumberText(issue, i18n.t);
  return (
    <section class="issue" data-zzl-issue={issue.id} aria-labelledby={`${domId}-h`}>
      <h2 class="issue-heading" id={`${domId}-h`}>
        {issue.date === null ? (
          <span class="issue-date is-unknown">{date}</span>
        ) : (
          <time class="issue-date" dateTime={issue.date}>
            {date}
          </time>
        )}
        {number !== null && <span class="issue-number">{number}</span>}
      </h2>
      {articles.length === 0 ? (
        <p class="issue-empty">{i18n.t('issueEmpty')}</p>
      ) : (
        <ul class="article-list" aria-label={i18n.t('issueArticlesLabel', date)}>
          {articles.map((article, i) => (
            <ArticleItem key={article.id} article={article} domId={`${domId}-a${i}`} {...options} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function IssueList({ groups, ...options }: ArticleLinkOptions & { groups: IssueGroup[] }) {
  const { t } = useI18n();
  if (groups.length === 0) return <p class="status">{t('archiveEmpty')}</p>;
  return (
    <div class="issue-list" role="region" aria-label={t('issuesListLabel')}>
      {groups.map((group, i) => (
        <IssueSection key={group.issue.id} group={group} domId={`zzl-issue${i}`} {...options} />
      ))}
    </div>
  );
}
