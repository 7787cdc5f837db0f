// The fold the search uses on indexed text and on queries alike: src/match's per-character 繁→简
// table (陳 → 陈, 區 → 区; one code unit for one), then width, case and quotes. Because both sides
// fold through the same table, a traditional query finds simplified text with no converter in the
// popup, and leftovers of a character-level fold (著/着) fall the same way on both sides.
import { foldChar } from '../match/fold';
import { makeFolder, widthUnit, type TextFolder } from './normalize';

let folder: TextFolder | undefined;

/** Built on first use (a 64k-entry table, about a millisecond). */
export function searchFolder(): TextFolder {
  folder ??= makeFolder('t2s-width-v1', foldChar, widthUnit);
  return folder;
}
