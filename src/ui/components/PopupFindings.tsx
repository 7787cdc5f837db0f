// The names the content script found on the current tab, above the search box: each opens its
// profile. Shown only when there are some.
import { toDisplay } from '../../archive/display';
import type { EntityType } from '../../archive/types';
import type { PageFinding } from '../../page-findings';
import { ARCHIVE_LANG, useI18n, type MessageKey } from '../i18n';

const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  org: 'entityTypeOrg',
};

/** How many names are listed; the tab's most mentioned come first. */
export const FINDINGS_SHOWN = 12;

export function PopupFindings({ findings, onOpen }: { findings: readonly PageFinding[]; onOpen: (entityId: string) => void }) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  return (
    <section class="findings" data-zzl="tab-findings" aria-labelledby="zzl-findings-h">
      <h2 class="findings-heading" id="zzl-findings-h">
        {t('popupFindingsHeading')}
      </h2>
      <ul class="findings-list">
        {findings.slice(0, FINDINGS_SHOWN).map((f) => (
          <li key={f.id}>
            <button
              type="button"
              class={`finding finding-${f.type}`}
              data-entity-id={f.id}
              aria-label={t('popupFindingLabel', [toDisplay(f.name), t(TYPE_KEYS[f.type]), String(f.count)])}
              onClick={() => onOpen(f.id)}
            >
              <span lang={ARCHIVE_LANG}>{toDisplay(f.name)}</span>
              <span class="finding-count" aria-hidden="true">
                {f.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
