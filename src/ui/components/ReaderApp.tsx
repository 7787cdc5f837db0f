// The reader page: one article (from `#article=ID`) with the issue's other articles beside it, the
// profile of a person, place or organisation (from `#entity=ID`), or the archive index when the
// hash names neither.
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toDisplay } from '../../archive/display';
import type { ArchiveBundle, ArticleRecord } from '../../archive/types';
import { jumpLinks, type ArchiveIndex } from '../archive-index';
import { indexEntities, type EntityIndex } from '../../archive/entity-profile';
import { articleTitle } from '../format';
import { useI18n } from '../i18n';
import { articleHash, entityHash, parseEntityHash } from '../route';
import { useArchive } from '../use-archive';
import { ArticleView } from './ArticleView';
import { EntityProfile } from './EntityProfile';
import { ArticleItem, IssueList } from './IssueList';
import { Loading, LoadError } from './Status';

export interface ReaderAppProps {
  load: () => Promise<ArchiveBundle>;
  /** From the location hash (`article=`); it wins over `entityId`. Null and no entity shows the archive index. */
  articleId: string | null;
  /**
   * From the location hash (`entity=`, see `parseReaderHash`). Left out, it is read from
   * `location.hash` on each render, so an entrypoint that passes only `articleId` and renders again
   * on `hashchange` still opens profiles.
   */
  entityId?: string | null;
}

type View = 'loading' | 'error' | 'index' | 'article' | 'entity' | 'not-found';

function hashEntityId(): string | null {
  return typeof location === 'undefined' ? null : parseEntityHash(location.hash);
}

export function ReaderApp({ load, articleId, entityId: givenEntityId }: ReaderAppProps) {
  const { t } = useI18n();
  // useArchive keeps only the article index; keep the bundle too, for its entities and mentions.
  const [kept, setKept] = useState<{ from: ReaderAppProps['load']; bundle: ArchiveBundle } | null>(null);
  const loadAndKeep = useMemo(
    () => () =>
      load().then((bundle) => {
        setKept({ from: load, bundle });
        return bundle;
      }),
    [load],
  );
  const state = useArchive(loadAndKeep);
  const entities = useMemo<EntityIndex | null>(() => (kept && kept.from === load ? indexEntities(kept.bundle) : null), [kept, load]);

  const entityId = articleId !== null ? null : givenEntityId === undefined ? hashEntityId() : givenEntityId;
  const index = state.status === 'ready' ? state.index : null;
  const article = index && articleId !== null ? index.article(articleId) : undefined;
  const profile = index && entities && entityId !== null ? entities.profile(entityId) : undefined;
  const view: View =
    state.status !== 'ready'
      ? state.status
      : articleId !== null
        ? article
          ? 'article'
          : 'not-found'
        : entityId !== null
          ? profile
            ? 'entity'
            : 'not-found'
          : 'index';

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (view === 'loading') return;
    document.title = article
      ? `${articleTitle(article, t)} · ${t('extName')}`
      : profile
        ? `${toDisplay(profile.entity.name)} · ${t('extName')}`
        : t('extName');
    // A new view replaces the page's content: start at its top, with focus on its heading so
    // that a screen reader announces it.
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [view, article, profile, t]);

  const missingEntity = articleId === null && entityId !== null;
  return (
    <div
      class="reader"
      data-zzl-ready={view === 'loading' ? 'false' : 'true'}
      data-zzl-state={view}
      data-zzl-article={article?.id}
      data-zzl-entity={profile?.entity.id}
    >
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
              {t(missingEntity ? 'entityNotFoundTitle' : 'notFoundTitle')}
            </h1>
            <p>{missingEntity ? t('entityNotFoundBody', entityId) : t('notFoundBody', articleId ?? '')}</p>
            <p>
              <a href="#">{t('backToIndex')}</a>
            </p>
          </div>
        )}
        {view === 'article' && index && article && (
          <ReaderArticle index={index} entities={entities} article={article} headingRef={heading} />
        )}
        {view === 'entity' && profile && (
          <EntityProfile profile={profile} articleHref={articleHash} entityHref={entityHash} headingRef={heading} />
        )}
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
  entities: EntityIndex | null;
  article: ArticleRecord;
  headingRef: Ref<HTMLHeadingElement>;
}

function ReaderArticle({ index, entities, article, headingRef }: ReaderArticleProps) {
  const { t } = useI18n();
  const group = index.group(article.issueId);
  if (!group) return null; // validateBundle guarantees every article's issue exists
  return (
    <div class="reader-layout">
      <ArticleView
        article={article}
        issue={group.issue}
        links={jumpLinks(index, article)}
        hrefFor={articleHash}
        headingRef={headingRef}
        mentions={entities?.mentionsIn(article.id)}
        entityHref={entityHash}
      />
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
