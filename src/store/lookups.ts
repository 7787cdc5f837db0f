// The building blocks every store query shares: run in a read transaction with typed failures,
// look records up by an index led by generation, keep only visible ones, in archive order.
import type { EntityRecord } from '../archive/types';
import { classifyError, StoreFailure } from './errors';
import { isVisible, visibleGens, type Visibility } from './generations';
import { mergeEntityCopies, plainEntity } from './records';
import { BUNDLED_OWNER, USER_GEN, type Gen, type Stamp, type StoredEntity } from './schema';

export async function reading<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new StoreFailure(classifyError(e));
  }
}

export interface GenIndex<T> {
  getAll(query: IDBKeyRange): Promise<T[]>;
}

export const bySeq = (a: Stamp, b: Stamp): number => a.seq - b.seq;

/** Bundled records first, then user issues in the order they were added; bundle order within each. */
export function inArchiveOrder<T extends Stamp>(v: Visibility, records: T[]): T[] {
  const rank = new Map(v.userIssues.map((u, i) => [u.owner, i + 1]));
  const ownerRank = (r: Stamp): number => (r.gen === USER_GEN ? (rank.get(r.owner) ?? Infinity) : 0);
  return records.sort((a, b) => ownerRank(a) - ownerRank(b) || bySeq(a, b));
}

/** Records under [gen, key] in an index led by gen, for every visible generation: visible ones only, in archive order. */
export async function lookup<T extends Stamp>(index: GenIndex<T>, v: Visibility, key: string): Promise<T[]> {
  const found = await Promise.all(visibleGens(v).map((gen) => index.getAll(IDBKeyRange.only([gen, key]))));
  return inArchiveOrder(
    v,
    found.flat().filter((r) => isVisible(v, r)),
  );
}

/** Owners whose records are visible, bundled first, then user issues in the order they were added. */
export function visibleOwners(v: Visibility): { gen: Gen; owner: string }[] {
  const owners: { gen: Gen; owner: string }[] = [];
  if (v.active) owners.push({ gen: v.active.generation, owner: BUNDLED_OWNER });
  for (const u of v.userIssues) owners.push({ gen: USER_GEN, owner: u.owner });
  return owners;
}

/** All visible copies of each id, merged (bundled copy first). */
export async function entitiesWithIds(index: GenIndex<StoredEntity>, v: Visibility, ids: Iterable<string>): Promise<EntityRecord[]> {
  const merged = await Promise.all([...new Set(ids)].map(async (id) => mergeEntityCopies((await lookup(index, v, id)).map(plainEntity))));
  return merged.filter((e): e is EntityRecord => e !== undefined);
}

