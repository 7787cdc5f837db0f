// The search box (a combobox over the results listbox) and its filters: result type and a range
// of issue dates. Keys are handled by the caller, which owns the results.
import type { Ref } from 'preact';
import { useI18n, type MessageKey } from '../i18n';
import { isTypeFilter, TYPE_FILTERS, type Filters, type TypeFilter } from '../popup/filters';

const TYPE_LABELS: Record<TypeFilter, MessageKey> = {
  all: 'popupFilterAll',
  person: 'popupFilterPerson',
  place: 'popupFilterPlace',
  org: 'popupFilterOrg',
  article: 'popupFilterArticle',
  figure: 'popupFilterFigure',
};

export interface SearchFieldProps {
  id: string;
  query: string;
  filters: Filters;
  /** The listbox's id while it lists options, else null (then the box is collapsed). */
  listboxId: string | null;
  activeId: string | null;
  inputRef: Ref<HTMLInputElement>;
  onQuery: (query: string) => void;
  onFilters: (filters: Filters) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

export function SearchField({ id, query, filters, listboxId, activeId, inputRef, onQuery, onFilters, onKeyDown }: SearchFieldProps) {
  const { t } = useI18n();
  return (
    <form class="search" role="search" onSubmit={(event) => event.preventDefault()}>
      <label class="visually-hidden" for={id}>
        {t('popupSearchLabel')}
      </label>
      <input
        ref={inputRef}
        id={id}
        class="search-input"
        type="search"
        role="combobox"
        // No <datalist>: the listbox below is the popup. (Preact's types ask for `list` beside role="combobox".)
        list={undefined}
        aria-autocomplete="list"
        aria-expanded={listboxId === null ? 'false' : 'true'}
        aria-controls={listboxId ?? undefined}
        aria-activedescendant={activeId ?? undefined}
        aria-describedby={`${id}-keys`}
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="search"
        placeholder={t('popupSearchPlaceholder')}
        value={query}
        data-zzl="search-input"
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="visually-hidden" id={`${id}-keys`}>
        {t('popupKeyboardHint')}
      </p>
      <div class="search-filters">
        <label class="filter">
          <span class="filter-label">{t('popupFilterType')}</span>
          <select
            class="filter-type"
            value={filters.type}
            data-zzl="filter-type"
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isTypeFilter(value)) onFilters({ ...filters, type: value });
            }}
          >
            {TYPE_FILTERS.map((type) => (
              <option key={type} value={type}>
                {t(TYPE_LABELS[type])}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="filter filter-dates">
          <legend class="filter-label">{t('popupFilterDates')}</legend>
          <input
            type="date"
            class="filter-date"
            aria-label={t('popupFilterFrom')}
            value={filters.from}
            max={filters.to || undefined}
            data-zzl="filter-from"
            onChange={(event) => onFilters({ ...filters, from: event.currentTarget.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            class="filter-date"
            aria-label={t('popupFilterTo')}
            value={filters.to}
            min={filters.from || undefined}
            data-zzl="filter-to"
            onChange={(event) => onFilters({ ...filters, to: event.currentTarget.value })}
          />
        </fieldset>
      </div>
    </form>
  );
}
