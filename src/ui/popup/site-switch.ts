// The popup's "on this site" switch: which host the active tab is on, and the disabledSites list
// after turning the extension off or on there. Matching follows src/settings.ts (a listed site
// also covers its subdomains), so turning a site back on removes every entry that covers it.
import { isSiteDisabled, normalizeHost, readSettings, type SettingsArea } from '../../settings';

export interface SiteState {
  host: string;
  disabled: boolean;
}

/** What the popup's switch reads and writes (browser.tabs and storage.local in the extension). */
export interface SiteControl {
  /** The current tab's site and whether it is turned off; null when the tab is not a web page (or its address is unknown). */
  read(): Promise<SiteState | null>;
  /** Saves the choice (storage.local `disabledSites`). */
  setDisabled(host: string, disabled: boolean): Promise<void>;
}

/** The host a page address names, for http(s) pages only (browser and extension pages have no switch). */
export function siteHostOf(url: string | undefined | null): string | null {
  if (url === undefined || url === null || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = normalizeHost(parsed.hostname);
  return host === '' ? null : host;
}

/** `sites` with `host` turned off: unchanged when a listed site already covers it. */
export function withSiteDisabled(sites: readonly string[], host: string): string[] {
  const h = normalizeHost(host);
  if (h === '' || isSiteDisabled(h, sites)) return [...sites];
  return [...sites, h];
}

/** `sites` without every entry that covers `host` (the host itself or a parent domain). */
export function withSiteEnabled(sites: readonly string[], host: string): string[] {
  const h = normalizeHost(host);
  return sites.filter((site) => !isSiteDisabled(h, [site]));
}

/** storage.local, or an in-memory stand-in in tests. */
export interface SettingsStore extends SettingsArea {
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The switch over a settings store, for the tab whose address `tabUrl` gives (undefined when the
 * browser does not tell: then there is no switch). Each change reads the list again right before
 * writing it, so a site turned off meanwhile in another window is kept.
 */
export function storageSiteControl(area: SettingsStore, tabUrl: () => Promise<string | undefined>): SiteControl {
  return {
    async read() {
      const host = siteHostOf(await tabUrl());
      if (host === null) return null;
      const { disabledSites } = await readSettings(area);
      return { host, disabled: isSiteDisabled(host, disabledSites) };
    },
    async setDisabled(host, disabled) {
      const { disabledSites } = await readSettings(area);
      await area.set({ disabledSites: disabled ? withSiteDisabled(disabledSites, host) : withSiteEnabled(disabledSites, host) });
    },
  };
}
