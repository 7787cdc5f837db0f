// How far a name can be trusted on an arbitrary Chinese page: an estimate (0–1) that an
// occurrence of the string there means this archive entity, in its Zhuzhou sense. Names at or
// above STRONG_AT are marked anywhere; the others (weak) only where the page shows Zhuzhou
// context (see page-context.ts). The numbers are judgement, written so a reader can argue with
// each factor; tests/match/precision.test.ts pins the cases that matter.
import type { EntityRecord } from '../archive/types';
import { surnameLength } from '../archive/surnames';
import { COMMON_GIVEN, GENERIC_PLACE, RELATIVE_HEADS, WORDY_SURNAMES, ZHUZHOU_ANCHORS } from './lexicon';
import { STRONG_AT } from './thresholds';

export { CONTEXT_ALONE_AT, STRONG_AT } from './thresholds';

export interface NameForm {
  /** The folded form the matcher looks for. */
  key: string;
  entity: EntityRecord;
  /** A short form the compiler made (天元 from 天元区), not one the archive printed. */
  derived: boolean;
  /** The same key also names another entity. */
  ambiguous: boolean;
}

const hasAnchor = (s: string): boolean => ZHUZHOU_ANCHORS.some((a) => s.includes(a));
const codePoints = (s: string): string[] => [...s];

/** The entity is a Zhuzhou one: the archive says so, or one of its printed names contains the city or a county. */
function zhuzhouEntity(e: EntityRecord): boolean {
  return e.inZhuzhou === true || [e.name, ...e.aliases].some(hasAnchor);
}

/** Titles tell where a person serves: 市委书记 in the Zhuzhou Daily is Zhuzhou's, 省长 is Hunan's. */
function personRelevance(e: EntityRecord): number {
  const titles = (e.titles ?? []).map((t) => t.replace(/^(?:常务)?副/, ''));
  if (titles.some((t) => hasAnchor(t) || /^[市区县]/.test(t))) return 1;
  const elsewhere = /^(?:省|全国|国家|中央|中共中央|国务院)/;
  if (titles.length > 0 && !titles.every((t) => elsewhere.test(t))) return 0.75;
  return 0.5;
}

function personScore(f: NameForm): number {
  const chars = codePoints(f.key);
  const surname = Math.max(1, surnameLength(f.key));
  const given = chars.slice(surname);
  let s = given.length >= 2 ? 0.8 : given.length === 1 ? 0.35 : 0.1;
  if (given.length > 0 && given.every((c) => COMMON_GIVEN.has(c))) s *= 0.6;
  if (surname === 1 && WORDY_SURNAMES.has(chars[0] ?? '')) s *= 0.75;
  s *= personRelevance(f.entity);
  // Journalists are found for search but never marked on their own.
  if (f.entity.role === 'journalist') s = Math.min(s * 0.5, STRONG_AT - 0.05);
  return s;
}

function lengthFactor(length: number, two: number, three: number): number {
  return length <= 2 ? two : length === 3 ? three : 1;
}

/** A short alias is where the ambiguity lives (高新区, 经开区, 中航发: every city or sector has one). */
function shortAliasFactor(f: NameForm): number {
  return codePoints(f.key).length <= 3 && f.key !== f.entity.name ? 0.7 : 1;
}

function placeScore(f: NameForm): number {
  if (hasAnchor(f.key)) return 0.95;
  if (f.derived) return 0.3;
  const e = f.entity;
  let s = zhuzhouEntity(e) ? 0.75 : e.inZhuzhou === false ? 0.4 : 0.45;
  s *= lengthFactor(codePoints(f.key).length, 0.5, 0.65) * shortAliasFactor(f);
  if (GENERIC_PLACE.test(f.key) || RELATIVE_HEADS.includes(f.key[0] ?? '')) s *= 0.6;
  return s;
}

function orgScore(f: NameForm): number {
  if (hasAnchor(f.key)) return 0.95;
  if (RELATIVE_HEADS.includes(f.key[0] ?? '')) return 0.25;
  const e = f.entity;
  let s = zhuzhouEntity(e) ? 0.8 : e.inZhuzhou === false ? 0.4 : 0.45;
  s *= lengthFactor(codePoints(f.key).length, 0.4, 0.7) * shortAliasFactor(f);
  return s;
}

/** The precision estimate of one name form, rounded to two decimals. */
export function precisionScore(f: NameForm): number {
  const type = f.entity.type;
  let s = type === 'person' ? personScore(f) : type === 'place' ? placeScore(f) : orgScore(f);
  if (f.ambiguous) s *= 0.6;
  return Math.round(Math.min(1, Math.max(0, s)) * 100) / 100;
}
