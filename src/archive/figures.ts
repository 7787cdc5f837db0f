// Quoted figures in an article: 851.7亿元, 同比增长28.5%, 60多万吨, 8%-10%, 第36位 … with their
// value in base units, what they measure (metric), whose they are (subject) and when (period).
//
// Decisions, so that readers of the archive know what a figure is here:
// - A figure is a number with a unit of measure (money, %, counts, area, weight, energy, length,
//   duration, 倍) or a rank 第N位/名. A bare number is not one, except 亿/万 amounts in a money
//   context (产值30亿 → 元). Dates, clock times, issue and page numbers, codes (CN 43-0005, 12367平台,
//   5G), ordinals (第三中学, 十四届, 二次会议) and years are never figures: 年/月/日/时/分/期/版/届/
//   级/号 are not units, and an ordinal 第 is only a rank before 位/名.
// - Chinese numerals count only from ten up (十五条, 两万, 两百余人): single-digit ones in running
//   text are nearly always rhetoric (三大片区, 五大通道, 一批, 两张皮); so are numerals inside
//   quoted slogans and 《titles》, and a bare 千/万 without 余/多/近 (千家万户, 万亩示范片).
// - Durations are figures (11小时中度污染, 总工期81个月, 3—5个工作日), except the set phrase
//   24小时 for "round the clock" (24小时监测, 24小时自助受理); 24小时内 (a time limit) is kept.
// - Ages are not figures (岁 is not a unit).
// - A range (8%-10%, 8%至10%, 3—5个工作日) has value = its lower bound and qualifier 'range'.
// - Qualifier priority: range > growth-rate > approx > exact. A growth-rate is a %, 个百分点 or 倍
//   after a growth word (同比增长, 增速, 同比增, 下降 …). Its value is printed magnitude: a fall
//   (下降60%) keeps value 60 and says 下降 in the metric. An absolute change (同比增加1806.9万人次)
//   is 'exact' but its metric inherits what it is a change of.

import {
  decScale, decToNumber, isArabicDigit, isCnNumeralChar, readArabic, readChinese, scaleOptions, type Dec,
} from './numbers';
import {
  clauses, findPeriods, isCjk, leadingName, nameEnds, maskOpaque, parseIssueDate, pronounAt, resolvePeriod, sentences, stripLead,
  KIND_SUFFIX, PLACE_NAMES, byFirstChar, wordAt, isSeasonPart, periodYear, type Opacity, type PronounKind, type Span,
} from './figure-context';

import type { TextSpan } from './types';

export interface FigureHit extends TextSpan {
  value: number;
  unit: string;
  metric: string | null;
  subjectText: string | null;
  period: string | null;
  qualifier: 'exact' | 'approx' | 'range' | 'growth-rate';
}

// ---------------------------------------------------------------------------------------------
// Units

interface UnitDef {
  surface: string;
  unit: string;
  /** power of ten to multiply by to reach the base unit (兆瓦 → 千瓦: 3) */
  pow: number;
  latin?: boolean;
}

const U = (surface: string, unit = surface, pow = 0): UnitDef => ({ surface, unit, pow });
const L = (surface: string, unit: string, pow = 0): UnitDef => ({ surface, unit, pow, latin: true });

const UNITS: UnitDef[] = [
  // money
  U('元人民币', '元'), U('美元'), U('欧元'), U('港元'), U('日元'), U('英镑'), U('千元', '元', 3), U('元'),
  // percent
  U('%'), U('％', '%'), U('个百分点'), U('‰'),
  // duration (个月/个工作日 before 个)
  U('个工作日', '工作日'), U('工作日'), U('个小时', '小时'), U('小时'), U('分钟'), U('个月', '月'), U('天'),
  // area
  U('平方公里'), U('平方千米', '平方公里'), U('平方米'), U('平米', '平方米'), U('㎡', '平方米'), U('公顷'), U('亩'),
  // weight
  U('吨'), U('公斤'), U('千克', '公斤'), U('克'),
  // energy, power, length, volume
  U('千瓦时'), U('千瓦'), U('兆瓦', '千瓦', 3), U('千伏'), U('度'), U('公里'), U('千米', '公里'), U('立方米'), U('米'),
  L('kWh', '千瓦时'), L('kW', '千瓦'), L('KW', '千瓦'), L('kw', '千瓦'), L('MW', '千瓦', 3), L('GW', '千瓦', 6), L('km', '公里'), L('kg', '公斤'),
  // counts (人次/场次/架次 before 人/场/架)
  U('人次'), U('场次'), U('架次'), U('个'), U('家'), U('人'), U('名'), U('位'), U('台'), U('件'), U('项'), U('户'), U('条'), U('趟'), U('枚'),
  U('辆'), U('所'), U('场'), U('次'), U('座'), U('栋'), U('套'), U('架'), U('支'), U('张'), U('篇'), U('批'), U('列'), U('艘'), U('只'),
  U('头'), U('株'), U('棵'), U('处'), U('间'), U('例'), U('起'), U('份'), U('宗'), U('副'),
  // multiples
  U('倍'),
].sort((a, b) => b.surface.length - a.surface.length);

