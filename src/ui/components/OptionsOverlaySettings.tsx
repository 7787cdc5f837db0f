// "On web pages": which kinds of names are marked, whether the side panel opens by itself, and the
// sites where the extension stays out (listed, turned back on one by one, added by hostname or
// address). Every change is saved at once; the section follows changes saved elsewhere (the
// popup's site switch, another options tab), and the content script restarts on them by itself.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntityType } from '../../archive/types';
import { ENTITY_TYPES, type Settings } from '../../settings';
import { useI18n, type MessageKey } from '../i18n';
import {
  addSite,
  changesSettings,
  parseSiteInput,
  removeSite,
  settingsEditor,
  sitesForDisplay,
  withType,
  type SettingsStorage,
  type SiteInputProblem,
} from '../options/overlay-settings';

const TYPE_LABELS: Record<EntityType, MessageKey> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  org: 'entityTypeOrg',
};

const PROBLEM_TEXT: Record<SiteInputProblem, MessageKey> = {
  empty: 'optionsOverlayErrorEmpty',
  'not-web': 'optionsOverlayErrorNotWeb',
  invalid: 'optionsOverlayErrorInvalid',
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type Failure = { key: 'optionsOverlayReadError' | 'optionsOverlaySaveError'; detail: string };

/** What to focus once the list has re-rendered: a row's button, or the add field when the list is empty. */
type FocusTarget = { site: string } | 'input';

export function OptionsOverlaySettings({ storage }: { storage: SettingsStorage }) {
  const { t } = useI18n();
  const editor = useMemo(() => settingsEditor(storage), [storage]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [draft, setDraft] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const live = useRef(true);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusNext = useRef<FocusTarget | null>(null);

  const refresh = () =>
    editor.read().then(
      (s) => {
        if (live.current) setSettings(s);
      },
      (e: unknown) => {
        if (live.current) setFailure({ key: 'optionsOverlayReadError', detail: messageOf(e) });
      },
    );

  useEffect(() => {
    live.current = true;
    void refresh();
    const stop = storage.onChanged((keys) => {
      if (changesSettings(keys)) void refresh();
    });
    return () => {
      live.current = false;
      stop();
    };
    // `refresh` reads through `editor`, which changes only with `storage`.
  }, [storage, editor]);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'input') {
      inputRef.current?.focus();
      return;
    }
    const row = Array.from(listRef.current?.children ?? []).find((li) => (li as HTMLElement).dataset.zzlSite === target.site);
    const button = row?.querySelector('button');
    if (button) button.focus();
    else inputRef.current?.focus();
  });

  /**
   * Saves one change. The page shows it at once (a checkbox must not spring back while storage
   * writes); if saving fails it shows what is stored instead, and says why.
   */
  const save = (local: (s: Settings) => Settings, change: (current: Settings) => Partial<Settings> | null): Promise<boolean> => {
    setSettings((s) => (s === null ? s : local(s)));
    setFailure(null);
    return editor.update(change).then(
      (s) => {
        if (live.current) setSettings(s);
        return true;
      },
      async (e: unknown) => {
        if (!live.current) return false;
        setFailure({ key: 'optionsOverlaySaveError', detail: messageOf(e) });
        await refresh();
        return false;
      },
    );
  };

  if (settings === null) {
    return (
      <Section>
        {failure ? <FailureNote failure={failure} /> : <p class="hint" role="status">{t('optionsOverlayReading')}</p>}
      </Section>
    );
  }

  const sites = sitesForDisplay(settings.disabledSites);

  const toggleType = (type: EntityType, marked: boolean) =>
    void save(
      (s) => ({ ...s, markedTypes: withType(s.markedTypes, type, marked) }),
      (current) => ({ markedTypes: withType(current.markedTypes, type, marked) }),
    );

  const setAutoOpen = (on: boolean) =>
    void save(
      (s) => ({ ...s, autoOpenPanel: on }),
      () => ({ autoOpenPanel: on }),
    );

  const enableSite = (site: string) => {
    const at = sites.indexOf(site);
    const rest = sites.filter((s) => s !== site);
    const neighbour = rest[Math.min(at, rest.length - 1)];
    focusNext.current = neighbour === undefined ? 'input' : { site: neighbour };
    void save(
      (s) => ({ ...s, disabledSites: removeSite(s.disabledSites, site) }),
      (current) => (current.disabledSites.includes(site) ? { disabledSites: removeSite(current.disabledSites, site) } : null),
    ).then((saved) => {
      if (saved && live.current) setAnnouncement(t('optionsOverlayAnnounceEnabled', site));
    });
  };

  const onAdd = (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(draft);
    if (!parsed.ok) {
      setInputError(t(PROBLEM_TEXT[parsed.problem], draft.trim()));
      inputRef.current?.focus();
      return;
    }
    const { host } = parsed;
    const already = addSite(settings.disabledSites, host);
    if (already.kind !== 'added') {
      setInputError(already.kind === 'listed' ? t('optionsOverlayErrorListed', host) : t('optionsOverlayErrorCovered', [host, already.by]));
      inputRef.current?.focus();
      return;
    }
    setInputError(null);
    void save(
      (s) => {
        const next = addSite(s.disabledSites, host);
        return next.kind === 'added' ? { ...s, disabledSites: next.sites } : s;
      },
      (current) => {
        const next = addSite(current.disabledSites, host);
        return next.kind === 'added' ? { disabledSites: next.sites } : null;
      },
    ).then((saved) => {
      if (!saved || !live.current) return;
      setDraft('');
      setAnnouncement(t('optionsOverlayAnnounceAdded', host));
    });
  };

  return (
    <Section ready>
      <p class="hint">{t('optionsOverlayIntro')}</p>
      {failure && <FailureNote failure={failure} />}

      <fieldset class="settings-group" aria-describedby={settings.markedTypes.length === 0 ? 'zzl-types-none' : undefined}>
        <legend class="subheading">{t('optionsOverlayTypesLegend')}</legend>
        <div class="type-choices">
          {ENTITY_TYPES.map((type) => (
            <label class="choice" key={type}>
              <input
                type="checkbox"
                data-zzl="marked-type"
                value={type}
                checked={settings.markedTypes.includes(type)}
                onChange={(e) => toggleType(type, e.currentTarget.checked)}
              />
              <span class={`type-swatch type-swatch-${type}`} aria-hidden="true" />
              <span>{t(TYPE_LABELS[type])}</span>
            </label>
          ))}
        </div>
        {settings.markedTypes.length === 0 && (
          <p id="zzl-types-none" class="settings-warning" data-zzl="no-marked-types">
            {t('optionsOverlayTypesNone')}
          </p>
        )}
      </fieldset>

      <div class="settings-group">
        <label class="choice choice-block">
          <input
            type="checkbox"
            data-zzl="auto-open-panel"
            checked={settings.autoOpenPanel}
            aria-describedby="zzl-auto-open-hint"
            onChange={(e) => setAutoOpen(e.currentTarget.checked)}
          />
          <span>{t('optionsOverlayAutoOpen')}</span>
        </label>
        <p id="zzl-auto-open-hint" class="hint choice-hint">
          {t('optionsOverlayAutoOpenHint')}
        </p>
      </div>

      <section class="settings-group" aria-labelledby="zzl-sites-heading">
        <h3 id="zzl-sites-heading" class="subheading">
          {t('optionsOverlaySitesHeading')}
        </h3>
        <p class="hint">{t('optionsOverlaySitesHint')}</p>
        {sites.length === 0 ? (
          <p class="empty" data-zzl="no-disabled-sites">
            {t('optionsOverlayNoSites')}
          </p>
        ) : (
          <ul class="site-rows" aria-labelledby="zzl-sites-heading" data-zzl="disabled-sites" ref={listRef}>
            {sites.map((site) => (
              <li class="site-row" key={site} data-zzl-site={site}>
                <span class="site-host" lang="en">
                  {site}
                </span>
                <button
                  type="button"
                  class="button"
                  data-zzl-action="enable-site"
                  aria-label={t('optionsOverlayEnableSiteLabel', site)}
                  onClick={() => enableSite(site)}
                >
                  {t('optionsOverlayEnableSite')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="site-add" onSubmit={onAdd} noValidate>
          <label for="zzl-add-site" class="site-add-label">
            {t('optionsOverlayAddLabel')}
          </label>
          <div class="site-add-row">
            <input
              id="zzl-add-site"
              ref={inputRef}
              class="text-input"
              type="text"
              inputMode="url"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              placeholder={t('optionsOverlayAddPlaceholder')}
              data-zzl="add-site-input"
              value={draft}
              aria-invalid={inputError !== null}
              aria-describedby={inputError !== null ? 'zzl-add-site-error' : undefined}
              onInput={(e) => {
                setDraft(e.currentTarget.value);
                if (inputError !== null) setInputError(null);
              }}
            />
            <button type="submit" class="button" data-zzl-action="add-site">
              {t('optionsOverlayAddButton')}
            </button>
          </div>
          {inputError !== null && (
            <p id="zzl-add-site-error" class="field-error" role="alert" data-zzl="add-site-error">
              {inputError}
            </p>
          )}
        </form>
      </section>

      <p class="visually-hidden" role="status" data-zzl="overlay-announce">
        {announcement}
      </p>
    </Section>
  );
}

function Section({ ready = false, children }: { ready?: boolean; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <section class="panel overlay-settings" aria-labelledby="zzl-overlay-heading" data-zzl="overlay-settings" data-zzl-ready={String(ready)}>
      <h2 id="zzl-overlay-heading" class="panel-title">
        {t('optionsOverlayHeading')}
      </h2>
      {children}
    </section>
  );
}

function FailureNote({ failure }: { failure: Failure }) {
  const { t } = useI18n();
  return (
    <p class="status status-error" role="alert" data-zzl="overlay-settings-error">
      {t(failure.key, failure.detail)}
    </p>
  );
}
