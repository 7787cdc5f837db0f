import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../src/ui/styles/options.css';
import '../../src/ui/styles/options-overlay-settings.css';
import { OptionsApp } from '../../src/ui/components/OptionsApp';
import { requestBackground, setUpPageI18n } from '../../src/ui/extension-page';
import { I18nContext } from '../../src/ui/i18n';
import { openArchiveDb } from '../../src/store';
import type { SettingsStorage } from '../../src/ui/options/overlay-settings';
import { createParseClient, type WorkerLike } from '../../src/ui/options/parse-client';
import { downloadFile } from '../../src/ui/options/save-file';

const i18n = setUpPageI18n();
document.title = i18n.t('optionsPageTitle');

// Vite emits the worker as its own file (assets/parse.worker-*.js); the page bundle never carries
// the parser. If the browser refuses the worker, each file says so (createParseClient).
const spawnWorker = (): WorkerLike => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'zzl-parse' });
const parser = createParseClient(spawnWorker);
window.addEventListener('pagehide', () => parser.dispose());

// The settings live in storage.local; the popup's site switch writes there too, and this page follows.
const settings: SettingsStorage = {
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
  onChanged(listener) {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local') listener(Object.keys(changes));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};

render(
  <I18nContext.Provider value={i18n}>
    <OptionsApp openDb={openArchiveDb} parser={parser} save={downloadFile} ensureArchive={() => requestBackground('ensure-archive', {})}
      settings={settings}
    />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
