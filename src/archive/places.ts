// Places named in an article: Zhuzhou's divisions from the published gazetteer (down to villages),
// China's provinces and cities, general geography, and rules for the names no gazetteer has
// (development zones, stations, roads, rivers, parks, compounds…).
//
// How a text is read:
//  1. Every gazetteer form is looked up at every position (one trie, built once at load). Forms that
//     are also ordinary words (天元, 荷塘, 中山) count only in a list of places (芦淞、荷塘) or after a
//     larger place (株洲天元); 长 after a title head is the title's (宣传部长江小忠 is not 长江);
//     湘东 after a surname character is a person's given name.
//  2. Suffix rules read a name leftwards from its suffix (…高新区, …产业园, …片区, …站, …路, …湖):
//     the stem is a known place (土株岭粮库, 株洲站), or runs back to a boundary (punctuation, a
//     function word, a verb that introduces a name, the end of a district/town name) within a few
//     characters and is not made only of ordinary words (集成电路产业园 is no place name).
//  3. Overlaps: the longest name wins (株洲市民中心 over 株洲市, 湖南自贸试验区 over 湖南).
//  4. Names found by a rule are looked for again in the whole text (博古山 after 博古山片区).
//  5. A place that opens an organisation's name is part of that name and is not returned
//     (湖南 in 湖南鼎英信息科技有限公司, 醴陵市 in 醴陵市第三中学, 武汉 in 武汉大学): organisations are
//     found elsewhere (orgs.ts). The place still counts wherever it is named on its own.
//  6. Spellings of one place share a canonical name (醴陵/醴陵市/醴 → 醴陵市, 株洲市高新区 →
//     株洲高新区, 醴陵经济开发区 → 醴陵经开区, 清水塘新城 → 清水塘产业新城, 安徽合肥 + 合肥).
//  7. inZhuzhou: from the gazetteer, from the place a name is built on (广州北站 → false), or else
//     from the nearest place before it in the paragraph (石峰区…三一能源装备产业园 → true).

import divisions from './data/zhuzhou-divisions.json';
import {
  AMBIGUOUS_SHORT,
  COUNT_BEFORE,
  FUNCTION_CHARS,
  LEAD_WORDS,
  SCAN_SLACK,
  BUREAU,
  CHINA_REGIONS,
  COMMON_PLACE_STEMS,
  GENERIC_WORDS,
  LINEAR,
  MAX_GENERIC,
  ONE_CHAR,
  ONE_CHAR_AFTER,
  ONE_CHAR_BEFORE,
  ORG_LOOKAHEAD,
  ORG_STOP,
  ORG_SUFFIX,
  SUFFIX_RULES,
  TITLE_HEADS,
  WORLD,
  type FixedPlace,
  type PlaceType,
  type SuffixRule,
} from './place-rules';
import { surnameLength } from './surnames';
import type { TextSpan } from './types';

export type { PlaceType } from './place-rules';

