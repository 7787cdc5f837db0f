// The content script's keyboard shortcuts. Alt+Shift with a letter: no browser on Windows, Linux
// or macOS binds these three by default (Alt alone opens menus, Alt+Shift+A is taken by Chrome's
// "focus inactive dialog"), and sites rarely do. Matched by `code`, the physical key, because
// Option on macOS changes `key`. Never while the user types: a page's editor gets every key.

export type ShortcutAction = 'next-name' | 'previous-name' | 'toggle-panel';

export const SHORTCUTS: Readonly<Record<ShortcutAction, { code: string; label: string }>> = {
  'next-name': { code: 'KeyZ', label: 'Alt+Shift+Z' },
  'previous-name': { code: 'KeyX', label: 'Alt+Shift+X' },
  'toggle-panel': { code: 'KeyP', label: 'Alt+Shift+P' },
};

export type KeyLike = Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'isComposing'>;

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.isComposing) return null;
  for (const [action, { code }] of Object.entries(SHORTCUTS) as [ShortcutAction, { code: string }][]) {
    if (event.code === code) return action;
  }
  return null;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'week', 'time']);
const EDITOR_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Whether keys typed at `element` belong to an editor: form fields, contenteditable, ARIA text boxes. */
export function isEditable(element: Element | null): boolean {
  for (let el: Element | null = element; el !== null; el = el.parentElement) {
    const tag = el.localName;
    if (tag === 'textarea' || tag === 'select') return true;
    if (tag === 'input') return TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    const role = el.getAttribute('role');
    if (role !== null && EDITOR_ROLES.has(role)) return true;
  }
  return false;
}

/**
 * The element a key event was typed at, looking into open shadow roots (a web component's input
 * is retargeted to its host at the document).
 */
export function keyTarget(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  return isElement(first) ? first : null;
}

// By node type rather than instanceof: in Firefox a content script sees page nodes through wrappers.
const isElement = (v: unknown): v is Element => typeof v === 'object' && v !== null && (v as Node).nodeType === 1;
