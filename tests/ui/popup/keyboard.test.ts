// The search box's keys: arrows walk the options (wrapping), Page keys jump between groups, Enter
// opens the active option, Escape clears a non-empty box and otherwise leaves the key alone.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { keyAction, type ListShape } from '../../../src/ui/popup/keyboard';

/** A list cut into groups: group sizes ≥ 1. */
const shape = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }).map((sizes): ListShape => {
  const groupStarts: number[] = [];
  let count = 0;
  for (const size of sizes) {
    groupStarts.push(count);
    count += size;
  }
  return { count, groupStarts };
});
const withActive = shape.chain((list) => fc.tuple(fc.constant(list), fc.integer({ min: -1, max: list.count - 1 })));

describe('keyAction', () => {
  test.prop([withActive, fc.constantFrom('ArrowDown', 'ArrowUp', 'PageDown', 'PageUp')])('a move always lands on an option', ([list, active], key) => {
    const action = keyAction(key, list, active, true);
    expect(action.type).toBe('move');
    if (action.type === 'move') {
      expect(action.index).toBeGreaterThanOrEqual(0);
      expect(action.index).toBeLessThan(list.count);
    }
  });

  test.prop([withActive.filter(([, active]) => active >= 0)])('ArrowUp undoes ArrowDown', ([list, active]) => {
    const down = keyAction('ArrowDown', list, active, true);
    if (down.type !== 'move') throw new Error('ArrowDown did not move');
    expect(keyAction('ArrowUp', list, down.index, true)).toEqual({ type: 'move', index: active });
  });

  test.prop([withActive.filter(([, active]) => active >= 0)])('PageDown lands on the next group or the last option', ([list, active]) => {
    const action = keyAction('PageDown', list, active, true);
    if (action.type !== 'move') throw new Error('PageDown did not move');
    const next = list.groupStarts.find((s) => s > active);
    expect(action.index).toBe(next ?? list.count - 1);
  });

  test.prop([withActive.filter(([, active]) => active >= 0)])('PageUp lands on the start of this group, or of the one before when already there', ([list, active]) => {
    const action = keyAction('PageUp', list, active, true);
    if (action.type !== 'move') throw new Error('PageUp did not move');
    const own = [...list.groupStarts].reverse().find((s) => s <= active)!;
    const before = [...list.groupStarts].reverse().find((s) => s < own) ?? 0;
    expect(action.index).toBe(active > own ? own : before);
  });

  it('wraps at both ends and starts from the top when nothing is active', () => {
    const list = { count: 3, groupStarts: [0, 2] };
    expect(keyAction('ArrowDown', list, 2, true)).toEqual({ type: 'move', index: 0 });
    expect(keyAction('ArrowUp', list, 0, true)).toEqual({ type: 'move', index: 2 });
    expect(keyAction('ArrowDown', list, -1, true)).toEqual({ type: 'move', index: 0 });
    expect(keyAction('ArrowUp', list, -1, true)).toEqual({ type: 'move', index: 2 });
  });

  it('opens the active option with Enter, and does nothing without one', () => {
    const list = { count: 3, groupStarts: [0] };
    expect(keyAction('Enter', list, 1, true)).toEqual({ type: 'open', index: 1 });
    expect(keyAction('Enter', list, -1, true)).toEqual({ type: 'none' });
    // An index left over from a longer list is no option.
    expect(keyAction('Enter', list, 3, true)).toEqual({ type: 'none' });
  });

  it('clears with Escape only when the box holds text, so a second Escape can close the popup', () => {
    const list = { count: 0, groupStarts: [] };
    expect(keyAction('Escape', list, -1, true)).toEqual({ type: 'clear' });
    expect(keyAction('Escape', list, -1, false)).toEqual({ type: 'none' });
  });

  it('leaves every key alone on an empty list, and Home/End to the caret', () => {
    const empty = { count: 0, groupStarts: [] };
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Enter']) expect(keyAction(key, empty, -1, true)).toEqual({ type: 'none' });
    for (const key of ['Home', 'End', 'a', 'Tab']) expect(keyAction(key, { count: 4, groupStarts: [0] }, 1, true)).toEqual({ type: 'none' });
  });
});
