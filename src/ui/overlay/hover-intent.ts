// When the hover card shows and hides, as a small state machine fed with what is under the pointer
// (highlights get no events, so the content script hit-tests and calls `pointerAt`). WCAG 1.4.13:
// - the card appears after the pointer has rested on one name for `restMs`, so sweeping across
//   text does not flash cards;
// - it is hoverable: leaving the name starts a `graceMs` delay, and reaching the card in time
//   cancels it; the card stays as long as the pointer is on it or on its name;
// - it is dismissible: `dismiss` (Esc) hides it at once, and it does not come back for the same
//   name until the pointer has left that name;
// - a card opened from the keyboard (`openPinned`) stays until dismissed or replaced.

export interface HoverIntentOptions<T> {
  restMs?: number;
  graceMs?: number;
  /** Whether two hit-test results are the same name on the page. */
  same(a: T, b: T): boolean;
  show(target: T, how: 'pointer' | 'keyboard'): void;
  hide(): void;
  /** Called when the pointer starts resting on a name: fetch its data so it is there when the card shows. */
  prefetch?(target: T): void;
}

export const REST_MS = 200;
export const GRACE_MS = 300;

export class HoverIntent<T> {
  private shownTarget: T | null = null;
  private pinned = false;
  private overCard = false;
  private pending: { target: T; timer: ReturnType<typeof setTimeout> } | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private dismissed: T | null = null;
  private readonly restMs: number;
  private readonly graceMs: number;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.restMs = options.restMs ?? REST_MS;
    this.graceMs = options.graceMs ?? GRACE_MS;
  }

  /** The name the card shows now, or null. */
  get current(): T | null {
    return this.shownTarget;
  }

  /** The pointer moved over the page (not over the card); `target` is the name under it, or null. */
  pointerAt(target: T | null): void {
    const { same } = this.options;
    if (this.overCard) this.leaveCard();
    if (this.dismissed !== null) {
      if (target !== null && same(target, this.dismissed)) return;
      this.dismissed = null;
    }
    if (this.shownTarget !== null && target !== null && same(target, this.shownTarget)) {
      this.cancelHide();
      this.cancelPending();
      return;
    }
    if (this.shownTarget !== null && !this.pinned) this.scheduleHide();
    if (target === null) {
      this.cancelPending();
      return;
    }
    if (this.pending !== null && same(this.pending.target, target)) return;
    this.cancelPending();
    this.options.prefetch?.(target);
    const timer = setTimeout(() => {
      this.pending = null;
      this.open(target, 'pointer');
    }, this.restMs);
    this.pending = { target, timer };
  }

  enterCard(): void {
    this.overCard = true;
    this.cancelHide();
    this.cancelPending();
  }

  leaveCard(): void {
    this.overCard = false;
    if (this.shownTarget !== null && !this.pinned) this.scheduleHide();
  }

  /** Esc, or the card's close button. */
  dismiss(): void {
    if (this.shownTarget === null) {
      this.cancelPending();
      return;
    }
    this.dismissed = this.pinned ? null : this.shownTarget;
    this.close();
  }

  /** Opens the card at once and keeps it until dismissed (keyboard navigation). */
  openPinned(target: T): void {
    this.dismissed = null;
    this.open(target, 'keyboard');
  }

  /** Hides without remembering a dismissal (the name left the page, the overlay is torn down). */
  reset(): void {
    this.dismissed = null;
    this.cancelPending();
    if (this.shownTarget !== null) this.close();
  }

  private open(target: T, how: 'pointer' | 'keyboard'): void {
    this.cancelPending();
    this.cancelHide();
    this.shownTarget = target;
    this.pinned = how === 'keyboard';
    this.options.show(target, how);
  }

  private close(): void {
    this.cancelPending();
    this.cancelHide();
    this.shownTarget = null;
    this.pinned = false;
    this.overCard = false;
    this.options.hide();
  }

  private scheduleHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = null;
      if (!this.overCard && this.shownTarget !== null) this.close();
    }, this.graceMs);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelPending(): void {
    if (this.pending !== null) clearTimeout(this.pending.timer);
    this.pending = null;
  }
}
