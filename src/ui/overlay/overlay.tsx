// The overlay on a page: the launcher, the side panel and the hover card, and what moves them
// (pointer, keyboard, the page's matches changing). It knows the page only through `OverlayPage`
// (hit-testing, client rects, scrolling: the page scanner's job) and the archive only through
// `OverlayArchive` (the background's messages), so it runs the same in a test document.
//
// Hosts exist only while they show something: `[data-zzl="launcher"]` while the page names at
// least one entity, `[data-zzl="panel"]` while the panel is open, `[data-zzl="card"]` while a card
// is shown.
import { batch, effect, signal, untracked } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityType } from '../../archive/types';
import type { EntitySummary } from '../../archive/entity-summary';
import { I18nContext, type I18n } from '../i18n';
import { HoverCard } from './components/HoverCard';
import { Launcher } from './components/Launcher';
import { SidePanel } from './components/SidePanel';
import { HoverIntent } from './hover-intent';
import { groupByType, lazyMention, type PageEntity, type SummaryState } from './model';
import { mountShadowHost, type OverlayPart, type ShadowMount } from './mount';
import { placeCard, unionBox, type Box } from './placement';
import { isEditable, keyTarget, SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts';

/** What the overlay needs of one match on the page. */
export interface OverlayMatch {
  /** Unique among the page's current matches, stable while the match stays. */
  key: string;
  entityId: string;
  name: string;
  type: EntityType;
  /** The matched text as printed on the page. */
  text: string;
}

/** The page, as the page scanner shows it. */
export interface OverlayPage<M extends OverlayMatch> {
  /** The match under a viewport point, or null. */
  hitTest(x: number, y: number): M | null;
  /** The match's client rects now (empty when it is no longer in the document). */
  rects(match: M): Box[];
  scrollTo(match: M): void;
  /** Page text just before and after the match (any length; the overlay cuts it). */
  context(match: M): { before: string; after: string };
  /** Draws the match the card is about as the active one (null: none). */
  setActive?(match: M | null): void;
}

/** The archive, through the background. */
export interface OverlayArchive {
  summaries(entityIds: string[]): Promise<EntitySummary[]>;
  openReader(target: 'article' | 'entity', id: string): Promise<unknown>;
}

export interface OverlayOptions<M extends OverlayMatch> {
  document: Document;
  page: OverlayPage<M>;
  archive: OverlayArchive;
  i18n: I18n;
  /** Open the panel by itself once the page names something (settings.autoOpenPanel). */
  autoOpenPanel?: boolean;
  restMs?: number;
  graceMs?: number;
  /** Runs a callback before the next paint (requestAnimationFrame); hit-tests are coalesced per frame. */
  frame?: (callback: () => void) => void;
  onError?: (what: string, error: unknown) => void;
}

export interface Overlay<M extends OverlayMatch> {
  /** The page's matches now, in document order. */
  setMatches(matches: readonly M[]): void;
  /** Scrolls to the next (or previous) name after the one the card shows, and opens its card with focus in it. */
  cycle(direction: 1 | -1): void;
  /** Opens the card for one match (pinned, focus moved into it when `focus`). */
  showCard(match: M, options?: { focus?: boolean }): void;
  hideCard(): void;
  openPanel(options?: { focus?: boolean }): void;
  closePanel(): void;
  togglePanel(): void;
  /** Runs a keyboard shortcut's action (also reachable from the browser's command shortcuts). */
  run(action: ShortcutAction): void;
  destroy(): void;
}

/** How many articles and figures a card or panel entry shows; one digest per entity serves both. */
export const SUMMARY_LIMITS = { articles: 3, figures: 3 } as const;
/**
 * Ids per entity-summaries request from the panel (the protocol allows 500): small enough that the
 * entities at the top of the panel are filled in first, in parallel with the rest.
 */
const PANEL_BATCH = 16;

interface CardState<M> {
  match: M;
  how: 'pointer' | 'keyboard';
  /** Move focus into the card when it opens. */
  focus: boolean;
}

export function createOverlay<M extends OverlayMatch>(options: OverlayOptions<M>): Overlay<M> {
  const { document: doc, page, archive, i18n } = options;
  const win = doc.defaultView ?? window;
  const frame = options.frame ?? ((cb: () => void) => void win.requestAnimationFrame(() => cb()));
  const onError = options.onError ?? ((what: string, e: unknown) => console.warn(`Zhuzhou Lens: ${what}`, e));

  let matches: readonly M[] = [];
  let byKey = new Map<string, M>();
  const entities = signal<PageEntity[]>([]);
  const summaries = signal<ReadonlyMap<string, SummaryState>>(new Map());
  const card = signal<CardState<M> | null>(null);
  const panelOpen = signal(false);
  /** Bumped on scroll and resize, so the card finds its name again. */
  const layout = signal(0);
  let autoOpened = false;
  /** Where focus was before a card or the panel took it, to give it back. */
  let cardFocusBefore: HTMLElement | null = null;
  let panelFocusBefore: HTMLElement | null = null;
  const mounts = new Map<OverlayPart, ShadowMount>();
  const disposers: (() => void)[] = [];

  // ---- Archive digests --------------------------------------------------------------------

  function setSummaries(entries: [string, SummaryState][]) {
    const next = new Map(summaries.value);
    for (const [id, state] of entries) next.set(id, state);
    summaries.value = next;
  }

  /** Asks for the digests not yet held (or that failed before); each id is asked once at a time. */
  function fetchSummaries(ids: readonly string[]) {
    const wanted = [...new Set(ids)].filter((id) => {
      const state = summaries.value.get(id);
      return state === undefined || state.status === 'error';
    });
    if (wanted.length === 0) return;
    setSummaries(wanted.map((id) => [id, { status: 'loading' }]));
    for (let i = 0; i < wanted.length; i += PANEL_BATCH) {
      const chunk = wanted.slice(i, i + PANEL_BATCH);
      archive.summaries(chunk).then(
        (found) => {
          const byId = new Map(found.map((s) => [s.entity.id, s]));
          setSummaries(chunk.map((id): [string, SummaryState] => {
            const summary = byId.get(id);
            return [id, summary === undefined ? { status: 'missing' } : { status: 'ready', summary }];
          }));
        },
        (e: unknown) => {
          onError('entity-summaries failed', e);
          const message = e instanceof Error ? e.message : String(e);
          setSummaries(chunk.map((id): [string, SummaryState] => [id, { status: 'error', message }]));
        },
      );
    }
  }

  const openReader = (target: 'article' | 'entity', id: string) => {
    archive.openReader(target, id).catch((e: unknown) => onError('open-reader failed', e));
  };

  // ---- Hosts ------------------------------------------------------------------------------

  function mount(part: OverlayPart): ShadowMount {
    let m = mounts.get(part);
    if (!m) {
      m = mountShadowHost(doc, part);
      mounts.set(part, m);
      const ui = part === 'card' ? <CardLayer /> : part === 'panel' ? <PanelLayer /> : <LauncherLayer />;
      render(<I18nContext.Provider value={i18n}>{ui}</I18nContext.Provider>, m.container);
    }
    return m;
  }

  function unmount(part: OverlayPart) {
    const m = mounts.get(part);
    if (!m) return;
    render(null, m.container);
    m.host.remove();
    mounts.delete(part);
  }

  const hostOf = (part: OverlayPart) => mounts.get(part)?.host ?? null;
  const isHost = (node: unknown) => [...mounts.values()].some((m) => m.host === node);
  const insideOverlay = (event: Event) => event.composedPath().some(isHost);
  /** The focused element, looking into our own shadow roots (where focus shows as the host). */
  const focused = (): HTMLElement | null => {
    const active = doc.activeElement;
    const inside = [...mounts.values()].find((m) => m.host === active)?.root.activeElement ?? active;
    return inside === null || inside === doc.body || typeof (inside as HTMLElement).focus !== 'function' ? null : (inside as HTMLElement);
  };
  const giveFocusBack = (to: HTMLElement | null) => {
    if (to !== null && to.isConnected) to.focus({ preventScroll: true });
  };

  // ---- Hover card -------------------------------------------------------------------------

  const intent = new HoverIntent<M>({
    restMs: options.restMs,
    graceMs: options.graceMs,
    same: (a, b) => a.key === b.key,
    prefetch: (m) => fetchSummaries([m.entityId]),
    show: (m, how) => {
      // The pointer's way was prefetched when it came to rest; a failure then is shown, not retried at once.
      if (how === 'keyboard') fetchSummaries([m.entityId]);
      const focus = how === 'keyboard' && keyboardCardTakesFocus;
      // Cycling from card to card keeps the first place focus came from.
      if (focus && !card.value?.focus) cardFocusBefore = focused();
      card.value = { match: m, how, focus };
      page.setActive?.(m);
    },
    hide: () => {
      const was = card.value;
      card.value = null;
      page.setActive?.(null);
      if (was?.focus) giveFocusBack(cardFocusBefore);
      cardFocusBefore = null;
    },
  });
  /** Whether the card `showCard` is opening takes focus. */
  let keyboardCardTakesFocus = true;

  function CardLayer() {
    const shown = card.value;
    const states = summaries.value;
    const tick = layout.value;
    const ref = useRef<HTMLDivElement>(null);
    const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
    const state: SummaryState = shown === null ? { status: 'loading' } : (states.get(shown.match.entityId) ?? { status: 'loading' });

    useLayoutEffect(() => {
      const el = ref.current;
      if (shown === null || el === null) return;
      const anchor = unionBox(page.rects(shown.match));
      if (anchor === null) {
        // The name left the page (the page changed under the card).
        intent.reset();
        return;
      }
      const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: doc.documentElement.clientHeight || win.innerHeight };
      const placed = placeCard(anchor, { width: el.offsetWidth, height: el.offsetHeight }, viewport);
      setPosition((old) => (old !== null && old.left === placed.left && old.top === placed.top ? old : { left: placed.left, top: placed.top }));
    }, [shown, state, tick]);

    // Once per card, and only once it is placed: an element still hidden for measuring cannot take focus.
    const focusedFor = useRef<CardState<M> | null>(null);
    useEffect(() => {
      if (shown === null || !shown.focus || position === null || focusedFor.current === shown) return;
      focusedFor.current = shown;
      ref.current?.focus({ preventScroll: true });
    }, [shown, position]);

    if (shown === null) return null;
    return (
      <HoverCard
        target={shown.match}
        state={state}
        position={position}
        cardRef={ref}
        onOpenArticle={(id) => openReader('article', id)}
        onOpenProfile={(id) => openReader('entity', id)}
        onClose={() => intent.dismiss()}
        onPointerEnter={() => intent.enterCard()}
        onPointerLeave={() => intent.leaveCard()}
      />
    );
  }

  // ---- Side panel and launcher ------------------------------------------------------------

  /** Set when the panel opens from the keyboard or the launcher, read once by the panel's first effect. */
  let panelTakesFocus = false;
  /** Set when the panel closes with focus inside it and nowhere better to return to. */
  let launcherTakesFocus = false;

  function PanelLayer() {
    const ref = useRef<HTMLElement>(null);
    useEffect(() => {
      if (panelTakesFocus) ref.current?.focus({ preventScroll: true });
      panelTakesFocus = false;
    }, []);
    return (
      <SidePanel
        entities={entities.value}
        summaryOf={(id) => summaries.value.get(id)}
        onScrollTo={(_, key) => {
          const m = byKey.get(key);
          if (m) page.scrollTo(m);
        }}
        onOpenArticle={(id) => openReader('article', id)}
        onOpenProfile={(id) => openReader('entity', id)}
        onClose={() => closePanel()}
        shortcuts={{ next: SHORTCUTS['next-name'].label, panel: SHORTCUTS['toggle-panel'].label }}
        panelRef={ref}
      />
    );
  }

  function LauncherLayer() {
    const ref = useRef<HTMLButtonElement>(null);
    const open = panelOpen.value;
    useEffect(() => {
      if (!open && launcherTakesFocus) ref.current?.focus({ preventScroll: true });
      launcherTakesFocus = false;
    }, [open]);
    if (open) return null;
    return <Launcher count={entities.value.length} onOpen={() => openPanel({ focus: true })} buttonRef={ref} />;
  }

  function openPanel({ focus = true }: { focus?: boolean } = {}) {
    if (panelOpen.value) {
      if (focus) mounts.get('panel')?.root.querySelector<HTMLElement>('.panel')?.focus({ preventScroll: true });
      return;
    }
    // Opened from the page (a shortcut), focus goes back there on close; from the launcher, to the launcher.
    if (focus) {
      const from = focused();
      panelFocusBefore = from !== null && !isHost(doc.activeElement) ? from : null;
    }
    panelTakesFocus = focus;
    panelOpen.value = true;
    fetchSummaries(panelOrder());
  }

  /** The page's entity ids in the order the panel lists them, so the top is asked for first. */
  const panelOrder = () => groupByType(entities.value).flatMap((g) => g.entities.map((e) => e.id));

  function closePanel() {
    if (!panelOpen.value) return;
    const panel = mounts.get('panel');
    const focusWasInside = panel !== undefined && (panel.root.activeElement !== null || doc.activeElement === panel.host);
    const before = panelFocusBefore;
    panelFocusBefore = null;
    if (focusWasInside && (before === null || !before.isConnected)) launcherTakesFocus = true;
    panelOpen.value = false;
    if (focusWasInside) giveFocusBack(before);
  }

  // Hosts follow the state: created when there is something to show, removed when not.
  disposers.push(
    effect(() => {
      const show = entities.value.length > 0;
      untracked(() => (show ? mount('launcher') : unmount('launcher')));
    }),
    effect(() => {
      const show = panelOpen.value;
      untracked(() => (show ? mount('panel') : unmount('panel')));
    }),
    effect(() => {
      const show = card.value !== null;
      untracked(() => (show ? mount('card') : unmount('card')));
    }),
  );

  // ---- Page matches -----------------------------------------------------------------------

  const contextOf = (m: M) => page.context(m);

  function setMatches(next: readonly M[]) {
    matches = next;
    byKey = new Map(next.map((m) => [m.key, m]));
    const found = new Map<string, PageEntity>();
    for (const m of next) {
      let entity = found.get(m.entityId);
      if (!entity) found.set(m.entityId, (entity = { id: m.entityId, name: m.name, type: m.type, count: 0, mentions: [] }));
      entity.count++;
      entity.mentions.push(lazyMention(m.key, m.text, m, contextOf));
    }
    batch(() => {
      entities.value = [...found.values()];
      const shown = card.value;
      if (shown !== null && !byKey.has(shown.match.key)) intent.reset();
    });
    if (panelOpen.value) fetchSummaries(panelOrder());
    if (options.autoOpenPanel && !autoOpened && found.size > 0) {
      autoOpened = true;
      openPanel({ focus: false });
    }
  }

  let cycleIndex = -1;

  function cycle(direction: 1 | -1) {
    if (matches.length === 0) return;
    const shown = card.value;
    const at = shown === null ? cycleIndex : matches.findIndex((m) => m.key === shown.match.key);
    const from = at < 0 || at >= matches.length ? (direction === 1 ? -1 : matches.length) : at;
    cycleIndex = (from + direction + matches.length) % matches.length;
    showCard(matches[cycleIndex]!, { focus: true });
  }

  function showCard(match: M, { focus = true }: { focus?: boolean } = {}) {
    page.scrollTo(match);
    keyboardCardTakesFocus = focus;
    intent.openPinned(match);
    keyboardCardTakesFocus = true;
  }

  function togglePanel() {
    if (panelOpen.value) closePanel();
    else if (entities.value.length > 0) openPanel({ focus: true });
  }

  function run(action: ShortcutAction) {
    if (action === 'next-name') cycle(1);
    else if (action === 'previous-name') cycle(-1);
    else togglePanel();
  }

  // ---- Events -----------------------------------------------------------------------------

  let lastPoint: { x: number; y: number } | null = null;
  let framePending = false;

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const cardHost = hostOf('card');
    if (cardHost !== null && event.composedPath().includes(cardHost)) return; // the card's own enter/leave handle it
    if (insideOverlay(event)) {
      lastPoint = null;
      intent.pointerAt(null);
      return;
    }
    lastPoint = { x: event.clientX, y: event.clientY };
    if (framePending) return;
    framePending = true;
    frame(() => {
      framePending = false;
      if (lastPoint !== null) intent.pointerAt(page.hitTest(lastPoint.x, lastPoint.y));
    });
  };

  const onPointerOut = (event: PointerEvent) => {
    // Leaving the window: relatedTarget is null.
    if (event.relatedTarget === null) {
      lastPoint = null;
      intent.pointerAt(null);
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    // A card opened from the keyboard stays until dismissed; a click elsewhere on the page dismisses it too.
    if (card.value?.how === 'keyboard' && !insideOverlay(event)) intent.dismiss();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || event.key === 'Esc') {
      const ours = insideOverlay(event);
      if (card.value !== null) {
        intent.dismiss();
      } else if (panelOpen.value && ours) {
        closePanel();
      } else {
        return;
      }
      // The page keeps its own Esc unless the key was pressed inside our UI.
      if (ours) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    const action = shortcutFor(event);
    if (action === null || event.defaultPrevented) return;
    if (!insideOverlay(event) && isEditable(keyTarget(event))) return;
    if (matches.length === 0 && !panelOpen.value) return;
    event.preventDefault();
    event.stopPropagation();
    run(action);
  };

  const onLayoutChange = () => {
    if (card.value !== null) layout.value++;
  };

  const listen = <K extends keyof DocumentEventMap>(target: Document, type: K, handler: (e: DocumentEventMap[K]) => void, opts: AddEventListenerOptions) => {
    target.addEventListener(type, handler, opts);
    disposers.push(() => target.removeEventListener(type, handler, opts));
  };
  listen(doc, 'pointermove', onPointerMove, { passive: true, capture: true });
  listen(doc, 'pointerout', onPointerOut, { passive: true, capture: true });
  listen(doc, 'pointerdown', onPointerDown, { passive: true, capture: true });
  listen(doc, 'keydown', onKeyDown, { capture: true });
  // Capture catches scrolling of inner scroll containers too (scroll does not bubble).
  listen(doc, 'scroll', onLayoutChange, { passive: true, capture: true });
  win.addEventListener('resize', onLayoutChange, { passive: true });
  disposers.push(() => win.removeEventListener('resize', onLayoutChange));

  return {
    setMatches,
    cycle,
    showCard,
    hideCard: () => intent.reset(),
    openPanel,
    closePanel,
    togglePanel,
    run,
    destroy() {
      intent.reset();
      for (const dispose of disposers.splice(0)) dispose();
      for (const part of [...mounts.keys()]) unmount(part);
    },
  };
}
