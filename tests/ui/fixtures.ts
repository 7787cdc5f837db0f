import type { ArchiveBundle, ArticleRecord, IssueRecord } from '../../src/archive/types';

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
