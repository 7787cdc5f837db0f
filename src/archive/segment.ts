// Cutting an issue's blocks into articles. An article is found by its anchor — a byline, a
// `◀上接` marker, a photo credit under a caption, a notice title, a commentary author line, a
// 导读 teaser — and takes the heading lines just above the anchor as its headline group. Its body
// runs until the next article's headline group. Crossheads are heading lines not followed by an
// anchor, so they stay in the body.

import { parseLeadByline, parsePhotoCredit, type LeadByline } from './byline';
import { takeContinuedFrom } from './continuation';
import { furnitureKind, type FurnitureKind } from './masthead';
import type { ArticleKind } from './types';

export interface Block {
  /** 1-based line number in the source text. */
  line: number;
  text: string;
  furniture: FurnitureKind | null;
}

export interface Segment {
  kind: ArticleKind;
  /** Heading lines above the anchor, in order. */
  headingLines: string[];
  lead: LeadByline | null;
  continuedFrom: string | null;
  /** Body blocks in order: text after the anchor, captions, credits, crossheads. */
  body: Block[];
  /** A commentary's author printed alone under its title. */
  author: string | null;
  firstLine: number;
  /** A fragment with no head of its own in this file (its start is elsewhere or lost). */
  orphan?: boolean;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u00a0\u3000]/g, ' ').trim();
    if (t.length > 0) blocks.push({ line: i + 1, text: t, furniture: furnitureKind(t) });
  });
  return blocks;
}

/** A heading-like line: short, no full stop, not cut off mid-sentence. */
export function isHeadingLike(text: string): boolean {
  const t = squash(text);
  if (t.length === 0 || t.length > 60) return false;
  if (/[。]/.test(t)) return false;
  if (/[,，、;；]$/.test(t)) return false;
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) return false;
  if (/^[(（].*[)）]$/.test(t)) return false;
  return /[\u4e00-\u9fff]/.test(t);
}

/**
 * A heading inside a body (crosshead): heading-like and short. Crossheads with a comma are short
 * couplets (`围绕产业特色,招大引强引高`); a longer clause before a comma is a cut sentence.
 */
export function isCrosshead(text: string): boolean {
  const t = squash(text);
  return isHeadingLike(text) && t.length <= 30 && t.split(/[,，]/).every((part) => part.length <= 12);
}

/** The date line under a notice's signature (`2023年4月26日`): the notice ends there. */
export function isSignatureDate(text: string): boolean {
  return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(squash(text));
}

const NOTICE_TITLE = /(公告|任免名单|通告|启事|公示)(\s*第[一二三四五六七八九十\d]+号)?$/;

/** A bare personal name (a commentary author line): 2–3 Han characters, common-surname first. */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤言易文欧阳旷栗伍成';
function isBareName(text: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(text) && COMMON_SURNAMES.includes(text[0]!);
}

type Anchor =
  | { at: number; type: 'lead'; lead: LeadByline }
  | { at: number; type: 'continued'; marker: string }
  | { at: number; type: 'photo' }
  | { at: number; type: 'notice' }
  | { at: number; type: 'author' }
  | { at: number; type: 'digest' };

function findAnchors(blocks: Block[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.furniture === 'digest-start') {
      anchors.push({ at: i, type: 'digest' });
      continue;
    }
    if (b.furniture) continue;
    const from = takeContinuedFrom(b.text);
    if (from.marker) {
      anchors.push({ at: i, type: 'continued', marker: from.marker });
      continue;
    }
    const lead = parseLeadByline(b.text);
    if (lead) {
      // `株洲日报全媒体记者/成皎兰` + `通讯员/李欣汝` on the next line: one byline.
      const next = blocks[i + 1];
      if (lead.rest === '' && next && /^通讯员\s*[/／]/.test(next.text) && !/摄$/.test(next.text)) {
        const more = parseLeadByline('株洲日报' + next.text);
        if (more) {
          lead.byline.correspondents.push(...more.byline.correspondents);
          lead.raw += ' ' + next.text;
          lead.rest = more.rest;
          next.furniture = 'masthead'; // consumed: not body text
        }
      }
      anchors.push({ at: i, type: 'lead', lead });
      continue;
    }
    if (isHeadingLike(b.text) && NOTICE_TITLE.test(squash(b.text))) {
      anchors.push({ at: i, type: 'notice' });
      continue;
    }
    const credit = parsePhotoCredit(b.text);
    const prev = blocks[i - 1];
    const prevPrev = blocks[i - 2];
    if (credit && credit.caption === '' && prev && !prev.furniture && !isHeadingLike(prev.text) && prevPrev && !prevPrev.furniture && isHeadingLike(prevPrev.text)) {
      anchors.push({ at: i - 2, type: 'photo' });
      continue;
    }
    if (isBareName(b.text) && prev && isHeadingLike(prev.text) && !prev.furniture) {
      const next = blocks[i + 1];
      if (next && !next.furniture && !isHeadingLike(next.text) && !parseLeadByline(next.text)) anchors.push({ at: i, type: 'author' });
    }
  }
  return anchors;
}

