// People named in an article, with the titles the text gives them.
//   省委副书记、省长毛伟明来到…            title chain, then the name
//   市委常委、市委宣传部长江小忠强调        部长 + 江小忠 (not 长江)
//   省有关部门负责人叶仁雄、李知文、…       one title over a list
//   龙朝阳、肖迪明、…、刘智勇等代表参加      a list closed by 等 + role
//   文智勇代表建议                          name + 代表 + speech verb
// A name is accepted only with such evidence; the surname list alone proves nothing.

import { surnameLength } from './surnames';

export type PersonRole = 'official' | 'deputy' | 'journalist' | 'business' | 'other';

export interface PersonHit {
  paragraph: number;
  start: number;
  end: number;
  name: string;
  titles: string[];
  role: PersonRole;
}

// Longest first so that 副市长 wins over 市长 and 党组书记 over 书记.
const TITLE_WORDS = [
  '常务副指挥长', '第一指挥长', '副指挥长', '指挥长', '党组书记', '党委书记', '党工委书记', '副书记', '书记', '常务副市长', '副市长', '市长', '副省长', '省长',
  '副县长', '县长', '副区长', '区长', '镇长', '乡长', '村支书', '副主任委员', '主任委员', '副主任', '主任', '副部长', '部长', '副厅长', '厅长',
  '副局长', '局长', '副院长', '院长', '副检察长', '检察长', '秘书长', '一级巡视员', '二级巡视员', '巡视员', '调研员', '副总经理', '总经理',
  '副董事长', '董事长', '总工程师', '总裁', '副会长', '会长', '副主席', '主席', '常委', '人大代表', '政协委员', '代表', '专家', '负责人',
  '市领导', '省领导', '所长', '校长', '社长', '行长', '处长', '科长', '总监', '经理', '厂长', '理事长', '政委', '组长', '站长', '馆长', '队长',
  '教授', '研究员', '院士', '检察官', '法官', '召集人', '干部', '创始人',
];
const TITLE_RE = new RegExp(TITLE_WORDS.join('|'), 'g');

