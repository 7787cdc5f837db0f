// The context a quoted figure is read in: which spans of a paragraph are opaque (document titles,
// short quoted slogans), where its sentences and clauses start, who or what a clause is about
// (subject heuristics) and when (period expressions resolved against the issue date).
//
// Everything here is rules over the shape of the text — suffixes of names, function words, date
// patterns — and a short gazetteer of Zhuzhou's county-level names. Nothing refers to a particular
// article.

/** Placeholder for masked (opaque) characters: keeps offsets, never matches a rule. */
export const MASK = '\u25a1';

const SENTENCE_END = new Set(['。', '！', '!', '？', '?', '；', ';', '…']);
const CLAUSE_END = new Set([...SENTENCE_END, '，', ',', '：', ':']);
const CLOSERS = new Set(['”', '’', '」', '』', ')', '）', '》']);
const OPEN_CLOSE: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '(': ')', '（': '）', '〈': '〉', '【': '】' };
const INNER_PUNCT = /[，,。；;！!？?]/;

/** 0: readable; 1: inside a short quote or bracket; 2: inside a 《title》. */
export type Opacity = 0 | 1 | 2;

/**
 * The paragraph with opaque spans replaced by MASK, same length. 《titles》 are always opaque;
 * quotes and brackets are opaque when short and without sentence punctuation inside (slogans such
 * as “三高四新”, lists such as “千亿产业园区、国家级经开区”), so that their words are not taken
 * for subjects, figures or clause breaks. Quoted speech, which has commas, stays readable.
 */
export function maskOpaque(text: string): { masked: string; opaque: Opacity[] } {
  const opaque = new Array<Opacity>(text.length).fill(0);
  if (!OPENERS.test(text)) return { masked: text, opaque };
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const close = OPEN_CLOSE[text[i]!];
    if (!close) continue;
    // only short spans are masked, so the closer is looked for within reach (linear on any input)
    const k = text.slice(i + 1, i + 83).indexOf(close);
    if (k < 0) continue;
    const j = i + 1 + k;
    const inner = text.slice(i + 1, j);
    const isTitle = text[i] === '《' || text[i] === '〈';
    if (isTitle ? inner.length <= 80 : inner.length <= 30 && !INNER_PUNCT.test(inner)) {
      out.push(text.slice(last, i + 1), MASK.repeat(j - i - 1));
      for (let m = i + 1; m < j; m++) opaque[m] = isTitle ? 2 : 1;
      last = j;
      i = j;
    }
  }
  out.push(text.slice(last));
  return { masked: out.join(''), opaque };
}

const OPENERS = /[“‘「『《(（〈【]/;

export interface Span {
  start: number;
  end: number;
}

/** Sentences: up to and including a sentence mark and any closing quotes after it. */
export function sentences(masked: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < masked.length; i++) {
    if (!SENTENCE_END.has(masked[i]!)) continue;
    let e = i + 1;
    while (e < masked.length && (SENTENCE_END.has(masked[e]!) || CLOSERS.has(masked[e]!))) e++;
    out.push({ start, end: e });
    start = e;
    i = e - 1;
  }
  if (start < masked.length) out.push({ start, end: masked.length });
  return out;
}

