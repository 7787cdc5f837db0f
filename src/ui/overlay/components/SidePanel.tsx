// The side panel: every entity named on the page, by type, most mentioned first; for each, its
// mentions on the page (buttons that scroll there) and what the archive holds about it (articles
// with the sentence that names it, figures). A complementary landmark, not a modal: the page stays
// usable beside it.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { toDisplay } from '../../../archive/display';
import { ARCHIVE_LANG, useI18n } from '../../i18n';
import { groupByType, type PageEntity, type PageMention, type SummaryState } from '../model';
import { ArticleList, FigureList, TitleList, typeKey } from './parts';

/** Mentions listed before "show all". */
export const MENTIONS_SHOWN = 5;

export interface SidePanelProps {
  entities: readonly PageEntity[];
  summaryOf(entityId: string): SummaryState | undefined;
  onScrollTo(entityId: string, mentionKey: string): void;
  onOpenArticle(articleId: string): void;
  onOpenProfile(entityId: string): void;
  onClose(): void;
  /** Key labels shown in the footer, e.g. `{ next: 'Alt+Shift+Z', panel: 'Alt+Shift+P' }`. */
  shortcuts: { next: string; panel: string };
  panelRef?: Ref<HTMLElement>;
}

function MentionButton({ entityId, mention, index, onScrollTo }: { entityId: string; mention: PageMention; index: number; onScrollTo: SidePanelProps['onScrollTo'] }) {
  return (
    <li>
      <button type="button" class="mention" data-zzl="panel-mention" data-mention-key={mention.key} data-index={index} onClick={() => onScrollTo(entityId, mention.key)}>
        {mention.before}
        <mark>{mention.text}</mark>
        {mention.after}
      </button>
    </li>
  );
}

function EntitySummaryBlock({ entityId, state, onOpenArticle, onOpenProfile }: { entityId: string; state: SummaryState | undefined } & Pick<SidePanelProps, 'onOpenArticle' | 'onOpenProfile'>) {
  const { t } = useI18n();
  if (state === undefined || state.status === 'loading') return <p class="status">{t('overlayLoading')}</p>;
  if (state.status === 'error') return <p class="status status-error">{t('overlayError')}</p>;
  if (state.status === 'missing') return <p class="status">{t('overlayMissing')}</p>;
  const { summary } = state;
  return (
    <div class="entity-archive">
      <p class="counts">{t('overlayArchiveCounts', [String(summary.mentionCount), String(summary.articleCount)])}</p>
      <TitleList titles={summary.titles} />
      {summary.articles.length > 0 && <ArticleList articles={summary.articles} onOpenArticle={onOpenArticle} snippets={true} />}
      {summary.figures.length > 0 && <FigureList figures={summary.figures} />}
      <button type="button" class="link profile-link" data-zzl="open-profile" data-entity-id={entityId} onClick={() => onOpenProfile(entityId)}>
        {t('overlayOpenProfile')}
      </button>
    </div>
  );
}

function EntityItem({ entity, props }: { entity: PageEntity; props: SidePanelProps }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? entity.mentions : entity.mentions.slice(0, MENTIONS_SHOWN);
  return (
    <li class="entity" data-zzl="panel-entity" data-entity-id={entity.id} data-entity-type={entity.type} data-count={entity.count}>
      <div class="entity-head">
        <h4 class="entity-name" lang={ARCHIVE_LANG}>
          {toDisplay(entity.name)}
        </h4>
        <span class="entity-count">{t('overlayPageCount', String(entity.count))}</span>
      </div>
      <ol class="mentions" aria-label={t('overlayMentionsLabel', toDisplay(entity.name))} lang={ARCHIVE_LANG}>
        {shown.map((mention, i) => (
          <MentionButton key={mention.key} entityId={entity.id} mention={mention} index={i} onScrollTo={props.onScrollTo} />
        ))}
      </ol>
      {!all && entity.mentions.length > MENTIONS_SHOWN && (
        <button type="button" class="link more" data-zzl="panel-more" onClick={() => setAll(true)}>
          {t('overlayMoreMentions', String(entity.mentions.length))}
        </button>
      )}
      <EntitySummaryBlock entityId={entity.id} state={props.summaryOf(entity.id)} onOpenArticle={props.onOpenArticle} onOpenProfile={props.onOpenProfile} />
    </li>
  );
}

export function SidePanel(props: SidePanelProps) {
  const { t } = useI18n();
  const groups = groupByType(props.entities);
  const mentions = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <aside class="panel" role="complementary" aria-labelledby="zzl-panel-title" tabIndex={-1} ref={props.panelRef}>
      <header class="panel-header">
        <div class="panel-heading">
          <p class="brand" aria-hidden="true">
            {t('extName')}
          </p>
          <h2 class="panel-title" id="zzl-panel-title" data-zzl="panel-title">
            {t('overlayPanelTitle')}
          </h2>
          <p class="panel-summary" data-zzl="panel-summary">
            {t('overlayPanelSummary', [String(props.entities.length), String(mentions)])}
          </p>
        </div>
        <button type="button" class="close" data-zzl="panel-close" aria-label={t('overlayPanelClose')} onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="panel-body">
        {groups.length === 0 && <p class="status">{t('overlayPanelEmpty')}</p>}
        {groups.map((group) => (
          <section key={group.type} class="group" data-zzl="panel-group" data-entity-type={group.type} aria-labelledby={`zzl-group-${group.type}`}>
            <h3 class="group-title" id={`zzl-group-${group.type}`}>
              {t('overlayGroupHeading', [t(typeKey(group.type)), String(group.entities.length)])}
            </h3>
            <ul class="entities">
              {group.entities.map((entity) => (
                <EntityItem key={entity.id} entity={entity} props={props} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <footer class="panel-footer">{t('overlayShortcutHint', [props.shortcuts.next, props.shortcuts.panel])}</footer>
    </aside>
  );
}
