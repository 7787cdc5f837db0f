// Our elements in a guest's page: one host element per part, appended to <html> (outside <body>, so
// the page's layout and body-level scripts do not see it), each with an open shadow root holding
// its own copy of the overlay's styles and a container Preact renders into. Nothing else of the
// page is touched.
import { OVERLAY_CSS } from './styles';

export type OverlayPart = 'card' | 'panel' | 'launcher';

/** Tag names of our own: a page's rules for `div` or `aside` cannot reach the hosts. */
export const HOST_TAGS: Readonly<Record<OverlayPart, string>> = {
  card: 'zzl-lens-card',
  panel: 'zzl-lens-panel',
  launcher: 'zzl-lens-launcher',
};

export interface ShadowMount {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
}

export function mountShadowHost(doc: Document, part: OverlayPart, css: string = OVERLAY_CSS): ShadowMount {
  const host = doc.createElement(HOST_TAGS[part]);
  host.setAttribute('data-zzl', part);
  // Open, so tests and assistive tools can look in (the test contract); nothing secret lives here.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.setAttribute('data-zzl-root', part);
  root.append(style, container);
  doc.documentElement.append(host);
  return { host, root, container };
}