/** Clauses of a span, split at commas, colons and sentence marks (not at 、, which joins lists). */
export function clauses(masked: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    if (CLAUSE_END.has(masked[i]!)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

export const isCjk = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const u = c.charCodeAt(0);
  return (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
};

// ---------------------------------------------------------------------------------------------
// Subjects: names by their suffix, a short gazetteer, pronouns resolved to what came before

/** Zhuzhou's city, its county-level units and the province: names a subject may be without a suffix. */
export const PLACE_NAMES = ['株洲', '醴陵', '攸县', '茶陵', '炎陵', '渌口', '天元', '芦淞', '荷塘', '石峰', '云龙', '湖南', '长沙', '湘潭'];

/** Suffixes of organisation and place names, by how long the name before them must be. */
const SUFFIXES_LONG = [
  '股份有限公司', '有限责任公司', '有限公司', '公司', '集团', '经开区', '开发区', '高新区', '产业园', '工业园', '科技园', '园区', '新城',
  '街道', '社区', '常委会', '委员会', '人大', '政府', '办公厅', '办公室', '指挥部', '工作室', '联系点', '商会', '协会', '母基金', '基金',
  '银行', '海关', '中学', '小学', '大学', '学院', '学校', '医院', '研究院', '研究所', '中心', '项目', '基地', '机务段', '车务段', '电站',
  '火车站', '高铁站', '管委会', '合作社', '大会',
];
const SUFFIXES_SHORT = ['省', '市', '县', '区', '镇', '乡', '村', '局', '厅', '委', '段', '所', '站', '院', '厂'];
/** A short suffix is not one when the next character makes a word of it: 市场, 区域, 局面, 所有. */
const SHORT_NOT_BEFORE: Record<string, string> = {
  市: '场民委政直区值况容貌级长', 区: '域别间委长级', 县: '委长城域级', 镇: '党长', 局: '面势部长', 厅: '长', 委: '员', 所: '有以在谓长', 乡: '情亲村镇土愁音',
  站: '在点长', 院: '士长', 段: '长时', 村: '民委干', 省: '委长级内外', 厂: '区房长',
};
const SUFFIXES = [...SUFFIXES_LONG.map((s) => [s, 1] as const), ...SUFFIXES_SHORT.map((s) => [s, 2] as const)].sort(
  (a, b) => b[0].length - a[0].length,
);
const SUFFIX_INDEX = new Map<string, (typeof SUFFIXES)[number][]>();
for (const e of SUFFIXES) SUFFIX_INDEX.set(e[0][0]!, [...(SUFFIX_INDEX.get(e[0][0]!) ?? []), e]);

/** Names do not start with these (they are quantifiers, pronouns or generic nouns). */
const GENERIC_HEAD = /^(全|各|该|本|其|这|那|每|此|某|我|他|她|它|企业|部分|一些|相关|有关|所有|多个|多家|不少|主要|重点|城区|辖区|园区|片区|景区|社区|市区|城市|地区|区域|城乡|省内|省外|市内|国内|国外|中国式)/;

/**
 * Words that end a name when they follow it: verbs, adverbs and function words that begin a
 * predicate. Checked at each position of a candidate name (never inside a suffix).
 */
const NAME_BREAKS = [
  '是', '在', '将', '已', '为', '对', '把', '被', '从', '向', '的', '了', '以', '获', '等', '于', '由', '让', '使', '给', '至', '到', '也', '都', '均', '还', '又', '再', '就', '即', '共',
  '完成', '实现', '建立', '预计', '持续', '积极', '全面', '累计', '首次', '成功', '发布', '发出', '举办', '召开', '出台', '启动', '开展', '推动',
  '推进', '加快', '加大', '坚持', '聚焦', '打造', '调整', '集中', '签约', '引进', '拥有', '上演', '一行', '深入', '始终', '不断', '正在',
  '率先', '组建', '接到', '联合', '位于', '地处', '主持', '强调', '表示', '介绍', '指出', '认为', '来到', '走进', '获悉', '相继', '先后',
  '连续', '作为', '通过', '依托', '围绕', '结合', '按照', '根据', '今年', '去年', '上半年', '下半年', '近日', '日前', '目前', '近年', '同比',
  '新增', '入围', '居', '排', '达', '增', '有效', '高度', '大力', '着力', '努力', '全力', '进一步', '严格', '重点', '主要', '认真', '迅速',
  '落户', '占', '设立', '成立', '提供', '承担', '担当', '负责', '牵头', '参与', '签署', '入选', '列入', '纳入', '荣获', '获评', '被', '让', '共同',
  '整合', '针对', '结合', '围绕', '面对', '面向', '对于', '关于', '截至', '截止', '自', '经过', '随着', '据', '若', '如果', '虽然', '因为', '由于',
  // (not 服务, 保障, 促进, 引导, 指导, 检查, 联络, 组织, 支持: names contain them — 服务中心, 促进会, 引导基金)
  '助推', '助力', '推出', '带动', '帮助', '鼓励', '实施', '落实', '提升', '深化', '优化', '强化', '完善', '构建',
  '确保', '力争', '争取', '形成', '成为', '进入', '前往', '参观', '考察', '调研', '督导', '看望', '慰问', '要求', '希望', '赋能',
  '激发', '发挥', '做好', '抓好', '加强', '提高', '建成', '投入', '取得', '开通', '召集', '走访', '筹建', '举行', '迎来', '开启',
  '这些', '那些', '协同', '配合', '决定', '接受', '亮相', '揭牌', '挂牌', '上线', '开业', '开幕', '闭幕',
];

/** Common words that end like a name but are not one: 新格局, 城市, 小区. */
const NOT_NAME_END = /(格局|布局|结局|全局|大局|变局|开局|破局|城市|都市|超市|股市|楼市|夜市|门市|地区|城区|辖区|山区|林区|库区|专区|展区|赛区|郊区|市区|小区|厂区|校区|院区|港区|街区|社区)$/;

function suffixAt(s: string, j: number, suf: string): boolean {
  if (!s.startsWith(suf, j)) return false;
  if (suf.length === 1) {
    const no = SHORT_NOT_BEFORE[suf];
    const next = s[j + 1];
    if (no && next !== undefined && no.includes(next)) return false;
  }
  return true;
}

/** Characters a name may contain besides CJK: 欧科亿·联诚, 基地+北斗平台, App. Never its first. */
const isNameExtra = (c: string | undefined): boolean => c !== undefined && /[A-Za-z+·]/.test(c);

/** Words grouped by their first character, for startsWith tests at many positions. */
export function byFirstChar(words: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const w of words) {
    const list = m.get(w[0]!) ?? [];
    list.push(w);
    m.set(w[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}

/** Whether one of the indexed words starts at s[j]. */
export function wordAt(index: Map<string, string[]>, s: string, j: number): boolean {
  const list = index.get(s[j]!);
  if (!list) return false;
  for (const w of list) if (s.startsWith(w, j)) return true;
  return false;
}

const NAME_BREAK_INDEX = byFirstChar(NAME_BREAKS);

function breakAt(s: string, j: number): boolean {
  const c = s[j];
  if (c === undefined || (!isCjk(c) && !(j > 0 && isNameExtra(c)))) return true;
  return wordAt(NAME_BREAK_INDEX, s, j);
}

/**
 * The longest name at the start of s: a gazetteer place and/or a run of name characters ending
 * in a name suffix (石峰区, 广铁集团, 市人大常委会, 醴陵市第三中学, 湖南指上美食品有限公司),
 * stopping at the first predicate word. Returns its length, or 0.
 */
export function leadingName(s: string, maxLen = 26): number {
  const ends = nameEnds(s, maxLen);
  return ends.length ? ends[ends.length - 1]! : 0;
}

/** Every length at which the start of s is a complete name (醴陵市, 醴陵市商务和粮食局), ascending. */
export function nameEnds(s: string, maxLen = 26): number[] {
  const ends: number[] = [];
  if (GENERIC_HEAD.test(s)) return ends;
  let best = 0;
  for (const p of PLACE_NAMES) if (s.startsWith(p)) best = Math.max(best, p.length);
  // a name does not start with a predicate word, a conjunction or 有
  if (best === 0 && (breakAt(s, 0) || '和与及或有'.includes(s[0]!))) return ends;
  if (best > 0) ends.push(best);
  const limit = Math.min(s.length, maxLen);
  let j = best;
  let segStart = best; // where the current name segment starts (after the place or the last suffix)
  while (j < limit) {
    let matched = '';
    for (const [suf, minName] of SUFFIX_INDEX.get(s[j]!) ?? []) {
      if (!suffixAt(s, j, suf)) continue;
      // Enough name before it; or a long suffix right after another (市人大 + 常委会); or a
      // gazetteer place just read (株洲 + 市, 醴陵 + 经开区).
      if (j - segStart >= minName || (j === segStart && j > 0 && (suf.length > 1 || best === j))) {
        matched = suf;
        break;
      }
    }
    if (matched) {
      const end = j + matched.length;
      if (end <= limit && !NOT_NAME_END.test(s.slice(0, end))) {
        best = Math.max(best, end);
        if (ends[ends.length - 1] !== end) ends.push(end);
        segStart = end;
        j = end;
        continue;
      }
    }
    // Predicate words end the name; 和/与/及 end it only between two names (石峰区和荷塘区), not
    // inside one (醴陵市商务和粮食局, 研发及应用产业化项目).
    if (j > 0 && breakAt(s, j)) break;
    if (j > 0 && j === segStart && '和与及、'.includes(s[j]!)) break;
    if (j === 0 && !isCjk(s[0])) break;
    j++;
  }
  return ends;
}

export type PronounKind = 'city' | 'district' | 'county' | 'park' | 'company' | 'unit' | 'school' | 'project' | 'town' | 'centre' | 'any';

const PRONOUNS: [RegExp, PronounKind, boolean][] = [
  // [pattern at clause start, what it refers to, whether 株洲市 is the default]
  [/^(我市|本市)/, 'city', true],
  [/^(全市|该市)/, 'city', false],
  [/^(该区|全区|本区)/, 'district', false],
  [/^(该县|全县|本县)/, 'county', false],
  [/^(该园区|园区内)/, 'park', false],
  [/^(该公司|该企业|该集团)/, 'company', false],
  [/^(该段|全段)/, 'unit', false],
  [/^(该校|全校)/, 'school', false],
  [/^(该项目)/, 'project', false],
  [/^(该镇|全镇|该街道|该村|全村)/, 'town', false],
  [/^(该中心)/, 'centre', false],
  [/^(我们|他们|其)/, 'any', false],
];

/** What each pronoun can refer to, by the end of the name. */
export const KIND_SUFFIX: Record<PronounKind, RegExp> = {
  city: /市$/,
  district: /区$/,
  county: /县$/,
  park: /(园区|经开区|开发区|高新区|产业园|工业园|科技园|新城)$/,
  company: /(公司|集团|厂)$/,
  unit: /段$/,
  school: /(学校|中学|小学|大学|学院)$/,
  project: /项目$/,
  town: /(镇|街道|村|乡)$/,
  centre: /中心$/,
  any: /./,
};

export function pronounAt(s: string): { length: number; kind: PronounKind; defaultCity: boolean } | null {
  for (const [re, kind, def] of PRONOUNS) {
    const m = re.exec(s);
    if (m) return { length: m[0].length, kind, defaultCity: def };
  }
  return null;
}

/** Words at a clause start that are not its subject: time, discourse and framing words. */
const LEAD_STRIP = [
  /^[\s“”‘’「」『』()（）●■◆—\-·•]+/,
  /^(其中|同时|此外|另外|而且|并且|特别是|尤其是|据悉|据了解|据介绍|据统计|粗略统计显示|统计显示|数据显示|记者了解到|记者获悉|与此同时|因此|所以|但是|这些|那些|这|但|而|并|且|还|也|则)/,
  /^(第二天|次日|当晚|当年|当月|当天|当日|今天|昨天|昨日|昨晚|今晚|日前|近日|近期|目前|当前|现在|此前|此后|随后|之后|最近|最终|至今|如今|截至目前|截至当前|今年以来|去年以来|近年来|近两年|近三年|多年来|年初|年底|年末|年内|全年|每年|常年|此次|本次|这次|首先|其次|最后)/,
];

/** A clause's lead with time expressions and discourse words removed. Returns the offset removed. */
export function stripLead(s: string): number {
  let off = 0;
  for (let guard = 0; guard < 12; guard++) {
    const rest = s.slice(off);
    let n = 0;
    for (const re of LEAD_STRIP) {
      const m = re.exec(rest);
      if (m && m[0].length > 0) {
        n = m[0].length;
        break;
      }
    }
    if (n === 0) {
      const p = PERIOD_AT_START.exec(rest);
      if (p && p[0].length > 0) n = p[0].length;
    }
    if (n === 0) break;
    off += n;
  }
  return off;
}

// ---------------------------------------------------------------------------------------------
// Periods

const CN_MONTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 正: 1 };
const PART = '(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年初|年底|年末|(?:\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*[-—–~～至到]\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?|(?:\\d{1,2}|[一二三四五六七八九十正]{1,2})月(?:份|底|末|初|中旬|下旬|上旬)?(?:\\d{1,2}日)?)';
/** A period expression at the start of a string (used to strip leads). */
const PERIOD_AT_START = new RegExp(`^(?:(?:截至|截止)?(?:\\d{4}年度?|去年|今年|前年|明年|上年)(?:${PART})?|(?:截至|截止)?${PART}|昨晚|昨天|昨日|今年春运|春运期间|春运)(?:以来|期间)?`);
const PERIOD_ANY = new RegExp(
  `(?:截至|截止)?(?:\\d{4}年度?|去年|今年|前年|明年)(?:${PART})?(?:春运|以来)?|(?:截至|截止)?${PART}(?:以来)?|截至目前|截止目前|目前|昨晚|昨天|昨日|每年|常年|春运`,
  'g',
);

export interface IssueDay {
  y: number;
  m: number;
  d: number;
}

export function parseIssueDate(date: string | null): IssueDay | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

const monthNum = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (CN_MONTH[s] ?? NaN));

/**
 * A period expression as a clear string, resolved against the issue date where it is relative:
 * 去年 → 2023年, 今年上半年 → 2022年上半年, 12月30日 (in a January issue) → 2022年12月30日,
 * 昨晚 → 2023年1月1日, 目前 → 截至2024年1月. Returns the text unchanged when it cannot be resolved.
 */
export function resolvePeriod(raw: string, issue: IssueDay | null, contextYear: number | null = null): string {
  const s = raw.replace(/\s+/g, '');
  if (/^(每年|常年)$/.test(s)) return s;
  if (/^(截至|截止)?目前$/.test(s)) return issue ? `截至${issue.y}年${issue.m}月` : s;
  if (/^(昨晚|昨天|昨日)$/.test(s)) {
    if (!issue) return s;
    const t = new Date(Date.UTC(issue.y, issue.m - 1, issue.d) - 86400000);
    return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
  }
  const m = /^(截至|截止)?(?:(\d{4})年度?|(去年|今年|前年|明年|上年))?(.*?)$/.exec(s);
  if (!m) return s;
  const prefix = m[1] ? '截至' : '';
  let rest = m[4] ?? '';
  let year: number | null = m[2] ? Number(m[2]) : null;
  if (m[3] && issue) year = issue.y + ({ 去年: -1, 上年: -1, 今年: 0, 前年: -2, 明年: 1 } as Record<string, number>)[m[3]]!;
  // Normalise the part: 1至3月 → 1-3月, 二月 → 2月, 7月份 → 7月.
  rest = rest.replace(/[—–~～至到]/g, '-').replace(/月份/g, '月');
  rest = rest.replace(/(^|-)(十[一二]|[一二三四五六七八九十正])月/g, (_all, a: string, b: string) => `${a}${monthNum(b)}月`);
  rest = rest.replace(/^(十[一二]|[一二三四五六七八九十])-(\d+)月/, (_all, a: string, b: string) => `${monthNum(a)}-${b}月`);
  if (year === null && !m[3] && contextYear !== null && rest !== '' && rest !== '以来') {
    // A bare 上半年/全年/12月 after an explicit year in the same stretch of text belongs to it.
    year = contextYear;
  }
  if (year === null && issue && !m[3]) {
    if (rest === '' || rest === '以来') return s;
    // A bare month or day: this year, unless that is still ahead of the issue date.
    const md = /^(\d{1,2})(?:-(\d{1,2}))?月(?:(\d{1,2})日)?/.exec(rest);
    year = issue.y;
    if (md) {
      const mon = Number(md[2] ?? md[1]);
      const day = md[3] ? Number(md[3]) : 1;
      if (mon > issue.m || (mon === issue.m && day > issue.d)) year = issue.y - 1;
    }
  }
  if (year === null) return s;
  return `${prefix}${year}年${rest}`;
}

export interface PeriodMark {
  start: number;
  end: number;
  text: string;
}

/** The year a period expression states or implies (去年 → issue year − 1), or null for a bare part. */
export function periodYear(raw: string, issue: IssueDay | null): number | null {
  const m = /^(?:截至|截止)?(?:(\d{4})年|(去年|今年|前年|明年|上年))/.exec(raw);
  if (!m) return null;
  if (m[1]) return Number(m[1]);
  if (!issue) return null;
  return issue.y + ({ 去年: -1, 上年: -1, 今年: 0, 前年: -2, 明年: 1 } as Record<string, number>)[m[2]!]!;
}

/** Bare parts that belong to the year last named: 上半年, 全年, 一季度, 1-7月 (not a single day). */
export const isSeasonPart = (raw: string): boolean => /^(上半年|下半年|前三季度|第?[一二三四1-4]季度|全年|年初|年底|年末|\d{1,2}[-—–~～至到]\d{1,2}月)/.test(raw);

/**
 * Period expressions of a paragraph (on masked text, so dates inside 《titles》 are ignored),
 * leaving out comparison bases: 与2023年同比, 较2022年度, 2019年同期.
 */
export function findPeriods(masked: string): PeriodMark[] {
  const out: PeriodMark[] = [];
  PERIOD_ANY.lastIndex = 0;
  for (let m = PERIOD_ANY.exec(masked); m; m = PERIOD_ANY.exec(masked)) {
    if (m[0].length === 0) {
      PERIOD_ANY.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(0, start - 2), start);
    const after = masked.slice(end, end + 3);
    if (/(与|较|比|自|从|于)$/.test(before) || /^(同期|相比|同比|比较|的基础)/.test(after)) continue;
    // A bare number-and-month inside a longer number (e.g. a figure) is not a period.
    if (/^\d/.test(m[0]) && /\d$/.test(masked.slice(Math.max(0, start - 1), start))) continue;
    // 年内/年产能/年税收 are not periods; a bare 全年/年初 etc. are.
    out.push({ start, end, text: m[0] });
  }
  return out;
}
