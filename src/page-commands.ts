// Commands the background may forward to a tab's content script: if the manifest declares
// `commands` (keyboard shortcuts the user can rebind in the browser), the background's
// `commands.onCommand` sends `{ type: 'page-command', command }` with `tabs.sendMessage`, and the
// content script runs it as if its own shortcut had been pressed.
import type { ShortcutAction } from './ui/overlay/shortcuts';

export const PAGE_COMMAND = 'page-command';

export const PAGE_COMMANDS: readonly ShortcutAction[] = ['next-name', 'previous-name', 'toggle-panel'];

export interface PageCommandRequest {
  type: typeof PAGE_COMMAND;
  command: ShortcutAction;
}

export function isPageCommand(message: unknown): message is PageCommandRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, command } = message as Record<string, unknown>;
  return type === PAGE_COMMAND && typeof command === 'string' && (PAGE_COMMANDS as readonly string[]).includes(command);
}
