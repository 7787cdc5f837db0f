// Compiles the archive's entity names into the matcher's plain-JSON form, which is stored in
// IndexedDB and sent to content scripts; NameMatcher.fromCompiled builds the automaton from it.
// Runs in the background and in Node, never in the content script (it reads the whole fold table).
import type { EntityRecord, EntityType, MentionRecord } from '../archive/types';
import { isSkippable } from './code-units';
import { foldPairsInto, foldText } from './fold';
import { TITLE_WORDS } from './lexicon';
import { precisionScore, STRONG_AT } from './precision';

export interface CompiledEntity {
  id: string;
  name: string;
  type: EntityType;
}

export interface CompiledName {
  /** The folded form looked for (traditional and full-width forms on the page match it). */
  key: string;
  /** Index into `entities`. */
  entity: number;
  /** Precision estimate 0–1 (precision.ts); at or above `strongAt` the name is strong. */
  score: number;
}

export interface CompiledNames {
  version: 1;
  entities: CompiledEntity[];
  /** One per distinct key, sorted by key. */
  names: CompiledName[];
  /** Folded title words that outrank names they overlap (部长 in 宣传部长江小忠); never reported. */
  blockers: string[];
  /** Folded title words, which let a weak personal name count next to them (局长刘伟, 记者王娜). */
  titles: string[];
  /** The fold pairs (traditional, simplified) whose simplified side occurs in a key, blocker or title. */
  fold: string;
  strongAt: number;
  includeJournalists: boolean;
}

export interface CompileOptions {
  /** Journalists are searchable but not marked on pages: left out unless this is true. Default false. */
  includeJournalists?: boolean;
}

/** The form the matcher compares: folded, spaces removed (言 鹏 is 言鹏). */
export function nameKey(form: string): string {
  let out = '';
  const folded = foldText(form);
  for (let i = 0; i < folded.length; i++) if (!isSkippable(folded.charCodeAt(i))) out += folded[i];
  return out;
}

const SHORTENED_TYPES = new Set(['district', 'county', 'county-city']);

/**
 * Short forms the archive does not print as aliases but pages use (天元、荷塘、芦淞、石峰四区):
 * a district or county without its 区/县/市, when two or more characters are left.
 */
function derivedForms(e: EntityRecord): string[] {
  if (e.type !== 'place' || !SHORTENED_TYPES.has(e.placeType ?? '')) return [];
  const stem = e.name.replace(/[区县市]$/, '');
  return stem !== e.name && [...stem].length >= 2 ? [stem] : [];
}

interface Claim {
  entity: EntityRecord;
  derived: boolean;
  canonical: boolean;
  mentions: number;
}

/** Which entity a shared key means: a printed form over a derived one, its own name over an alias, then the most mentioned. */
function compareClaims(a: Claim, b: Claim): number {
  return (
    Number(a.derived) - Number(b.derived) ||
    Number(b.canonical) - Number(a.canonical) ||
    b.mentions - a.mentions ||
    (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0)
  );
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether occurrences of `a` and `b` can overlap: one inside the other, or an end of one is a start of the other. */
function canOverlap(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  for (let i = 1; i < a.length; i++) if (b.startsWith(a.slice(i)) || b.endsWith(a.slice(0, i))) return true;
  return false;
}

/**
 * The blockers that can change which names are chosen: those that can overlap a name, or a
 * blocker that can (代表 never meets a name of the seed archive; 部长 meets 长沙). The others
 * would only cost scanning time.
 */
export function relevantBlockers(blockers: string[], keys: string[]): string[] {
  // Every prefix, suffix and short substring of the names, so each blocker is a few Set lookups.
  const longest = Math.max(0, ...blockers.map((b) => b.length));
  const names = new Set(keys);
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const inner = new Set<string>();
  for (const k of keys) {
    for (let i = 1; i <= k.length; i++) {
      prefixes.add(k.slice(0, i));
      suffixes.add(k.slice(k.length - i));
    }
    for (let i = 0; i < k.length; i++) for (let j = i + 1; j <= Math.min(k.length, i + longest); j++) inner.add(k.slice(i, j));
  }
  const meetsName = (b: string): boolean => {
    if (inner.has(b)) return true;
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j <= b.length; j++) if (names.has(b.slice(i, j))) return true;
    for (let i = 1; i < b.length; i++) if (prefixes.has(b.slice(i)) || suffixes.has(b.slice(0, i))) return true;
    return false;
  };
  const kept = new Set(blockers.filter(meetsName));
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of blockers) {
      if (!kept.has(b) && [...kept].some((k) => canOverlap(b, k))) {
        kept.add(b);
        grew = true;
      }
    }
  }
  return blockers.filter((b) => kept.has(b));
}

export function compileNames(
  archive: { entities: EntityRecord[]; mentions: MentionRecord[] },
  options: CompileOptions = {},
): CompiledNames {
  const includeJournalists = options.includeJournalists ?? false;
  const mentions = new Map<string, number>();
  for (const m of archive.mentions) mentions.set(m.entityId, (mentions.get(m.entityId) ?? 0) + 1);

  const claims = new Map<string, Claim[]>();
  for (const entity of archive.entities) {
    if (entity.role === 'journalist' && !includeJournalists) continue;
    const own = nameKey(entity.name);
    const forms = [
      ...[entity.name, ...entity.aliases].map((form) => ({ form, derived: false })),
      ...derivedForms(entity).map((form) => ({ form, derived: true })),
    ];
    const seen = new Set<string>();
    for (const { form, derived } of forms) {
      const key = nameKey(form);
      // One character (醴 for 醴陵) is a word far more often than a name.
      if ([...key].length < 2 || seen.has(key)) continue;
      seen.add(key);
      const list = claims.get(key) ?? [];
      list.push({ entity, derived, canonical: key === own, mentions: mentions.get(entity.id) ?? 0 });
      claims.set(key, list);
    }
  }

  const entities: CompiledEntity[] = [];
  const entityIndex = new Map<string, number>();
  const names: CompiledName[] = [];
  for (const key of [...claims.keys()].sort(byCodeUnits)) {
    const list = claims.get(key)!.sort(compareClaims);
    const winner = list[0]!;
    const ambiguous = list.some((c) => c.entity.id !== winner.entity.id);
    let index = entityIndex.get(winner.entity.id);
    if (index === undefined) {
      index = entities.length;
      entityIndex.set(winner.entity.id, index);
      entities.push({ id: winner.entity.id, name: winner.entity.name, type: winner.entity.type });
    }
    names.push({ key, entity: index, score: precisionScore({ key, entity: winner.entity, derived: winner.derived, ambiguous }) });
  }

  const titles = [...new Set(TITLE_WORDS.map(nameKey))].sort(byCodeUnits);
  const blockers = relevantBlockers(
    titles.filter((t) => !claims.has(t)),
    [...claims.keys()],
  );
  const used = new Set<number>();
  for (const s of [...names.map((n) => n.key), ...titles]) for (let i = 0; i < s.length; i++) used.add(s.charCodeAt(i));
  return { version: 1, entities, names, blockers, titles, fold: foldPairsInto(used), strongAt: STRONG_AT, includeJournalists };
}
