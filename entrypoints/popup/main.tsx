import { render } from 'preact';
import '../../src/ui/styles/popup.css';
import { PopupApp } from '../../src/ui/components/PopupApp';
import { loadRecentIssues, openInReaderTab, readerUrl, setUpPageI18n } from '../../src/ui/extension-page';
import { I18nContext } from '../../src/ui/i18n';

render(
  <I18nContext.Provider value={setUpPageI18n()}>
    <PopupApp load={loadRecentIssues} readerHref={readerUrl} openArticle={(id) => void openInReaderTab(id)} />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
