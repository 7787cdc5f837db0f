// Builds the 繁→简 character fold table from opencc-js's dictionaries (run by
// scripts/build-fold-table.ts, and by a test that checks the committed table is not stale).
// Never imported by the extension at run time: it pulls in opencc-js's dictionaries.
//
// opencc converts Taiwan/Hong Kong text in stages: first the regional variants back to OpenCC's
// standard traditional forms (TWVariantsRev / HKVariantsRev), then traditional → simplified
// (TSCharacters). The stages are composed per character, not merged into one map: merged, the
// variant stage's 群 → 羣 shadows the character stage and 群 would never come back to 群.
// Phrase dictionaries are left out: a per-character table cannot hold them, and folding names and
// page text through the same table makes the leftovers (著/着) harmless. So is opencc's
// normalisation of CJK compatibility ideographs (U+F900–FAFF, ~450 legacy code points that pages
// hardly use), which would add a sixth to the table.
import { from, to } from 'opencc-js/preset/t2cn';
import type { DictLike } from 'opencc-js/core';

type CharMap = Map<string, string>;

function singleCharEntries(dict: DictLike): [string, string][] {
  const entries: [string, string][] =
    typeof dict === 'string'
      ? dict.split('|').map((line) => {
          const [source = '', target = ''] = line.split(' ');
          return [source, target];
        })
      : dict.map(([source, target]) => [source, target]);
  return entries.filter(([source]) => [...source].length === 1);
}

/** One stage: its dictionaries in order, the first to define a character wins (as in opencc). */
function stage(groups: readonly (readonly DictLike[])[] | undefined, label: string): CharMap {
  if (!groups || groups.length === 0) throw new Error(`opencc-js: no dictionaries for ${label}`);
  const map: CharMap = new Map();
  for (const group of groups) {
    for (const dict of group) {
      for (const [source, target] of singleCharEntries(dict)) if (!map.has(source)) map.set(source, target);
    }
  }
  return map;
}

export interface FoldTableStats {
  pairs: number;
  /** Folds whose source or target is not one UTF-16 code unit (墠 → 𫮃): left out to keep offsets. */
  skippedAstral: number;
}

/** The sorted pair string (`s0 t0 s1 t1 …`) of every BMP character that folds to another BMP character. */
export function buildFoldPairs(): { pairs: string; stats: FoldTableStats } {
  const toSimplified = stage(to['cn'], 'to cn');
  const variantStages = [stage(from['tw'], 'from tw'), stage(from['hk'], 'from hk')];
  const apply = (map: CharMap, c: string): string => map.get(c) ?? c;

  const sources = new Set<string>([...toSimplified.keys(), ...variantStages.flatMap((m) => [...m.keys()])]);
  // Plain traditional first; a regional variant only when the plain reading leaves the character as it is.
  const foldOnce = (c: string): string => {
    for (const variants of [null, ...variantStages]) {
      const folded = apply(toSimplified, variants ? apply(variants, c) : c);
      if (folded !== c) return folded;
    }
    return c;
  };
  // To a fixed point, so that folding a folded text changes nothing more.
  const fold = (c: string): string => {
    let current = c;
    for (let i = 0; i < 4; i++) {
      const next = foldOnce(current);
      if (next === current) return current;
      current = next;
    }
    throw new Error(`fold of ${c} does not settle`);
  };

  const stats: FoldTableStats = { pairs: 0, skippedAstral: 0 };
  const pairs: [number, number][] = [];
  for (const c of sources) {
    const target = fold(c);
    if (target === c) continue;
    if (c.length !== 1 || target.length !== 1) {
      stats.skippedAstral++;
      continue;
    }
    pairs.push([c.charCodeAt(0), target.charCodeAt(0)]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  stats.pairs = pairs.length;
  return { pairs: pairs.map(([s, t]) => String.fromCharCode(s, t)).join(''), stats };
}
