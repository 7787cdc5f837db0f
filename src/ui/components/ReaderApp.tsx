// The reader page: one article (from `#article=ID`), the issue's other articles beside it, and
// the archive index when no article is named.
import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ArchiveBundle, ArticleRecord } from '../../archive/types';
import { jumpLinks, type ArchiveIndex } from '../archive-index';
import { articleTitle } from '../format';
import { useI18n } from '../i18n';
import { articleHash } from '../route';
import { useArchive } from '../use-archive';
import { ArticleView } from './ArticleView';
import { ArticleItem, IssueList } from './IssueList';
import { Loading, LoadError } from './Status';

export interface ReaderAppProps {
  load: () => Promise<ArchiveBundle>;
  /** From the location hash; null shows the archive index. */
  articleId: string | null;
}

type View = 'loading' | 'error' | 'index' | 'article' | 'not-found';

export function ReaderApp({ load, articleId }: ReaderAppProps) {
  const { t } = useI18n();
  const state = useArchive(load);
  const index = state.status === 'ready' ? state.index : null;
  const article = index && articleId !== null ? index.article(articleId) : undefined;
  const view: View =
    state.status !== 'ready' ? state.status : articleId === null ? 'index' : article ? 'article' : 'not-found';

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (view === 'loading') return;
    document.title = article ? `${articleTitle(article, t)} · ${t('extName')}` : t('extName');
    // A new view replaces the page's content: start at its top, with focus on its heading so
    // that a screen reader announces it.
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [view, article, t]);

  return (
    <div class="reader" data-zzl-ready={view === 'loading' ? 'false' : 'true'} data-zzl-state={view} data-zzl-article={article?.id}>
      <header class="reader-bar">
        <a class="reader-home" href="#">
          <span class="brand">{t('extName')}</span>
          <span class="reader-home-title">{t('archiveTitle')}</span>
        </a>
      </header>
      <main class="reader-main" aria-busy={view === 'loading'}>
        {view === 'loading' && <Loading />}
        {state.status === 'error' && <LoadError message={state.message} headingLevel={1} />}
        {view === 'index' && index && <ReaderIndex index={index} headingRef={heading} />}
        {view === 'not-found' && (
          <div class="status" data-zzl="not-found">
            <h1 class="status-title" tabIndex={-1} ref={heading}>
              {t('notFoundTitle')}
            </h1>
            <p>{t('notFoundBody', articleId ?? '')}</p>
            <p>
              <a href="#">{t('backToIndex')}</a>
            </p>
          </div>
        )}
        {view === 'article' && index && article && <ReaderArticle index={index} article={article} headingRef={heading} />}
      </main>
    </div>
  );
}

function ReaderIndex({ index, headingRef }: { index: ArchiveIndex; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  return (
    <div class="reader-index">
      <h1 class="reader-index-title" tabIndex={-1} ref={headingRef}>
        {t('archiveTitle')}
      </h1>
      <p class="reader-index-intro">{t('readerIndexIntro')}</p>
      <IssueList groups={index.groups} hrefFor={articleHash} />
    </div>
  );
}

interface ReaderArticleProps {
  index: ArchiveIndex;
  article: ArticleRecord;
  headingRef: Ref<HTMLHeadingElement>;
}

function ReaderArticle({ index, article, headingRef }: ReaderArticleProps) {
  const { t } = useI18n();
  const group = index.group(article.issueId);
  if (!group) return null; // validateBundle guarantees every article's issue exists
  return (
    <div class="reader-layout">
      <ArticleView article={article} issue={group.issue} links={jumpLinks(index, article)} hrefFor={articleHash} headingRef={headingRef} />
      {group.articles.length > 1 && (
        <nav class="issue-nav" aria-labelledby="zzl-nav-h">
          <h2 class="issue-nav-title" id="zzl-nav-h">
            {t('moreFromIssue')}
          </h2>
          <ul class="article-list">
            {group.articles.map((item, i) => (
              <ArticleItem key={item.id} article={item} domId={`zzl-nav${i}`} hrefFor={articleHash} currentId={article.id} />
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
