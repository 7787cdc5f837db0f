// The date of an issue whose masthead is missing, inferred from the text, with the evidence kept.
// A newspaper reports what happened up to the day before it is printed, so the issue date is the
// day after the latest event the text dates. Full dates (`2023年1月1日18时`, a notice signed
// `2023年4月26日`) anchor the year; bare datelines (`12月30日`) take the year that puts them closest
// to that anchor; `去年12月23日` and `今年`/`昨晚` phrases are read relative to it.

import { isoDate } from './masthead';
import type { DateEvidence } from './types';

interface DatedMention {
  y: number | null;
  m: number;
  d: number;
  text: string;
  lastYear: boolean;
}

const FULL = /(\d{4})\s*年\s*0?(\d{1,2})\s*月\s*0?(\d{1,2})\s*日/g;
const BARE = /(去年|今年)?(?<![\d年])(\d{1,2})月(\d{1,2})日/g;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate())!;
}

export function inferIssueDate(paragraphs: string[]): { date: string; evidence: DateEvidence } | null {
  const mentions: DatedMention[] = [];
  for (const p of paragraphs) {
    for (const m of p.matchAll(FULL)) {
      const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
      if (isoDate(y, mo, d)) mentions.push({ y, m: mo, d, text: context(p, m.index, m[0].length), lastYear: false });
    }
    for (const m of p.matchAll(BARE)) {
      // Skip the month-day part of a full date, already taken above.
      if (/\d\s*年\s*$/.test(p.slice(Math.max(0, m.index - 6), m.index)) && !m[1]) continue;
      const mo = Number(m[2]), d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      mentions.push({ y: null, m: mo, d, text: context(p, m.index, m[0].length), lastYear: m[1] === '去年' });
    }
  }
  const full = mentions.filter((x) => x.y !== null);
  let anchorYear: number | null = null;
  let anchor: DatedMention | undefined;
  if (full.length > 0) {
    anchor = full.reduce((a, b) => (dayNumber(b.y!, b.m, b.d) > dayNumber(a.y!, a.m, a.d) ? b : a));
    anchorYear = anchor.y;
  } else {
    const years = paragraphs.flatMap((p) => [...p.matchAll(/(?<!\d)(20\d{2})年(?![底末]?前)/g)].map((m) => Number(m[1])));
    if (years.length > 0) anchorYear = Math.max(...years);
  }
  if (anchorYear === null) return null;
  const anchorDay = anchor ? dayNumber(anchor.y!, anchor.m, anchor.d) : null;

  let latest: { day: number; mention: DatedMention } | null = null;
  for (const x of mentions) {
    if (x.lastYear) continue;
    let day: number;
    if (x.y !== null) day = dayNumber(x.y, x.m, x.d);
    else if (anchorDay !== null) {
      // The year that puts the dateline closest to the anchor date.
      const options = [anchorYear - 1, anchorYear, anchorYear + 1].map((y) => dayNumber(y, x.m, x.d));
      day = options.reduce((a, b) => (Math.abs(b - anchorDay) < Math.abs(a - anchorDay) ? b : a));
    } else day = dayNumber(anchorYear, x.m, x.d);
    if (!isoDate(...(fromDayNumber(day).split('-').map(Number) as [number, number, number]))) continue;
    if (latest === null || day > latest.day) latest = { day, mention: x };
  }
  if (latest === null) return null;
  const date = fromDayNumber(latest.day + 1);
  return {
    date,
    evidence: {
      method: 'inferred',
      text: latest.mention.text,
      reason: `无报头；文中最晚的日期为 ${fromDayNumber(latest.day)}（“${latest.mention.text}”），报道于次日刊出。No masthead; the latest dated event is ${fromDayNumber(latest.day)}, reported the next day.`,
    },
  };
}

function context(p: string, at: number, len: number): string {
  return p.slice(Math.max(0, at - 8), Math.min(p.length, at + len + 8));
}
