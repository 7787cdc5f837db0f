// The profile of one person, place or organisation: what kind it is, its other names, the titles
// it was printed with over time, a plot of its mentions by issue date, the articles that name it
// (with the sentence that does), the figures about it, and the entities most often named with it.
// Archive text goes through toDisplay (done in entity-profile.ts for snippets) and is rendered as
// text only.
import { Fragment, type Ref } from 'preact';
import { toDisplay } from '../../archive/display';
import type { EntityRecord, EntityType } from '../../archive/types';
import type { EntityProfile as Profile, ProfileArticle, TextPart, TitleHistoryEntry } from '../../archive/entity-profile';
import { articleTitle, formatIssueDate, issueDateText } from '../format';
import { ARCHIVE_LANG, useI18n, type I18n, type MessageKey, type Translate } from '../i18n';
import { MentionTimeline, timelineSummary } from './MentionTimeline';

export interface EntityProfileProps {
  profile: Profile;
  articleHref: (articleId: string) => string;
  entityHref: (entityId: string) => string;
  headingRef?: Ref<HTMLHeadingElement>;
}

const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  org: 'entityTypeOrg',
};

const ROLE_KEYS: Record<NonNullable<EntityRecord['role']>, MessageKey> = {
  official: 'entityRoleOfficial',
  deputy: 'entityRoleDeputy',
  journalist: 'entityRoleJournalist',
  business: 'entityRoleBusiness',
  other: 'entityRoleOther',
};

const PLACE_TYPE_KEYS: Record<string, MessageKey> = {
  city: 'placeTypeCity',
  district: 'placeTypeDistrict',
  county: 'placeTypeCounty',
  'county-city': 'placeTypeCountyCity',
  town: 'placeTypeTown',
  street: 'placeTypeStreet',
  'dev-zone': 'placeTypeDevZone',
  landmark: 'placeTypeLandmark',
  'other-region': 'placeTypeOtherRegion',
};

const ORG_TYPE_KEYS: Record<string, MessageKey> = {
  company: 'orgTypeCompany',
  government: 'orgTypeGovernment',
  party: 'orgTypeParty',
  court: 'orgTypeCourt',
  hospital: 'orgTypeHospital',
  school: 'orgTypeSchool',
  other: 'orgTypeOther',
};

/** 人物 / 地点 / 机构 in the page's language. */
export function entityTypeText(type: EntityType, t: Translate): string {
  return t(TYPE_KEYS[type]);
}

/**
 * A person's role, a place's or organisation's type, in the page's language, with the label it goes
 * under; null when the bundle gives none. A type the UI does not know is shown as the bundle has it.
 */
export function entityCategory(entity: EntityRecord, t: Translate): { label: string; text: string } | null {
  const known = (keys: Record<string, MessageKey>, code: string | undefined) => {
    if (code === undefined || code.trim() === '') return null;
    const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
    return key === undefined ? toDisplay(code) : t(key);
  };
  const text =
    entity.type === 'person'
      ? entity.role === undefined
        ? null
        : t(ROLE_KEYS[entity.role])
      : known(entity.type === 'place' ? PLACE_TYPE_KEYS : ORG_TYPE_KEYS, entity.type === 'place' ? entity.placeType : entity.orgType);
  if (text === null) return null;
  return { label: t(entity.type === 'person' ? 'entityFactRole' : 'entityFactCategory'), text };
}

function Dated({ date, i18n }: { date: string | null; i18n: I18n }) {
  const text = formatIssueDate(date, i18n.locale);
  return text === null || date === null ? (
    <span class="is-unknown">{i18n.t('dateUnknown')}</span>
  ) : (
    <time dateTime={date}>{text}</time>
  );
}