/** A one-character unit is not one when the next character makes a word of it (件事, 项目, 人民…). */
const UNIT_NOT_BEFORE: Record<string, string> = {
  件: '事', 条: '件例', 项: '目', 户: '籍口', 家: '庭长乡属', 人: '民大员才工', 次: '日要', 场: '景所地馆面', 天: '然元河', 度: '假', 所: '在有以谓属长',
  处: '理置长', 起: '来步点草', 名: '单义称城', 位: '于置', 台: '阶风', 头: '发条', 米: '粉饭', 个: '人性体别', 只: '是有要能', 张: '贴', 间: '隔',
  例: '如外', 份: '额', 支: '持付队', 列: '入车', 栋: '梁', 座: '谈', 批: '准复评', 套: '餐', 份额: '',
};

function unitAt(text: string, i: number): UnitDef | null {
  for (const u of UNITS) {
    if (!text.startsWith(u.surface, i)) continue;
    const next = text[i + u.surface.length];
    if (u.latin && next !== undefined && /[A-Za-z]/.test(next)) continue;
    if (u.surface.length === 1 && next !== undefined && UNIT_NOT_BEFORE[u.surface]?.includes(next)) continue;
    return u;
  }
  return null;
}

const MONEY_WORDS = /(产值|收入|营收|投资|税收|资金|金额|资本|规模|销售|总额|出口|进口|贸易|利润|贷款|存款|融资|成交|交易|预算|支出|财政|生产总值|增加值|GDP|基金|补贴|奖励|经费|资产|市值|货值|引资|合同)/;

/** Political slogans whose numerals are never figures, whatever the quoting. */
const SET_PHRASES = ['十四五', '十三五', '十二五', '十五五', '三高四新', '一带一路', '一主两特', '三个高地', '十个统筹', '八大行动', '四下基层', '一件事一次办'];

const APPROX_BEFORE: [string, RegExp | null][] = [
  ['将近', null], ['接近', null], ['大约', null], ['超过', null], ['不足', null], ['不到', null], ['多达', null],
  ['近', /[最附接将临贴靠亲]$/], ['约', /[签预合节制公条邀相特履违大]$/], ['超', /[赶高]$/], ['逾', null],
];
const APPROX_AFTER = ['以上', '左右', '上下', '之多', '以下', '余', '多'];
const RANGE_SEP = /^[-—–~～－至到]/;

interface Quantity {
  end: number;
  value: Dec;
  unit: string | null;
  approx: boolean;
  scalePow: number;
}

/** Number, optional 多/余, optional 万/亿, optional 多/余, optional unit — starting at i. */
function readQuantity(text: string, i: number): { q: Quantity; chinese: boolean; bare: boolean } | null {
  const a = readArabic(text, i);
  let numEnd: number;
  let value: Dec;
  let chinese = false;
  let bare = false;
  if (a) {
    numEnd = a.end;
    value = a.value;
  } else {
    const c = readChinese(text, i);
    if (!c) return null;
    numEnd = c.end;
    value = c.value;
    chinese = true;
    bare = c.bareUnit;
  }
  let j = numEnd;
  let approx = false;
  if (text[j] === '多' || text[j] === '余') {
    approx = true;
    j++;
  }
  let fallback: Quantity | null = null;
  for (const [w, p] of scaleOptions(text, j)) {
    let k = j + w.length;
    let ap = approx;
    if (!ap && w && (text[k] === '多' || text[k] === '余')) {
      ap = true;
      k++;
    }
    const u = unitAt(text, k);
    if (u) return { q: { end: k + u.surface.length, value: decScale(value, p + u.pow), unit: u.unit, approx: ap, scalePow: p }, chinese, bare };
    if (!fallback) fallback = { end: k, value: decScale(value, p), unit: null, approx: ap, scalePow: p };
  }
  // No unit: the number alone (a range's first half, or a money amount in 亿/万 without 元).
  if (approx && fallback && fallback.scalePow === 0) return { q: { ...fallback, end: numEnd, approx: false }, chinese, bare };
  return fallback ? { q: fallback, chinese, bare } : null;
}

interface RawFigure {
  start: number;
  end: number;
  numStart: number;
  value: number;
  unit: string;
  approx: boolean;
  range: boolean;
  rank: boolean;
  /** approx verb before it, outside its text (突破100亿元) */
  approxVerb: boolean;
}

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

function insideSetPhrase(text: string, i: number): boolean {
  for (const p of SET_PHRASES) {
    for (let k = Math.max(0, i - p.length + 1); k <= i; k++) if (text.startsWith(p, k)) return true;
  }
  return false;
}

/** All figures of one paragraph, in order, without context. */
function scanFigures(text: string, masked: string, opaque: Opacity[]): RawFigure[] {
  const out: RawFigure[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const prev = text[i - 1];
    let startsNumber = false;
    let percentWord = false;
    if (isArabicDigit(c)) startsNumber = !isArabicDigit(prev) && prev !== '.' && prev !== '．' && !isAsciiLetter(prev) && prev !== '/';
    else if (text.startsWith('百分之', i) && (isCnNumeralChar(text[i + 3]) || isArabicDigit(text[i + 3]))) startsNumber = percentWord = true;
    else if (isCnNumeralChar(c)) startsNumber = !isCnNumeralChar(prev) && prev !== '点';
    if (!startsNumber) {
      i++;
      continue;
    }
    const f = percentWord ? readPercentWord(text, i) : readFigureAt(text, masked, opaque, i);
    if (f) {
      out.push(f);
      i = f.end;
    } else {
      // skip the whole number so its tail is not read as another one
      let j = i + 1;
      if (isArabicDigit(c)) while (j < text.length && (isArabicDigit(text[j]) || ((text[j] === '.' || text[j] === ',') && isArabicDigit(text[j + 1])))) j++;
      else if (!percentWord) while (j < text.length && isCnNumeralChar(text[j])) j++;
      i = j;
    }
  }
  return out;
}

