// The toolbar popup: the archive's search. Above the box, the names found on the current tab and
// the switch for this site; results as you type, grouped (names, articles, figures), walked with
// the arrow keys and opened with Enter; an empty box shows the newest issues.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveBundle } from '../../archive/types';
import type { PageFinding } from '../../page-findings';
import type { SearchOptions, SearchRun } from '../../search';
import { useI18n, type I18n } from '../i18n';
import { detailIds, groupResults, openAction, type OpenAction, type ResultList } from '../popup/results';
import { NO_DETAILS, mergeDetails, missingDetails, type DetailsRequest, type ResultDetails } from '../popup/details';
import { isFiltered, NO_FILTERS, searchOptionsFor, type Filters } from '../popup/filters';
import { keyAction } from '../popup/keyboard';
import { animationFrame, latestSearch, type FrameScheduler } from '../popup/latest-search';
import type { SiteControl } from '../popup/site-switch';
import { useArchive, type ArchiveState } from '../use-archive';
import { IssueList } from './IssueList';
import { PopupFindings } from './PopupFindings';
import { PopupSiteSwitch } from './PopupSiteSwitch';
import { SearchField } from './SearchField';
import { SearchResults } from './SearchResults';
import { Loading, LoadError } from './Status';

export interface PopupAppProps {
  /** Searches the archive (src/search `search` over the store's segments in the extension). */
  search: (query: string, options: SearchOptions) => Promise<SearchRun>;
  /** The newest issues with their articles, shown while the box is empty. */
  loadRecent: () => Promise<ArchiveBundle>;
  /** The reader page's address for an article (the newest issues' links). */
  readerHref: (articleId: string) => string;
  /** Opens an article in the reader (in the extension: a new tab, then the popup closes). */
  openArticle: (articleId: string) => void;
  /** Opens the profile of a person, place or organisation in the reader. */
  openEntity: (entityId: string) => void;
  /** Titles of names and headlines of figures' articles, looked up after results are shown. */
  details?: (request: DetailsRequest) => Promise<ResultDetails>;
  /** The names found on the current tab (null or rejected: none). */
  findings?: () => Promise<readonly PageFinding[] | null>;
  /** The on/off switch for the current tab's site. */
  site?: SiteControl;
  /** When a typed query is searched (default: the next animation frame). */
  schedule?: FrameScheduler;
  /** How long results must stay before their count is announced, so typing is not read out letter by letter (ms, default 400). */
  announceDelay?: number;
}

/** Results per group: a popup shows the best few; a longer query narrows them. */
export const POPUP_LIMIT = 10;

interface Request {
  /** The query and filters together: which results answer what is on screen. */
  key: string;
  query: string;
  options: SearchOptions;
  filtered: boolean;
}

type SearchState =
  | { status: 'idle' }
  | { status: 'done'; key: string; query: string; filtered: boolean; run: SearchRun; list: ResultList }
  | { status: 'error'; key: string; query: string; message: string };

const IDLE: SearchState = { status: 'idle' };
const INPUT_ID = 'zzl-search';
const LISTBOX_ID = 'zzl-results';
const optionId = (index: number) => `zzl-result-${index}`;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const requestKey = (query: string, filters: Filters): string => JSON.stringify([query.trim(), filters.type, filters.from, filters.to]);

/** What the live region says about a search state. */
function announcement(state: SearchState, { t }: I18n): string {
  if (state.status === 'idle') return '';
  if (state.status === 'error') return t('popupSearchError', state.message);
  const { run, list } = state;
  if (list.found) return t('popupResultCount', [String(run.entities.length), String(run.articles.length), String(run.figures.length)]);
  const none = t(state.filtered ? 'popupNoResultsFiltered' : 'popupNoResults', state.query);
  return run.suggestions.length > 0 ? `${none}${t('popupSuggestionCount', String(run.suggestions.length))}` : none;
}

/** `value`, once it has stayed the same for `delay` ms. */
function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(delay <= 0 ? value : '');
  useEffect(() => {
    if (delay <= 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return delay <= 0 ? value : settled;
}

function RecentIssues({ state, readerHref, openArticle }: { state: ArchiveState } & Pick<PopupAppProps, 'readerHref' | 'openArticle'>) {
  const { t } = useI18n();
  return (
    <div class="recent" aria-busy={state.status === 'loading'}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} headingLevel={2} />}
      {state.status === 'ready' && (
        <>
          <h2 class="recent-heading">{t('popupRecentHeading')}</h2>
          {state.index.groups.length > 0 && <p class="popup-hint">{t('popupHint')}</p>}
          <IssueList groups={state.index.groups} hrefFor={readerHref} onOpen={openArticle} />
        </>
      )}
    </div>
  );
}