export interface PlaceHit extends TextSpan {
  /** One name per place (醴陵市 for 醴陵/醴陵市/醴, 株洲 for 株洲市, 株洲高新区 for 株洲市高新区). */
  canonical: string;
  /** Other spellings of the same place (the printed text among them when it differs). */
  aliases: string[];
  placeType: PlaceType;
  /** Inside 株洲市; false outside or for a larger region containing it; null for rivers and railways through it. */
  inZhuzhou: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// The gazetteer, built once.

interface Entry extends FixedPlace {
  canonical: string;
  /** A name may continue after it (株洲|北斗产业园, 湖南|自贸试验区, 攸县|广寒坪…电站). */
  opens?: boolean;
  /** Province code of provinces and prefecture-level cities (安徽 + 合肥 = 安徽合肥). */
  province?: string;
  isProvince?: boolean;
  /** Zhuzhou units: the county-level code they belong to (for misprint linking). */
  county?: string;
  code?: string;
}

interface Gazetteer {
  source: string;
  provinces: [string, string][];
  cities: [string, string][];
  hunanAreas: [string, string][];
  zhuzhou: {
    code: string;
    name: string;
    areas: { code: string; name: string; towns: { code: string; name: string; villages: string[] }[] }[];
  };
}

const GAZ = divisions as unknown as Gazetteer;
export const GAZETTEER_SOURCE: string = GAZ.source;

const HOME_PROVINCE = '43';
const dict = new Map<string, Entry>();
/** Stems of Zhuzhou units (土株岭 of 土株岭村, 田心 of 田心街道): a suffix rule may build on them. */
const knownStems = new Map<string, Entry>();
/** Zhuzhou units by level, for linking a misprinted name to the unit it stands for. */
const zhuzhouUnits: Entry[] = [];

function addEntry(e: Entry): void {
  for (const f of e.forms) if (!dict.has(f)) dict.set(f, e);
}

function fixed(p: FixedPlace): Entry {
  return {
    canonical: p.forms[0]!,
    forms: p.forms,
    type: p.type,
    inZhuzhou: p.inZhuzhou,
    containsZhuzhou: p.containsZhuzhou,
    context: p.context,
    personLike: p.personLike,
    opens: p.type === 'other-region' || p.type === 'landmark',
  };
}

const ETHNIC = /(?:布依|苗|土家|朝鲜|彝|白|哈尼|傣|藏|羌|蒙古|回|壮|景颇|傈僳|侗|哈萨克|柯尔克孜|瑶|维吾尔|黎|畲|仫佬|毛南|仡佬|水)族?/;

/** 黔南布依族苗族自治州 → 黔南, 内蒙古自治区 → 内蒙古, 城步苗族自治县 → 城步. */
function stripAutonomous(name: string): string | null {
  const m = /^(.+?)(?:自治州|自治区|自治县|地区|盟)$/.exec(name);
  if (!m) return null;
  let stem = m[1]!;
  const cut = new RegExp(`^(.{2,}?)${ETHNIC.source}`).exec(stem);
  if (cut) stem = cut[1]!;
  return stem.length >= 2 ? stem : null;
}

function shortForm(name: string, suffixes: RegExp): string | null {
  const auto = stripAutonomous(name);
  if (auto) return auto;
  const m = suffixes.exec(name);
  if (!m) return null;
  const stem = name.slice(0, m.index);
  return stem.length >= 2 ? stem : null;
}

function buildGazetteer(): void {
  for (const p of [...CHINA_REGIONS, ...LINEAR, ...WORLD]) addEntry(fixed(p));

  // Zhuzhou first: its names win any clash with the rest of the country.
  const zz = GAZ.zhuzhou;
  const city: Entry = { canonical: '株洲', forms: ['株洲', '株洲市'], type: 'city', inZhuzhou: true, opens: true, province: HOME_PROVINCE, code: zz.code };
  addEntry(city);
  zhuzhouUnits.push(city);
  for (const area of zz.areas) {
    const short = shortForm(area.name, /(?:市|县|区)$/);
    const type: PlaceType = area.name.endsWith('区') ? 'district' : area.name.endsWith('市') ? 'county-city' : 'county';
    const e: Entry = {
      canonical: area.name,
      forms: [area.name],
      type,
      inZhuzhou: true,
      opens: type !== 'district',
      county: area.code,
      code: area.code,
    };
    if (short) e.forms.push(short);
    addEntry(e);
    zhuzhouUnits.push(e);
    // A district's short form (天元, 荷塘, 石峰) is an ordinary word too: it needs context.
    if (short && type === 'district') dict.set(short, { ...e, context: true });
    if (short) knownStems.set(short, e);
    for (const town of area.towns) {
      const name = town.name;
      if (/(?:农场|管理处|管理局)$/.test(name)) continue; // farms and agencies, not places
      if (/(?:园|开发区)$/.test(name)) {
        // 湖南醴陵经济开发区 → 醴陵经开区 (the suffix rules give it its canonical spelling).
        const bare = name.replace(/^湖南/, '');
        addEntry({ canonical: canonicalZone(bare), forms: [name, bare], type: 'dev-zone', inZhuzhou: true, county: area.code, code: town.code });
        continue;
      }
      const isStreet = name.endsWith('街道');
      const stem = name.replace(/(?:街道|镇|瑶族乡|乡)$/, '');
      const forms = [name];
      if (isStreet) forms.push(`${name}办事处`, `${stem}办事处`);
      const t: Entry = { canonical: name, forms, type: isStreet ? 'street' : 'town', inZhuzhou: true, county: area.code, code: town.code };
      addEntry(t);
      zhuzhouUnits.push(t);
      if (stem.length >= 2 && !knownStems.has(stem)) knownStems.set(stem, t);
      for (const raw of town.villages) {
        const v = villageEntry(raw, area.code);
        if (!v) continue;
        addEntry(v);
        const vstem = v.canonical.replace(/(?:村|社区)$/, '');
        if (vstem.length >= 3 && !knownStems.has(vstem)) knownStems.set(vstem, v);
      }
    }
  }

  // Provinces: 湖南省 → 湖南 (containing Zhuzhou), municipalities are cities.
  for (const [code, name] of GAZ.provinces) {
    const short = shortForm(name, /(?:省|市)$/) ?? name;
    const municipality = /市$/.test(name);
    const e: Entry = {
      canonical: short,
      forms: [short, name],
      type: municipality ? 'city' : 'other-region',
      inZhuzhou: false,
      containsZhuzhou: code === HOME_PROVINCE,
      opens: true,
      province: code,
      isProvince: true,
    };
    addEntry(e);
  }
  for (const [code, name] of GAZ.cities) {
    const short = shortForm(name, /市$/);
    const forms = short ? [short, name] : [name];
    const e: Entry = {
      canonical: forms[0]!,
      forms,
      type: name.endsWith('市') ? 'city' : 'other-region',
      inZhuzhou: false,
      opens: true,
      province: code.slice(0, 2),
    };
    if (!dict.has(name)) dict.set(name, e);
    if (short && !dict.has(short)) dict.set(short, AMBIGUOUS_SHORT.has(short) ? { ...e, context: true } : e);
  }
  // Hunan's county-level units: full names anywhere, short forms (浏阳, 韶山) only with context.
  for (const [, name] of GAZ.hunanAreas) {
    const type: PlaceType = name.endsWith('区') ? 'district' : name.endsWith('市') ? 'county-city' : 'county';
    const short = shortForm(name, /(?:市|县|区)$/);
    const e: Entry = { canonical: name, forms: short ? [name, short] : [name], type, inZhuzhou: false, opens: type !== 'district' };
    if (!dict.has(name)) dict.set(name, e);
    if (short && !dict.has(short)) dict.set(short, { ...e, context: true });
  }
}

/** 丁家村村民委员会 → 丁家村, 文化路社区居委会 → 文化路社区, 永福居委会 → 永福社区. */
function villageEntry(raw: string, county: string): Entry | null {
  let name = raw.replace(/(?:村民委员会|村委会)$/, '村').replace(/(?:社区居民委员会|社区居委会)$/, '社区');
  name = name.replace(/(?:居民委员会|居委会)$/, '社区');
  const stem = name.replace(/(?:村|社区)$/, '');
  if (stem.length < 2 || stem === name) return null;
  const forms = [name];
  if (raw !== name) forms.push(raw);
  return { canonical: name, forms, type: name.endsWith('村') ? 'village' : 'community', inZhuzhou: true, county, context: COMMON_PLACE_STEMS.has(stem) };
}

// ---------------------------------------------------------------------------------------------
// The trie over every form, built once (UTF-16 code units).

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: Entry;
  form?: string;
}
const root: TrieNode = { next: new Map() };

