// The browsers every e2e suite runs in: `describe.each(BROWSERS)` gives each test both.
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { BrowserHarness } from './types.ts';

export interface BrowserEntry {
  name: BrowserHarness['name'];
  launch: () => Promise<BrowserHarness>;
}

export const BROWSERS: BrowserEntry[] = [
  { name: 'chromium', launch: () => launchChromium() },
  { name: 'firefox', launch: () => launchFirefox() },
];

export { foreignRequests } from './network-guard.ts';
export { useBrowser } from './use-browser.ts';
export { startStaticServer, type StaticServer } from './static-server.ts';
export { pollUntil, REPO_ROOT, type BrowserHarness, type TestPage } from './types.ts';
