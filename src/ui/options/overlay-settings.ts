// The options page's "on pages" settings: which sites are turned off, which kinds of names are
// marked, whether the side panel opens by itself. Reading and validation follow src/settings.ts;
// this adds what a person typing a site needs (any pasted address or hostname becomes the host the
// content script compares with `location.hostname`), and edits that read storage again right
// before writing, so a site the popup turned off a moment ago is never written over.
import type { EntityType } from '../../archive/types';
import { ENTITY_TYPES, isSiteDisabled, normalizeHost, readSettings, SETTINGS_KEYS, type Settings, type SettingsArea } from '../../settings';

/** storage.local as the options page uses it (the real one in the extension, an in-memory one in tests). */
export interface SettingsStorage extends SettingsArea {
  set(items: Record<string, unknown>): Promise<void>;
  /** Calls `listener` with the names of the storage.local keys that changed; returns the unsubscribe. */
  onChanged(listener: (changedKeys: string[]) => void): () => void;
}

export type SiteInputProblem = 'empty' | 'not-web' | 'invalid';

export type SiteInput = { ok: true; host: string } | { ok: false; problem: SiteInputProblem };

/** `scheme:` at the start (`http://`, `about:blank`), but not a host's port (`example.com:8080/…`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?:\/\/|(?!\d*(?:[/?#]|$)))/i;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const MAX_HOST_LENGTH = 253;

/**
 * The host a typed or pasted site names: a hostname (`www.` dropped, as src/settings.ts compares),
 * or the host of an http(s) address. Non-ASCII names come out in their ASCII (punycode) form, the
 * one `location.hostname` has; full-width letters and 。 are folded by the URL parser. A name
 * without a dot is refused (a top-level domain alone, or a site's name typed instead of its
 * address), as are other schemes (`chrome://`, `file:`, `mailto:`).
 */
export function parseSiteInput(input: string): SiteInput {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { ok: false, problem: 'not-web' };
  if (/\s/.test(text)) return { ok: false, problem: 'invalid' };
  let hostname: string;
  try {
    hostname = new URL(scheme === undefined ? `http://${text}` : text).hostname;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (hostname.startsWith('[')) return hostname.endsWith(']') ? { ok: true, host: hostname } : { ok: false, problem: 'invalid' };
  const host = normalizeHost(hostname);
  if (IPV4.test(host)) {
    // The URL parser reads `12345` or `1.2.3` as IPv4 addresses; only an address typed out in full is meant as one.
    const typed = (scheme === undefined ? text : text.replace(/^[^:]*:\/*/, '')).split(/[/?#]/, 1)[0]?.replace(/^.*@/, '').replace(/:\d*$/, '');
    return typed === host ? { ok: true, host } : { ok: false, problem: 'invalid' };
  }
  const labels = host.split('.');
  if (host.length > MAX_HOST_LENGTH || labels.length < 2 || !labels.every((label) => LABEL.test(label))) return { ok: false, problem: 'invalid' };
  return { ok: true, host };
}

export type SiteAddition =
  | { kind: 'added'; sites: string[] }
  | { kind: 'listed' }
  /** A listed parent domain already turns the host off. */
  | { kind: 'covered'; by: string };

/** `sites` with `host` turned off (`host` as parseSiteInput gives it). */
export function addSite(sites: readonly string[], host: string): SiteAddition {
  if (sites.includes(host)) return { kind: 'listed' };
  const by = sites.find((site) => isSiteDisabled(host, [site]));
  if (by !== undefined) return { kind: 'covered', by };
  return { kind: 'added', sites: [...sites, host] };
}

/** `sites` without `site` itself (a listed subdomain of it stays: the person listed it on its own). */
export function removeSite(sites: readonly string[], site: string): string[] {
  return sites.filter((s) => s !== site);
}

/** The order the page lists the sites in. */
export function sitesForDisplay(sites: readonly string[]): string[] {
  return [...sites].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `types` with `type` marked or not, in the settings' canonical order. */
export function withType(types: readonly EntityType[], type: EntityType, marked: boolean): EntityType[] {
  return ENTITY_TYPES.filter((t) => (t === type ? marked : types.includes(t)));
}

/** Whether a change of these storage keys can change the settings. */
export function changesSettings(changedKeys: readonly string[]): boolean {
  return changedKeys.some((key) => (SETTINGS_KEYS as readonly string[]).includes(key));
}

/** The page's way to change settings: one change at a time, each on what storage holds right then. */
export interface SettingsEditor {
  /** The settings as stored once the changes asked for before have been written. */
  read(): Promise<Settings>;
  /**
   * Applies `change` to the settings as stored now and writes the keys it returns (nothing when it
   * returns null); resolves with the settings read back afterwards.
   */
  update(change: (current: Settings) => Partial<Settings> | null): Promise<Settings>;
}

export function settingsEditor(storage: SettingsStorage): SettingsEditor {
  // Reads wait behind the writes before them, so results arrive in the order they were asked for
  // and the last one to arrive is the newest.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
  const readNow = () => readSettings(storage);
  return {
    read: () => enqueue(readNow),
    update: (change) =>
      enqueue(async () => {
        const items = change(await readNow());
        if (items !== null && Object.keys(items).length > 0) await storage.set(items);
        return readNow();
      }),
  };
}
