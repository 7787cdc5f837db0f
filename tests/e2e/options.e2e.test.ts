// A user adds an issue of their own, in each browser: a build that ships the archive without seed
// issue 004 is installed, the real seed file 004 is picked on the options page, parsed (in a
// worker), added; its articles then appear in the popup, and after a browser restart they still do.
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/archive/bundle';
import { toDisplay } from '../../src/archive/display';
import type { ArchiveBundle } from '../../src/archive/types';
import { countsOf } from '../../src/store/import';
import { ensureArchive } from './harness/archive-probe.ts';
import { launchChromium } from './harness/chromium.ts';
import { launchFirefox } from './harness/firefox.ts';
import { pollUntil, REPO_ROOT, type BrowserHarness, type TestPage } from './harness/index.ts';
import { copyBuild, ship, shippedBundle, withoutLastIssue } from './harness/shipped-archive.ts';
import { foreignRequests } from './harness/network-guard.ts';

const SEED = join(REPO_ROOT, 'seeds', '004_93fa3b44915f2e79.txt');
const squash = (text: string): string => text.replace(/\s+/g, '');

/** What the options page should find in the file: the same parser, run here in Node. */
function expectedUserIssue(): ArchiveBundle {
  const { bundle, errors } = buildBundle([{ source: basename(SEED), bytes: new Uint8Array(readFileSync(SEED)) }]);
  if (errors.length > 0) throw new Error(`the seed does not parse: ${JSON.stringify(errors)}`);
  return bundle;
}

async function popupHeadlines(h: BrowserHarness): Promise<{ issues: string[]; headlines: string[]; page: TestPage }> {
  const page = await h.openExtensionPage('popup.html');
  await page.waitFor('[data-zzl-issue] [data-article-id]', 60_000);
  const issues = await page.evaluate(() => Array.from(document.querySelectorAll('[data-zzl-issue]'), (el) => el.getAttribute('data-zzl-issue') ?? ''), null);
  const headlines = await page.evaluate(() => Array.from(document.querySelectorAll('[data-article-id]'), (el) => el.textContent ?? ''), null);
  return { issues, headlines: headlines.map(squash), page };
}

const BUILDS = [
  { name: 'chromium', build: 'chrome-mv3', launch: launchChromium },
  { name: 'firefox', build: 'firefox-mv3', launch: launchFirefox },
] as const;

describe.each(BUILDS)('$name: the user’s own issues through the options page', ({ build, launch }) => {
  let dir = '';
  let h: BrowserHarness | undefined;
  let older: ArchiveBundle;
  const user = expectedUserIssue();
  beforeAll(async () => {
    dir = await copyBuild(build);
    const full = shippedBundle(dir);
    expect(full.issues.at(-1)!.source, 'the build’s last issue is seed 004').toBe(basename(SEED));
    older = withoutLastIssue(full);
    await ship(dir, older);
    h = await launch(dir);
  });
  afterAll(async () => {
    if (h) expect(foreignRequests(h), 'requests that left the extension and the loopback test server').toEqual([]);
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('picking the file shows what it holds, adding it puts its articles in the popup', async () => {
    const options = await h!.openExtensionPage('options.html');
    try {
      await options.waitFor('[data-zzl="options"][data-zzl-ready="true"]', 60_000);
      await options.setInputFiles('[data-zzl="file-input"]', [SEED]);
      const row = `[data-zzl-file="${basename(SEED)}"]`;
      await pollUntil('the file to be parsed', () =>
        options.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-zzl-status') === 'parsed', row),
      );
      await options.click('[data-zzl-action="add"]');
      await pollUntil(
        'the issue to be added',
        () => options.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-zzl-status') === 'added', row),
        60_000,
      );
      const issue = user.issues[0]!;
      await options.waitFor(`[data-zzl-issue="${issue.id}"][data-zzl-origin="user"]`);
    } finally {
      await options.close();
    }

    const { issues, headlines, page } = await popupHeadlines(h!);
    try {
      expect(issues).toContain(user.issues[0]!.id);
      for (const a of user.articles) if (a.headline !== null) expect(headlines, a.headline).toContain(squash(toDisplay(a.headline)));
      const ready = await ensureArchive(page);
      const [o, u] = [countsOf(older), countsOf(user)];
      expect(ready.counts).toMatchObject({ issues: o.issues + u.issues, articles: o.articles + u.articles, mentions: o.mentions + u.mentions, figures: o.figures + u.figures });
    } finally {
      await page.close();
    }
  });

  it('the added issue is still there after the browser restarts', async () => {
    await h!.restart();
    const { issues, headlines, page } = await popupHeadlines(h!);
    try {
      expect(issues).toContain(user.issues[0]!.id);
      for (const a of user.articles) if (a.headline !== null) expect(headlines, a.headline).toContain(squash(toDisplay(a.headline)));
    } finally {
      await page.close();
    }
  });
});
