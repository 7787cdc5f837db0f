// One article as the reader shows it. Every piece of archive text goes through toDisplay; the
// names of people, places and organisations the archive knows link to their profiles.
import type { Ref } from 'preact';
import { toDisplay } from '../../archive/display';
import type { ArticleRecord, IssueRecord, MentionRecord } from '../../archive/types';
import type { JumpLinks } from '../archive-index';
import { linkParagraph } from '../../archive/entity-profile';
import { articleTitle, bylineParts, issueDateText, issueNumberText, kindBadge } from '../format';
import { ARCHIVE_LANG, useI18n } from '../i18n';

export interface ArticleViewProps {
  article: ArticleRecord;
  issue: IssueRecord;
  /** The other ends of the article's page jumps, when the archive has them. */
  links: JumpLinks;
  hrefFor: (articleId: string) => string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Mentions of known entities in this article: their names become links to the entity's profile. */
  mentions?: readonly MentionRecord[];
  entityHref?: (entityId: string) => string;
}

/**
 * A paragraph's display text with its mentions as links. The text nodes and links together hold
 * exactly `toDisplay(text)`, so the paragraph's textContent is the same with or without links.
 */
function ParagraphText({ text, mentions, entityHref }: { text: string; mentions: readonly MentionRecord[]; entityHref: (entityId: string) => string }) {
  const display = toDisplay(text);
  if (mentions.length === 0) return <>{display}</>;
  return (
    <>
      {linkParagraph(display, mentions).map((part, i) =>
        part.entityId === undefined ? (
          part.text
        ) : (
          <a key={i} class="entity-link" href={entityHref(part.entityId)} data-entity-id={part.entityId}>
            {part.text}
          </a>
        ),
      )}
    </>
  );
}

export function ArticleView({ article, issue, links, hrefFor, headingRef, mentions = [], entityHref }: ArticleViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const number = issueNumberText(issue, t);
  const badge = kindBadge(article.kind, t);
  const byline = bylineParts(article, t);
  return (
    <article class="article" aria-labelledby="zzl-headline">
      <header class="article-header">
        <p class="article-meta">
          {issue.date === null ? (
            <span class="issue-date is-unknown" data-zzl="date">
              {issueDateText(issue, i18n)}
            </span>
          ) : (
            <time class="issue-date" data-zzl="date" dateTime={issue.date}>
              {issueDateText(issue, i18n)}
            </time>
          )}
          {number !== null && (
            <span class="issue-number" data-zzl="issue-number">
              {number}
            </span>
          )}
          {badge !== null && <span class={`badge badge-${article.kind}`}>{badge}</span>}
        </p>
        <h1 class="article-headline" id="zzl-headline" data-zzl="headline" lang={article.headline === null ? undefined : ARCHIVE_LANG} tabIndex={-1} ref={headingRef}>
          {articleTitle(article, t)}
        </h1>
        {article.subheadlines.map((line, i) => (
          <p key={i} class="article-subheadline" data-zzl="subheadline" lang={ARCHIVE_LANG}>
            {toDisplay(line)}
          </p>
        ))}
        {byline.length > 0 && (
          <p class="article-byline" data-zzl="byline">
            {byline.map((part, i) => (
              <span key={i} class="byline-part">
                {part}
              </span>
            ))}
          </p>
        )}
      </header>

      {article.continuedFrom !== null && (
        <p class="jump-note" data-zzl="continued-from">
          {t('continuedFromNote', toDisplay(article.continuedFrom))}
          {links.previous && (
            <>
              {' '}
              <a href={hrefFor(links.previous.id)} data-article-id={links.previous.id}>
                {t('readBeginning')}
              </a>
            </>
          )}
        </p>
      )}

      {article.paragraphs.length === 0 ? (
        <p class="article-empty">{t('noBody')}</p>
      ) : (
        <div class="article-body" lang={ARCHIVE_LANG}>
          {article.paragraphs.map((text, i) => (
            <p key={i} data-zzl="paragraph">
              {entityHref === undefined ? (
                toDisplay(text)
              ) : (
                <ParagraphText text={text} mentions={mentions.filter((m) => m.paragraph === i)} entityHref={entityHref} />
              )}
            </p>
          ))}
        </div>
      )}

      {article.continues !== null && (
        <p class="jump-note" data-zzl="continues">
          {t('continuesNote', toDisplay(article.continues))}
          {links.next && (
            <>
              {' '}
              <a href={hrefFor(links.next.id)} data-article-id={links.next.id}>
                {t('readContinuation')}
              </a>
            </>
          )}
        </p>
      )}
    </article>
  );
}
