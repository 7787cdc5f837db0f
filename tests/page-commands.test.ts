import { describe, expect, it } from 'vitest';
import { isPageCommand, PAGE_COMMANDS } from '../src/page-commands';
import { SHORTCUTS } from '../src/ui/overlay/shortcuts';

describe('isPageCommand', () => {
  it('accepts the overlay’s actions, the same ones its keyboard shortcuts run', () => {
    expect([...PAGE_COMMANDS].sort()).toEqual(Object.keys(SHORTCUTS).sort());
    for (const command of PAGE_COMMANDS) expect(isPageCommand({ type: 'page-command', command })).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isPageCommand({ type: 'page-command', command: 'delete-everything' })).toBe(false);
    expect(isPageCommand({ type: 'page-findings' })).toBe(false);
    expect(isPageCommand({ type: 'page-command' })).toBe(false);
    expect(isPageCommand('page-command')).toBe(false);
    expect(isPageCommand(null)).toBe(false);
  });
});