buildGazetteer();
for (const [form, entry] of dict) {
  let node = root;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    let n = node.next.get(c);
    if (!n) node.next.set(c, (n = { next: new Map() }));
    node = n;
  }
  node.entry = entry;
  node.form = form;
}
/** Forms found only with context (天元, 荷塘, 中山, 浏阳). */
const CONTEXT_FORMS = new Set([...dict].filter(([, e]) => e.context).map(([f]) => f));
const oneChar = new Map([...ONE_CHAR].map(([c, name]) => [c.charCodeAt(0), dict.get(name)!]));

/** Per UTF-16 code unit: 1 = opens a gazetteer form, 2 = ends a rule suffix, 4 = a one-character abbreviation. */
const FLAGS = new Uint8Array(0x10000);
for (const c of root.next.keys()) FLAGS[c]! |= 1;
/** A bit per hashed pair of code units that opens some form: most positions are dismissed without a map lookup. */
const PAIRS = new Uint32Array(1 << 15);
const pairHash = (a: number, b: number): number => ((a * 0x9e37) ^ b) & 0xfffff;
for (const form of dict.keys()) {
  const h = pairHash(form.charCodeAt(0), form.charCodeAt(1));
  PAIRS[h >>> 5]! |= 1 << (h & 31);
}
for (const c of oneChar.keys()) FLAGS[c]! |= 4;

const rulesBySuffixEnd = new Map<number, { rule: SuffixRule; suffix: string }[]>();
for (const rule of SUFFIX_RULES) {
  for (const suffix of rule.suffixes) {
    const last = suffix.charCodeAt(suffix.length - 1);
    const list = rulesBySuffixEnd.get(last) ?? [];
    list.push({ rule, suffix });
    rulesBySuffixEnd.set(last, list);
  }
}
for (const list of rulesBySuffixEnd.values()) list.sort((a, b) => b.suffix.length - a.suffix.length);
for (const c of rulesBySuffixEnd.keys()) FLAGS[c]! |= 2;

// ---------------------------------------------------------------------------------------------
// Candidates.

interface Cand {
  paragraph: number;
  start: number;
  end: number;
  canonical: string;
  forms: string[];
  type: PlaceType;
  /** undefined: decide from the places around it. */
  inZhuzhou: boolean | null | undefined;
  containsZhuzhou?: boolean;
  opens?: boolean;
  /** Ranks equal-length overlaps: gazetteer 3, rule on a known place 2, rule 1. */
  rank: number;
  entry?: Entry;
  /** Found by a rule: look for the same name elsewhere in the text. */
  spread?: boolean;
  /** A bare 高新区 that stands for a fuller name in the text. */
  anaphor?: boolean;
  /** Spellings of one place share a key (清水塘新城 ~ 清水塘产业新城). */
  key?: string;
  /** Dropped unless linked to a gazetteer unit (a misprinted town). */
  needsLink?: boolean;
  /** A landmark read from another name's stem (博古山 of 博古山片区): only looked for elsewhere. */
  stemOf?: boolean;
}

const HAN = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff);
const ADMIN = new Set<PlaceType>(['city', 'county-city', 'county', 'district', 'town', 'street']);
const LIST_SEP = new Set(['、', '和', '与', '及', '或', '至', '到']);

function fromEntry(p: number, start: number, end: number, e: Entry): Cand {
  return {
    paragraph: p,
    start,
    end,
    canonical: e.canonical,
    forms: e.forms,
    type: e.type,
    inZhuzhou: e.inZhuzhou,
    containsZhuzhou: e.containsZhuzhou,
    opens: e.opens,
    rank: 3,
    entry: e,
  };
}

/** Every gazetteer form at every position of one paragraph. */
function dictCands(text: string, p: number): Cand[] {
  const out: Cand[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    const flags = FLAGS[c0]!;
    if ((flags & 5) === 0) continue;
    const h = pairHash(c0, text.charCodeAt(i + 1));
    let node: TrieNode | undefined = flags & 1 && PAIRS[h >>> 5]! & (1 << (h & 31)) ? root.next.get(c0) : undefined;
    for (let j = i + 1; node; j++) {
      if (node.entry) out.push(fromEntry(p, i, j, node.entry));
      if (j >= n) break;
      node = node.next.get(text.charCodeAt(j));
    }
    const e = flags & 4 ? oneChar.get(c0) : undefined;
    if (e && ONE_CHAR_BEFORE.test(text.slice(Math.max(0, i - 1), i)) && ONE_CHAR_AFTER.test(text.slice(i + 1, i + 3))) {
      out.push({ ...fromEntry(p, i, i + 1, e), rank: 2 });
    }
  }
  return out;
}

/** Words that follow a person's name, and titles that precede one (胡长春出席, 书记胡长春). */
const PERSON_AFTER = /^(?:在|说|表示|强调|指出|认为|介绍|告诉|建议|出席|主持|参加|一行|同志|代表|等人|坦言|透露|带队|率队|陪同|致辞|讲话|要求|看来|的(?:推动|带领|建议))/;
const TITLE_BEFORE = /(?:书记|主任|市长|县长|区长|镇长|部长|局长|厅长|省长|主席|委员|常委|院长|检察长|董事长|总经理|经理|总裁|记者|通讯员|专家|负责人|干部|老人|代表|会长|秘书长|巡视员)$/;

