// People, places, organisations and figures of a whole archive: the per-article finders' hits
// merged into entities (one per type + canonical name), their mentions with offsets, and figures
// tied to the entity they belong to.

import { findFigures, type FigureHit } from './figures';
import { findOrgs, type OrgHit } from './orgs';
import { findPeople, readName, roleFor, type PersonHit, type PersonRole } from './people';
import { findPlaces, type PlaceHit } from './places';
import type { ArticleRecord, EntityRecord, EntityType, FigureRecord, IssueRecord, MentionRecord } from './types';

export function entityId(type: EntityType, canonical: string): string {
  return `${type}:${canonical}`;
}

interface Draft {
  entity: EntityRecord;
  roles: Set<PersonRole>;
}

class EntityTable {
  readonly drafts = new Map<string, Draft>();

  upsert(type: EntityType, canonical: string, init: () => Partial<EntityRecord>): Draft {
    const id = entityId(type, canonical);
    let d = this.drafts.get(id);
    if (!d) {
      d = { entity: { id, type, name: canonical, aliases: [], ...init() }, roles: new Set() };
      this.drafts.set(id, d);
    }
    return d;
  }

  addAliases(d: Draft, names: string[]): void {
    for (const n of names) if (n !== d.entity.name && !d.entity.aliases.includes(n)) d.entity.aliases.push(n);
  }
}

/** 人大代表 / 全媒体记者 … journalists' titles come from bylines. */
function addPerson(table: EntityTable, name: string, titles: string[], role: PersonRole, article: ArticleRecord, date: string | null): Draft {
  const d = table.upsert('person', name, () => ({ titles: [], titleHistory: [] }));
  d.roles.add(role);
  for (const t of titles) {
    if (!d.entity.titles!.includes(t)) d.entity.titles!.push(t);
    if (!d.entity.titleHistory!.some((h) => h.title === t && h.date === date)) d.entity.titleHistory!.push({ title: t, date, articleId: article.id });
  }
  return d;
}

/** Official beats deputy beats business beats journalist beats other: the role a card leads with. */
function finalRole(d: Draft): PersonRole {
  const titled = roleFor(d.entity.titles!.filter((t) => !/记者|通讯员|摄影/.test(t)));
  if (titled !== 'other') return titled;
  for (const r of ['official', 'deputy', 'business', 'journalist'] as const) if (d.roles.has(r)) return r;
  return 'other';
}

function overlaps(a: { paragraph: number; start: number; end: number }, b: { paragraph: number; start: number; end: number }): boolean {
  return a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
}

export function resolveSubject(subjectText: string | null, entities: EntityRecord[]): string | null {
  if (!subjectText) return null;
  const exact = entities.find((e) => e.name === subjectText || e.aliases.includes(subjectText));
  if (exact) return exact.id;
  let best: EntityRecord | null = null;
  let bestLength = 0;
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      if (n.length >= 2 && n.length > bestLength && subjectText.includes(n)) {
        best = e;
        bestLength = n.length;
      }
    }
  }
  return best?.id ?? null;
}

export interface ExtractedEntities {
  entities: EntityRecord[];
  mentions: MentionRecord[];
  figures: FigureRecord[];
}

