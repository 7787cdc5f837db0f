// The page scanner: reads a page's text runs, matches names in them and keeps the page's current
// matches (with their DOM ranges, entity ids and highlights) as the page changes. All of its work
// runs in time slices (scheduler.ts): first the walk, then the runs in or near the viewport, then
// the rest; changes the page makes later are read per block (mutations.ts), never by reading the
// whole page again. DOM-standard only, so the content script, the command line (in happy-dom) and
// the tests run the same code.
import type { EntityType } from '../archive/types';
import type { NameHit } from '../match/matcher';
import type { TitleProbe } from '../match/page-context';
import { hasHan } from './cjk';
import { HighlightPainter, ACTIVE_HIGHLIGHT, HIGHLIGHT_NAMES } from './highlights';
import { caretAt, highlightRangesAt, rangeBoxes, rangeContainsPoint, type Box } from './hit-test';
import { mentionsZhuzhou, PageJudgement } from './judge';
import { MutationWatcher, type MutationSummary, type MutationWatchOptions } from './mutations';
import { highlightRange, toLiveRange } from './ranges';
import { defaultSliceRequest, SliceScheduler, type Job, type SchedulerOptions, type Slice } from './scheduler';
import { blockOwner, isReadable } from './skip-rules';
import { walkRuns, type OwnerRuns, type TextRun } from './text-runs';
import { joinRuns, type WalkedText } from './walked-text';

/** What the scanner needs of the matcher (NameMatcher has it). */
export interface PageMatcher extends TitleProbe {
  find(text: string): NameHit[];
}

/** One name shown on the page. */
export interface PageMatch {
  /** Unique among the page's matches, stable while the run it is in stays unchanged. */
  key: string;
  entityId: string;
  name: string;
  type: EntityType;
  /** The text as printed on the page. */
  text: string;
  /** UTF-16 offsets into `run.text`. */
  start: number;
  end: number;
  run: TextRun;
  /** What the highlight holds: a StaticRange in browsers, a live Range in DOM libraries. */
  readonly range: AbstractRange;
}

export interface PageScanStats {
  /** Walks started (the first read, then one per changed block). */
  walks: number;
  /** Runs read by all walks. */
  runsRead: number;
  /** Runs handed to the matcher, and their length in code units. */
  runsMatched: number;
  charsMatched: number;
  /** Times the match list was recomputed and published. */
  publishes: number;
}

export interface PageScannerOptions {
  matcher: PageMatcher;
  /** What is read and watched. Default: the document element of `document`. */
  root?: Element;
  /** Default: the root's document, or the global one. */
  document?: Document;
  /** Called with the page's matches whenever they changed (in page order: document order for what one walk read). */
  onMatches?: (matches: readonly PageMatch[]) => void;
  /** Draw highlights (where the browser can). Default true. */
  highlight?: boolean;
  scheduler?: SchedulerOptions;
  /** Watch for changes. Default on; false for a one-off read (the command line). */
  mutations?: Omit<MutationWatchOptions, 'root' | 'onFlush'> | false;
  /** Whether a block is in or near the viewport, read first. Default: its client rect, within half a screen. */
  nearViewport?: (owner: Node) => boolean;
  /**
   * Ask this IntersectionObserver (the page window's) instead, without a layout of our own: the
   * answer comes after the browser's next layout. Reading client rects inside a slice forced
   * 10–27 ms layouts of a long page (bench/page). Not for DOM libraries, whose observers never answer.
   */
  IntersectionObserver?: IntersectionObserverConstructor;
  onError?: (error: unknown) => void;
}

export interface PageScanner {
  start(): void;
  /** Stops watching and working, and removes the highlights. */
  stop(): void;
  readonly matches: readonly PageMatch[];
  readonly stats: Readonly<PageScanStats>;
  /** Resolves when all queued work is done (changes the watcher holds back are not queued yet: see flushMutations). */
  whenIdle(): Promise<void>;
  /** Hands changes the watcher is holding back to the scanner now. */
  flushMutations(): void;
  /** The match under a viewport point, or null. */
  hitTest(x: number, y: number): PageMatch | null;
  /** The match's client rects now (none when it has left the document). */
  rects(match: PageMatch): Box[];
  /** Scrolls the match to the middle of the viewport and draws it as the active one. */
  scrollTo(match: PageMatch, options?: { smooth?: boolean }): void;
  /** Draws one match as the active one (null: none). */
  setActive(match: PageMatch | null): void;
  /** Run text before and after the match (up to CONTEXT_UNITS code units each). */
  context(match: PageMatch): { before: string; after: string };
  /** The page's runs joined, with the matches' offsets into that text (walked-text.ts). */
  walkedText(): WalkedText;
}

