// Scores the entities found in one issue against its golden annotation: people, places and
// organisations by name (a golden entry is found when its name, or one of its aliases, is the
// name or an alias of a found entity of that type; whitespace ignored).

import type { EntityRecord, EntityType } from '../archive/types';
import type { GoldenIssue } from './golden';

const squash = (s: string): string => s.replace(/\s+/g, '');

export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  missing: string[];
  extra: string[];
}

export function scoreNames(golden: string[][], found: EntityRecord[]): SetScore {
  const forms = found.map((e) => new Set([e.name, ...e.aliases].map(squash)));
  const used = new Set<number>();
  const missing: string[] = [];
  let tp = 0;
  for (const names of golden) {
    const i = forms.findIndex((f) => names.some((n) => f.has(squash(n))));
    if (i >= 0) {
      tp++;
      used.add(i);
    } else missing.push(names[0]!);
  }
  const extra = found.filter((_, i) => !used.has(i)).map((e) => e.name);
  return combine(tp, extra.length, missing.length, missing, extra);
}

export function combine(tp: number, fp: number, fn: number, missing: string[] = [], extra: string[] = []): SetScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn, missing, extra };
}

export function scoreEntities(golden: GoldenIssue, entities: EntityRecord[]): Record<'people' | 'places' | 'orgs', SetScore> {
  const of = (t: EntityType) => entities.filter((e) => e.type === t);
  return {
    people: scoreNames(golden.people.map((p) => [p.name]), of('person')),
    places: scoreNames(golden.places.map((p) => [p.name]), of('place')),
    orgs: scoreNames(golden.organizations.map((o) => [o.name, ...o.aliases]), of('org')),
  };
}
