import type { ArchiveBundle, ArticleRecord, FigureRecord, IssueRecord, MentionRecord } from '../../src/archive/types';

export function issue(id: string, date: string | null, issueNo: number | null): IssueRecord {
  return { id, source: `${id}.txt`, date, issueNo, pageCount: issueNo === null ? null : 4 };
}

export function article(id: string, issueId: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    issueId,
    headline: `标题${id}`,
    subheadlines: [],
    kind: 'news',
    byline: { reporters: [], correspondents: [], photographers: [] },
    paragraphs: ['第一段。'],
    continues: null,
    continuedFrom: null,
    ...fields,
  };
}

/** Three issues: one dated early, one undated, one dated late (bundle order deliberately unsorted). */
export function sampleBundle(): ArchiveBundle {
  return {
    version: 1,
    issues: [issue('i-2022', '2022-08-24', 23054), issue('i-nodate', null, null), issue('i-2024', '2024-01-27', 23552)],
    articles: [
      article('a1', 'i-2024', {
        headline: '醴陵经开区获省政府真抓实干督查激励',
        byline: { reporters: ['刘毅'], correspondents: ['张璐', '杨欢群'], photographers: [] },
        paragraphs: ['日前,记者从醴陵经开区获悉,该园区获督查激励(“五好”园区)。', '去年,完成技工贸总收入851.7亿元,同比增长28.5%。'],
      }),
      article('a2', 'i-2024', {
        headline: '锚定美好蓝图 强化法治保障',
        subheadlines: ['毛伟明在参加株洲市代表团审议时强调', '张剑飞参加审议 曹慧泉陈恢清等参加'],
        continues: '02版①',
      }),
      article('a3', 'i-2024', {
        headline: null,
        kind: 'continuation',
        continuedFrom: '01版①',
        paragraphs: ['直径仅为头发丝的1/8。长期以来,这根小针只能依赖进口。'],
      }),
      article('a4', 'i-2022', { headline: '市政务 公开专区亮相', continues: '02版①' }),
      article('a5', 'i-nodate', { headline: '制造名城烟花秀', kind: 'photo', byline: { reporters: [], correspondents: ['罗铭'], photographers: [] } }),
      article('a6', 'i-nodate', { headline: '迈上新征程 创造新伟业', kind: 'digest', paragraphs: [] }),
      article('a7', 'i-nodate', { headline: null, kind: 'continuation', continuedFrom: '01版②', paragraphs: ['为满足康宁的相关要求,我市又协调各方资源。'] }),
      article('a8', 'i-nodate', { headline: '告别与出发', kind: 'commentary', subheadlines: ['周·见'], author: '李支国' }),
    ],
    entities: [],
    mentions: [],
    figures: [],
  };
}

/** A mention of `name` (its `nth` occurrence) in a paragraph of `article`, with offsets found in the text. */
export function mentionOf(entityId: string, article: ArticleRecord, paragraph: number, name: string, nth = 0): MentionRecord {
  const text = article.paragraphs[paragraph];
  if (text === undefined) throw new Error(`${article.id} has no paragraph ${paragraph}`);
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(name, start + 1);
    if (start < 0) throw new Error(`"${name}" is not printed ${nth + 1} times in ${article.id}[${paragraph}]`);
  }
  return { entityId, articleId: article.id, paragraph, start, end: start + name.length };
}

function figureOf(
  id: string,
  article: ArticleRecord,
  paragraph: number,
  text: string,
  fields: Pick<FigureRecord, 'value' | 'unit' | 'metric' | 'subjectEntityId' | 'period' | 'qualifier'>,
): FigureRecord {
  const { start, end } = mentionOf('', article, paragraph, text);
  return { id, articleId: article.id, paragraph, start, end, text, ...fields };
}

export const PERSON = 'person:曹慧泉';
export const PERSON2 = 'person:陈恢清';
export const JOURNALIST = 'person:刘毅';
export const PLACE = 'place:醴陵经开区';
export const CITY = 'place:醴陵';
export const ORG = 'org:中车株洲所';

/**
 * The sample bundle with entities: a person printed as 市长 (2022-08-24) and 市委书记 (2024-01-27,
 * and in an undated issue), a development zone, a city whose mention overlaps the zone's, an
 * organisation, a second person, and a journalist known only from a byline; mentions in articles of
 * both dates and of the undated issue; figures about the zone and the organisation, and one about
 * nothing in particular. Articles b1–b4 are added after the sample's a1–a8.
 */
