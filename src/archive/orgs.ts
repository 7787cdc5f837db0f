// Organisations: found by what their names end with (…有限公司, …局, …医院, …大学, 市委…),
// read leftwards to where the name starts, plus the curated short forms of org-aliases.ts.

import { CONTEXT_ONLY, ORG_ALIASES } from './org-aliases';
import type { TextSpan } from './types';

export interface OrgHit extends TextSpan {
  /** One name per organisation: `市委` for 株洲市委 / 中共株洲市委, `省政府` for 湖南省政府. */
  canonical: string;
  aliases: string[];
  orgType: string;
  inZhuzhou: boolean | null;
}

interface Suffix {
  suffix: string;
  type: string;
  /** Shortest stem (text before the suffix) that makes a name. */
  minStem: number;
  /** The stem must open with an administrative prefix (市/省/县/区/国家/a place name). */
  admin?: boolean;
}

const SUFFIXES: Suffix[] = [
  { suffix: '股份有限公司', type: 'company', minStem: 2 },
  { suffix: '有限责任公司', type: 'company', minStem: 2 },
  { suffix: '有限公司', type: 'company', minStem: 2 },
  { suffix: '分公司', type: 'company', minStem: 2 },
  { suffix: '公司', type: 'company', minStem: 2 },
  { suffix: '集团', type: 'company', minStem: 2 },
  { suffix: '银行', type: 'company', minStem: 2 },
  { suffix: '机务段', type: 'company', minStem: 2 },
  { suffix: '工务段', type: 'company', minStem: 2 },
  { suffix: '商场', type: 'company', minStem: 2 },
  { suffix: '中级人民法院', type: 'court', minStem: 1 },
  { suffix: '高级人民法院', type: 'court', minStem: 1 },
  { suffix: '人民法院', type: 'court', minStem: 1 },
  { suffix: '人民检察院', type: 'court', minStem: 1 },
  { suffix: '检察院', type: 'court', minStem: 1 },
  { suffix: '法院', type: 'court', minStem: 1 },
  { suffix: '大学', type: 'school', minStem: 2 },
  { suffix: '学院', type: 'school', minStem: 2 },
  { suffix: '中学', type: 'school', minStem: 2 },
  { suffix: '小学', type: 'school', minStem: 2 },
  { suffix: '学校', type: 'school', minStem: 2 },
  { suffix: '医院', type: 'hospital', minStem: 1 },
  { suffix: '保健院', type: 'hospital', minStem: 2 },
  { suffix: '卫生院', type: 'hospital', minStem: 2 },
  { suffix: '人民政府', type: 'government', minStem: 1, admin: true },
  { suffix: '政府办公室', type: 'government', minStem: 1, admin: true },
  { suffix: '政府办公厅', type: 'government', minStem: 1, admin: true },
  { suffix: '办公厅', type: 'government', minStem: 1, admin: true },
  { suffix: '政府', type: 'government', minStem: 1, admin: true },
  { suffix: '人大常委会', type: 'government', minStem: 1, admin: true },
  { suffix: '常委会', type: 'government', minStem: 1, admin: true },
  { suffix: '领导小组办公室', type: 'government', minStem: 3, admin: true },
  { suffix: '领导小组', type: 'party', minStem: 3, admin: true },
  { suffix: '办公室', type: 'government', minStem: 2, admin: true },
  { suffix: '办事处', type: 'government', minStem: 2 },
  { suffix: '管委会', type: 'government', minStem: 2 },
  { suffix: '指挥部', type: 'government', minStem: 1, admin: true },
  { suffix: '指挥中心', type: 'government', minStem: 2, admin: true },
  { suffix: '海关', type: 'government', minStem: 2 },
  { suffix: '口岸办', type: 'government', minStem: 1, admin: true },
  { suffix: '发改委', type: 'government', minStem: 1, admin: true },
  { suffix: '工商联', type: 'other', minStem: 1, admin: true },
  { suffix: '局', type: 'government', minStem: 2, admin: true },
  { suffix: '厅', type: 'government', minStem: 2, admin: true },
  { suffix: '政法委', type: 'party', minStem: 1, admin: true },
  { suffix: '组织部', type: 'party', minStem: 1, admin: true },
  { suffix: '宣传部', type: 'party', minStem: 1, admin: true },
  { suffix: '统战部', type: 'party', minStem: 1, admin: true },
  { suffix: '纪委', type: 'party', minStem: 1, admin: true },
  { suffix: '党工委', type: 'party', minStem: 1 },
  { suffix: '研究所', type: 'other', minStem: 2 },
  { suffix: '研究院', type: 'other', minStem: 2 },
  { suffix: '研究中心', type: 'other', minStem: 2 },
  { suffix: '创新中心', type: 'other', minStem: 2 },
  { suffix: '测试中心', type: 'other', minStem: 2 },
  { suffix: '服务分中心', type: 'other', minStem: 2 },
  { suffix: '分中心', type: 'other', minStem: 2 },
  { suffix: '商会', type: 'other', minStem: 2 },
  { suffix: '协会', type: 'other', minStem: 2 },
  { suffix: '学会', type: 'other', minStem: 2 },
  { suffix: '联合会', type: 'other', minStem: 2 },
  { suffix: '代表团', type: 'other', minStem: 2 },
  { suffix: '分馆', type: 'other', minStem: 3 },
  { suffix: '图书馆', type: 'other', minStem: 1 },
  { suffix: '日报', type: 'other', minStem: 2 },
];

