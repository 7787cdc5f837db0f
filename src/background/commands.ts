// The manifest's keyboard commands: the same three actions as the content script's own Alt+Shift
// shortcuts (src/ui/overlay/shortcuts.ts), declared without a suggested key so that they never take
// a key from the page or the browser, for users to bind in the browser's shortcut settings
// (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts"). A bound command works
// where the page's keys do not reach the content script (focus in the address bar, in a field).
import { PAGE_COMMAND, PAGE_COMMANDS, type PageCommandRequest } from '../page-commands';
import type { ShortcutAction } from '../ui/overlay/shortcuts';

/** Message keys (public/_locales) of the commands' descriptions. */
export const COMMAND_DESCRIPTIONS: Readonly<Record<ShortcutAction, string>> = {
  'next-name': 'commandNextName',
  'previous-name': 'commandPreviousName',
  'toggle-panel': 'commandTogglePanel',
};

/** The manifest's `commands`, descriptions localised by the browser. */
export function manifestCommands(): Record<ShortcutAction, { description: string }> {
  return Object.fromEntries(PAGE_COMMANDS.map((c) => [c, { description: `__MSG_${COMMAND_DESCRIPTIONS[c]}__` }])) as Record<
    ShortcutAction,
    { description: string }
  >;
}

/**
 * Sends a command to the content script of the tab it was given in (its top frame, where the lens
 * runs). False when there is nothing to send to: not our command, no tab, or a tab without the
 * content script (a browser page, a site the lens cannot run on), which is not an error.
 */
export async function forwardCommand(
  command: string,
  tabId: number | undefined,
  send: (tabId: number, message: PageCommandRequest) => Promise<unknown>,
): Promise<boolean> {
  const action = PAGE_COMMANDS.find((c) => c === command);
  if (action === undefined || tabId === undefined) return false;
  try {
    await send(tabId, { type: PAGE_COMMAND, command: action });
    return true;
  } catch {
    return false;
  }
}
