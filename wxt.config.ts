import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noRawHtml } from './scripts/vite-plugin-no-raw-html';
import { manifestCommands } from './src/background/commands';

// Fixed so that the moz-extension:// address and storage survive reinstalls (and tests can find pages).
export const GECKO_ID = 'zhuzhou-lens@zhuzhou-lens.dev';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // One manifest model for both browsers: Firefox ≥ 140 has everything we need in MV3
  // (event-page background, CSS Custom Highlight API), so there is no reason to keep an MV2 code path.
  manifestVersion: 3,
  vite: () => ({
    plugins: [noRawHtml(), preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // unlimitedStorage: the archive grows with the user's own issues; without it a full origin quota
    // would stop an import (which is caught and reported, but better not to hit at all).
    permissions: ['storage', 'unlimitedStorage'],
    // Rebindable in the browser; no default key (the content script has its own Alt+Shift keys).
    commands: manifestCommands(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