/** How much run text context() gives on each side. */
export const CONTEXT_UNITS = 100;

interface ScannedRun {
  run: TextRun;
  /** The matcher's candidates; null until matched. */
  hits: NameHit[] | null;
  zhuzhou: boolean;
  /** Shown matches by hit index. */
  shown: Map<number, PageMatch>;
  gone: boolean;
}

const PRIORITY = { urgentPublish: 0, walk: 1, match: 2, publish: 3 } as const;

/** What the scanner uses of IntersectionObserver (the page's own, passed in). */
export type IntersectionObserverConstructor = new (
  callback: (entries: readonly Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]) => void,
  options: { rootMargin: string },
) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const doc = options.document ?? options.root?.ownerDocument ?? document;
  const root: Element = options.root ?? doc.documentElement;
  const win = doc.defaultView;
  const matcher = options.matcher;
  const onError = options.onError ?? ((e: unknown) => console.warn('Zhuzhou Lens: page scan failed', e));
  const scheduler = new SliceScheduler({
    onError,
    ...(win ? { request: defaultSliceRequest(win) } : {}),
    ...options.scheduler,
  });
  const painter = options.highlight === false ? null : new HighlightPainter(doc);
  const nearViewport = options.nearViewport ?? ((owner: Node) => defaultNearViewport(owner, win));
  const stats: PageScanStats = { walks: 0, runsRead: 0, runsMatched: 0, charsMatched: 0, publishes: 0 };

  const byOwner = new Map<Node, ScannedRun[]>();
  const byNode = new Map<Text, ScannedRun>();
  /** Runs that matter to the judgement: with hits, or with 株洲. */
  const judged = new Set<ScannedRun>();
  /** Blocks whose runs are known (read, and not changed since as far as we were told). */
  const known = new WeakSet<Node>();
  let order = 0;
  const nextOrder = () => order++;

  let matches: PageMatch[] = [];
  const byRange = new Map<AbstractRange, PageMatch>();
  let active: PageMatch | null = null;
  let started = false;
  let stopped = false;

  // ---- Runs in and out ------------------------------------------------------------------------

  const incoming: ScannedRun[] = [];
  const near: ScannedRun[] = [];
  const far: ScannedRun[] = [];
  let matchQueued = false;

  function drop(sr: ScannedRun): void {
    sr.gone = true;
    goneRuns.add(sr.run);
    for (const m of sr.shown.values()) unshow(m);
    sr.shown.clear();
    if (judged.delete(sr)) needPublish(false);
    for (const s of sr.run.segments) if (byNode.get(s.node) === sr) byNode.delete(s.node);
  }

  function replaceOwner({ owner, runs }: OwnerRuns, moved: boolean): void {
    // A block inside an added node may have been moved: live ranges into it collapsed then.
    const old = byOwner.get(owner) ?? [];
    if (owner.nodeType === 1) known.add(owner);
    // A block read again because something near it changed usually has the same runs: keep
    // those as they are (no new match, no flicker, same keys for the overlay).
    const oldByText = new Map<string, ScannedRun[]>();
    if (!moved) for (const o of old) oldByText.set(o.run.text, [...(oldByText.get(o.run.text) ?? []), o]);
    const kept = new Set<ScannedRun>();
    const scanned = runs.map((run): ScannedRun => {
      const same = oldByText.get(run.text)?.find((o) => !kept.has(o) && sameRun(o.run, run));
      if (same) {
        kept.add(same);
        return same;
      }
      return { run, hits: null, zhuzhou: false, shown: new Map(), gone: false };
    });
    for (const o of old) if (!kept.has(o)) drop(o);
    if (runs.length === 0) {
      byOwner.delete(owner);
      return;
    }
    byOwner.set(owner, scanned);
    stats.runsRead += runs.length;
    for (const sr of scanned) {
      if (kept.has(sr)) continue;
      for (const s of sr.run.segments) byNode.set(s.node, sr);
      if (sr.run.han) incoming.push(sr);
    }
    if (incoming.length > 0) queueMatching();
  }

  function walkJob(scope: Node, fresh?: ReadonlySet<Node>): Job {
    stats.walks++;
    const walk = walkRuns(scope, { root, isKnown: (el) => known.has(el), nextOrder, ...(fresh ? { fresh } : {}) });
    return (slice) => {
      for (;;) {
        const step = walk.next();
        if (step.done) return true;
        if (step.value) replaceOwner(step.value, fresh !== undefined && insideAny(step.value.owner, fresh));
        if (slice.shouldYield()) return false;
      }
    };
  }

  /**
   * Pages without Chinese stop here: their text nodes are looked at (in slices; a page's
   * textContent in one go can be a long task on a big page) and none has a Han character, so
   * there is no walk and no matching. The first Han character found starts the walk.
   */
  function probeJob(): Job {
    const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
    return (slice) => {
      for (;;) {
        for (let i = 0; i < 256; i++) {
          const node = walker.nextNode() as Text | null;
          if (node === null) return true;
          if (hasHan(node.data)) {
            scheduler.add(walkJob(root), PRIORITY.walk);
            return true;
          }
        }
        if (slice.shouldYield()) return false;
      }
    };
  }

  // ---- Matching, viewport first ----------------------------------------------------------------

  let nearAt = 0;
  let farAt = 0;
  let matchedNearSincePublish = false;

  let incomingAt = 0;

  /** Blocks whose place the IntersectionObserver has been asked for, with the runs that wait for the answer. */
  const awaitingPlace = new Map<Element, ScannedRun[]>();
  let placeWaiters: (() => void)[] = [];
  const answerPlaceWaiters = () => {
    const waiters = placeWaiters;
    placeWaiters = [];
    for (const w of waiters) w();
  };
  const placeObserver = options.IntersectionObserver
    ? new options.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const runs = awaitingPlace.get(entry.target);
            if (!runs) continue;
            awaitingPlace.delete(entry.target);
            placeObserver?.unobserve(entry.target);
            for (const sr of runs) if (!sr.gone) (entry.isIntersecting ? near : far).push(sr);
          }
          queueMatching();
          answerPlaceWaiters();
        },
        // Half a screen above and below, as defaultNearViewport.
        { rootMargin: '50% 0px' },
      )
    : null;

  function queueMatching(): void {
    if (matchQueued || stopped) return;
    matchQueued = true;
    scheduler.add(matchJob, PRIORITY.match);
  }

  function classify(slice: Slice): boolean {
    const cache = new Map<Node, boolean>();
    while (incomingAt < incoming.length) {
      for (let i = 0; i < 32 && incomingAt < incoming.length; i++) {
        const sr = incoming[incomingAt++]!;
        if (sr.gone) continue;
        const owner = sr.run.owner;
        if (placeObserver && owner.nodeType === 1) {
          let waiting = awaitingPlace.get(owner as Element);
          if (!waiting) {
            awaitingPlace.set(owner as Element, (waiting = []));
            placeObserver.observe(owner as Element);
          }
          waiting.push(sr);
          continue;
        }
        let isNear = cache.get(owner);
        if (isNear === undefined) cache.set(owner, (isNear = nearViewport(owner)));
        (isNear ? near : far).push(sr);
      }
      if (slice.shouldYield()) return false;
    }
    incoming.length = incomingAt = 0;
    return true;
  }

  const matchJob: Job = (slice) => {
    if (!classify(slice)) return false;
    for (;;) {
      let sr: ScannedRun | undefined;
      let fromNear = false;
      if (nearAt < near.length) {
        sr = near[nearAt++];
        fromNear = true;
      } else if (farAt < far.length) sr = far[farAt++];
      if (sr === undefined) {
        near.length = far.length = nearAt = farAt = 0;
        matchQueued = false;
        if (matchedNearSincePublish) needPublish(false);
        return true;
      }
      if (sr.gone) continue;
      const text = sr.run.text;
      sr.hits = matcher.find(text);
      sr.zhuzhou = mentionsZhuzhou(text);
      stats.runsMatched++;
      stats.charsMatched += text.length;
      if (sr.hits.length > 0 || sr.zhuzhou) {
        judged.add(sr);
        if (fromNear) matchedNearSincePublish = true;
        else needPublish(false);
      }
      if (slice.shouldYield()) {
        // Names in view are drawn before the rest of the page is matched.
        if (matchedNearSincePublish) needPublish(true);
        return false;
      }
    }
  };

  // ---- Publishing ---------------------------------------------------------------------------------

  /** The lowest priority number a publish entry is queued at, if any. */
  let publishQueued: number | null = null;
  let publishDirty = false;
  /** A publish in progress: judged in steps, then applied run by run. */
  let round: { runs: ScannedRun[]; judgement: PageJudgement; next: PageMatch[]; at: number; painted: boolean } | null = null;

  function needPublish(urgent: boolean): void {
    publishDirty = true;
    const priority = urgent ? PRIORITY.urgentPublish : PRIORITY.publish;
    if (publishQueued !== null && publishQueued <= priority) return;
    publishQueued = priority;
    // Several entries may be queued at once (a later one more urgent): they share `round`, and
    // the scheduler runs one job at a time, so whichever runs continues the same publish.
    scheduler.add(publishJob, priority);
  }

  const publishJob: Job = (slice) => {
    if (round === null) {
      if (!publishDirty) return done();
      publishDirty = false;
      matchedNearSincePublish = false;
      const runs = [...judged].sort((x, y) => x.run.order - y.run.order);
      const texts = runs.map((sr) => ({ text: sr.run.text, hits: sr.hits ?? [], zhuzhou: sr.zhuzhou }));
      round = { runs, judgement: new PageJudgement(matcher, texts), next: [], at: 0, painted: false };
    }
    const r = round;
    while (!r.judgement.step(16)) if (slice.shouldYield()) return false;
    while (r.at < r.runs.length) {
      const sr = r.runs[r.at]!;
      const verdict = r.judgement.verdicts[r.at]!;
      r.at++;
      if (!sr.gone) {
        (sr.hits ?? []).forEach((hit, i) => {
          const shown = sr.shown.get(i);
          if (verdict[i]) r.next.push(shown ?? show(sr, hit, i));
          else if (shown) {
            unshow(shown);
            sr.shown.delete(i);
          }
        });
      }
      // A run can hold dozens of names, each a range made: ask after every run.
      if (r.at < r.runs.length && slice.shouldYield()) return false;
    }
    // Drawing the round's new highlights and telling the overlay each take a slice of their own
    // on a long page (thousands of ranges; an entity list built from thousands of matches).
    if (!r.painted) {
      if (slice.shouldYield()) return false;
      paintShown();
      r.painted = true;
      // The overlay's update (its entity list, a render) starts a slice of its own.
      return false;
    }
    round = null;
    stats.publishes++;
    // Runs dropped while this round was under way are no longer shown; leave them out.
    matches = r.next.filter((m) => !isGone(m));
    options.onMatches?.(matches);
    return done();

    function done(): boolean {
      if (round === null) publishQueued = null;
      // Changes that came in during the round get a round of their own.
      if (publishDirty) needPublish(false);
      return true;
    }
  };

  const goneRuns = new WeakSet<TextRun>();
  const isGone = (m: PageMatch) => goneRuns.has(m.run);

  function show(sr: ScannedRun, hit: NameHit, index: number): PageMatch {
    const m = new ShownMatch(sr.run, hit);
    sr.shown.set(index, m);
    if (painter?.available) {
      byRange.set(m.range, m);
      unpainted.add(m);
    }
    return m;
  }

  function unshow(m: PageMatch): void {
    if (painter?.available) {
      byRange.delete(m.range);
      if (!unpainted.delete(m)) painter.delete(m.type, m.range);
    }
    if (active === m) setActive(null);
  }

  /**
   * Shown matches whose highlight is not drawn yet. A change to a registered highlight makes
   * Chromium repaint the whole page (25–90 ms on a long one, bench/page), so ranges go to the
   * painter once per publish, together, not slice by slice as they are made.
   */
  const unpainted = new Set<PageMatch>();

  function paintShown(): void {
    if (!painter?.available || unpainted.size === 0) return;
    painter.addAll([...unpainted].map((m) => [m.type, m.range]));
    unpainted.clear();
  }

  // ---- Changes ----------------------------------------------------------------------------------

  function ownerHasHan(owner: Node): boolean {
    return (byOwner.get(owner) ?? []).some((sr) => sr.run.han);
  }

  function insideAny(node: Node, set: ReadonlySet<Node>): boolean {
    for (let n: Node | null = node; n !== null && n !== root.parentNode; n = n.parentNode) if (set.has(n)) return true;
    return false;
  }

  /** Reads what a batch of changes touched: each changed block's own runs, each added subtree whole. */
  function applyJob(summary: MutationSummary): Job {
    const added = [...summary.added];
    const changed = [...summary.changed];
    const fresh = new Set<Node>();
    const dirty = new Set<Node>();
    let a = 0;
    let c = 0;
    return (slice) => {
      if (stopped) return true;
      while (a < added.length) {
        for (let k = 0; k < 32 && a < added.length; k++) {
          const n = added[a++]!;
          if (!n.isConnected || !root.contains(n) || !isReadable(n, root)) continue;
          const text = n.nodeType === 3 ? (n as Text).data : n.nodeType === 1 ? (n.textContent ?? '') : '';
          if (!hasHan(text)) continue;
          fresh.add(n);
          const owner = n.parentNode && blockOwner(n.parentNode, root);
          if (owner) dirty.add(owner);
        }
        if (slice.shouldYield()) return false;
      }
      while (c < changed.length) {
        for (let k = 0; k < 32 && c < changed.length; k++) {
          const n = changed[c++]!;
          if (!n.isConnected || !root.contains(n)) continue;
          const owner = blockOwner(n, root);
          if (owner && (ownerHasHan(owner) || (n.nodeType === 3 && hasHan((n as Text).data)))) dirty.add(owner);
        }
        if (slice.shouldYield()) return false;
      }
      for (const owner of dirty) {
        // A block inside a fresh node is read with it.
        if (insideAny(owner, fresh)) continue;
        scheduler.add(walkJob(owner, fresh), PRIORITY.walk);
      }
      return true;
    };
  }

  function applyMutations(summary: MutationSummary): void {
    if (stopped) return;
    if (summary.removed) scheduler.add(purgeJob(), PRIORITY.walk);
    scheduler.add(applyJob(summary), PRIORITY.walk);
  }

  function purgeJob(): Job {
    let owners: Node[] | null = null;
    let at = 0;
    return (slice) => {
      owners ??= [...byOwner.keys()];
      while (at < owners.length) {
        for (let i = 0; i < 128 && at < owners.length; i++) {
          const owner = owners[at++]!;
          if (owner.isConnected && root.contains(owner)) continue;
          for (const sr of byOwner.get(owner) ?? []) drop(sr);
          byOwner.delete(owner);
        }
        if (slice.shouldYield()) return at >= owners.length;
      }
      return true;
    };
  }

  const watcher =
    options.mutations === false ? null : new MutationWatcher({ ...options.mutations, root, onFlush: applyMutations });

  // ---- Pointer, scrolling, text ------------------------------------------------------------------

  function setActive(match: PageMatch | null): void {
    active = match;
    painter?.setActive(match ? match.range : null);
  }

  const names = [...Object.values(HIGHLIGHT_NAMES), ACTIVE_HIGHLIGHT];

  function hitTest(x: number, y: number): PageMatch | null {
    const underPoint = highlightRangesAt(doc, x, y, names);
    if (underPoint !== null) {
      for (const r of underPoint) {
        const m = byRange.get(r) ?? (active && r === active.range ? active : undefined);
        if (m) return m;
      }
      return null;
    }
    const caret = caretAt(doc, x, y);
    if (caret === null) {
      // No way to narrow it down: every match's rects (DOM libraries, old engines).
      return matches.find((m) => rangeContainsPoint(m.range, x, y)) ?? null;
    }
    if (caret.node.nodeType !== 3) return null;
    const sr = byNode.get(caret.node as Text);
    if (!sr) return null;
    const seg = sr.run.segments.find((s) => s.node === caret.node)!;
    const at = seg.start + caret.offset;
    const shown = [...sr.shown.values()];
    // The caret is nearest the point, which may be either side of the glyph under it: try the
    // matches touching it, then the run's others, and let the rects decide.
    const touching = shown.filter((m) => m.start <= at && at <= m.end);
    return touching.find((m) => rangeContainsPoint(m.range, x, y)) ?? shown.find((m) => !touching.includes(m) && rangeContainsPoint(m.range, x, y)) ?? null;
  }

  function scrollTo(match: PageMatch, scroll: { smooth?: boolean } = {}): void {
    const live = toLiveRange(match.range);
    const el = live?.startContainer.parentElement;
    if (!live || !el) return;
    const behavior: ScrollBehavior = scroll.smooth ? 'smooth' : 'auto';
    // Scroll containers first (the element), then the window, so the name itself ends up centred.
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest', behavior });
    const rect = live.getBoundingClientRect();
    if (win && (rect.width > 0 || rect.height > 0)) {
      win.scrollBy?.({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior });
    }
    setActive(match);
  }

  function context(match: PageMatch): { before: string; after: string } {
    const t = match.run.text;
    return { before: t.slice(Math.max(0, match.start - CONTEXT_UNITS), match.start), after: t.slice(match.end, match.end + CONTEXT_UNITS) };
  }

  function walkedText(): WalkedText {
    const runs: TextRun[] = [];
    const shown = new Map<TextRun, PageMatch[]>();
    for (const list of byOwner.values()) for (const sr of list) runs.push(sr.run);
    for (const m of matches) shown.set(m.run, [...(shown.get(m.run) ?? []), m]);
    return joinRuns(runs, (run) => shown.get(run) ?? []);
  }

  return {
    start() {
      if (started) return;
      started = true;
      // A document in design mode is all the user's own text.
      if (doc.designMode === 'on') return;
      painter?.install();
      watcher?.start();
      scheduler.add(probeJob(), PRIORITY.walk);
    },
    stop() {
      stopped = true;
      placeObserver?.disconnect();
      awaitingPlace.clear();
      answerPlaceWaiters();
      watcher?.stop();
      scheduler.clear();
      painter?.uninstall();
    },
    get matches() {
      return matches;
    },
    stats,
    async whenIdle() {
      // Work waits on the observer's answers too; they queue more work when they come.
      for (;;) {
        await scheduler.whenIdle();
        if (awaitingPlace.size === 0 || stopped) return;
        await new Promise<void>((resolve) => placeWaiters.push(resolve));
      }
    },
    flushMutations: () => watcher?.flush(),
    hitTest,
    rects: (m) => rangeBoxes(m.range),
    scrollTo,
    setActive,
    context,
    walkedText,
  };
}