export function entityBundle(): ArchiveBundle {
  const bundle = sampleBundle();
  const a1 = bundle.articles.find((a) => a.id === 'a1')!;
  const b1 = article('b1', 'i-2024', {
    headline: '曹慧泉调研醴陵经开区',
    paragraphs: [
      '1月26日,市委书记曹慧泉来到醴陵经开区调研。他强调,要做强做优陶瓷产业!中车株洲所负责人陪同。',
      '曹慧泉说:“园区是发展的主战场。”随后,他与陈恢清察看了企业生产线。',
    ],
  });
  const b2 = article('b2', 'i-2022', {
    headline: '市长曹慧泉检查安全生产',
    paragraphs: ['8月23日,市长曹慧泉到中车株洲所检查安全生产。', '该所今年产值预计突破500亿元。'],
  });
  const b3 = article('b3', 'i-nodate', {
    headline: null,
    kind: 'continuation',
    continuedFrom: '01版③',
    paragraphs: ['曹慧泉要求,各地各部门要压实责任?确保安全。'],
  });
  const b4 = article('b4', 'i-2022', {
    headline: '醴陵经开区新签约项目12个',
    paragraphs: ['今年以来,醴陵经开区新签约项目12个,总投资86亿元。市长曹慧泉出席签约仪式。'],
  });
  bundle.articles.push(b1, b2, b3, b4);
  bundle.entities = [
    {
      id: PERSON,
      type: 'person',
      name: '曹慧泉',
      aliases: [],
      titles: ['市长', '市委书记'],
      titleHistory: [
        { title: '市长', date: '2022-08-24', articleId: 'b2' },
        { title: '市委书记', date: '2024-01-27', articleId: 'b1' },
        { title: '市长', date: '2022-08-24', articleId: 'b4' },
        { title: '市委书记', date: null, articleId: 'b3' },
      ],
      role: 'official',
    },
    { id: PERSON2, type: 'person', name: '陈恢清', aliases: [], titles: [], titleHistory: [], role: 'other' },
    {
      id: JOURNALIST,
      type: 'person',
      name: '刘毅',
      aliases: [],
      titles: ['记者'],
      titleHistory: [{ title: '记者', date: '2024-01-27', articleId: 'a1' }],
      role: 'journalist',
    },
    { id: PLACE, type: 'place', name: '醴陵经开区', aliases: ['醴陵经济开发区'], placeType: 'dev-zone', inZhuzhou: true },
    { id: CITY, type: 'place', name: '醴陵', aliases: ['醴陵市'], placeType: 'county-city', inZhuzhou: true },
    { id: ORG, type: 'org', name: '中车株洲所', aliases: ['株洲所'], orgType: 'company', inZhuzhou: true },
  ];
  bundle.mentions = [
    mentionOf(PLACE, a1, 0, '醴陵经开区'),
    mentionOf(PERSON, b1, 0, '曹慧泉'),
    mentionOf(PLACE, b1, 0, '醴陵经开区'),
    mentionOf(CITY, b1, 0, '醴陵'), // inside 醴陵经开区: the longer name wins in the text
    mentionOf(ORG, b1, 0, '中车株洲所'),
    mentionOf(PERSON, b1, 1, '曹慧泉'),
    mentionOf(PERSON2, b1, 1, '陈恢清'),
    mentionOf(PERSON, b2, 0, '曹慧泉'),
    mentionOf(ORG, b2, 0, '中车株洲所'),
    mentionOf(PERSON, b3, 0, '曹慧泉'),
    mentionOf(PLACE, b4, 0, '醴陵经开区'),
    mentionOf(PERSON, b4, 0, '曹慧泉'),
  ];
  bundle.figures = [
    figureOf('a1-f001', a1, 1, '851.7亿元', { value: 85_170_000_000, unit: '元', metric: '技工贸总收入', subjectEntityId: PLACE, period: '2023年', qualifier: 'exact' }),
    figureOf('a1-f002', a1, 1, '28.5%', { value: 28.5, unit: '%', metric: null, subjectEntityId: null, period: null, qualifier: 'growth-rate' }),
    figureOf('b2-f001', b2, 1, '500亿元', { value: 50_000_000_000, unit: '元', metric: '产值', subjectEntityId: ORG, period: '2022年', qualifier: 'approx' }),
    figureOf('b4-f001', b4, 0, '86亿元', { value: 8_600_000_000, unit: '元', metric: '总投资', subjectEntityId: PLACE, period: null, qualifier: 'exact' }),
  ];
  return bundle;
}

export const REMOVE = Symbol('remove');

/** A JSON copy of `bundle` with the value at `path` replaced (or removed with REMOVE), for validation tests. */
export function brokenCopy(bundle: unknown, path: (string | number)[], value: unknown): unknown {
  const data: unknown = JSON.parse(JSON.stringify(bundle));
  let node = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return data;
}
