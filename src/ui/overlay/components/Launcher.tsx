// The small button at the page's edge that opens the side panel, showing how many entities the page
// names. Only mounted on a page with at least one; hidden while the panel is open (the panel has its
// own close button, and focus returns here when it closes).
import type { Ref } from 'preact';
import { useI18n } from '../../i18n';

export interface LauncherProps {
  /** Entities named on the page. */
  count: number;
  onOpen(): void;
  buttonRef?: Ref<HTMLButtonElement>;
}

export function Launcher({ count, onOpen, buttonRef }: LauncherProps) {
  const { t } = useI18n();
  return (
    <button type="button" class="launcher" data-zzl="launcher-button" data-count={count} aria-label={t('overlayLauncherLabel', String(count))} onClick={onOpen} ref={buttonRef}>
      <span class="launcher-mark" aria-hidden="true">
        {t('overlayLauncherMark')}
      </span>
      <span class="launcher-count" aria-hidden="true">
        {count}
      </span>
    </button>
  );
}