function Snippet({ parts }: { parts: TextPart[] }) {
  return (
    <p class="entity-snippet" data-zzl="entity-snippet" lang={ARCHIVE_LANG}>
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

function TitleItem({ entry, articleHref, i18n }: { entry: TitleHistoryEntry; articleHref: (id: string) => string; i18n: I18n }) {
  const title = toDisplay(entry.title);
  const separator = i18n.t('nameSeparator');
  return (
    <li class="entity-title" data-zzl="entity-title">
      <span class="entity-title-name" lang={ARCHIVE_LANG}>
        {title}
      </span>
      {entry.printings.length > 0 && (
        <span class="entity-title-dates" role="group" aria-label={i18n.t('entityTitleDates', title)}>
          {entry.printings.map((p, i) => (
            <Fragment key={`${p.date}|${p.articleId}`}>
              {i > 0 && separator}
              <a href={articleHref(p.articleId)} data-article-id={p.articleId}>
                <Dated date={p.date} i18n={i18n} />
              </a>
            </Fragment>
          ))}
        </span>
      )}
    </li>
  );
}

function ArticleItem({ item, articleHref, i18n }: { item: ProfileArticle; articleHref: (id: string) => string; i18n: I18n }) {
  const { article, issue } = item;
  const { t } = i18n;
  return (
    <li class="entity-article" data-zzl="entity-article" data-article-id={article.id}>
      <p class="entity-article-meta">
        <Dated date={issue.date} i18n={i18n} />
        {item.mentionCount > 1 && <span class="entity-article-count">{t('entityArticleMentions', String(item.mentionCount))}</span>}
      </p>
      <a class="entity-article-link" href={articleHref(article.id)} data-article-id={article.id} lang={article.headline === null ? undefined : ARCHIVE_LANG}>
        {articleTitle(article, t)}
      </a>
      <Snippet parts={item.snippet} />
    </li>
  );
}

export function EntityProfile({ profile, articleHref, entityHref, headingRef }: EntityProfileProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { entity } = profile;
  const name = toDisplay(entity.name);
  const category = entityCategory(entity, t);
  const aliases = entity.aliases.filter((a) => a !== entity.name).map(toDisplay);

  return (
    <div class="reader-layout entity-layout">
      <article class="entity-profile" data-zzl="entity-profile" data-entity-id={entity.id} data-entity-type={entity.type} aria-labelledby="zzl-entity-name">
        <header class="entity-header">
          <h1 class="entity-name" id="zzl-entity-name" data-zzl="entity-name" lang={ARCHIVE_LANG} tabIndex={-1} ref={headingRef}>
            {name}
          </h1>
          <dl class="entity-facts">
            <div>
              <dt>{t('entityFactType')}</dt>
              <dd data-zzl="entity-type">{entityTypeText(entity.type, t)}</dd>
            </div>
            {category !== null && (
              <div>
                <dt>{category.label}</dt>
                <dd data-zzl="entity-category">{category.text}</dd>
              </div>
            )}
            {aliases.length > 0 && (
              <div>
                <dt>{t('entityFactAliases')}</dt>
                <dd data-zzl="entity-aliases" lang={ARCHIVE_LANG}>
                  {aliases.join(t('nameSeparator'))}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('entityFactMentions')}</dt>
              <dd>{t('entityMentionSummary', [String(profile.mentionCount), String(profile.articles.length)])}</dd>
            </div>
          </dl>
        </header>

        {profile.mentionCount > 0 && (
          <section class="entity-section" aria-labelledby="zzl-entity-timeline-h">
            <h2 class="entity-section-title" id="zzl-entity-timeline-h">
              {t('entityTimelineHeading')}
            </h2>
            {profile.timeline.length > 0 ? (
              <MentionTimeline points={profile.timeline} undated={profile.undatedMentions} />
            ) : (
              <p class="entity-empty">{timelineSummary(profile.timeline, profile.undatedMentions, i18n)}</p>
            )}
          </section>
        )}

        {profile.titles.length > 0 && (
          <section class="entity-section" aria-labelledby="zzl-entity-titles-h">
            <h2 class="entity-section-title" id="zzl-entity-titles-h">
              {t('entityTitlesHeading')}
            </h2>
            <ul class="entity-titles">
              {profile.titles.map((entry) => (
                <TitleItem key={entry.title} entry={entry} articleHref={articleHref} i18n={i18n} />
              ))}
            </ul>
          </section>
        )}

        <section class="entity-section" aria-labelledby="zzl-entity-articles-h">
          <h2 class="entity-section-title" id="zzl-entity-articles-h">
            {t('entityArticlesHeading')}
          </h2>
          {profile.articles.length === 0 ? (
            <p class="entity-empty">{t('entityNoMentions')}</p>
          ) : (
            <ol class="entity-articles">
              {profile.articles.map((item) => (
                <ArticleItem key={item.article.id} item={item} articleHref={articleHref} i18n={i18n} />
              ))}
            </ol>
          )}
        </section>

        {profile.figures.length > 0 && (
          <section class="entity-section" aria-labelledby="zzl-entity-figures-h">
            <h2 class="entity-section-title" id="zzl-entity-figures-h">
              {t('entityFiguresHeading')}
            </h2>
            <div class="entity-figures-wrap">
              <table class="entity-figures" aria-labelledby="zzl-entity-figures-h">
                <thead>
                  <tr>
                    <th scope="col">{t('figureValue')}</th>
                    <th scope="col">{t('figureMetric')}</th>
                    <th scope="col">{t('figurePeriod')}</th>
                    <th scope="col">{t('figureSource')}</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.figures.map(({ figure, article, issue }) => (
                    <tr key={figure.id} data-zzl="entity-figure" data-figure-id={figure.id} data-article-id={article.id}>
                      <th scope="row" class="figure-value" lang={ARCHIVE_LANG}>
                        {toDisplay(figure.text)}
                      </th>
                      <td lang={figure.metric === null ? undefined : ARCHIVE_LANG}>{figure.metric === null ? t('figureNotGiven') : toDisplay(figure.metric)}</td>
                      <td lang={figure.period === null ? undefined : ARCHIVE_LANG}>{figure.period === null ? t('figureNotGiven') : toDisplay(figure.period)}</td>
                      <td class="figure-source">
                        <a href={articleHref(article.id)} data-article-id={article.id} lang={article.headline === null ? undefined : ARCHIVE_LANG}>
                          {articleTitle(article, t)}
                        </a>
                        <span class="figure-date">{issueDateText(issue, i18n)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </article>

      {profile.related.length > 0 && (
        <aside class="issue-nav entity-related" aria-labelledby="zzl-entity-related-h">
          <h2 class="issue-nav-title" id="zzl-entity-related-h">
            {t('entityRelatedHeading')}
          </h2>
          <ul class="article-list">
            {profile.related.map(({ entity: other, articles }) => (
              <li key={other.id} class="article-item related-item" data-zzl="entity-related" data-entity-id={other.id}>
                <a class="article-link" href={entityHref(other.id)} data-entity-id={other.id} lang={ARCHIVE_LANG}>
                  {toDisplay(other.name)}
                </a>
                <span class={`badge badge-entity badge-entity-${other.type}`}>{entityTypeText(other.type, t)}</span>
                <span class="related-count">{t('entityRelatedCount', String(articles))}</span>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}
