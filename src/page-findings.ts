// What the content script found on its page, for the popup: the popup sends `{ type: 'page-findings' }`
// with `tabs.sendMessage` to the active tab and gets the entities named there, most mentioned first.
// A tab without our content script (a browser page, a disabled site) has no listener: the popup's
// sendMessage then rejects, which it should read as "nothing found here".
import type { EntityType } from './archive/types';

export const PAGE_FINDINGS = 'page-findings';

export interface PageFindingsRequest {
  type: typeof PAGE_FINDINGS;
}

export interface PageFinding {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions on the page. */
  count: number;
}

export interface PageFindingsReply {
  entities: PageFinding[];
}

export function isPageFindingsRequest(message: unknown): message is PageFindingsRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_FINDINGS;
}

/** The fields of a match this tally needs (the matcher's NameMatch has them). */
export interface FoundName {
  entityId: string;
  name: string;
  type: EntityType;
}

/** Mentions counted per entity, most mentioned first, then by name; the first printed name stands for the entity. */
export function tallyFindings(matches: Iterable<FoundName>): PageFinding[] {
  const byId = new Map<string, PageFinding>();
  for (const m of matches) {
    const found = byId.get(m.entityId);
    if (found) found.count++;
    else byId.set(m.entityId, { id: m.entityId, name: m.name, type: m.type, count: 1 });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || compareText(a.name, b.name) || compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TYPES: readonly string[] = ['person', 'place', 'org'];

/** The popup's check of a reply: a malformed one reads as null (an old content script, another extension's answer). */
export function parsePageFindingsReply(reply: unknown): PageFindingsReply | null {
  if (typeof reply !== 'object' || reply === null || !Array.isArray((reply as { entities?: unknown }).entities)) return null;
  const entities: PageFinding[] = [];
  for (const e of (reply as { entities: unknown[] }).entities) {
    if (typeof e !== 'object' || e === null) return null;
    const { id, name, type, count } = e as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof type !== 'string' || !TYPES.includes(type)) return null;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
    entities.push({ id, name, type: type as EntityType, count });
  }
  return { entities };
}
