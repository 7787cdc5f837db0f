// The masthead block (`株洲日报 / 掌上株洲 客户端 / 2024年1月27日 星期六 / 癸卯年十二月十七 第23552期 今日4版 /
// 国内统一连续出版物号CN 43-0005`) and other page furniture. The extraction may put the masthead
// anywhere, even between two articles, so each of its lines is recognised on its own.

export interface MastheadFacts {
  date: string | null;
  issueNo: number | null;
  pageCount: number | null;
  evidence: string[];
}

export type FurnitureKind = 'masthead' | 'digest-start' | 'page-pointer' | 'section' | 'editors' | 'promo';

const MASTHEAD_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*星期[一二三四五六日天]/;
const ISSUE_NO = /第\s*(\d{3,6})\s*期/;
const PAGE_COUNT = /今日\s*(\d{1,3})\s*版/;

export function furnitureKind(line: string): FurnitureKind | null {
  const t = line.replace(/\s+/g, '');
  if (/^株洲日报(社)?$/.test(t) || /^掌上株洲(客户端)?$/.test(t) || t === '客户端') return 'masthead';
  if (MASTHEAD_DATE.test(line) || (ISSUE_NO.test(t) && PAGE_COUNT.test(t))) return 'masthead';
  if (/国内统一连续出版物号|^中共株洲市委主管/.test(t)) return 'masthead';
  if (t === '导读') return 'digest-start';
  if (/^\d{1,2}版$/.test(t)) return 'page-pointer';
  if (/^[\u4e00-\u9fff]{2,4}·[\u4e00-\u9fff]{2,4}$/.test(t)) return 'section';
  if (/^(责任编辑|美术编辑|校对|版式设计)[:：]/.test(t)) return 'editors';
  if (/^扫一扫|关注株洲日报社?新媒体$/.test(t)) return 'promo';
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export { iso as isoDate };

/** Collects date, issue number and page count from the masthead lines, wherever they are. */
export function readMasthead(lines: string[]): MastheadFacts {
  const facts: MastheadFacts = { date: null, issueNo: null, pageCount: null, evidence: [] };
  for (const line of lines) {
    if (furnitureKind(line) !== 'masthead') continue;
    const d = MASTHEAD_DATE.exec(line);
    if (d && facts.date === null) {
      facts.date = iso(Number(d[1]), Number(d[2]), Number(d[3]));
      facts.evidence.push(line.trim());
    }
    const t = line.replace(/\s+/g, '');
    const n = ISSUE_NO.exec(t);
    const p = PAGE_COUNT.exec(t);
    if (n && facts.issueNo === null) facts.issueNo = Number(n[1]);
    if (p && facts.pageCount === null) facts.pageCount = Number(p[1]);
    if ((n || p) && !facts.evidence.includes(line.trim())) facts.evidence.push(line.trim());
  }
  return facts;
}