/** A two- or three-character span after a surname character that reads as a person (胡长春, 赖晓渠). */
function looksLikePerson(text: string, start: number, end: number): boolean {
  const len = end - start;
  const candidates: number[] = [];
  if (len <= 3 && surnameLength(text.slice(start, start + 2)) > 0) candidates.push(start);
  if (len === 2 && start > 0 && surnameLength(text.slice(start - 1, start + 1)) === 1) candidates.push(start - 1);
  return candidates.some((s) => PERSON_AFTER.test(text.slice(end, end + 4)) || TITLE_BEFORE.test(text.slice(Math.max(0, s - 4), s)));
}

/** Drops forms that need context and have none, titles' 长, and given names after a surname. */
function filterDict(text: string, cands: Cand[]): Cand[] {
  if (cands.length === 0) return cands;
  const endsAt = new Map<number, Cand[]>();
  const startsAt = new Map<number, Cand[]>();
  for (const c of cands) {
    (endsAt.get(c.end) ?? endsAt.set(c.end, []).get(c.end)!).push(c);
    (startsAt.get(c.start) ?? startsAt.set(c.start, []).get(c.start)!).push(c);
  }
  const inList = (c: Cand): boolean =>
    (LIST_SEP.has(text[c.start - 1] ?? '') && (endsAt.get(c.start - 1) ?? []).some((o) => o !== c)) ||
    (LIST_SEP.has(text[c.end] ?? '') && (startsAt.get(c.end + 1) ?? []).some((o) => o !== c));
  // 株洲天元, 湖南浏阳, 枫溪街道幸福社区: after a larger unit.
  const afterLarger = (c: Cand): boolean =>
    (endsAt.get(c.start) ?? []).some((o) => !o.entry?.context && (ADMIN.has(o.type) || o.entry?.isProvince === true));
  // Only a place that could be the end of a given name is tested (长春 in 胡长春, not 株洲 in 在株洲).
  const start1 = (c: Cand) => c.start > 0 && surnameLength(text.slice(c.start - 1, c.start + 1)) === 1;
  return cands.filter((c) => {
    const e = c.entry!;
    if (text[c.start] === '长' && TITLE_HEADS.has(text[c.start - 1] ?? '')) return false;
    if (e.personLike && c.end - c.start === 2 && surnameLength(text.slice(c.start - 1, c.start + 1)) === 1 && !/地区$/.test(text.slice(c.start, c.end + 2))) {
      return false;
    }
    if (e.context && !(inList(c) || afterLarger(c))) return false;
    if (c.end - c.start === 2 && start1(c) && looksLikePerson(text, c.start, c.end)) return false;
    return true;
  });
}