// Bodies named by a fixed form: party committees and the national ministries (general knowledge).
const FIXED: { re: RegExp; type: string }[] = [
  { re: /中共[\u4e00-\u9fff]{2,4}?(?:市委|省委|县委|区委)|中共中央|党中央|(?<![市县区省镇乡])(?:市委|省委|县委|区委)(?![\u4e00-\u9fff]*?(?:政法委|组织部|宣传部|统战部|领导小组))/g, type: 'party' },
  { re: /(?:科技|商务|财政|教育|公安|民政|司法|交通运输|农业农村|文化和旅游|卫生健康|生态环境|自然资源|住房和城乡建设|水利|应急管理|工业和信息化)部/g, type: 'government' },
  { re: /(?<![\u4e00-\u9fff])(?:市|省|县|区)(?:人大|政协)(?!常委会|代表)/g, type: 'government' },
  { re: /省十[一二三四五六七八九]?届人大/g, type: 'government' },
  { re: /央视网|新华社|人民日报|湖南日报|央视/g, type: 'other' },
];

const ADMIN_PREFIX = /^(?:市|省|县|区|镇|乡|国家|中共|全国|[\u4e00-\u9fff]{2,3}(?:市|省|县|区|街道|镇))/;
// Where a name cannot start: the stem is cut after the last of these.
const CUT_WORDS = new RegExp(
  [
    // verbs that introduce a name
    '来到', '走进', '走访', '协同', '配合', '共话', '前往', '赴', '深入', '位于', '获悉', '作为', '通过', '联合', '会同', '协调', '包括', '对接', '落户', '签约', '推动', '支持', '鼓励',
    '组织', '召开', '举办', '成立', '设立', '建立', '组建', '筹建', '创建', '建设', '搭建', '依托', '引进', '结合', '参加', '接受', '听取', '反映',
    '入选', '加入', '促进', '加快', '推进', '打造', '全力', '成功', '首先', '先后', '获批', '获', '以及', '及其', '上市',
    // time, quantity and pointing words
    '日前', '近日', '当天', '今年', '去年', '明年', '春运', '本次', '第一次', '其中', '同时', '有关', '相关', '一批', '一家', '多家', '\\d+家', '[一二三四五六七八九十两几]个',
    '会议', '企业', '单位', '龙头', '代表性', '记者从', '一行',
    // single function characters
    '由', '经', '在', '是', '对', '从', '了', '向', '为', '据', '将', '把', '被', '让', '等', '该', '到', '于', '的', '与', '并', '都', '共', '有',
  ].join('|'),
  'g',
);
// 和/与/及 join two names (市委、市政府); they are part of a name when what follows is not a new one (商务和粮食局).
const JOIN_WORDS = /[和与及]/g;
const NAME_CHAR = /[\u4e00-\u9fff“”A-Za-z0-9]/;
const MAX_NAME = 26;

