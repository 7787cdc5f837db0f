import { render } from 'preact';
import '../../src/ui/styles/reader.css';
import { ReaderApp } from '../../src/ui/components/ReaderApp';
import { loadBundledArchive, setUpPageI18n } from '../../src/ui/extension-page';
import { I18nContext } from '../../src/ui/i18n';
import { parseArticleHash, parseEntityHash } from '../../src/ui/route';

const i18n = setUpPageI18n();
const root = document.getElementById('app')!;

// Rendering again on each hash change keeps ReaderApp's state (the loaded archive).
function draw() {
  render(
    <I18nContext.Provider value={i18n}>
      <ReaderApp load={loadBundledArchive} articleId={parseArticleHash(location.hash)} entityId={parseEntityHash(location.hash)} />
    </I18nContext.Provider>,
    root,
  );
}

window.addEventListener('hashchange', draw);
draw();