function readPercentWord(text: string, i: number): RawFigure | null {
  const r = readQuantity(text, i + 3);
  if (!r || r.q.unit !== null) return null;
  return { start: i, end: r.q.end, numStart: i, value: decToNumber(r.q.value), unit: '%', approx: false, range: false, rank: false, approxVerb: false };
}

function readFigureAt(text: string, masked: string, opaque: Opacity[], i: number): RawFigure | null {
  const first = readQuantity(text, i);
  if (!first) return null;
  const chinese = first.chinese;
  if (opaque[i] === 2) return null; // inside a 《title》
  if (chinese) {
    if (opaque[i] !== 0) return null; // quoted slogans
    if (insideSetPhrase(text, i)) return null;
    // single Chinese digits are rhetoric; numerals need 十/百/千/万/亿 in them
    const raw = text.slice(i, first.q.end);
    if (![...raw].some((ch) => '十拾百佰千仟万亿'.includes(ch))) return null;
  }
  const prev = text[i - 1];
  let q = first.q;
  let range = false;
  let end = q.end;
  // A range: 8%-10%, 8%至10%, 3—5个工作日, 3-5万元.
  const sepM = RANGE_SEP.exec(text.slice(end, end + 1));
  if (sepM && (isArabicDigit(text[end + 1]) || isCnNumeralChar(text[end + 1]))) {
    const second = readQuantity(text, end + 1);
    if (second && second.q.unit !== null && second.chinese === chinese && (q.unit === null || q.unit === second.q.unit)) {
      if (q.unit === null && q.scalePow === 0 && second.q.scalePow > 0) q = { ...q, value: decScale(q.value, second.q.scalePow) };
      if (q.unit === null) {
        // the first half takes the unit's own scale too (3—5兆瓦)
        const u = UNITS.find((d) => d.unit === second.q.unit);
        if (u && u.pow && !first.q.unit) q = { ...q, value: decScale(q.value, u.pow) };
      }
      q = { ...q, unit: second.q.unit, approx: q.approx || second.q.approx };
      end = second.q.end;
      range = true;
    }
  }
  let unit = q.unit;
  if (unit === null) {
    // 产值30亿: a 万/亿 amount in a money context is in 元.
    if (q.scalePow >= 4 || (chinese && /[万亿]$/.test(text.slice(i, q.end)))) {
      const clauseStart = Math.max(0, lastClauseBreak(masked, i));
      if (MONEY_WORDS.test(text.slice(clauseStart, i))) unit = '元';
    }
    if (unit === null) return null;
  }
  let approx = q.approx;
  // Chinese numerals with a bare leading unit need an approximation: 百余人, 近千家, not 千家万户.
  let start = i;
  let approxVerb = false;
  for (const [w, notAfter] of APPROX_BEFORE) {
    if (text.startsWith(w, i - w.length) && opaque[i - w.length] === 0) {
      if (notAfter && notAfter.test(text.slice(0, i - w.length))) continue;
      start = i - w.length;
      approx = true;
      break;
    }
  }
  if (/(突破|超过|高达|逾)$/.test(text.slice(Math.max(0, start - 2), start))) approxVerb = true;
  const innerApprox = approx;
  for (const w of APPROX_AFTER) {
    if (text.startsWith(w, end)) {
      // 余/多 after a unit only for 元-like amounts (100万余元 is read inside); 多 after a unit is rare
      if ((w === '余' || w === '多') && unit !== '元') continue;
      // 亿元以上项目11个, 10亿元以上的项目: a threshold naming a class, not a quoted amount.
      if ((w === '以上' || w === '以下') && isCjk(text[end + w.length])) return null;
      end += w.length;
      approx = true;
      break;
    }
  }
  // A bare 千/万/亿 is a number only when approximated: 百余人, 近千家; not 千家万户, 万亩示范片.
  if (chinese && first.bare && !innerApprox && start === i) return null;
  // Ordinals: 第 makes a rank only before 位/名 with Arabic digits.
  let rank = false;
  if (prev === '第' || prev === '弟') {
    if (chinese || (unit !== '位' && unit !== '名') || range) return null;
    rank = true;
    start = i - 1;
  }
  // Codes and versions: 5G, G20, A4, 1/8, 18:30.
  if (!chinese) {
    if (isAsciiLetter(text[q.end]) && !/[A-Za-z]$/.test(text.slice(i, q.end))) {
      const u = unitAt(text, first.q.end);
      if (!u?.latin) return null;
    }
    if (text[first.q.end] === '/' || text[first.q.end] === ':' || prev === ':' || prev === '-' || prev === '—') {
      if (!range) return null;
    }
  }
  // 24小时 as "round the clock"; 24小时内 is a time limit and stays.
  if (unit === '小时' && !range && text.slice(i, q.end).replace(/个/g, '') === '24小时' && !/^(内|以内|之内)/.test(text.slice(end, end + 2))) return null;
  const value = decToNumber(q.value);
  if (!Number.isFinite(value)) return null;
  return { start, end, numStart: i, value, unit, approx, range, rank, approxVerb };
}

