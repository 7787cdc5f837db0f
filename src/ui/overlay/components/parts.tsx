// Pieces shared by the hover card and the side panel. Archive text is only ever a Preact text node
// (never markup), whatever characters it holds.
import { toDisplay } from '../../../archive/display';
import type { EntityType } from '../../../archive/types';
import type { SummaryArticle, SummaryFigure, SummaryTitle } from '../../../archive/entity-summary';
import type { TextPart } from '../../../archive/entity-profile';
import { formatIssueDate } from '../../format';
import { ARCHIVE_LANG, useI18n, type MessageKey } from '../../i18n';

const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  org: 'entityTypeOrg',
};

export function typeKey(type: EntityType): MessageKey {
  return TYPE_KEYS[type];
}

export function TypeBadge({ type }: { type: EntityType }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-${type}`} data-zzl="entity-type">
      {t(TYPE_KEYS[type])}
    </span>
  );
}

export function IssueDate({ date }: { date: string | null }) {
  const { t, locale } = useI18n();
  const text = formatIssueDate(date, locale);
  return text === null || date === null ? <span class="date is-unknown">{t('dateUnknown')}</span> : <time class="date" dateTime={date}>{text}</time>;
}

export function Snippet({ parts }: { parts: readonly TextPart[] }) {
  return (
    <p class="snippet" lang={ARCHIVE_LANG}>
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

export function TitleList({ titles }: { titles: readonly SummaryTitle[] }) {
  const { t } = useI18n();
  if (titles.length === 0) return null;
  return (
    <ul class="titles" aria-label={t('overlayTitlesHeading')}>
      {titles.map((title) => (
        <li key={title.title} class="title" data-zzl="summary-title">
          <span class="title-name" lang={ARCHIVE_LANG}>
            {toDisplay(title.title)}
          </span>{' '}
          <IssueDate date={title.date} />
        </li>
      ))}
    </ul>
  );
}

/** Headlines as buttons that open the article in the reader (a page cannot link to extension pages). */
export function ArticleList({ articles, onOpenArticle, snippets }: { articles: readonly SummaryArticle[]; onOpenArticle: (id: string) => void; snippets: boolean }) {
  const { t } = useI18n();
  return (
    <ul class="articles">
      {articles.map((article) => (
        <li key={article.id} class="article" data-zzl="summary-article" data-article-id={article.id}>
          <button
            type="button"
            class="link article-link"
            data-zzl="open-article"
            data-article-id={article.id}
            lang={article.headline === null ? undefined : ARCHIVE_LANG}
            onClick={() => onOpenArticle(article.id)}
          >
            {article.headline ?? t('untitled')}
          </button>
          <span class="article-date">
            <IssueDate date={article.date} />
          </span>
          {snippets && article.snippet.length > 0 && <Snippet parts={article.snippet} />}
        </li>
      ))}
    </ul>
  );
}

export function FigureList({ figures }: { figures: readonly SummaryFigure[] }) {
  const { t } = useI18n();
  return (
    <ul class="figures">
      {figures.map((figure) => (
        <li key={figure.id} class="figure" data-zzl="summary-figure" data-figure-id={figure.id} lang={ARCHIVE_LANG}>
          {figure.metric !== null && <span class="figure-metric">{toDisplay(figure.metric)}</span>}
          <span class="figure-value">{figure.text}</span>
          {figure.period !== null && <span class="figure-period">{t('overlayFigurePeriod', toDisplay(figure.period))}</span>}
        </li>
      ))}
    </ul>
  );
}
