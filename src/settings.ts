// The user's settings, as kept in `browser.storage.local` (one key per setting, so the options page
// can write one without reading the others). The content script reads them at start and follows
// changes; the popup/options UI writes them. Whatever is stored is validated here: a missing or
// malformed value reads as its default, never as an error on every page.
import type { EntityType } from './archive/types';

export interface Settings {
  /** Hostnames where the content script does nothing (`example.com` also covers `www.example.com`). */
  disabledSites: string[];
  /** The kinds of names that are marked on pages (and listed in the side panel). */
  markedTypes: EntityType[];
  /** Open the side panel by itself on a page that names at least one entity. */
  autoOpenPanel: boolean;
}

/** The storage.local keys, one per setting. */
export const SETTINGS_KEYS = ['disabledSites', 'markedTypes', 'autoOpenPanel'] as const satisfies readonly (keyof Settings)[];

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'org'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze<Settings>({
  disabledSites: [],
  markedTypes: ['person', 'place', 'org'],
  autoOpenPanel: false,
});

/** A hostname as compared: lower case, without a trailing dot or a `www.` in front. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

const isEntityType = (v: unknown): v is EntityType => typeof v === 'string' && (ENTITY_TYPES as readonly string[]).includes(v);

/** Settings from what storage holds (any shape): each key validated on its own, defaults where invalid. */
export function parseSettings(stored: Record<string, unknown>): Settings {
  const sites = stored.disabledSites;
  const types = stored.markedTypes;
  return {
    disabledSites: Array.isArray(sites)
      ? [...new Set(sites.filter((s): s is string => typeof s === 'string').map(normalizeHost).filter((s) => s !== ''))]
      : [...DEFAULT_SETTINGS.disabledSites],
    // An empty list is a valid choice (mark nothing); only a non-list falls back to the default.
    markedTypes: Array.isArray(types) ? ENTITY_TYPES.filter((t) => types.some((v) => v === t && isEntityType(v))) : [...DEFAULT_SETTINGS.markedTypes],
    autoOpenPanel: typeof stored.autoOpenPanel === 'boolean' ? stored.autoOpenPanel : DEFAULT_SETTINGS.autoOpenPanel,
  };
}

/** Whether `hostname` is one of `disabledSites` or a subdomain of one. */
export function isSiteDisabled(hostname: string, disabledSites: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  if (host === '') return false;
  return disabledSites.some((site) => {
    const s = normalizeHost(site);
    return s !== '' && (host === s || host.endsWith('.' + s));
  });
}

/** The part of `browser.storage.local` read here (the real one, or an in-memory one in tests). */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

export async function readSettings(area: SettingsArea): Promise<Settings> {
  return parseSettings(await area.get([...SETTINGS_KEYS]));
}

/** Whether a `storage.onChanged` change set touches the settings. */
export function touchesSettings(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && SETTINGS_KEYS.some((key) => Object.hasOwn(changes, key));
}