/** 安徽合肥, 广东东莞, 贵州黔南: a province and one of its cities are one place (outside Hunan). */
function compounds(cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const a of cands) {
    if (!a.entry?.isProvince || a.entry.province === HOME_PROVINCE) continue;
    for (const b of cands) {
      if (b.start !== a.end || !b.entry || b.entry.isProvince || b.entry.province !== a.entry.province) continue;
      const canonical = a.entry.canonical + b.entry.canonical;
      out.push({
        ...fromEntry(a.paragraph, a.start, b.end, b.entry),
        canonical,
        forms: [canonical, ...b.entry.forms, ...a.entry.forms.map((f) => f + b.entry!.canonical)],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Suffix rules.

/** 三大, 4个: a count, not a name (三大片区). */
const COUNTED = /^(?:[一二三四五六七八九十两几多]+|\d+)[大个类项批座条家处]?$/;

/** Is `stem` made only of ordinary words (集成电路, 就业服务, 重点)? */
function allGeneric(stem: string): boolean {
  if (stem.length === 0) return true;
  for (let k = Math.min(MAX_GENERIC, stem.length); k >= 1; k--) {
    const w = stem.slice(0, k);
    if ((GENERIC_WORDS.has(w) || LEAD_WORDS.has(w)) && allGeneric(stem.slice(k))) return true;
  }
  return false;
}

interface Stem {
  start: number;
  /** The place the name is built on, when it opens the name (株洲 of 株洲北斗产业园). */
  prefix?: Cand;
  /** A gazetteer unit the stem is (土株岭 → 土株岭村). */
  known?: Entry;
  /** A place the printed stem starts with, for a landmark (攸县 of 攸县抽水蓄能电站). */
  lead?: Cand;
}

/** A name may start at `pos`: after punctuation, a function character, a lead word or a count. */
function boundaryAt(text: string, pos: number): 'hard' | 'soft' | null {
  if (pos === 0 || !HAN(text.charCodeAt(pos - 1))) return 'hard';
  if (FUNCTION_CHARS.has(text[pos - 1]!)) return 'hard';
  if (COUNT_BEFORE.test(text.slice(Math.max(0, pos - 2), pos))) return 'hard';
  if (pos >= 2 && LEAD_WORDS.has(text.slice(pos - 2, pos))) return 'soft';
  return null;
}

/** 落实重点 → '', 商业综合体万达 → 万达: lead words and ordinary words at the start are not the name. */
function trimLead(stem: string): number {
  let cut = 0;
  outer: while (cut < stem.length) {
    for (let k = Math.min(MAX_GENERIC, stem.length - cut); k >= 2; k--) {
      const w = stem.slice(cut, cut + k);
      if (GENERIC_WORDS.has(w) || LEAD_WORDS.has(w)) {
        cut += k;
        continue outer;
      }
    }
    break;
  }
  return cut;
}

/**
 * Reads the stem of a name that ends with a suffix at `at`: leftwards to a boundary (punctuation,
 * a function character, a lead word, the end of a district or town name: 天元区|黄山西路). A city
 * or province on the way may open the name (株洲北斗产业园, 湖南自贸试验区, 攸县广寒坪…电站).
 */
interface Ends {
  /** The longest place that may open a name, by where it ends. */
  opener: Map<number, Cand>;
  /** Places after which a name starts afresh (天元区|黄山西路), by where they end. */
  closer: Set<number>;
}

function indexEnds(cands: Cand[]): Ends {
  const opener = new Map<number, Cand>();
  const closer = new Set<number>();
  for (const c of cands) {
    if (c.opens && c.type !== 'landmark') {
      const o = opener.get(c.end);
      if (!o || c.start < o.start) opener.set(c.end, c);
    } else if (!c.opens) closer.add(c.end);
  }
  return { opener, closer };
}

function readStem(text: string, at: number, rule: SuffixRule, ends: Ends): Stem | null {
  const openerAt = (pos: number) => ends.opener.get(pos);
  const tryKnown = (): Stem | null => {
    const best = openerAt(at);
    if (best) return { start: best.start, prefix: best };
    for (let k = Math.min(6, at); k >= 2; k--) {
      const e = knownStems.get(text.slice(at - k, at));
      if (e) {
        const before = openerAt(at - k);
        return before ? { start: before.start, prefix: before, known: e } : { start: at - k, known: e };
      }
    }
    return null;
  };
  if (rule.knownOnly) return tryKnown();
  if (rule.prefixOnly) {
    const opener = openerAt(at);
    return opener ? { start: opener.start, prefix: opener } : { start: at };
  }

  const valid = (st: Stem): Stem | null => {
    const own = text.slice(st.prefix ? st.prefix.end : st.start, at);
    if (own.length === 0) return rule.minStem === 0 || st.prefix ? st : null;
    if (own.length === 1 || own.length < rule.minStem || own.length > rule.maxStem) return null;
    if (allGeneric(own) || COUNTED.test(own) || LEAD_WORDS.has(own)) return null;
    return { ...st, known: st.known ?? knownStems.get(own) };
  };

  let opener: Cand | undefined;
  let start: number | null = null;
  for (let pos = at; ; pos--) {
    const stemLen = at - pos;
    const op = openerAt(pos);
    if (op) opener = op;
    const b = boundaryAt(text, pos);
    if (b === 'hard') {
      if (stemLen >= rule.minStem) start = pos;
      break; // 为片区, 由上水库: a function character right before the suffix leaves no name
    }
    const closer = ends.closer.has(pos);
    if ((b === 'soft' || closer) && stemLen >= rule.minStem) {
      start = pos;
      break;
    }
    if (stemLen >= rule.maxStem + SCAN_SLACK) break;
  }
  if (start !== null) {
    const cut = trimLead(text.slice(start, at));
    // A zone or region is named after the place in its stem: 株洲北斗产业园, 获评|株洲高新区, 去年恰逢|醴陵经济开发区.
    for (const from of cut > 0 ? [start + cut, start] : [start]) {
      const zoneLike = rule.type === 'dev-zone' || rule.type === 'other-region';
      // A landmark's stem is read as printed (黄山西路 is not 黄山 + 西路); a zone is built on its place.
      const opens = zoneLike && opener && opener.start >= from ? opener : undefined;
      // Cutting may leave too little: 建设南路 is a road, not 南路 (and the uncut stem must still not be all ordinary words).
      const lead = opener && opener.start === from ? opener : undefined;
      const ok = valid(opens ? { start: opens.start, prefix: opens } : { start: from, lead });
      if (ok) return ok;
    }
  }
  if (opener) {
    const ok = valid({ start: opener.start, prefix: opener });
    if (ok) return ok;
  }
  return tryKnown();
}

/** 醴陵市 → 醴陵, 茶陵县 → 茶陵, 株洲市 → 株洲: the form a place takes inside a longer name. */
function shortName(c: Cand): string {
  const forms = c.entry?.forms ?? c.forms;
  return forms.filter((f) => f.length >= 2).sort((a, b) => a.length - b.length)[0] ?? c.canonical;
}

/** 经济开发区 → 经开区, 高新技术产业开发区 → 高新区; 株洲市 as a prefix → 株洲. */
function canonicalZone(name: string): string {
  return name
    .replace(/(?:经济技术开发区|经济开发区)$/, '经开区')
    .replace(/(?:高新技术产业开发区|高新技术开发区)$/, '高新区')
    .replace(/自由贸易试验区$/, '自贸试验区')
    .replace(/综合保税区$/, '综保区');
}

/** The key that spellings of one zone share: 清水塘新城 ~ 清水塘产业新城, 大丰园区 ~ 大丰产业园, 职教城 ~ 职教新城. */
function zoneKey(own: string, suffix: string): string {
  const s = canonicalZone(own + suffix).slice(own.length);
  const cls = /城$/.test(s) ? '城' : /园区?$/.test(s) ? '园' : s;
  const stem = s === '职教城' || s === '大学城' || s === '科学城' || s === '科技城' ? s.slice(0, -1) : '';
  return own + stem + '|' + cls;
}

/** An industrial park named by its investor's long name (三一能源装备产业园) is a project: a landmark. */
function parkType(rule: SuffixRule, own: string): PlaceType {
  if (rule.suffixes.includes('产业园') && own.length > 3) return 'landmark';
  return rule.type;
}

function ruleCands(text: string, p: number, cands: Cand[]): Cand[] {
  const ends = indexEnds(cands);
  const out: Cand[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((FLAGS[code]! & 2) === 0) continue;
    const list = rulesBySuffixEnd.get(code);
    if (!list) continue;
    const end = i + 1;
    for (const { rule, suffix } of list) {
      const at = end - suffix.length;
      if (at < 0 || text.slice(at, end) !== suffix) continue;
      if (rule.notBefore?.test(text.slice(end, end + 3))) continue;
      const stem = readStem(text, at, rule, ends);
      if (!stem) continue;
      const own = text.slice(stem.prefix ? stem.prefix.end : stem.start, at);
      if (rule.prefixOnly && own.length > 0) continue;
      if (rule.badStemEnd?.test(own)) continue;
      if (own.length === 0 && !stem.prefix && !rule.anaphor && rule.minStem > 0) continue;
      if (rule.unknownNeeds && !stem.known && !rule.unknownNeeds.test(text.slice(end, end + 4))) continue;
      if (looksLikePerson(text, stem.start, end)) continue;
      // A stem that is itself a place of another kind, with the suffix of its own name, is that place (渌口镇 is in the gazetteer).
      const printed = text.slice(stem.start, end);
      if (dict.has(printed)) continue;
      const prefix = stem.prefix;
      const prefixName = prefix ? shortName(prefix) : '';
      const canonSuffix = rule.canonical ?? suffix;
      const isZone = rule.type === 'dev-zone';
      const canonical = isZone ? canonicalZone(prefixName + own + (rule.canonical ? canonSuffix : suffix)) : prefixName + own + suffix;
      const type = parkType(rule, own);
      // inZhuzhou: a name built on a Zhuzhou place is in Zhuzhou; one built on another place is that place's when the
      // name is the place's (湖南自贸试验区, 广州北站), but a long stem after it is a company's name (襄阳电机新能源产业园):
      // decide from context.
      let inZhuzhou: boolean | null | undefined;
      if ((prefix ?? stem.lead)?.inZhuzhou === true) inZhuzhou = true; // 攸县广寒坪…电站, 株洲北斗产业园
      else if (prefix && own.length <= 2) inZhuzhou = prefix.containsZhuzhou ? false : prefix.inZhuzhou === null ? undefined : prefix.inZhuzhou;
      else if (stem.known && knownStems.get(own) === stem.known) inZhuzhou = stem.known.inZhuzhou;
      out.push({
        paragraph: p,
        start: stem.start,
        end,
        canonical,
        forms: [canonical, printed],
        type,
        inZhuzhou,
        opens: false,
        rank: stem.known || prefix ? 2 : 1,
        spread: own.length >= 2,
        // A town or sub-district no gazetteer knows is kept only if it is a misprint of a Zhuzhou one (酒汾镇 → 泗汾镇).
        needsLink: (rule.type === 'town' || rule.type === 'street') && !stem.known,
        anaphor: rule.anaphor === true && own.length === 0 && !prefix,
        key: rule.prefixOnly ? '|' + suffix : isZone ? zoneKey(own || prefixName, suffix) : (own || prefixName) + '|' + canonSuffix,
      });
      // 博古山片区 names 博古山 too: a stem that ends like a mountain or lake is a landmark of its own.
      if (rule.suffixes.includes('片区') && /[山岭湖塘洲峰岛]$/.test(own) && own.length >= 3) {
        out.push({
          paragraph: p,
          start: at - own.length,
          end: at,
          canonical: own,
          forms: [own],
          type: 'landmark',
          inZhuzhou: undefined,
          rank: 1,
          spread: true,
          opens: false,
          key: own + '|',
          // Only registered for spreading: the 片区 name covers this span here.
          stemOf: true,
        });
      }
      break; // the longest suffix form at this end wins
    }
  }
  return out;
}

/** A district or county unknown to the gazetteer before a town (溁口区沅田镇), or a town after a known one. */
const NOT_IN_UNIT = /[全各该本市县区乡镇村街道个等和与及的在是了]/;
const HIERARCHY = /([\u4e00-\u9fff]{2})(区|县)([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)/g;

function hierarchyCands(text: string, p: number, cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  if (!/[镇乡]|街道/.test(text)) return out;
  for (const m of text.matchAll(HIERARCHY)) {
    const start = m.index;
    const parent = m[1]! + m[2]!;
    const child = m[3]! + m[4]!;
    if (dict.has(parent) && dict.has(child)) continue;
    if (NOT_IN_UNIT.test(m[1]! + m[3]!) || allGeneric(m[1]!) || allGeneric(m[3]!)) continue;
    const bounded = boundaryAt(text, start) !== null || cands.some((c) => c.end === start);
    if (!bounded) continue;
    const pEnd = start + parent.length;
    if (!dict.has(parent)) {
      out.push({ paragraph: p, start, end: pEnd, canonical: parent, forms: [parent], type: m[2] === '区' ? 'district' : 'county', inZhuzhou: undefined, rank: 2, spread: true, key: parent });
    }
    if (!dict.has(child)) {
      out.push({ paragraph: p, start: pEnd, end: pEnd + child.length, canonical: child, forms: [child], type: m[4] === '街道' ? 'street' : 'town', inZhuzhou: undefined, rank: 2, spread: true, key: child });
    }
  }
  return out;
}

/** “中国陶瓷谷、醴陵融城、东富工业园”三大片区: the items of a quoted list of zones are places. */
const ZONE_LIST = /“([^”]{2,60})”(?:[一二三四五六七八九十两]|\d+)?[大个]?(?:片区|园区|板块|组团|区块)/g;
const ZONE_WORD = /片区|园区|板块|组团|区块/;
/** 中国动力谷, 中国陶瓷谷: a national-brand industrial zone. */
const VALLEY = /中国[\u4e00-\u9fff]{2,3}谷/g;
/** 京广线、沪昆线、衡衡线…等干线铁路: two-character railway names in a list with a known one. */
const RAIL = /[\u4e00-\u9fff]{2}线/g;

function patternCands(text: string, p: number, cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const m of text.includes('”') && ZONE_WORD.test(text) ? text.matchAll(ZONE_LIST) : []) {
    let at = m.index + 1;
    const items = m[1]!.split('、');
    if (items.length < 2) continue;
    for (const item of items) {
      const name = item.trim();
      const s = at + item.indexOf(name);
      at += item.length + 1;
      if (name.length < 2 || name.length > 10 || !/^[\u4e00-\u9fff]+$/.test(name)) continue;
      out.push({ paragraph: p, start: s, end: s + name.length, canonical: name, forms: [name], type: 'other-region', inZhuzhou: undefined, rank: 0, spread: true, key: name });
    }
  }
  for (const m of text.includes('中国') ? text.matchAll(VALLEY) : []) {
    out.push({ paragraph: p, start: m.index, end: m.index + m[0].length, canonical: m[0], forms: [m[0]], type: 'dev-zone', inZhuzhou: undefined, rank: 1, spread: true, key: m[0] });
  }
  const rails = cands.filter((c) => c.type === 'landmark' && /线$/.test(text.slice(c.start, c.end)));
  if (rails.length) {
    const chain = new Set<number>();
    const all = [...text.matchAll(RAIL)].map((m) => m.index);
    const isRailAt = (s: number) => rails.some((r) => r.start === s) || chain.has(s);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of all) {
        if (chain.has(s) || rails.some((r) => r.start === s)) continue;
        if ((text[s + 3] === '、' && isRailAt(s + 4)) || (text[s - 1] === '、' && isRailAt(s - 4))) {
          chain.add(s);
          grew = true;
        }
      }
    }
    for (const s of chain) {
      const name = text.slice(s, s + 3);
      out.push({ paragraph: p, start: s, end: s + 3, canonical: name, forms: [name], type: 'landmark', inZhuzhou: null, rank: 1, key: name });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Choosing among candidates.

function resolve(cands: Cand[], lengths: number[]): Cand[] {
  const sorted = cands.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  // One occupancy buffer for all paragraphs, each at its own base offset.
  const base: number[] = [];
  let total = 0;
  for (const n of lengths) {
    base.push(total);
    total += n;
  }
  const taken = new Uint8Array(total);
  const kept: Cand[] = [];
  for (const c of sorted) {
    const from = base[c.paragraph]! + c.start;
    const to = base[c.paragraph]! + c.end;
    let free = true;
    for (let i = from; i < to; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, from, to);
    kept.push(c);
  }
  return kept.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

/** Does an organisation's name start at this place (湖南鼎英…有限公司, 武汉大学, 石峰区农业农村局)? */
function opensOrg(text: string, end: number): boolean {
  let stop = end;
  while (stop < text.length && stop - end < ORG_LOOKAHEAD && !ORG_STOP.test(text[stop]!)) stop++;
  const follow = text.slice(end, stop);
  if (!follow) return false;
  const m = ORG_SUFFIX.exec(follow);
  // 检察院小区 is a compound, not the court.
  if (m && !/^(?:小区|宿舍|家属区|路|街|广场|站)/.test(follow.slice(m.index + m[0].length))) return true;
  return BUREAU.test(follow) && !/^[\u4e00-\u9fff]*?(?:局|厅)(?:长|领导)/.test(follow);
}

function dropOrgOpeners(kept: Cand[], paragraphs: string[]): Cand[] {
  const drop = new Set<Cand>();
  for (let i = 0; i < kept.length; i++) {
    // A chain of places (芦淞区枫溪街道) is judged by what follows its last member.
    let j = i;
    while (j + 1 < kept.length && kept[j + 1]!.paragraph === kept[i]!.paragraph && kept[j + 1]!.start === kept[j]!.end) j++;
    const last = kept[j]!;
    if (opensOrg(paragraphs[last.paragraph]!, last.end)) for (let k = i; k <= j; k++) drop.add(kept[k]!);
    i = j;
  }
  return kept.filter((c) => !drop.has(c));
}

// ---------------------------------------------------------------------------------------------
// Misprints: a town or district the gazetteer lacks, one character away from a Zhuzhou unit
// that the text corroborates (its county is named, or its parent is the misprinted parent).

function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

function linkMisprints(kept: Cand[]): void {
  const counties = new Set(kept.filter((c) => c.entry?.county && (c.type === 'district' || c.type === 'county' || c.type === 'county-city')).map((c) => c.entry!.county!));
  const unknownAdmin = kept.filter((c) => !c.entry && (c.type === 'town' || c.type === 'street' || c.type === 'district' || c.type === 'county'));
  const matches = (c: Cand) => zhuzhouUnits.filter((u) => u.type === c.type && oneOff(u.canonical, c.canonical));
  const linked = new Map<string, Entry>();
  for (const c of unknownAdmin) {
    const options = matches(c);
    let pick: Entry | undefined;
    if (c.type === 'town' || c.type === 'street') {
      const parent = kept.find((o) => o.paragraph === c.paragraph && o.end === c.start);
      const parentCounties = parent ? (parent.entry?.county ? [parent.entry.county] : matches(parent).map((u) => u.county)) : [];
      pick = options.find((u) => parentCounties.includes(u.county) || counties.has(u.county!));
    } else {
      const child = kept.find((o) => o.paragraph === c.paragraph && o.start === c.end);
      if (child) pick = options.find((u) => matches(child).some((t) => t.county === u.county));
    }
    if (pick && !linked.has(c.canonical)) linked.set(c.canonical, pick);
  }
  // Every mention of the misprinted name (溁口区负责人 after 溁口区沅田镇) goes to the same unit.
  for (const c of unknownAdmin) {
    const pick = linked.get(c.canonical);
    if (!pick) continue;
    c.entry = pick;
    c.forms = [pick.canonical, ...pick.forms, ...c.forms];
    c.canonical = pick.canonical;
    c.inZhuzhou = pick.inZhuzhou;
  }
}

// ---------------------------------------------------------------------------------------------

function spread(paragraphs: string[], kept: Cand[], stems: Cand[]): Cand[] {
  const known = new Map<string, Cand>();
  for (const c of [...kept, ...stems]) {
    if (!c.spread) continue;
    const printed = paragraphs[c.paragraph]!.slice(c.start, c.end);
    if (printed.length >= 3 && !dict.has(printed)) known.set(printed, c);
  }
  if (known.size === 0) return [];
  const more: Cand[] = [];
  for (const [form, c] of known) {
    paragraphs.forEach((text, p) => {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        more.push({ ...c, paragraph: p, start: at, end: at + form.length, rank: 0, stemOf: false });
      }
    });
  }
  return more;
}

/** Spellings of one place share the longest canonical; a bare 高新区 joins the one fuller zone. */
function mergeSpellings(kept: Cand[], paragraphs: string[]): Cand[] {
  const groups = new Map<string, Cand[]>();
  for (const c of kept) {
    if (!c.key || c.anaphor) continue;
    const g = groups.get(c.key) ?? [];
    g.push(c);
    groups.set(c.key, g);
  }
  for (const g of groups.values()) {
    const canonical = g.map((c) => c.canonical).sort((a, b) => b.length - a.length)[0]!;
    const forms = [...new Set(g.flatMap((c) => [c.canonical, ...c.forms, paragraphs[c.paragraph]!.slice(c.start, c.end)]))];
    for (const c of g) {
      c.canonical = canonical;
      c.forms = forms;
    }
  }
  // Bare zone words (高新区, 经开区) stand for the one fuller zone of the same kind in the text.
  const out: Cand[] = [];
  for (const c of kept) {
    if (!c.anaphor) {
      out.push(c);
      continue;
    }
    const cls = c.key!.split('|')[1]!;
    const fuller = [...new Set(kept.filter((o) => !o.anaphor && o.key?.endsWith('|' + cls) && o.type === c.type).map((o) => o.canonical))];
    if (fuller.length !== 1) continue;
    const model = kept.find((o) => o.canonical === fuller[0] && !o.anaphor)!;
    out.push({ ...c, canonical: model.canonical, forms: model.forms, inZhuzhou: model.inZhuzhou, type: model.type });
  }
  // A city named alone and with its province (合肥 / 安徽合肥) is one place.
  for (const c of out) {
    if (!c.entry || c.entry.isProvince) continue;
    const compound = out.find((o) => o.entry === c.entry && o.canonical.length > c.canonical.length && o.canonical.endsWith(c.entry!.canonical));
    if (compound) {
      c.canonical = compound.canonical;
      c.forms = compound.forms;
    }
  }
  return out;
}

/** Rule-found names take inZhuzhou from the nearest place before them in the paragraph, else after, else the article. */
function inheritInZhuzhou(kept: Cand[]): void {
  const definite = (c: Cand) => c.inZhuzhou !== undefined && c.inZhuzhou !== null && !c.containsZhuzhou && c.type !== 'landmark';
  const votes = kept.filter(definite);
  const majority = votes.length ? votes.filter((c) => c.inZhuzhou).length * 2 >= votes.length : null;
  for (const c of kept) {
    if (c.inZhuzhou !== undefined) continue;
    const same = kept.filter((o) => o.paragraph === c.paragraph && definite(o));
    const before = same.filter((o) => o.end <= c.start).pop();
    const after = same.find((o) => o.start >= c.end);
    c.inZhuzhou = (before ?? after)?.inZhuzhou ?? majority;
  }
}

/**
 * The places named in one article's paragraphs (headlines may be passed as extra paragraphs).
 * Offsets are UTF-16 offsets into the strings given.
 */
export function findPlaces(paragraphs: string[]): PlaceHit[] {
  const all: Cand[] = [];
  paragraphs.forEach((text, p) => {
    const raw = filterDict(text, dictCands(text, p));
    const comp = compounds(raw);
    const base = [...raw, ...comp];
    const hier = hierarchyCands(text, p, base);
    const withHier = [...base, ...hier];
    all.push(...withHier, ...ruleCands(text, p, withHier), ...patternCands(text, p, raw));
  });
  const lengths = paragraphs.map((t) => t.length);
  let kept = resolve(all, lengths);
  const keptSet = new Set(kept);
  const rejected = all.filter((c) => !keptSet.has(c) && c.stemOf);
  kept = resolve([...kept, ...spread(paragraphs, kept, rejected)], lengths);
  kept = dropOrgOpeners(kept, paragraphs);
  linkMisprints(kept);
  kept = kept.filter((c) => !c.needsLink || c.entry);
  kept = mergeSpellings(kept, paragraphs);
  inheritInZhuzhou(kept);
  return kept.map((c) => {
    const text = paragraphs[c.paragraph]!.slice(c.start, c.end);
    // Forms that are only a place in context (天元, 中山) or one character (醴) are aliases only where printed.
    const aliases = [...new Set([...c.forms, text])].filter((f) => f !== c.canonical && (f === text || (f.length > 1 && !CONTEXT_FORMS.has(f))));
    return {
      paragraph: c.paragraph,
      start: c.start,
      end: c.end,
      text,
      canonical: c.canonical,
      aliases,
      placeType: c.type,
      inZhuzhou: c.inZhuzhou ?? null,
    };
  });
}
