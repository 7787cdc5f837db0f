// The text a page scan reads, as one string: the runs in document order joined with '\n' (a run
// never contains '\n': text-runs.ts turns line breaks into spaces). `scan FILE.html` reports match
// offsets into this text, so they can be checked against it: text.slice(start, end) === match.text.
import type { EntityType } from '../archive/types';
import { compareRuns, type TextRun } from './text-runs';

/** A match as the command line prints it: offsets into WalkedText.text. */
export interface WalkedMatch {
  start: number;
  end: number;
  text: string;
  entityId: string;
  name: string;
  type: EntityType;
}

export interface WalkedText {
  text: string;
  matches: WalkedMatch[];
}

/** Joins `runs` (any order; sorted here) and moves each run's matches (offsets in the run) onto the joined text. */
export function joinRuns(
  runs: readonly TextRun[],
  matchesIn: (run: TextRun) => readonly { start: number; end: number; text: string; entityId: string; name: string; type: EntityType }[],
): WalkedText {
  const sorted = [...runs].sort(compareRuns);
  const matches: WalkedMatch[] = [];
  let at = 0;
  for (const run of sorted) {
    const found = [...matchesIn(run)].sort((a, b) => a.start - b.start);
    for (const m of found) matches.push({ start: at + m.start, end: at + m.end, text: m.text, entityId: m.entityId, name: m.name, type: m.type });
    at += run.text.length + 1;
  }
  return { text: sorted.map((r) => r.text).join('\n'), matches };
}
