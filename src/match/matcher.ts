// The content script's matcher: built from CompiledNames (no fold table, no archive), it finds
// the candidate names in a text run in one pass. Which candidates a page shows is PageContext's call.
import type { EntityType } from '../archive/types';
import { Automaton, Occurrences } from './automaton';
import { parsePairs, surroundings, widthFold } from './code-units';
import type { CompiledNames } from './compile';
import type { TitleProbe } from './page-context';
import { Chooser } from './select';

export interface NameHit {
  /** UTF-16 offsets into the text as given: `text` is exactly its slice. */
  start: number;
  end: number;
  text: string;
  entityId: string;
  /** The entity's name (canonical, simplified), whatever form the page printed. */
  name: string;
  type: EntityType;
  strength: 'strong' | 'weak';
  /** The name's precision estimate (precision.ts), 0–1. Additive to the contract. */
  score: number;
}

type PatternTarget = Omit<NameHit, 'start' | 'end' | 'text'>;

/** findSpans' answer: the k-th name is text[start[k], end[k]), found as pattern[k] (an index into the compiled names). */
export type NameSpans = Readonly<Pick<Occurrences, 'length' | 'start' | 'end' | 'pattern'>>;

/**
 * Per code unit, what an occurrence is worth against overlapping ones: a strong name or a title
 * counts more than a weak name, so that 天元 + 区委 (two weak names) do not split the strong
 * 天元区 in 天元区委书记, while 株洲 + 市委 still beat 株洲市 in 株洲市委.
 */
export function unitWeight(target: { strength: 'strong' | 'weak' } | null): number {
  return target === null || target.strength === 'strong' ? 3 : 2;
}

/** Whether text[start, end) is `key` as is (not folded, no space inside): a short loop, cheaper than a call to startsWith. */
function printedAsKey(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (text.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
  return true;
}

export class NameMatcher implements TitleProbe {
  /** Reused between calls; find() does not re-enter. */
  private readonly occurrences = new Occurrences();
  private readonly spans = new Occurrences();
  private readonly chooser = new Chooser();
  private constructor(
    private readonly automaton: Automaton,
    /** Per pattern: the entity a name stands for, or null for a blocker. */
    private readonly targets: readonly (PatternTarget | null)[],
    private readonly titles: readonly string[],
    /** The compiled fold pairs as a map, for the few characters around a weak name. */
    private readonly fold: ReadonlyMap<number, number>,
    private readonly titleSpan: number,
    /** What each pattern's occurrence is worth when overlapping ones compete (select.ts). */
    private readonly weights: Int32Array,
    /** Each pattern as folded (what a simplified page prints). */
    private readonly keys: readonly string[],
  ) {
    this.isName = Uint8Array.from(targets, (t) => (t ? 1 : 0));
  }

  /** Per pattern: 1 for a name, 0 for a title word (chosen among, never reported). */
  private readonly isName: Uint8Array;

  static fromCompiled(compiled: CompiledNames): NameMatcher {
    if (compiled.version !== 1) throw new Error(`compiled names: unknown version ${String(compiled.version)}`);
    // It comes from storage or a message: a record of another shape is refused here, not half read.
    const lists = [compiled.entities, compiled.names, compiled.blockers, compiled.titles];
    if (!lists.every(Array.isArray) || typeof compiled.fold !== 'string' || typeof compiled.strongAt !== 'number') {
      throw new Error('compiled names: malformed record (compile them again)');
    }
    const patterns: string[] = [];
    const targets: (PatternTarget | null)[] = [];
    for (const n of compiled.names) {
      const e = compiled.entities[n.entity];
      if (!e) throw new Error(`compiled names: ${n.key} points at no entity`);
      patterns.push(n.key);
      const strength = n.score >= compiled.strongAt ? 'strong' : 'weak';
      targets.push({ entityId: e.id, name: e.name, type: e.type, strength, score: n.score });
    }
    for (const b of compiled.blockers) {
      patterns.push(b);
      targets.push(null);
    }
    const { from, to } = parsePairs(compiled.fold);
    const fold = new Map<number, number>();
    for (let i = 0; i < from.length; i++) fold.set(from[i]!, to[i]!);
    const titleSpan = Math.max(0, ...compiled.titles.map((t) => t.length));
    const weights = Int32Array.from(patterns, (p, i) => p.length * unitWeight(targets[i] ?? null));
    return new NameMatcher(Automaton.build(patterns, compiled.fold), targets, compiled.titles, fold, titleSpan, weights, patterns);
  }

  /**
   * Candidate names in `text` (folded on the fly), non-overlapping, in text order; where names
   * and title words overlap, the ones that cover most win (select.ts): 江小忠, not 长江, in
   * 市委宣传部长江小忠, and the title 部长 keeps 长江 out of 宣传部长江某. Offsets are into `text` as
   * given (UTF-16). The answer is `spans`, overwritten by the next call: no object per name.
   */
  findSpans(text: string): NameSpans {
    const spans = this.spans;
    spans.clear();
    const occ = this.occurrences;
    occ.clear();
    this.automaton.scan(text, occ);
    if (occ.length === 0) return spans;
    this.chooser.choose(occ, this.weights, this.isName, spans);
    return spans;
  }

  /** findSpans, each name as a NameHit. */
  find(text: string): NameHit[] {
    const spans = this.findSpans(text);
    const hits: NameHit[] = [];
    for (let k = 0; k < spans.length; k++) hits.push(this.hitOf(text, spans.start[k]!, spans.end[k]!, spans.pattern[k]!));
    return hits;
  }

  private hitOf(text: string, start: number, end: number, pattern: number): NameHit {
    const target = this.targets[pattern]!;
    const key = this.keys[pattern]!;
    // Spelled out: a spread of `target` here costs as much as the whole scan.
    return {
      start,
      end,
      // Where the page prints the name as the pattern spells it (the common case), the pattern's
      // own string: a slice would make a new one for every hit.
      text: printedAsKey(text, start, end, key) ? key : text.slice(start, end),
      entityId: target.entityId,
      name: target.name,
      type: target.type,
      strength: target.strength,
      score: target.score,
    };
  }

  /** Whether a title word (folded like names: 書記 too) ends right before [start, end) or starts right after it. */
  titleAround(text: string, start: number, end: number): boolean {
    const { head, tail } = surroundings(text, start, end, this.titleSpan);
    const h = this.foldWindow(head);
    const t = this.foldWindow(tail);
    return this.titles.some((title) => h.endsWith(title) || t.startsWith(title));
  }

  private foldWindow(window: string): string {
    let out = '';
    for (let i = 0; i < window.length; i++) {
      const u = widthFold(window.charCodeAt(i));
      out += String.fromCharCode(this.fold.get(u) ?? u);
    }
    return out;
  }
}
