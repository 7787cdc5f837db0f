// Marks matches through the CSS Custom Highlight API: one Highlight per entity type in the page's
// registry (names prefixed, the registry is shared with the page), styled by a page-level
// `::highlight()` rule in a <style data-zzl> of our own (such rules do not reach the page from a
// shadow root). The page's DOM and text are never touched. Where the API is missing the painter
// does nothing: the matches are still found and listed.
import type { EntityType } from '../archive/types';
import { ZZL_ATTR } from './skip-rules';

export const HIGHLIGHT_NAMES: Readonly<Record<EntityType, string>> = {
  person: 'zzl-person',
  place: 'zzl-place',
  org: 'zzl-org',
};

/** The match the card or the panel points at now, drawn over its type's colour. */
export const ACTIVE_HIGHLIGHT = 'zzl-active';

/** The value of our style element's data-zzl attribute. */
export const STYLE_MARK = 'highlights';

/**
 * Translucent fills over whatever the page's background is, so they read on light and dark pages
 * alike, with the page's own text colour kept; a solid underline in a mid tone carries the type
 * where the fill is faint. Under forced colours the system's Mark colours take over.
 */
export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.person}) { background-color: rgba(255, 153, 0, 0.28); text-decoration: underline 2px rgb(230, 120, 0); }
::highlight(${HIGHLIGHT_NAMES.place}) { background-color: rgba(40, 190, 110, 0.26); text-decoration: underline 2px rgb(20, 150, 80); }
::highlight(${HIGHLIGHT_NAMES.org}) { background-color: rgba(70, 140, 255, 0.26); text-decoration: underline 2px rgb(50, 110, 230); }
::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(255, 220, 0, 0.6); color: inherit; text-decoration: underline 3px rgb(200, 60, 0); }
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAMES.person}), ::highlight(${HIGHLIGHT_NAMES.place}), ::highlight(${HIGHLIGHT_NAMES.org}) { background-color: Mark; color: MarkText; }
  ::highlight(${ACTIVE_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
}
`.trim();

/** The setlike Highlight and the maplike registry, as far as we use them. */
interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => HighlightLike;
interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}

interface HighlightApi {
  Highlight: HighlightConstructor;
  registry: HighlightRegistryLike;
}

/** The API in `doc`'s window, or null where the browser (or DOM library) has none. */
export function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as (Window & { Highlight?: unknown; CSS?: { highlights?: unknown } }) | null;
  const Highlight = win?.Highlight;
  const registry = win?.CSS?.highlights;
  if (typeof Highlight !== 'function' || typeof registry !== 'object' || registry === null) return null;
  return { Highlight: Highlight as HighlightConstructor, registry: registry as HighlightRegistryLike };
}

const ALL_NAMES = [...Object.values(HIGHLIGHT_NAMES), ACTIVE_HIGHLIGHT];

export class HighlightPainter {
  private readonly api: HighlightApi | null;
  private readonly byType = new Map<EntityType, HighlightLike>();
  private active: HighlightLike | null = null;
  private style: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {
    this.api = highlightApi(doc);
  }

  /** Whether highlights are drawn at all. */
  get available(): boolean {
    return this.api !== null;
  }

  /**
   * Adds our style and registers fresh highlights. An earlier copy of the content script (the
   * extension was updated or reloaded) leaves its style and highlights behind: both are replaced.
   */
  install(): void {
    if (!this.api) return;
    const existing = this.doc.querySelector(`style[${ZZL_ATTR}="${STYLE_MARK}"]`);
    const style = (existing as HTMLStyleElement | null) ?? this.doc.createElement('style');
    style.setAttribute(ZZL_ATTR, STYLE_MARK);
    style.textContent = HIGHLIGHT_CSS;
    if (!style.isConnected) (this.doc.head ?? this.doc.documentElement).append(style);
    this.style = style;
    for (const type of Object.keys(HIGHLIGHT_NAMES) as EntityType[]) {
      const h = new this.api.Highlight();
      this.api.registry.set(HIGHLIGHT_NAMES[type], h);
      this.byType.set(type, h);
    }
    this.active = new this.api.Highlight();
    this.active.priority = 1;
    this.api.registry.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Adds many at once: one change to the page's highlights, so one repaint. */
  addAll(ranges: readonly (readonly [EntityType, AbstractRange])[]): void {
    for (const [type, range] of ranges) this.byType.get(type)?.add(range);
  }

  delete(type: EntityType, range: AbstractRange): void {
    this.byType.get(type)?.delete(range);
  }

  /** Draws `range` as the active match (null: none). */
  setActive(range: AbstractRange | null): void {
    if (!this.active) return;
    this.active.clear();
    if (range) this.active.add(range);
  }

  /** Removes our highlights and style from the page. */
  uninstall(): void {
    // The style is shared with a newer copy that took over (it reuses the element): leave it then.
    const replaced = this.api !== null && !this.isOurs(ACTIVE_HIGHLIGHT);
    if (this.api) {
      for (const name of ALL_NAMES) if (this.isOurs(name)) this.api.registry.delete(name);
    }
    this.byType.clear();
    this.active = null;
    if (!replaced) this.style?.remove();
    this.style = null;
  }

  /** Only what we registered: a newer copy of the script may have replaced it since. */
  private isOurs(name: string): boolean {
    const h = this.api?.registry.get(name);
    return h !== undefined && (h === this.active || [...this.byType.values()].includes(h));
  }
}
