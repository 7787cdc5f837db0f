// The hover card: what the archive knows of the name under the pointer (or reached with the
// keyboard). Its position is computed by the caller (placement.ts); until then it is laid out
// hidden so it can be measured.
import type { Ref } from 'preact';
import { toDisplay } from '../../../archive/display';
import type { EntityType } from '../../../archive/types';
import { ARCHIVE_LANG, useI18n } from '../../i18n';
import type { SummaryState } from '../model';
import { ArticleList, FigureList, TitleList, TypeBadge } from './parts';

export interface CardTarget {
  entityId: string;
  /** The entity's name (from the matcher), shown until the archive's digest arrives. */
  name: string;
  type: EntityType;
}

export interface HoverCardProps {
  target: CardTarget;
  state: SummaryState;
  /** Viewport position; null while the card is being measured (laid out but invisible). */
  position: { left: number; top: number } | null;
  onOpenArticle(articleId: string): void;
  onOpenProfile(entityId: string): void;
  onClose(): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
  cardRef?: Ref<HTMLDivElement>;
}

export function HoverCard({ target, state, position, onOpenArticle, onOpenProfile, onClose, onPointerEnter, onPointerLeave, cardRef }: HoverCardProps) {
  const { t } = useI18n();
  const summary = state.status === 'ready' ? state.summary : null;
  const name = toDisplay(summary?.entity.name ?? target.name);
  const style = position === null ? { left: '0px', top: '0px', visibility: 'hidden' } : { left: `${position.left}px`, top: `${position.top}px` };
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby="zzl-card-name"
      aria-busy={state.status === 'loading' ? 'true' : undefined}
      data-entity-id={target.entityId}
      data-entity-type={target.type}
      data-state={state.status}
      tabIndex={-1}
      style={style}
      ref={cardRef}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <header class="card-header">
        <h2 class="card-name" id="zzl-card-name" data-zzl="card-name" lang={ARCHIVE_LANG}>
          {name}
        </h2>
        <TypeBadge type={target.type} />
        <button type="button" class="close" data-zzl="card-close" aria-label={t('overlayClose')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {state.status === 'loading' && <p class="status" role="status">{t('overlayLoading')}</p>}
      {state.status === 'error' && <p class="status status-error">{t('overlayError')}</p>}
      {state.status === 'missing' && <p class="status">{t('overlayMissing')}</p>}
      {summary !== null && (
        <>
          <p class="counts">{t('overlayArchiveCounts', [String(summary.mentionCount), String(summary.articleCount)])}</p>
          <TitleList titles={summary.titles} />
          {summary.articles.length > 0 && (
            <section class="card-section" aria-labelledby="zzl-card-articles">
              <h3 class="section-title" id="zzl-card-articles">
                {t('overlayArticlesHeading')}
              </h3>
              <ArticleList articles={summary.articles} onOpenArticle={onOpenArticle} snippets={false} />
            </section>
          )}
          {summary.figures.length > 0 && (
            <section class="card-section" aria-labelledby="zzl-card-figures">
              <h3 class="section-title" id="zzl-card-figures">
                {t('overlayFiguresHeading')}
              </h3>
              <FigureList figures={summary.figures} />
            </section>
          )}
        </>
      )}
      {state.status !== 'missing' && (
        <p class="card-footer">
          <button type="button" class="link profile-link" data-zzl="open-profile" data-entity-id={target.entityId} onClick={() => onOpenProfile(target.entityId)}>
            {t('overlayOpenProfile')}
          </button>
        </p>
      )}
    </div>
  );
}
