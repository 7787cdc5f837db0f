import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/styles/popup.css';
import { PAGE_FINDINGS, type PageFindingsRequest } from '../../src/page-findings';
import { search, type PostingSource, type SearchOptions } from '../../src/search';
import { articleById, entityById, listIssues, searchSources } from '../../src/store';
import { PopupApp } from '../../src/ui/components/PopupApp';
import { archiveDb, loadRecentIssues, openInReaderTab, readerUrl, setUpPageI18n } from '../../src/ui/extension-page';
import { I18nContext } from '../../src/ui/i18n';
import { detailsFrom } from '../../src/ui/popup/details';
import { storageSiteControl } from '../../src/ui/popup/site-switch';
import { readTabFindings } from '../../src/ui/popup/tab-findings';
import { entityHash } from '../../src/ui/route';

// The archive as the background left it (after install it may still be importing).
const db = archiveDb;

// Segments are read once per popup; while there are none yet (the background may still be
// building the index) they are asked for again on the next keystroke.
let sources: PostingSource[] = [];
async function searchable(): Promise<PostingSource[]> {
  if (sources.length === 0) sources = await searchSources(await db());
  return sources;
}

// Hiding an issue takes it out of the lists and of the search, not out of the bundled segment.
let hidden: Promise<Set<string>> | null = null;
function hiddenIssues(): Promise<Set<string>> {
  hidden ??= db()
    .then((d) => listIssues(d, { includeHidden: true }))
    .then((issues) => new Set(issues.filter((i) => i.hidden).map((i) => i.id)));
  return hidden;
}

async function searchArchive(query: string, options: SearchOptions) {
  const [list, hiddenSet] = await Promise.all([searchable(), hiddenIssues()]);
  try {
    return await search(list, query, hiddenSet.size > 0 ? { ...options, hiddenIssues: hiddenSet } : options);
  } catch (e) {
    // A closed connection (a newer version of the database opened elsewhere): read the segments again next time.
    sources = [];
    throw e;
  }
}

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

// Without the `tabs` permission a tab's url is there only where host permissions reach (the
// content script's <all_urls>); when it is missing the site switch is simply not shown.
const site = storageSiteControl(browser.storage.local, async () => (await activeTab())?.url);

const findings = () =>
  readTabFindings(async () => {
    const tab = await activeTab();
    if (tab?.id === undefined) return null;
    const request: PageFindingsRequest = { type: PAGE_FINDINGS };
    return browser.tabs.sendMessage(tab.id, request);
  });

const details = detailsFrom({
  entity: async (id) => entityById(await db(), id),
  article: async (id) => articleById(await db(), id),
});

async function openEntityTab(entityId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/reader.html${entityHash(entityId)}`) });
  window.close();
}

render(
  <I18nContext.Provider value={setUpPageI18n()}>
    <PopupApp
      search={searchArchive}
      loadRecent={loadRecentIssues}
      readerHref={readerUrl}
      openArticle={(id) => void openInReaderTab(id)}
      openEntity={(id) => void openEntityTab(id)}
      details={details}
      findings={findings}
      site={site}
    />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