export function extractEntities(issues: IssueRecord[], articles: ArticleRecord[]): ExtractedEntities {
  const dateOf = new Map(issues.map((i) => [i.id, i.date]));
  const table = new EntityTable();
  const mentions: MentionRecord[] = [];
  const figureHits: { article: ArticleRecord; hit: FigureHit }[] = [];
  const seenMention = new Set<string>();
  const mention = (entityId: string, articleId: string, h: { paragraph: number; start: number; end: number }) => {
    const key = `${entityId}|${articleId}|${h.paragraph}|${h.start}`;
    if (seenMention.has(key)) return;
    seenMention.add(key);
    mentions.push({ entityId, articleId, paragraph: h.paragraph, start: h.start, end: h.end });
  };

  for (const article of articles) {
    const date = dateOf.get(article.issueId) ?? null;
    const n = article.paragraphs.length;
    // Headlines and decks are searched too (names run together in decks), but mentions only point into paragraphs.
    const texts = [...article.paragraphs, ...(article.headline ? [article.headline] : []), ...article.subheadlines];
    const inBody = (h: { paragraph: number }) => h.paragraph < n;

    const orgs: OrgHit[] = findOrgs(texts);
    const people: PersonHit[] = findPeople(texts).filter((p) => !orgs.some((o) => overlaps(o, p)));
    // findPlaces already leaves out places printed inside organisation names, by its own reading of them.
    const places: PlaceHit[] = findPlaces(texts);

    for (const o of orgs) {
      const d = table.upsert('org', o.canonical, () => ({ orgType: o.orgType, inZhuzhou: o.inZhuzhou }));
      table.addAliases(d, [o.text, ...o.aliases]);
      if (inBody(o)) mention(d.entity.id, article.id, o);
    }
    for (const p of places) {
      const d = table.upsert('place', p.canonical, () => ({ placeType: p.placeType, inZhuzhou: p.inZhuzhou }));
      table.addAliases(d, [p.text, ...p.aliases]);
      if (inBody(p)) mention(d.entity.id, article.id, p);
    }
    for (const p of people) {
      const d = addPerson(table, p.name, p.titles, p.role, article, date);
      if (inBody(p)) mention(d.entity.id, article.id, p);
    }
    const credits: [string[], string][] = [
      [article.byline.reporters, '记者'],
      [article.byline.correspondents, '通讯员'],
      [article.byline.photographers, '摄影'],
    ];
    for (const [names, title] of credits) for (const name of names) addPerson(table, name, [title], 'journalist', article, date);
    if (article.author) addPerson(table, article.author, ['作者'], 'journalist', article, date);
    for (const hit of findFigures(article.paragraphs, date, article.headline)) figureHits.push({ article, hit });
  }

  // Second pass: once a person is known anywhere in the archive, every place the name is printed is a
  // mention (`毛伟明强调…` after `省长毛伟明` was read). Journalists are only known from bylines.
  const people = [...table.drafts.values()].filter((d) => d.entity.type === 'person' && [...d.roles].some((r) => r !== 'journalist'));
  const names = people.map((d) => d.entity.name).sort((a, b) => b.length - a.length);
  const nonPersonByArticle = new Map<string, MentionRecord[]>();
  for (const m of mentions) {
    if (m.entityId.startsWith('person:')) continue;
    const list = nonPersonByArticle.get(m.articleId) ?? [];
    list.push(m);
    nonPersonByArticle.set(m.articleId, list);
  }
  for (const article of articles) {
    const taken = nonPersonByArticle.get(article.id) ?? [];
    article.paragraphs.forEach((text, paragraph) => {
      for (const name of names) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
          // A two-character name needs a proper end, so that 刘望 is not read inside 刘望平.
          if (name.length === 2 && readName(text, at) !== name) continue;
          const span = { paragraph, start: at, end: at + name.length };
          if (taken.some((m) => overlaps(m, span))) continue;
          mention(entityId('person', name), article.id, span);
        }
      }
    });
  }

  const entities = [...table.drafts.values()].map((d) => {
    if (d.entity.type === 'person') d.entity.role = finalRole(d);
    return d.entity;
  });
  entities.sort((a, b) => a.id.localeCompare(b.id));
  mentions.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.paragraph - b.paragraph || a.start - b.start || a.entityId.localeCompare(b.entityId));

  const perArticle = new Map<string, number>();
  const figures: FigureRecord[] = figureHits.map(({ article, hit }) => {
    const k = (perArticle.get(article.id) ?? 0) + 1;
    perArticle.set(article.id, k);
    return {
    id: `${article.id}-f${String(k).padStart(3, '0')}`,
    articleId: article.id,
    paragraph: hit.paragraph,
    start: hit.start,
    end: hit.end,
    text: hit.text,
    value: hit.value,
    unit: hit.unit,
    metric: hit.metric,
    subjectEntityId: resolveSubject(hit.subjectText, entities),
    period: hit.period,
    qualifier: hit.qualifier,
    };
  });
  return { entities, mentions, figures };
}