function lastClauseBreak(masked: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) if ('，,；;：:。！!？?'.includes(masked[k]!)) return k + 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Metric words

const LEAD_VERBS = [
  '已累计完成', '累计完成', '已拥有', '共拥有', '拥有', '完成了', '完成', '实现了', '实现', '共有', '已有', '现有', '还有', '有', '准备了', '准备', '居于', '位居',
  '居', '排名', '排', '已经', '已', '共', '将', '把', '可', '并', '还', '其', '仅', '达到', '首次', '再次', '率先', '成功', '现', '这', '原有', '至目前', '至今',
];
/** Verbs that, before a count and its noun, say what was done to what is counted (签约6个项目). */
const ACTION_VERBS = [
  '新增', '新建', '新开', '新引进', '引进', '签约', '成立', '建立', '组建', '设立', '搭建', '打造', '建成', '实施', '开展', '举办', '发运', '开通', '发布',
  '收集', '提炼出', '提出', '走访', '解决', '排查', '处罚', '消除', '拆除', '揭榜', '拟建', '建设', '培育', '认定', '入选', '获得', '获', '出现', '开工', '竣工',
  '投产', '完成', '启动', '服务', '帮扶', '救助', '培训', '吸引', '招聘', '安置', '接待', '受理', '办结', '办理', '销售', '出口', '进口', '生产', '种植', '收购',
];
const TAIL_WORDS = [
  '分别达到', '分别为', '分别是', '分别', '达到了', '达到', '已达', '将达', '可达', '高达', '多达', '达', '为', '是', '增至', '增加到', '增加至', '增长至', '增长到', '提高到', '提高至',
  '提升至', '提升到', '升至', '降至', '缩减至', '缩短至', '突破', '超过', '超', '逾', '近', '约', '共计', '共', '合计', '总计', '累计', '仅', '保持在', '稳定在', '维持在',
  '在', '有', '了', '都', '均', '已', '将', '可', '计', '居全国', '居全省', '居全市', '排全国', '排全省', '排全市', '位居全国', '位居全省', '位居', '位列', '名列', '排在', '排名',
  '居', '就',
];
const APPROX_TAILS = new Set(['突破', '超过', '超', '逾', '近', '约', '高达', '多达']);
const GROWTH_WORDS = [
  '同比增长', '同比增加', '同比下降', '同比减少', '同比提高', '同比提升', '同比上升', '同比增', '同比降', '同比', '环比增长', '环比下降', '环比增', '较上年增长',
  '增长', '增加', '下降', '降低', '减少', '提高', '提升', '上升', '回落', '增速', '增幅', '降幅', '增', '降',
];
const TAIL_TIME = /(常年|每年|目前|当前|今年|去年|全年|上半年|下半年|年内|现|已经)$/;

/** Words after which a following noun phrase ends. */
const NOUN_BREAKS = [
  '给予', '上榜', '销往', '安排', '腾空', '进驻', '参与', '落户', '开工', '投产', '入选', '组成', '正在', '获得', '得到', '进行', '提供', '实行', '建成', '竣工',
  '集中', '成功', '签约', '参加', '出席', '受到', '覆盖', '涉及', '共同', '全部', '完成', '实现', '启动', '相继', '陆续', '先后', '已', '将', '被', '获', '于', '从',
  '在', '和', '与', '及', '的', '是', '为', '中', '里', '内', '以', '等', '参', '入', '通过', '提出', '发布', '开展', '纳入', '列入', '跻身', '达', '可以', '需要',
  '均', '都', '也', '还', '又', '并', '对', '向', '把', '让', '使', '同比', '增长', '比', '一起', '一道', '一同', '下线', '实行', '分别',
];

/** A one-character function word is not one when it is part of a word with its neighbour. */
const LEAD_NOT_BEFORE: Record<string, string> = {
  有: '效限关机序力益利害偿线', 共: '同享建治', 将: '军', 可: '持行再靠能', 还: '原', 其: '他它', 并: '购', 居: '民住', 排: '放污口水涝查名', 仅: '',
  现: '场代有金象实状行', 已: '', 共有: '',
};
const TAIL_NOT_AFTER: Record<string, string> = {
  有: '拥共已现还没所具享占原', 就: '成造迁将早', 在: '现正存所实内', 为: '作成认行因称', 达: '到表发送直抵传', 计: '统共合总累设预估', 了: '', 将: '', 可: '许认',
  都: '首', 均: '平人', 约: '签预合节制公条邀相特履违大', 近: '最附接将临贴靠亲', 超: '赶高', 共: '公总',
};

function stripWords(s: string, words: string[], atStart: boolean): { s: string; removed: string[] } {
  const removed: string[] = [];
  for (let guard = 0; guard < 10; guard++) {
    let hit = '';
    for (const w of words) {
      if (atStart ? s.startsWith(w) : s.endsWith(w)) {
        if (w.length === 1) {
          const nb = atStart ? s[1] : s[s.length - 2];
          const table = atStart ? LEAD_NOT_BEFORE : TAIL_NOT_AFTER;
          if (nb !== undefined && table[w]?.includes(nb)) continue;
        }
        if (w.length > hit.length) hit = w;
      }
    }
    if (!hit) break;
    removed.push(hit);
    s = atStart ? s.slice(hit.length) : s.slice(0, s.length - hit.length);
  }
  return { s, removed };
}