/** Index of the first heading line above an anchor (the anchor itself when there is none). */
function headingStart(blocks: Block[], anchor: Anchor, floor: number): { start: number; captions: number[] } {
  if (anchor.type === 'continued' || anchor.type === 'digest') return { start: anchor.at, captions: [] };
  let i = anchor.at - 1;
  const captions: number[] = [];
  // Photo captions printed between the headline and the byline belong to the article.
  while (i >= floor && !blocks[i]!.furniture && anchor.type === 'lead' && parsePhotoCredit(blocks[i]!.text)?.caption) {
    captions.unshift(i);
    i--;
  }
  let start = anchor.at;
  let taken = 0;
  while (i >= floor && taken < 5) {
    const b = blocks[i]!;
    if (b.furniture || !isHeadingLike(b.text) || parsePhotoCredit(b.text)) break;
    start = i;
    taken++;
    i--;
  }
  if (anchor.type === 'photo' || anchor.type === 'notice') start = Math.min(start, anchor.at);
  return { start, captions };
}

export function segment(blocks: Block[]): Segment[] {
  const anchors = findAnchors(blocks);
  const starts: { start: number; anchor: Anchor; captions: number[] }[] = [];
  let floor = 0;
  for (const a of anchors) {
    const { start, captions } = headingStart(blocks, a, floor);
    starts.push({ start, anchor: a, captions });
    floor = a.at + 1;
  }
  const segments: Segment[] = [];
  // Text before the first article (a fragment whose head is on another page).
  const firstStart = starts[0]?.start ?? blocks.length;
  const orphan = blocks.slice(0, firstStart).filter((b) => !b.furniture);
  if (orphan.some((b) => !isHeadingLike(b.text))) {
    segments.push({ kind: 'continuation', headingLines: [], lead: null, continuedFrom: null, body: orphan, author: null, firstLine: orphan[0]!.line, orphan: true });
  }
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.start : blocks.length;
    const a = s.anchor;
    const headingEnd = a.type === 'photo' || a.type === 'notice' ? a.at + 1 : s.captions[0] ?? a.at;
    let headingLines = blocks.slice(s.start, headingEnd).filter((b) => !b.furniture).map((b) => b.text);
    let body: Block[] = [];
    let bodyFrom = a.at + 1;
    let kind: ArticleKind = 'news';
    let lead: LeadByline | null = null;
    let continuedFrom: string | null = null;
    let author: string | null = null;
    switch (a.type) {
      case 'lead': {
        lead = a.lead;
        kind = a.lead.xun ? 'news' : 'feature';
        if (a.lead.rest) body.push({ ...blocks[a.at]!, text: a.lead.rest });
        break;
      }
      case 'continued': {
        kind = 'continuation';
        continuedFrom = a.marker;
        const rest = takeContinuedFrom(blocks[a.at]!.text).text;
        if (rest) body.push({ ...blocks[a.at]!, text: rest });
        break;
      }
      case 'photo':
        kind = 'photo';
        bodyFrom = a.at + 1;
        break;
      case 'notice':
        kind = 'notice';
        break;
      case 'author':
        kind = 'commentary';
        author = blocks[a.at]!.text;
        break;
      case 'digest': {
        kind = 'digest';
        // The teaser's lines run until the page pointer (`04版`).
        headingLines = [];
        let i = a.at + 1;
        while (i < end && !blocks[i]!.furniture && isHeadingLike(blocks[i]!.text)) headingLines.push(blocks[i++]!.text);
        bodyFrom = i;
        break;
      }
    }
    body = body.concat(blocks.slice(bodyFrom, end).filter((b) => !b.furniture));
    if (a.type === 'notice') {
      // A notice ends at its signature date; text after it was cut from another article.
      const sig = body.findIndex((b) => isSignatureDate(b.text));
      if (sig >= 0 && sig < body.length - 1) {
        const tail = body.slice(sig + 1);
        body = body.slice(0, sig + 1);
        segments.push({ kind, headingLines, lead, continuedFrom, body, author, firstLine: blocks[s.start]!.line });
        segments.push({ kind: 'continuation', headingLines: [], lead: null, continuedFrom: null, body: tail, author: null, firstLine: tail[0]!.line, orphan: true });
        return;
      }
    }
    // Captions printed between headline and byline: the text starts at the byline, the captions close the article.
    for (const c of s.captions) body.push(blocks[c]!);
    if (a.type === 'digest' && body.length > 0) {
      // Whatever follows a teaser without a headline of its own is a fragment of unknown origin.
      segments.push({ kind, headingLines, lead, continuedFrom, body: [], author, firstLine: blocks[s.start]!.line });
      segments.push({ kind: 'continuation', headingLines: [], lead: null, continuedFrom: null, body, author: null, firstLine: body[0]!.line, orphan: true });
      return;
    }
    segments.push({ kind, headingLines, lead, continuedFrom, body, author, firstLine: blocks[s.start]!.line });
  });
  return segments;
}
