// Bylines and photo credits:
//   株洲日报讯(全媒体记者/刘毅 通讯员/张璐 杨欢群)日前,…        lead byline, body follows
//   株洲日报全媒体记者/周嵩 通讯员/谭洪汀                         a line of its own (features)
//   株洲日报全媒体记者廖喜春 刘芳 … 通讯员/吴昊健 …               no slash
//   株洲日报全媒体记者/李逸峰 通讯员/李青菁)弘扬…                 `讯(` lost in extraction
//   …查阅政策文件。 株洲日报全媒体记者/陈正明 通讯员/刘汇文 摄      photo credit after a caption
//   株洲日报通讯员/罗铭摄 · 记者/李逸峰 摄 · 通讯员供图

import type { Byline } from './types';

export function emptyByline(): Byline {
  return { reporters: [], correspondents: [], photographers: [] };
}

const ROLE = /(全媒体记者|记者|通讯员|实习生|摄影)\s*[/／]?\s*/g;
const HAN_NAME = /^[\u4e00-\u9fff·]{1,4}$/;

/** Names in a space/、-separated list; `言 鹏` (a two-character name printed with a space) is one name. */
export function splitNames(list: string): string[] {
  const tokens = list
    .split(/[\s、,，;；]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && HAN_NAME.test(t));
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.length === 1 && next !== undefined && next.length === 1) {
      names.push(t + next);
      i++;
    } else if (t.length >= 2) {
      names.push(t);
    }
  }
  return names;
}

/** Reads `全媒体记者/甲 乙 通讯员/丙` into roles. Returns null when no role word is present. */
export function parseRoles(text: string): { reporters: string[]; correspondents: string[] } | null {
  const marks = [...text.matchAll(ROLE)];
  if (marks.length === 0) return null;
  const reporters: string[] = [];
  const correspondents: string[] = [];
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    const names = splitNames(text.slice(from, to));
    const role = m[1]!;
    if (role === '通讯员') correspondents.push(...names);
    else reporters.push(...names);
  });
  return { reporters, correspondents };
}

export interface LeadByline {
  byline: Byline;
  /** The byline as printed, e.g. `株洲日报讯(全媒体记者/刘毅 通讯员/张璐 杨欢群)`. */
  raw: string;
  /** The text after the byline (and after one space that follows `)`), possibly empty. */
  rest: string;
  /** true for `株洲日报讯(…)`; false for the `株洲日报全媒体记者/…` forms used by features. */
  xun: boolean;
}

const LEAD_XUN = /^株洲日报讯\s*[(（]([^()（）]{0,80})[)）] ?/;
const LEAD_PAREN = /^株洲日报\s*(?=全媒体记者|记者|通讯员)([^()（）。]{0,80})[)）] ?/;
const STANDALONE = /^(?:株洲日报\s*)?(?=全媒体记者|记者|通讯员)([^()（）。,，]{0,100})$/;

/** A byline at the start of a block, with or without body text after it. */
export function parseLeadByline(block: string): LeadByline | null {
  let m = LEAD_XUN.exec(block);
  let xun = true;
  if (!m) {
    m = LEAD_PAREN.exec(block);
    xun = false;
  }
  if (m) {
    const roles = parseRoles(m[1]!);
    if (!roles) return null;
    return { byline: { ...roles, photographers: [] }, raw: m[0].trimEnd(), rest: block.slice(m[0].length), xun };
  }
  const s = STANDALONE.exec(block);
  if (s && !/摄$|供图$/.test(block)) {
    const roles = parseRoles(s[1]!);
    if (!roles || roles.reporters.length + roles.correspondents.length === 0) return null;
    return { byline: { ...roles, photographers: [] }, raw: block, rest: '', xun: false };
  }
  return null;
}

export interface PhotoCredit {
  byline: Byline;
  /** The caption before the credit (empty when the block is only a credit). */
  caption: string;
  raw: string;
}

const CREDIT_SHOT = /((?:株洲日报\s*)?(?:全媒体记者|记者|通讯员|摄影)\s*[/／]?[^。]*?)\s*摄$/;
const CREDIT_SUPPLIED = /((?:株洲日报\s*)?(?:通讯员|记者)?\s*[/／]?\s*[\u4e00-\u9fff]{0,4}\s*)供图$/;

/** A photo credit at the end of a block: `… 记者/李逸峰 摄`, `… 通讯员供图`. */
export function parsePhotoCredit(block: string): PhotoCredit | null {
  // Cheap test first: the patterns are anchored at the end, and most blocks end otherwise.
  const shot = block.endsWith('摄') ? CREDIT_SHOT.exec(block) : null;
  if (shot) {
    const roles = parseRoles(shot[1]!);
    if (!roles) return null;
    const photographers = [...roles.reporters, ...roles.correspondents];
    return {
      byline: { reporters: roles.reporters, correspondents: roles.correspondents, photographers },
      caption: block.slice(0, shot.index).trim(),
      raw: block.slice(shot.index),
    };
  }
  const supplied = block.endsWith('供图') ? CREDIT_SUPPLIED.exec(block) : null;
  if (supplied) {
    return { byline: emptyByline(), caption: block.slice(0, supplied.index).trim(), raw: block.slice(supplied.index) };
  }
  return null;
}

export function mergeBylines(into: Byline, from: Byline): void {
  for (const key of ['reporters', 'correspondents', 'photographers'] as const) {
    for (const name of from[key]) if (!into[key].includes(name)) into[key].push(name);
  }
}