function stemStart(text: string, suffixAt: number): number {
  let from = suffixAt;
  while (from > 0 && suffixAt - from < MAX_NAME && NAME_CHAR.test(text[from - 1]!)) from--;
  const stem = text.slice(from, suffixAt);
  let cut = 0;
  for (const m of stem.matchAll(CUT_WORDS)) cut = Math.max(cut, m.index + m[0].length);
  for (const m of stem.matchAll(JOIN_WORDS)) {
    const rest = stem.slice(m.index + 1);
    if (ADMIN_PREFIX.test(rest) || /^(?:湖南|株洲|中国)/.test(rest)) cut = Math.max(cut, m.index + 1);
  }
  // An opening quote whose closing one is not in the stem belongs to the sentence, not the name (`共话“异地商会`).
  const open = stem.lastIndexOf('“');
  if (open >= cut && !stem.slice(open).includes('”')) cut = open + 1;
  return from + cut;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** 株洲市城管局 → 市城管局, 湖南省工信厅 → 省工信厅, 中共株洲市委/株洲市委 → 市委: the paper's own usual forms. */
export function canonicalOrg(name: string): string {
  let n = name.replace(/^中共株洲市委$/, '市委').replace(/^株洲市委$/, '市委');
  n = n.replace(/^株洲市(?=[\u4e00-\u9fff]{2,}(?:局|委|办|部|政府|人大|政协|常委会|指挥部|中心|法院|检察院|医院|保健院|图书馆))/, '市');
  n = n.replace(/^湖南省(?=[\u4e00-\u9fff]{2,}(?:厅|局|委|办|政府|人大|政协|常委会|法院|检察院))/, '省');
  return n;
}

function inZhuzhouOf(name: string): boolean | null {
  if (/^(?:市|株洲|醴陵|攸县|茶陵|炎陵|天元|芦淞|荷塘|石峰|渌口)/.test(name)) return true;
  if (/^(?:省|湖南|中共中央|党中央|国家|全国|中国|长沙|广州|武汉|北京|上海)/.test(name) || /部$/.test(name)) return false;
  return null;
}

const aliasIndex = new Map<string, { name: string; orgType: string }>();
for (const a of ORG_ALIASES) {
  aliasIndex.set(a.name, a);
  for (const x of a.aliases) aliasIndex.set(x, a);
}
const aliasForms = [...aliasIndex.keys()].filter((k) => !CONTEXT_ONLY.has(k)).sort((a, b) => b.length - a.length);

function push(hits: OrgHit[], paragraph: number, start: number, end: number, text: string, orgType: string): void {
  const raw = text.slice(start, end);
  if (raw === '株洲日报' || raw === '株洲日报社') return; // the paper itself
  const curated = aliasIndex.get(raw);
  const canonical = curated ? curated.name : canonicalOrg(raw);
  const aliases = curated ? ORG_ALIASES.find((a) => a.name === curated.name)!.aliases : raw !== canonical ? [raw] : [];
  hits.push({ paragraph, start, end, text: raw, canonical, aliases: [...new Set(aliases)], orgType: curated?.orgType ?? orgType, inZhuzhou: inZhuzhouOf(raw) ?? inZhuzhouOf(canonical) });
}

function findInText(text: string, paragraph: number): OrgHit[] {
  const hits: OrgHit[] = [];
  for (const { suffix, type, minStem, admin } of SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const start = stemStart(text, at);
      const stem = text.slice(start, at);
      if (squash(stem).length < minStem) continue;
      if (admin && !ADMIN_PREFIX.test(stem + suffix)) continue;
      if (/^[“”\d]|^[A-Za-z]+$/.test(stem)) continue;
      // `市城管局局长` has one 局; `市中心医院互联网医院` is a unit of the first hospital; `…有限公司展厅` is a room.
      if (stem.endsWith(suffix) || stem.includes(suffix) || (suffix.length === 1 && /公司|集团/.test(stem))) continue;
      // 市级商会, 异地商会, 县级商会: a kind of body, not one body.
      if (/^(?:[省市县区乡镇村]级|异地|各级|基层|多家)$/.test(stem)) continue;
      // A bare 公司 after a generic word is no name (项目公司, 上市公司, 运营公司).
      if (suffix === '公司' && /(?:项目|运营|上市|合资|子|母|新|投资|平台|全资|控股|分)$/.test(stem)) continue;
      push(hits, paragraph, start, at + suffix.length, text, type);
    }
  }
  for (const { re, type } of FIXED) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) push(hits, paragraph, m.index, m.index + m[0].length, text, type);
  }
  for (const form of aliasForms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) push(hits, paragraph, at, at + form.length, text, 'company');
  }
  // Overlaps: the longest name at a place wins (市委政法委 over 市委, 中车时代半导体公司 over 公司…).
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: OrgHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

export function findOrgs(paragraphs: string[]): OrgHit[] {
  return paragraphs.flatMap((p, i) => findInText(p, i));
}