/** Names that are things counted or measured rather than who measures: never stripped from a metric. */
const THING_NAME = /(项目|基地|大会|工作室|联系点|基金|平台|班列)$/;

/** Drops from the start of a metric candidate: punctuation, subject name, pronouns, time, leading verbs. */
function cleanLead(s: string): string {
  let verbSeen = false;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = s.replace(/^[\s“”‘’「」『』()（）●■◆—\-·•、]+/, '');
    if (!verbSeen) s = s.slice(stripLead(s)); // time words lead a clause; after a verb they are part of the object (完成全年任务)
    const p = pronounAt(s);
    if (p) s = s.slice(p.length);
    // the subject's name comes first, before any verb: 石峰区[完成工业投资]
    // (由中国三峡建工集团有限公司持股: the agent after 由/经 is the subject too)
    const agent = verbSeen ? null : /^(由|经)/.exec(s);
    const n = verbSeen ? 0 : leadingName(agent ? s.slice(1) : s);
    if (n > 0 && !THING_NAME.test(s.slice(agent ? 1 : 0, n + (agent ? 1 : 0)))) s = s.slice(n + (agent ? 1 : 0)).replace(/^的/, '');
    s = s.replace(/^(全省|全市|全国|全区|全县|全球|全镇)$/, '');
    const v = stripWords(s, LEAD_VERBS, true);
    if (v.removed.length) verbSeen = true;
    s = v.s;
    if (s === before) break;
  }
  return s;
}

function cleanTail(s: string): { s: string; approx: boolean } {
  let approx = false;
  for (let guard = 0; guard < 6; guard++) {
    const before = s;
    s = s.replace(/[\s“”‘’()（）、]+$/, '');
    const r = stripWords(s, TAIL_WORDS, false);
    if (r.removed.some((w) => APPROX_TAILS.has(w))) approx = true;
    s = r.s;
    const t = TAIL_TIME.exec(s);
    if (t && t[0].length < s.length) s = s.slice(0, s.length - t[0].length);
    if (s === before) break;
  }
  if (TAIL_WORDS.includes(s)) s = '';
  return { s, approx };
}

const NOUN_BREAK_INDEX = byFirstChar(NOUN_BREAKS);

/** Function words that cannot open the noun after a figure (就 but not 就业, 可 but not 可再生). */
const FOLLOW_START_STOP =
  /^(的|是|和|与|及|等|在|以|为|、|就(?!业|医|学|诊|近|地)|后(?!勤|续|期|备)|前(?!期|沿|置)|内(?!容|部|涵|河|陆|需)|以来|左右|之|即(?!办|时)|便(?!民|利|捷)|才(?!能)|都(?!市)|也|还|又|已|将|被|让|使|可(?!再生|持续|行|靠|逆)|能(?!源|力|效|耗|级)|要(?!素|求|件|点)|需(?!求)|来(?!源|自)|去|了|着|过(?!程|渡))/;

/** The noun phrase right after a figure: 94项[典型经验做法]给予表扬, 7500公斤[干米粉]销往美国. */
function followingNoun(masked: string, end: number): string {
  let j = end;
  const limit = Math.min(masked.length, end + 12);
  while (j < limit && isCjk(masked[j])) {
    if (j > end && wordAt(NOUN_BREAK_INDEX, masked, j)) break;
    if (j === end && FOLLOW_START_STOP.test(masked.slice(j))) break;
    j++;
  }
  return masked.slice(end, j);
}

/**
 * The topic of a clause: what it talks about, up to its first predicate word or quote, and of a
 * “…的…” phrase its head after the last 的 (需要的仓储面积 → 仓储面积).
 */
function clauseTopic(s: string): string {
  const lead = cleanLead(s);
  let j = 0;
  while (j < lead.length && isCjk(lead[j]) && j < 16) {
    if (j > 0 && lead[j] !== '的' && wordAt(NOUN_BREAK_INDEX, lead, j)) break;
    j++;
  }
  const np = lead.slice(0, j);
  const k = np.lastIndexOf('的');
  return k >= 0 ? np.slice(k + 1) : np;
}

/** Splits the metric list before 分别 into n items: at 、 first, else at 和/与/及. */
function splitList(np: string, n: number): string[] | null {
  const byComma = np.split('、').filter(Boolean);
  if (byComma.length === n) return byComma;
  const byAnd = np.split(/以及|和|与|及/).filter(Boolean);
  return byAnd.length === n ? byAnd : null;
}

// ---------------------------------------------------------------------------------------------
// Subjects

interface NameMention {
  paragraph: number;
  start: number;
  end: number;
  name: string;
}

const SINGLE_BREAK = '在从由对向与和及的了是为将把被于到至给让使等经据赴自';
const PLACE_FIRST = new Set(PLACE_NAMES.map((p) => p[0]!));

