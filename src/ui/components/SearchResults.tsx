// The results of a search as one listbox of grouped options (names, articles, figures; or the
// suggested names when nothing was found). Focus stays in the search box, which points at the
// active option with aria-activedescendant; a click chooses an option as Enter does.
import { toDisplay } from '../../archive/display';
import type { EntityType } from '../../archive/types';
import type { ArticleHit, EntityHit, FigureHit, Suggestion } from '../../search';
import { formatIssueDate } from '../format';
import { ARCHIVE_LANG, useI18n, type MessageKey } from '../i18n';
import type { ResultDetails } from '../popup/details';
import type { GroupKind, ResultItem, ResultList } from '../popup/results';
import { SearchMarked } from './SearchMarked';

const GROUP_HOOKS: Record<GroupKind, string> = {
  entity: 'results-entities',
  article: 'results-articles',
  figure: 'results-figures',
  suggestion: 'suggestions',
};

const GROUP_HEADINGS: Record<GroupKind, MessageKey> = {
  entity: 'popupGroupEntity',
  article: 'popupGroupArticle',
  figure: 'popupGroupFigure',
  suggestion: 'popupGroupSuggestion',
};

export interface SearchResultsProps {
  list: ResultList;
  /** The listbox's id (the search box's aria-controls). */
  id: string;
  optionId: (index: number) => string;
  active: number;
  details: ResultDetails;
  onActivate: (index: number) => void;
  onChoose: (index: number) => void;
}

const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  org: 'entityTypeOrg',
};

function TypeBadge({ type }: { type: EntityType }) {
  const { t } = useI18n();
  return <span class={`badge badge-type-${type}`}>{t(TYPE_KEYS[type])}</span>;
}

function DateText({ date }: { date: string | null }) {
  const { t, locale } = useI18n();
  const text = formatIssueDate(date, locale);
  return text === null || date === null ? (
    <span class="result-date is-unknown">{t('dateUnknown')}</span>
  ) : (
    <time class="result-date" dateTime={date}>
      {text}
    </time>
  );
}

function EntityRow({ hit, title }: { hit: EntityHit; title: string | null | undefined }) {
  return (
    <>
      <span class="result-line">
        <span class="result-name" lang={ARCHIVE_LANG}>
          {toDisplay(hit.name)}
        </span>
        <TypeBadge type={hit.type} />
      </span>
      {title ? (
        <span class="result-meta" lang={ARCHIVE_LANG}>
          {toDisplay(title)}
        </span>
      ) : null}
    </>
  );
}

function ArticleRow({ hit }: { hit: ArticleHit }) {
  const { t } = useI18n();
  return (
    <>
      <span class="result-line">
        <span class="result-headline" lang={hit.headline === null ? undefined : ARCHIVE_LANG}>
          {hit.headline === null ? t('untitled') : <SearchMarked text={hit.headline} marks={hit.headlineMarks} />}
        </span>
        <DateText date={hit.date} />
      </span>
      {hit.snippet !== '' && (
        <span class="result-snippet" lang={ARCHIVE_LANG}>
          <SearchMarked text={hit.snippet} marks={hit.marks} />
        </span>
      )}
    </>
  );
}

function FigureRow({ hit, headline }: { hit: FigureHit; headline: string | null | undefined }) {
  const { t, locale } = useI18n();
  const about = [hit.subject, hit.period].filter((s): s is string => s !== null && s !== '').map(toDisplay);
  const date = formatIssueDate(hit.date, locale) ?? t('dateUnknown');
  return (
    <>
      <span class="result-line">
        <span class="figure-value" lang={ARCHIVE_LANG}>
          {toDisplay(hit.text)}
        </span>
        {hit.metric !== null && (
          <span class="figure-metric" lang={ARCHIVE_LANG}>
            {toDisplay(hit.metric)}
          </span>
        )}
      </span>
      {about.length > 0 && (
        <span class="result-meta" lang={ARCHIVE_LANG}>
          {about.join(' · ')}
        </span>
      )}
      <span class="result-source">{headline ? t('popupFigureSource', [date, toDisplay(headline)]) : t('popupFigureSourceDate', date)}</span>
    </>
  );
}

function SuggestionRow({ hit }: { hit: Suggestion }) {
  return (
    <span class="result-line">
      <span class="result-name" lang={ARCHIVE_LANG}>
        {toDisplay(hit.name)}
      </span>
      <TypeBadge type={hit.type} />
    </span>
  );
}

function Row({ item, details }: { item: ResultItem; details: ResultDetails }) {
  switch (item.kind) {
    case 'entity':
      return <EntityRow hit={item.hit} title={details.titles.get(item.hit.id)} />;
    case 'article':
      return <ArticleRow hit={item.hit} />;
    case 'figure':
      return <FigureRow hit={item.hit} headline={details.headlines.get(item.hit.articleId)} />;
    case 'suggestion':
      return <SuggestionRow hit={item.hit} />;
  }
}

/** The test hooks of an option: results carry their kind, suggestions their own name. */
function optionHooks(item: ResultItem): Record<string, string> {
  return item.kind === 'suggestion'
    ? { 'data-zzl': 'suggestion', 'data-id': item.hit.id, 'data-entity-id': item.hit.id }
    : { 'data-zzl-result': item.kind, 'data-id': item.hit.id };
}

export function SearchResults({ list, id, optionId, active, details, onActivate, onChoose }: SearchResultsProps) {
  const { t } = useI18n();
  return (
    <div role="listbox" id={id} class="results" aria-label={t(list.found ? 'popupResultsLabel' : 'popupGroupSuggestion')} data-zzl="results">
      {list.groups.map((group) => {
        const headingId = `${id}-${group.kind}`;
        return (
          <ul key={group.kind} role="group" class={`result-group result-group-${group.kind}`} aria-labelledby={headingId} data-zzl={GROUP_HOOKS[group.kind]}>
            <li role="presentation" id={headingId} class="result-group-heading">
              {t(GROUP_HEADINGS[group.kind])}
            </li>
            {group.items.map((item, i) => {
              const index = group.start + i;
              const selected = index === active;
              return (
                <li
                  key={`${item.kind}:${item.hit.id}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected ? 'true' : 'false'}
                  class={`result result-${item.kind}${selected ? ' is-active' : ''}`}
                  {...optionHooks(item)}
                  onMouseMove={() => {
                    if (!selected) onActivate(index);
                  }}
                  // Keeps focus in the search box, where the keys are.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onChoose(index)}
                >
                  <Row item={item} details={details} />
                </li>
              );
            })}
          </ul>
        );
      })}
    </div>
  );
}
