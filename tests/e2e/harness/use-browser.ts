// One browser per `describe` block: launched before its tests, closed after, and after every test
// the network guard checks that nothing left the extension and the loopback test server.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { foreignRequests } from './network-guard.ts';
import type { BrowserHarness } from './types.ts';

export function useBrowser(launch: () => Promise<BrowserHarness>): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await launch();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(() => {
    if (harness) expect(foreignRequests(harness), 'requests that left the extension and the loopback test server').toEqual([]);
  });
  return () => {
    if (!harness) throw new Error('the browser did not start (see the error of the beforeAll hook)');
    return harness;
  };
}
