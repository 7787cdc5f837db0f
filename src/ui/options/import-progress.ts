// The progress bar of "add to the archive": several files imported one after another, each in
// chunks. Each file weighs its record count, so a big export moves the bar more than one issue.
import type { ArchiveBundle } from '../../archive/types';

/** Records an import of the bundle writes (user imports may copy an entity per issue: a floor, not exact). */
export function recordWeight(bundle: ArchiveBundle): number {
  return bundle.issues.length + bundle.articles.length + bundle.entities.length + bundle.mentions.length + bundle.figures.length;
}

export interface ProgressState {
  /** Weight of the files finished (added, skipped or failed). */
  finished: number;
  /** Records written so far for the file in progress, at most its weight. */
  current: number;
  total: number;
}

export const startProgress = (weights: readonly number[]): ProgressState => ({ finished: 0, current: 0, total: weights.reduce((a, b) => a + b, 0) });

export const chunkWritten = (p: ProgressState, records: number, weight: number): ProgressState => ({ ...p, current: Math.min(weight, p.current + records) });

export const fileFinished = (p: ProgressState, weight: number): ProgressState => ({ ...p, finished: p.finished + weight, current: 0 });

/** Whole percent, never 100 before the last file is finished. */
export function percentDone(p: ProgressState): number {
  if (p.finished >= p.total) return 100;
  return Math.min(99, Math.floor((100 * (p.finished + p.current)) / p.total));
}