/**
 * A shown match. Its range is made when first asked for (highlights ask at once): DOM libraries
 * keep every live Range up to date on each change, which made a scan of a long page in happy-dom
 * quadratic when all ranges were made up front. A class rather than an object literal with a
 * getter: a long page has thousands, and each literal carried a closure scope of its own
 * (bench/memory's heap diff).
 */
class ShownMatch implements PageMatch {
  readonly key: string;
  readonly entityId: string;
  readonly name: string;
  readonly type: EntityType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  #range: AbstractRange | null = null;

  constructor(
    readonly run: TextRun,
    hit: NameHit,
  ) {
    this.key = `${run.order}:${hit.start}`;
    this.entityId = hit.entityId;
    this.name = hit.name;
    this.type = hit.type;
    this.text = hit.text;
    this.start = hit.start;
    this.end = hit.end;
  }

  get range(): AbstractRange {
    return (this.#range ??= highlightRange(this.run, this.start, this.end));
  }
}

function sameRun(a: TextRun, b: TextRun): boolean {
  if (a.text !== b.text || a.segments.length !== b.segments.length) return false;
  return a.segments.every((s, i) => s.node === b.segments[i]!.node && s.start === b.segments[i]!.start);
}

function defaultNearViewport(owner: Node, win: Window | null): boolean {
  if (owner.nodeType !== 1 || !win) return true;
  const r = (owner as Element).getBoundingClientRect();
  const h = win.innerHeight;
  return (r.width > 0 || r.height > 0) && r.bottom >= -h / 2 && r.top <= h * 1.5;
}