// Words that follow a name; the name ends where one of them begins.
const FOLLOWERS = [
  '说', '表示', '强调', '指出', '介绍', '告诉', '认为', '建议', '提出', '主持', '参加', '出席', '一行', '等', '和', '与', '及', '在', '到', '为',
  '的', '同志', '代表', '来到', '深入', '带队', '率队', '陪同', '致辞', '讲话', '要求', '还', '也', '就', '先后', '对', '向', '从', '宣布',
  '通报', '汇报', '作', '接受', '会见', '看望', '慰问', '调研', '督导', '检查', '察看', '考察', '走访', '坦言', '透露', '辞去', '已', '是',
  '表态', '寄语', '希望', '发言', '回忆', '笑', '感慨', '带领', '主动', '一起', '亲自', '现场', '分享', '谈', '任', '兼', '获', '被', '担任',
];
const FOLLOW_RE = new RegExp(`^(?:${FOLLOWERS.join('|')})`);
const PUNCT = /^(?:$|[\s,，。、;；:：!！?？“”"'‘’()（）《》·…—\-\d])/;
// Characters that do not occur inside a given name in running text here.
const NOT_IN_NAME = /[的了在是和与及等副将为对也都就还又着过并从向到说省县区局委部厅办院某其职]/;
const HAN = /^[\u4e00-\u9fff]+$/;

// 刘某某, 梁先生, 张女士: people the paper keeps anonymous are not entities.
const ANONYMISED = /^(?:某|先生|女士|小姐|师傅|大爷|阿姨|老师)/;

/** Reads a personal name at `at`, using what follows to tell a two- from a three-character name. */
export function readName(text: string, at: number): string | null {
  const s = surnameLength(text.slice(at, at + 2));
  if (s === 0) return null;
  const valid = (len: number): string | null => {
    const cand = text.slice(at, at + len);
    if (cand.length !== len || !HAN.test(cand) || NOT_IN_NAME.test(cand.slice(s))) return null;
    if (ANONYMISED.test(text.slice(at + s)) || /某/.test(cand)) return null;
    // `县长任组长`: a "name" that is itself a title word is not a name.
    TITLE_RE.lastIndex = 0;
    if (TITLE_RE.test(cand.slice(1))) return null;
    return cand;
  };
  const two = valid(s + 1);
  const three = valid(s + 2);
  const after = (len: number) => text.slice(at + len);
  if (two && FOLLOW_RE.test(after(s + 1)) && !(three && PUNCT.test(after(s + 2)) && !/^[说等和与及在到为的是]/.test(after(s + 1)))) return two;
  if (three && (PUNCT.test(after(s + 2)) || FOLLOW_RE.test(after(s + 2)))) return three;
  if (two && PUNCT.test(after(s + 1))) return two;
  return null;
}

const CHAIN_SEP = /[、,，]/;
const MAX_TITLE_SEGMENT = 24;

/** The title chain that ends at `end` (exclusive): segments separated by 、 or , that each end in a title word. */
function titleChain(text: string, end: number): string[] {
  const titles: string[] = [];
  let stop = end;
  while (stop > 0) {
    let from = stop;
    while (from > 0 && !CHAIN_SEP.test(text[from - 1]!) && !/[。;；:：!！?？“”()（）\s]/.test(text[from - 1]!)) from--;
    const segment = text.slice(from, stop);
    if (segment.length === 0 || segment.length > MAX_TITLE_SEGMENT) break;
    TITLE_RE.lastIndex = 0;
    let lastTitleEnd = -1;
    for (const m of segment.matchAll(TITLE_RE)) lastTitleEnd = m.index + m[0].length;
    if (lastTitleEnd !== segment.length) break;
    // A date or a verb phrase before the title is not part of it (`8月23日,市委副书记…` stops at the comma anyway).
    titles.unshift(segment.replace(/^(?:\d+月\d+日|近日|日前|当天|同时|其中|作为|身为|并|及|和|与|由|经|据|为|是|让|请)/, ''));
    if (from === 0 || !CHAIN_SEP.test(text[from - 1]!)) break;
    stop = from - 1;
  }
  return titles.filter((t) => t.length > 0);
}

const BUSINESS = /总经理|董事长|总工程师|总裁|经理|厂长|创始人|总监|公司|集团/;
const DEPUTY = /代表|政协委员/;

export function roleFor(titles: string[]): PersonRole {
  if (titles.length === 0) return 'other';
  const nonDeputy = titles.filter((t) => !DEPUTY.test(t));
  if (titles.some((t) => DEPUTY.test(t)) && nonDeputy.every((t) => BUSINESS.test(t))) return 'deputy';
  if (nonDeputy.some((t) => !BUSINESS.test(t) && !/专家/.test(t))) return 'official';
  if (nonDeputy.some((t) => BUSINESS.test(t) || /专家/.test(t))) return 'business';
  return 'deputy';
}

/** Names separated by 、 starting at `at`; returns them with their offsets. */
function readNameList(text: string, at: number): { name: string; start: number }[] {
  const names: { name: string; start: number }[] = [];
  let i = at;
  for (;;) {
    const name = readName(text, i);
    if (!name) break;
    names.push({ name, start: i });
    i += name.length;
    if (text[i] !== '、') break;
    i++;
  }
  return names;
}

function findInText(text: string, paragraph: number, hits: PersonHit[]): void {
  // 1. Titles followed by a name or a list of names.
  TITLE_RE.lastIndex = 0;
  for (const m of text.matchAll(TITLE_RE)) {
    const end = m.index + m[0].length;
    // Skip a title word that is part of a longer one (代表 inside 人大代表 is matched as 人大代表 already).
    const list = readNameList(text, end);
    if (list.length === 0) continue;
    const titles = titleChain(text, end);
    if (titles.length === 0) continue;
    for (const { name, start } of list) hits.push({ paragraph, start, end: start + name.length, name, titles, role: roleFor(titles) });
  }
  // 2. Lists closed by 等 + role (`龙朝阳、肖迪明、…等代表参加`) and `NAME代表说`, at a clause start.
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !/[,，。;；:：、“”\s]/.test(text[i - 1]!)) continue;
    if (i > 0 && text[i - 1] === '、') continue;
    const list = readNameList(text, i);
    if (list.length === 0) continue;
    const last = list[list.length - 1]!;
    const after = text.slice(last.start + last.name.length);
    const closing = /^等(代表|同志|委员|专家|企业家|人)/.exec(after);
    const speaking = list.length === 1 && /^代表(说|建议|表示|认为|提出|发言|指出)/.test(after);
    if ((closing && list.length >= 2) || speaking) {
      const title = closing ? closing[1]! : '代表';
      for (const { name, start } of list) hits.push({ paragraph, start, end: start + name.length, name, titles: [title], role: roleFor([title]) });
    }
    i = last.start + last.name.length - 1;
  }
  // 3. Appointment lists (`言 鹏为株洲市人大监察和司法委员会副主任委员;`), resignations (`接受谢建文辞去…`),
  //    and a three-character name opening a clause with a speech verb (`代晴华说`).
  const appointment = /^([\u4e00-\u9fff]) ?([\u4e00-\u9fff]{1,2})(?:为|的)[^。;；]{2,40}?(?:主任|委员|书记|局长|部长|职务|长)/.exec(text);
  if (appointment && surnameLength(appointment[1]!) > 0) {
    const name = appointment[1]! + appointment[2]!;
    if (!NOT_IN_NAME.test(appointment[2]!)) hits.push({ paragraph, start: 0, end: appointment[0].indexOf(appointment[2]!) + appointment[2]!.length, name, titles: [], role: 'official' });
  }
  for (const m of text.matchAll(/接受([\u4e00-\u9fff]{2,3}?)辞去([^。;；]{2,30}?职务)/g)) {
    const start = m.index + 2;
    if (readName(text, start) === m[1]) hits.push({ paragraph, start, end: start + m[1]!.length, name: m[1]!, titles: [], role: roleFor([m[2]!]) === 'deputy' ? 'deputy' : 'official' });
  }
  for (const m of text.matchAll(/(?:^|[,，。;；:：“”])([\u4e00-\u9fff]{3})(?=说|表示|介绍|认为|坦言|告诉记者)/g)) {
    const start = m.index + m[0].length - 3;
    if (readName(text, start) === m[1]) hits.push({ paragraph, start, end: start + 3, name: m[1]!, titles: [], role: 'other' });
  }
}

// Leaders of the country named in set phrases (习近平新时代中国特色社会主义思想, 以习近平同志为核心…):
// general knowledge, not taken from the seeds. Found wherever they appear.
const NATIONAL_LEADERS = ['习近平', '李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '韩正'];

function findLeaders(text: string, paragraph: number, hits: PersonHit[]): void {
  for (const name of NATIONAL_LEADERS) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      // A two-character name needs a proper end (李强 is not in 李强调研); three characters are specific enough.
      if (name.length < 3 && readName(text, at) !== name) continue;
      hits.push({ paragraph, start: at, end: at + name.length, name, titles: [], role: 'official' });
    }
  }
}

/** People named in the paragraphs of one article (index = paragraph; headlines can be passed as extra paragraphs). */
export function findPeople(paragraphs: string[]): PersonHit[] {
  const hits: PersonHit[] = [];
  paragraphs.forEach((p, i) => {
    findInText(p, i, hits);
    findLeaders(p, i, hits);
  });
  // One hit per position: the first rule that found it wins.
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.paragraph}:${h.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
