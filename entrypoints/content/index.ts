// The content script: every page, top frame only, once the page is idle. Thin glue: the extension
// APIs go in, src/ui/overlay/lens.ts does the work. No CSS is imported here (WXT would inject an
// imported stylesheet into the page): the overlay's styles live in its shadow roots, the
// highlights' one rule in a <style data-zzl> the page scanner adds.
import { browser } from 'wxt/browser';
import { createClient, type AnyRequest } from '../../src/messages';
import { touchesSettings } from '../../src/settings';
import { pageLanguage, type I18n } from '../../src/ui/i18n';
import { startLens } from '../../src/ui/overlay/lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    // HTML documents only (a plain-text file shows as one too), not SVG or XML files opened in a tab.
    const root = document.documentElement;
    if (root.localName !== 'html' || root.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;

    const t: I18n['t'] = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
    // Worked out when the overlay first renders: the first getMessage call loads the extension's
    // messages (5–10 ms, far more on a cold start), which a page without names never needs.
    let locale: string | null = null;
    const i18n: I18n = {
      t,
      get locale() {
        return (locale ??= pageLanguage(t('languageTag'), browser.i18n.getUILanguage()));
      },
    };

    const lens = startLens({
      document,
      hostname: location.hostname,
      i18n,
      request: createClient((message: AnyRequest) => browser.runtime.sendMessage(message)),
      storage: browser.storage.local,
      observeViewport: true,
      onSettingsChanged(listener) {
        const onChanged = (changes: Record<string, unknown>, area: string) => {
          if (touchesSettings(changes, area)) listener();
        };
        browser.storage.onChanged.addListener(onChanged);
        return () => browser.storage.onChanged.removeListener(onChanged);
      },
      onTabMessage(answer) {
        // sendResponse rather than a returned promise: both browsers honour it for a synchronous reply.
        const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
          const reply = answer(message);
          if (reply === undefined) return false;
          sendResponse(reply);
          return false;
        };
        browser.runtime.onMessage.addListener(onMessage);
        return () => browser.runtime.onMessage.removeListener(onMessage);
      },
    });
    // The extension was reloaded or updated: this copy of the script steps down, leaving the page as it was.
    ctx.onInvalidated(() => lens.stop());
  },
});
