import { render } from 'preact';
import '../../src/ui/styles/reader.css';
import type { ArchiveBundle } from '../../src/archive/types';
import { ReaderApp } from '../../src/ui/components/ReaderApp';
import { loadForRoute, setUpPageI18n } from '../../src/ui/extension-page';
import { I18nContext } from '../../src/ui/i18n';
import { parseArticleHash, parseEntityHash, parseReaderHash } from '../../src/ui/route';

const i18n = setUpPageI18n();
const root = document.getElementById('app')!;

// One loader per route, kept while the route stays: ReaderApp loads again only when it changes.
let loader: { key: string; load: () => Promise<ArchiveBundle> } | null = null;
function loaderFor(hash: string): () => Promise<ArchiveBundle> {
  const route = parseReaderHash(hash);
  const key = JSON.stringify(route);
  if (loader?.key !== key) loader = { key, load: () => loadForRoute(route) };
  return loader.load;
}

function draw() {
  render(
    <I18nContext.Provider value={i18n}>
      <ReaderApp load={loaderFor(location.hash)} articleId={parseArticleHash(location.hash)} entityId={parseEntityHash(location.hash)} />
    </I18nContext.Provider>,
    root,
  );
}

window.addEventListener('hashchange', draw);
draw();
