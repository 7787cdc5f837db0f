// The toolbar popup: the archive's issues, newest first, with their headlines.
import type { ArchiveBundle } from '../../archive/types';
import { useI18n } from '../i18n';
import { useArchive } from '../use-archive';
import { IssueList } from './IssueList';
import { Loading, LoadError } from './Status';

export interface PopupAppProps {
  load: () => Promise<ArchiveBundle>;
  /** The reader page's address for an article (the link's href). */
  readerHref: (articleId: string) => string;
  /** Opens the article (in the extension: a new tab, then the popup closes). */
  openArticle: (articleId: string) => void;
}

export function PopupApp({ load, readerHref, openArticle }: PopupAppProps) {
  const { t } = useI18n();
  const state = useArchive(load);
  return (
    <div class="popup" data-zzl-ready={state.status === 'loading' ? 'false' : 'true'} data-zzl-state={state.status}>
      <header class="popup-header">
        <p class="brand">{t('extName')}</p>
        <h1 class="popup-title">{t('archiveTitle')}</h1>
        {state.status === 'ready' && (
          <p class="popup-summary">
            {t('archiveSummary', [String(state.index.groups.length), String(state.index.articleCount)])}
          </p>
        )}
      </header>
      <main class="popup-body" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <LoadError message={state.message} headingLevel={2} />}
        {state.status === 'ready' && (
          <>
            {state.index.groups.length > 0 && <p class="popup-hint">{t('popupHint')}</p>}
            <IssueList groups={state.index.groups} hrefFor={readerHref} onOpen={openArticle} />
          </>
        )}
      </main>
    </div>
  );
}
