// "Mark names on this site": one switch that turns the extension off (or back on) for the current
// tab's site, saved at once. Shown only for web pages, whose host the popup can know.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { SiteControl, SiteState } from '../popup/site-switch';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function PopupSiteSwitch({ site }: { site: SiteControl }) {
  const { t } = useI18n();
  const [state, setState] = useState<SiteState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Saves run one after another, so quick clicks are written in the order they were made.
  const saving = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    let live = true;
    site.read().then(
      (s) => live && setState(s),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [site]);
  if (state === null) return null;

  const toggle = () => {
    const next = { ...state, disabled: !state.disabled };
    setState(next);
    setError(null);
    saving.current = saving.current
      .then(() => site.setDisabled(next.host, next.disabled))
      .catch(async (e: unknown) => {
        setError(messageOf(e));
        // Show what is saved, not what was asked for.
        setState(await site.read().catch(() => state));
      });
  };

  return (
    <div class="site">
      <span class="site-label" id="zzl-site-label">
        {t('popupSiteSwitch', state.host)}
      </span>
      <button
        type="button"
        role="switch"
        class="site-switch"
        aria-checked={state.disabled ? 'false' : 'true'}
        aria-labelledby="zzl-site-label"
        data-zzl="site-switch"
        onClick={toggle}
      >
        <span class="site-switch-thumb" aria-hidden="true" />
      </button>
      {error !== null && (
        <p class="site-error" role="alert">
          {t('popupSiteError', error)}
        </p>
      )}
    </div>
  );
}
