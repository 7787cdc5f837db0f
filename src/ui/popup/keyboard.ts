// The search box's keys, as a pure function of what is listed: the input keeps focus and the
// listed results are only "active" (aria-activedescendant), so arrows never leave the field.
// Home and End are left to the caret; Page keys jump between groups.

export type KeyAction =
  | { type: 'move'; index: number }
  | { type: 'open'; index: number }
  | { type: 'clear' }
  | { type: 'none' };

export interface ListShape {
  /** How many options are listed. */
  count: number;
  /** The index of each group's first option, ascending (the first is 0 when count > 0). */
  groupStarts: readonly number[];
}

const NONE: KeyAction = { type: 'none' };

function groupOf(starts: readonly number[], index: number): number {
  let g = 0;
  while (g + 1 < starts.length && starts[g + 1]! <= index) g++;
  return g;
}

/**
 * What a key does in the search box. `active` is the active option (-1 for none); `hasQuery`
 * whether the box holds text. Escape only clears a non-empty box, so that a second Escape reaches
 * the browser and closes the popup.
 */
export function keyAction(key: string, list: ListShape, active: number, hasQuery: boolean): KeyAction {
  const { count, groupStarts } = list;
  const current = active >= 0 && active < count ? active : -1;
  switch (key) {
    case 'ArrowDown':
      return count === 0 ? NONE : { type: 'move', index: current < 0 || current === count - 1 ? 0 : current + 1 };
    case 'ArrowUp':
      return count === 0 ? NONE : { type: 'move', index: current <= 0 ? count - 1 : current - 1 };
    case 'PageDown': {
      if (count === 0) return NONE;
      if (current < 0) return { type: 'move', index: 0 };
      const next = groupStarts[groupOf(groupStarts, current) + 1];
      return { type: 'move', index: next ?? count - 1 };
    }
    case 'PageUp': {
      if (count === 0) return NONE;
      if (current < 0) return { type: 'move', index: 0 };
      const g = groupOf(groupStarts, current);
      const start = groupStarts[g] ?? 0;
      return { type: 'move', index: current > start ? start : (groupStarts[g - 1] ?? 0) };
    }
    case 'Enter':
      return current < 0 ? NONE : { type: 'open', index: current };
    case 'Escape':
      return hasQuery ? { type: 'clear' } : NONE;
    default:
      return NONE;
  }
}
