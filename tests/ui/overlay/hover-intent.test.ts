import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GRACE_MS, HoverIntent, REST_MS } from '../../../src/ui/overlay/hover-intent';

interface Name {
  key: string;
}
const A: Name = { key: 'a' };
const B: Name = { key: 'b' };

function setUp() {
  const events: string[] = [];
  const intent = new HoverIntent<Name>({
    same: (x, y) => x.key === y.key,
    show: (t, how) => events.push(`show ${t.key} ${how}`),
    hide: () => events.push('hide'),
    prefetch: (t) => events.push(`prefetch ${t.key}`),
  });
  return { intent, events };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HoverIntent', () => {
  it(`shows the card once the pointer has rested ${REST_MS} ms on a name, prefetching at once`, () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    expect(events).toEqual(['prefetch a']);
    vi.advanceTimersByTime(REST_MS - 1);
    intent.pointerAt(A); // small moves on the same name do not restart the wait
    expect(events).toEqual(['prefetch a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['prefetch a', 'show a pointer']);
    expect(intent.current).toBe(A);
  });

  it('shows nothing when the pointer only passes over a name', () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS / 2);
    intent.pointerAt(null);
    vi.advanceTimersByTime(REST_MS * 5);
    intent.pointerAt(B);
    vi.advanceTimersByTime(REST_MS / 2);
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS / 2);
    expect(events.filter((e) => e.startsWith('show'))).toEqual([]);
  });

  it('keeps the card while the pointer moves from the name onto the card, and while it stays there', () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.pointerAt(null); // the gap between name and card
    vi.advanceTimersByTime(GRACE_MS - 50);
    intent.enterCard();
    vi.advanceTimersByTime(GRACE_MS * 20);
    expect(events).toEqual(['prefetch a', 'show a pointer']);
    expect(intent.current).toBe(A);
  });

  it(`hides ${GRACE_MS} ms after the pointer has left both the name and the card`, () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.enterCard();
    intent.leaveCard();
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(intent.current).toBe(A);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('hide');
    expect(intent.current).toBeNull();
  });

  it('keeps the card when the pointer comes back to its name within the grace delay', () => {
    const { intent } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.pointerAt(null);
    vi.advanceTimersByTime(GRACE_MS - 10);
    intent.pointerAt(A);
    vi.advanceTimersByTime(GRACE_MS * 3);
    expect(intent.current).toBe(A);
  });

  it('moves to another name after resting on it', () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.pointerAt(B);
    vi.advanceTimersByTime(REST_MS);
    expect(events).toEqual(['prefetch a', 'show a pointer', 'prefetch b', 'show b pointer']);
    vi.advanceTimersByTime(GRACE_MS * 3);
    expect(intent.current).toBe(B);
  });

  it('hides at once on Esc, and stays hidden while the pointer rests on the same name', () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.dismiss();
    expect(events.at(-1)).toBe('hide');
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS * 5);
    expect(intent.current).toBeNull();
    // Leaving the name and coming back shows it again.
    intent.pointerAt(null);
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    expect(intent.current).toBe(A);
  });

  it('Esc while the pointer rests but before the card shows cancels it', () => {
    const { intent } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS / 2);
    intent.dismiss();
    vi.advanceTimersByTime(REST_MS);
    expect(intent.current).toBeNull();
  });

  it('keeps a card opened from the keyboard when the pointer wanders, until Esc', () => {
    const { intent, events } = setUp();
    intent.openPinned(A);
    expect(events).toEqual(['show a keyboard']);
    intent.pointerAt(null);
    intent.leaveCard();
    vi.advanceTimersByTime(GRACE_MS * 10);
    expect(intent.current).toBe(A);
    intent.dismiss();
    expect(intent.current).toBeNull();
    // A keyboard dismissal does not block the pointer from showing the same name later.
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    expect(intent.current).toBe(A);
  });

  it('reset hides without remembering a dismissal', () => {
    const { intent, events } = setUp();
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    intent.reset();
    expect(events.at(-1)).toBe('hide');
    intent.pointerAt(A);
    vi.advanceTimersByTime(REST_MS);
    expect(intent.current).toBe(A);
  });
});
