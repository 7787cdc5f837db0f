// The extension talks to nothing but itself: every request a test's pages make must stay inside the
// extension or go to the loopback test server.
import type { BrowserHarness, RecordedRequest } from './types.ts';

/** In-memory and local schemes: no network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedRequest(url: string, extensionBase: string): boolean {
  if (url.startsWith(extensionBase)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** The requests that went anywhere else, for an assertion that lists them. */
export function foreignRequests(harness: BrowserHarness): RecordedRequest[] {
  return harness.requests.filter((r) => !isAllowedRequest(r.url, harness.extensionBase));
}