function nameMentions(masked: string, paragraph: number): NameMention[] {
  const out: NameMention[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (!isCjk(masked[i])) continue;
    const prev = masked[i - 1];
    const atBoundary = i === 0 || !isCjk(prev) || SINGLE_BREAK.includes(prev!) || (PLACE_FIRST.has(masked[i]!) && PLACE_NAMES.some((p) => masked.startsWith(p, i)));
    if (!atBoundary) continue;
    for (const n of nameEnds(masked.slice(i, i + 30))) {
      if (n > 1) out.push({ paragraph, start: i, end: i + n, name: masked.slice(i, i + n) });
    }
  }
  return out;
}

interface ArticleState {
  mentions: NameMention[];
  last: string | null;
  /** Clause subjects so far, most recent last: pronouns look here before raw mentions. */
  history: string[];
  headlineSubject: string | null;
  headline: string;
}

function resolvePronoun(kind: PronounKind, defaultCity: boolean, st: ArticleState, paragraph: number, pos: number): string | null {
  if (defaultCity) return '株洲市';
  if (kind === 'any') return st.last ?? st.headlineSubject;
  const re = KIND_SUFFIX[kind];
  if (st.last && re.test(st.last)) return st.last;
  for (let k = st.history.length - 1; k >= 0; k--) if (re.test(st.history[k]!)) return st.history[k]!;
  let best: NameMention | null = null;
  for (const m of st.mentions) {
    if (m.paragraph > paragraph || (m.paragraph === paragraph && m.end > pos)) continue;
    if (!re.test(m.name)) continue;
    if (!best || m.paragraph > best.paragraph || (m.paragraph === best.paragraph && (m.end > best.end || (m.end === best.end && m.start > best.start)))) best = m;
  }
  if (best) return best.name;
  if (st.headlineSubject && (re.test(st.headlineSubject) || PLACE_NAMES.includes(st.headlineSubject))) return st.headlineSubject;
  if (kind === 'city') return '株洲市';
  return null;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Who or what a clause is about, if it says so at its start. */
function clauseSubject(masked: string, span: Span, st: ArticleState, paragraph: number): string | null {
  const text = masked.slice(span.start, span.end);
  const off = stripLead(text);
  const s = text.slice(off);
  const p = pronounAt(s);
  if (p) return resolvePronoun(p.kind, p.defaultCity, st, paragraph, span.start + off);
  // 由中国三峡建工集团有限公司持股90%: the agent
  if (/^由/.test(s)) {
    const a = leadingName(s.slice(1));
    if (a > 0) return s.slice(1, 1 + a);
  }
  // 在中车时代半导体公司, : a clause that is only a place names where the rest happens.
  const loc = /^在(.+?)(上|中|内|里)?$/.exec(s);
  if (loc) {
    const n = leadingName(loc[1]!);
    if (n > 0 && n === loc[1]!.length) return loc[1]!;
  }
  const n = leadingName(s);
  // A name closed by 等 opens an enumeration (襄阳电机新能源产业园等8个项目, A、B等企业), and a name
  // right before a number is what is counted (上市公司投资项目3个): neither is the subject.
  if (n > 0 && !/^([、和与及][^，,。；;：:]*?)?等/.test(s.slice(n)) && !/^\s*[\d０-９]/.test(s.slice(n))) return s.slice(0, n);
  // 地处湘中要地的株洲机务段,是…: [modifier]的[name] as the whole clause, in apposition before 是.
  const nextIs = /^\s*(是|系|作为|为)/.test(masked.slice(span.end + 1, span.end + 4));
  for (let k = nextIs ? s.lastIndexOf('的') : -1; k > 0; k = s.lastIndexOf('的', k - 1)) {
    const rest = s.slice(k + 1).trimEnd();
    const m = leadingName(rest);
    if (m > 0 && m === rest.length) return rest;
  }
  // A caption or story that opens with its own headline (制造名城烟花秀上演).
  const h = squash(st.headline);
  if (h.length >= 3 && squash(s).startsWith(h)) return h;
  return null;
}

/** The subject a headline opens with; its parts (separated by spaces) are tried in order. */
function headlineSubject(headline: string): string | null {
  for (const part of headline.split(/\s+/)) {
    const s = part.slice(stripLead(part));
    const p = pronounAt(s);
    if (p?.defaultCity) return '株洲市';
    const n = leadingName(s);
    if (n > 0) return s.slice(0, n);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

interface Working {
  raw: RawFigure;
  sentence: number;
  clause: number;
  metric: string | null;
  growth: boolean;
  share: boolean;
  approx: boolean;
  listHead: number; // index of the first figure of the 、-list this one belongs to
}

/**
 * The figures of one article. `paragraphs` as stored in the bundle; `issueDate` (YYYY-MM-DD)
 * resolves 去年/今年/上半年/12月30日; `headline` is the fallback subject. Never throws.
 */
export function findFigures(paragraphs: string[], issueDate: string | null, headline?: string | null): FigureHit[] {
  const issue = parseIssueDate(issueDate);
  const masks = paragraphs.map((p) => maskOpaque(p));
  const st: ArticleState = {
    mentions: masks.flatMap((m, k) => nameMentions(m.masked, k)),
    last: null,
    history: [],
    headlineSubject: headline ? headlineSubject(headline) : null,
    headline: headline ?? '',
  };
  const hits: FigureHit[] = [];
  let articleYear: number | null = null; // the last year named in earlier paragraphs
  paragraphs.forEach((text, p) => {
    const { masked, opaque } = masks[p]!;
    const raws = scanFigures(text, masked, opaque);
    const periods = findPeriods(masked);
    const sents = sentences(masked);
    // clause subjects in reading order, and the subject carried into each sentence
    const work: Working[] = [];
    const sentOf = (pos: number): number => sents.findIndex((s) => pos >= s.start && pos < s.end);
    const clauseSpans = sents.map((s) => clauses(masked, s));
    const clauseSubj: (string | null)[][] = [];
    const carried: (string | null)[] = [];
    sents.forEach((_s, si) => {
      carried.push(st.last);
      const subs = clauseSpans[si]!.map((c) => {
        const subj = clauseSubject(masked, c, st, p);
        if (subj) {
          st.last = subj;
          st.history.push(subj);
        }
        return subj;
      });
      clauseSubj.push(subs);
    });
    for (const raw of raws) {
      const si = Math.max(0, sentOf(raw.numStart));
      const cs = clauseSpans[si] ?? [];
      const ci = Math.max(0, cs.findIndex((c) => raw.numStart >= c.start && raw.numStart < c.end));
      work.push({ raw, sentence: si, clause: ci, metric: null, growth: false, share: false, approx: raw.approx || raw.approxVerb, listHead: work.length });
    }
    // 、-lists: 23家、24家; 305户、99.13万千瓦; 12.3%、1554.7%
    for (let k = 1; k < work.length; k++) {
      const gap = text.slice(work[k - 1]!.raw.end, work[k]!.raw.start);
      if (/^\s*(、|和|及|与|或)\s*$/.test(gap)) work[k]!.listHead = work[k - 1]!.listHead;
    }
    for (let k = 0; k < work.length; k++) {
      const w = work[k]!;
      if (w.listHead !== k) continue;
      const members = work.filter((x) => x.listHead === k);
      const clause = clauseSpans[w.sentence]?.[w.clause];
      let from = clause ? clause.start : 0;
      const prevInClause = k > 0 ? work[k - 1] : undefined;
      if (prevInClause && prevInClause.sentence === w.sentence && prevInClause.clause === w.clause) from = Math.max(from, prevInClause.raw.end);
      const before = text.slice(from, w.raw.start);
      const previous = (): Working | undefined => {
        for (let j = k - 1; j >= 0; j--) {
          const x = work[j]!;
          if (x.sentence !== w.sentence) break;
          if (!x.growth && !x.share && x.metric) return x;
        }
        return undefined;
      };
      const inherited = (): string | null => previous()?.metric ?? topicBefore(masked, clauseSpans[w.sentence] ?? [], w.clause);
      // 分别: a list of metrics before, a list of figures after.
      const fb = before.lastIndexOf('分别');
      if (fb >= 0) {
        const np = cleanLead(before.slice(0, fb).replace(/^[、\s]+/, ''));
        const tail = cleanTail(before.slice(fb + 2));
        const g = growthWord(tail.s);
        const parts = np ? splitList(np, members.length) : null;
        let metrics: (string | null)[];
        if (parts) metrics = parts.map((x) => cleanTail(cleanLead(x)).s || x);
        else if (!np) {
          // 分别增长30.2%、133.9% after a list: the metrics of that list, in order
          const prevList = work.slice(0, k).filter((x) => x.sentence === w.sentence && !x.growth);
          const lastHead = prevList.length ? prevList[prevList.length - 1]!.listHead : -1;
          const pl = prevList.filter((x) => x.listHead === lastHead);
          metrics = members.map((_, m) => pl[m]?.metric ?? pl[0]?.metric ?? null);
        } else metrics = members.map(() => np);
        const verb = g === null && tail.s && !TAIL_WORDS.includes(tail.s) ? tail.s : '';
        members.forEach((x, m) => {
          const base = metrics[m] ?? null;
          x.growth = g !== null;
          x.metric = g !== null ? `${base ?? ''}${g.word}` || null : `${base ?? ''}${verb}` || null;
          x.approx ||= tail.approx;
        });
        continue;
      }
      const m = metricOf(before, w.raw.unit, masked, w.raw.end, inherited);
      members.forEach((x, idx) => {
        x.metric = m.metric;
        x.growth = m.growth;
        x.share = m.share && idx === 0;
        x.approx ||= m.approx;
      });
    }
    const yearsHere = periods.map((pm) => periodYear(pm.text, issue)).filter((y): y is number => y !== null);
    for (const w of work) {
      const r = w.raw;
      // subject: “…的<name>” after the figure or its list; else the nearest clause subject in the
      // sentence at or before it; else the one carried in; else the headline's.
      let subject: string | null = null;
      const listEnd = work.filter((x) => x.listHead === w.listHead).reduce((e, x) => Math.max(e, x.raw.end), r.end);
      let after = listEnd;
      // 总规模200亿元、首期规模50亿元的…: skip further “、metric+figure” pairs
      for (const x of work) if (x.raw.start >= after && /^、[\u4e00-\u9fff]{0,8}$/.test(text.slice(after, x.raw.start))) after = x.raw.end;
      if (masked[after] === '的') {
        const n = leadingName(masked.slice(after + 1, after + 31));
        if (n > 0) subject = masked.slice(after + 1, after + 1 + n);
      }
      if (!subject) {
        const subs = clauseSubj[w.sentence] ?? [];
        for (let c = w.clause; c >= 0 && !subject; c--) subject = subs[c] ?? null;
      }
      subject ??= carried[w.sentence] ?? null;
      subject ??= st.headlineSubject;
      // period: the last period expression before it in the paragraph
      let period: string | null = null;
      let paraYear: number | null = null;
      for (const pm of periods) {
        if (pm.end > r.numStart || (pm.start >= r.start && pm.start < r.end)) continue;
        period = pm.text;
        paraYear = periodYear(pm.text, issue) ?? paraYear;
      }
      const ctxYear = paraYear ?? (period && isSeasonPart(period) ? articleYear : null);
      const qualifier: FigureHit['qualifier'] = r.range
        ? 'range'
        : w.growth && (r.unit === '%' || r.unit === '个百分点' || r.unit === '倍')
          ? 'growth-rate'
          : w.approx
            ? 'approx'
            : 'exact';
      hits.push({
        paragraph: p,
        start: r.start,
        end: r.end,
        text: text.slice(r.start, r.end),
        value: r.value,
        unit: r.rank ? '位' : r.unit,
        metric: metricText(w.metric, r.rank),
        subjectText: subject,
        period: period ? resolvePeriod(period, issue, ctxYear) : null,
        qualifier,
      });
    }
    if (yearsHere.length) articleYear = yearsHere[yearsHere.length - 1]!;
  });
  return hits;
}

function metricText(metric: string | null, rank: boolean): string | null {
  let m = metric ? metric.slice(-24) : null;
  if (rank && !/(排名|名次|位次|排位)/.test(m ?? '')) m = `${m ?? ''}排名`;
  return m || null;
}

function growthWord(s: string): { word: string; noun: string } | null {
  for (const g of GROWTH_WORDS) {
    if (s.endsWith(g)) return { word: g === '同比' ? '同比增长' : g, noun: s.slice(0, s.length - g.length) };
  }
  return null;
}

/** The topic of the nearest earlier clause of the sentence that has one (time-only clauses skipped). */
function topicBefore(masked: string, spans: Span[], clause: number): string | null {
  for (let c = clause - 1; c >= 0; c--) {
    const sp = spans[c]!;
    const t = clauseTopic(masked.slice(sp.start, sp.end)).replace(/(不到|不足|超过|将近|接近|大约|近|约|超|逾|共|达)$/, '');
    if (t.length === 0) continue;
    // an adverbial of time (评议会之前, 接收材料后) is not a topic
    if (t.length < 2 || /\d/.test(t) || /(之前|之后|以前|以后|以来|期间|时|后|前)$/.test(t)) return null;
    return t;
  }
  return null;
}

const COUNTABLE = (unit: string): boolean => !/^(元|美元|欧元|港元|日元|英镑|%|个百分点|‰|倍)$/.test(unit);

/** 与2023年同比, 比改造前, 较上年: comparison bases are not part of what is measured. */
function dropComparison(s: string): string {
  return s.replace(/(与|较|比|同)[\u4e00-\u9fff\d]{0,12}?(相比|同期)?$/, '');
}

function metricOf(
  before: string,
  unit: string,
  masked: string,
  figEnd: number,
  inherited: () => string | null,
): { metric: string | null; growth: boolean; share: boolean; approx: boolean } {
  let raw = before.replace(/^[、\s]+/, '');
  // 电力新能源与装备制造产业突破千亿、千亿产业增至3个: the last item of a 、 list is what is measured
  const lastComma = raw.lastIndexOf('、');
  if (lastComma >= 0 && raw.length - lastComma - 1 >= 2) raw = raw.slice(lastComma + 1);
  const tail = cleanTail(raw);
  const approx = tail.approx;
  // share: 占全市的51.55%, 占税收比重超40%
  const sh = unit === '%' ? /^(.*?)占([\u4e00-\u9fff]{0,10}?)(?:的)?(比重|比例)?$/.exec(tail.s) : null;
  if (sh && (sh[2] || sh[3])) {
    const own = cleanLead(sh[1] ?? '');
    const base = own || inherited() || '';
    return { metric: `${base}占${sh[2] ?? ''}${sh[3] ?? '比重'}`, growth: false, share: true, approx };
  }
  const g = growthWord(tail.s);
  if (g) {
    const own = cleanTail(cleanLead(dropComparison(g.noun))).s;
    const base = own || inherited() || '';
    return { metric: `${base}${g.word}`, growth: true, share: false, approx };
  }
  let metric = cleanTail(cleanLead(tail.s)).s;
  const endsModifier = /(的|等)$/.test(raw);
  const noun = followingNoun(masked, figEnd);
  if (endsModifier) {
    metric = noun;
  } else if (noun.length >= 2 && COUNTABLE(unit)) {
    // 新增23个单位, 已发运2787个大柜, 首期16万平方米联合厂房: what is counted follows the number.
    let prefix = '';
    if (metric.length <= 4) prefix = metric.replace(/^(与|和|及|对|向|在|为|由|从|是)/, '');
    else for (const v of ACTION_VERBS) if (metric.endsWith(v) && v.length > prefix.length) prefix = v;
    metric = prefix + noun;
  } else if (!metric) {
    metric = noun;
  }
  if (!metric) metric = inherited() ?? '';
  metric = metric.replace(/[“”‘’「」『』]/g, '');
  return { metric: metric || null, growth: false, share: false, approx };
}