export function PopupApp(props: PopupAppProps) {
  const { loadRecent, readerHref, openArticle, openEntity, details, findings, site, schedule = animationFrame, announceDelay = 400 } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const recent = useArchive(loadRecent);

  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [results, setResults] = useState<SearchState>(IDLE);
  const [active, setActive] = useState(-1);
  const [known, setKnown] = useState<ResultDetails>(NO_DETAILS);
  const [tabFindings, setTabFindings] = useState<readonly PageFinding[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);

  // The runner outlives renders: it reads the newest props, query and filters through this ref.
  const latest = useRef({ props, query, filters });
  latest.current = { props, query, filters };
  /** Enter pressed before the results of what is in the box arrived: open their first result then. */
  const enterPending = useRef(false);

  const [runner] = useState(() =>
    latestSearch<Request, SearchRun>(
      (req) => latest.current.props.search(req.query, req.options),
      (req, outcome) => {
        if (!outcome.ok) {
          setResults({ status: 'error', key: req.key, query: req.query, message: messageOf(outcome.error) });
          setActive(-1);
          return;
        }
        const list = groupResults(outcome.value);
        setResults({ status: 'done', key: req.key, query: req.query, filtered: req.filtered, run: outcome.value, list });
        setActive(list.found ? 0 : -1);
        if (enterPending.current && req.key === requestKey(latest.current.query, latest.current.filters)) {
          enterPending.current = false;
          const first = list.found ? list.items[0] : undefined;
          if (first) choose(openAction(first));
        }
      },
      schedule,
    ),
  );
  useEffect(() => () => runner.cancel(), [runner]);

  function searchFor(text: string, f: Filters): void {
    const q = text.trim();
    enterPending.current = false;
    if (q === '') {
      runner.cancel();
      setResults(IDLE);
      setActive(-1);
      return;
    }
    runner.request({ key: requestKey(q, f), query: q, options: searchOptionsFor(f, { limit: POPUP_LIMIT }), filtered: isFiltered(f) });
  }

  function choose(action: OpenAction): void {
    const { props: current, filters: f } = latest.current;
    if (action.type === 'article') current.openArticle(action.id);
    else if (action.type === 'entity') current.openEntity(action.id);
    else {
      setQuery(action.query);
      latest.current.query = action.query;
      searchFor(action.query, f);
      inputRef.current?.focus();
    }
  }

  const onQuery = (text: string) => {
    setQuery(text);
    latest.current.query = text;
    searchFor(text, filters);
  };

  const onFilters = (next: Filters) => {
    setFilters(next);
    latest.current.filters = next;
    searchFor(query, next);
  };

  const list = results.status === 'done' ? results.list : null;
  const count = list?.items.length ?? 0;
  /** The box holds text (or the filters changed) whose results have not arrived yet. */
  const pending = query.trim() !== '' && (results.status === 'idle' || results.key !== requestKey(query, filters));

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys that confirm or cancel an input method's composition are the IME's, not ours.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && pending) {
      // Pasted and entered at once: open the first result of what is in the box when it comes.
      event.preventDefault();
      enterPending.current = true;
      return;
    }
    const action = keyAction(event.key, { count, groupStarts: list?.groups.map((g) => g.start) ?? [] }, active, query !== '');
    switch (action.type) {
      case 'move':
        event.preventDefault();
        setActive(action.index);
        break;
      case 'open': {
        event.preventDefault();
        const item = list?.items[action.index];
        if (item) choose(openAction(item));
        break;
      }
      case 'clear':
        event.preventDefault();
        event.stopPropagation();
        onQuery('');
        break;
      case 'none':
        break;
    }
  };

  useEffect(() => {
    if (active < 0) return;
    const el = document.getElementById(optionId(active));
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

  // Details for what is listed, only those not looked up yet.
  useEffect(() => {
    if (!details || !list) return;
    const wanted = missingDetails(known, detailIds(list));
    if (wanted.entities.length === 0 && wanted.articles.length === 0) return;
    let live = true;
    details(wanted).then(
      (d) => live && setKnown((k) => mergeDetails(k, d)),
      // Details only add to a row; without them it still reads well.
      () => {},
    );
    return () => {
      live = false;
    };
    // `known` is read, not followed: following it would ask again for what just arrived.
  }, [details, list]);

  useEffect(() => {
    if (!findings) return;
    let live = true;
    findings().then(
      (f) => live && setTabFindings(f ?? []),
      () => live && setTabFindings([]),
    );
    return () => {
      live = false;
    };
  }, [findings]);

  const spoken = useSettled(query.trim() === '' ? '' : announcement(results, i18n), announceDelay);
  const expanded = count > 0 && query.trim() !== '';

  return (
    <div class="popup" data-zzl-ready={recent.status === 'loading' ? 'false' : 'true'} data-zzl-state={recent.status}>
      <header class="popup-header">
        <div class="popup-topline">
          <p class="brand">{t('extName')}</p>
          <h1 class="popup-title">{t('archiveTitle')}</h1>
        </div>
        {site && <PopupSiteSwitch site={site} />}
        <PopupFindings findings={tabFindings} onOpen={openEntity} />
        <SearchField
          id={INPUT_ID}
          query={query}
          filters={filters}
          listboxId={expanded ? LISTBOX_ID : null}
          activeId={expanded && active >= 0 ? optionId(active) : null}
          inputRef={inputRef}
          onQuery={onQuery}
          onFilters={onFilters}
          onKeyDown={onKeyDown}
        />
      </header>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-zzl="search-status">
        {spoken}
      </p>
      <main class="popup-body">
        {query.trim() === '' ? (
          <RecentIssues state={recent} readerHref={readerHref} openArticle={openArticle} />
        ) : results.status === 'error' ? (
          <div class="status status-error" data-zzl="search-error">
            <p>{t('popupSearchError', results.message)}</p>
          </div>
        ) : results.status === 'done' ? (
          <div class={pending ? 'search-results is-stale' : 'search-results'} data-zzl-query={results.query}>
            {!results.list.found && (
              <p class="no-results" data-zzl="no-results">
                {t(results.filtered ? 'popupNoResultsFiltered' : 'popupNoResults', results.query)}
              </p>
            )}
            {results.run.partial && results.list.found && <p class="search-note">{t('popupPartial')}</p>}
            {count > 0 && (
              <SearchResults
                list={results.list}
                id={LISTBOX_ID}
                optionId={optionId}
                active={active}
                details={known}
                onActivate={setActive}
                onChoose={(index) => {
                  const item = results.list.items[index];
                  if (item) choose(openAction(item));
                }}
              />
            )}
            {count > 0 && (
              <p class="search-keys" aria-hidden="true">
                {t('popupKeyboardHint')}
              </p>
            )}
          </div>
        ) : null}
      </main>
    </div>
  );
}
