// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isEditable, keyTarget, shortcutFor, type KeyLike } from '../../../src/ui/overlay/shortcuts';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, isComposing: false, code, ...mods });

describe('shortcutFor', () => {
  it('reads Alt+Shift+Z, X and P by physical key', () => {
    expect(shortcutFor(key('KeyZ'))).toBe('next-name');
    expect(shortcutFor(key('KeyX'))).toBe('previous-name');
    expect(shortcutFor(key('KeyP'))).toBe('toggle-panel');
  });

  it('ignores other keys, missing or extra modifiers, and keys typed during IME composition', () => {
    expect(shortcutFor(key('KeyQ'))).toBeNull();
    expect(shortcutFor(key('KeyZ', { shiftKey: false }))).toBeNull();
    expect(shortcutFor(key('KeyZ', { altKey: false }))).toBeNull();
    expect(shortcutFor(key('KeyZ', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyP', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyZ', { isComposing: true }))).toBeNull();
  });
});

describe('isEditable', () => {
  const html = (markup: string) => {
    const div = document.createElement('div');
    div.innerHTML = markup; // test fixture markup, not archive text
    document.body.append(div);
    return div;
  };

  it('is true in form fields that take text, editors and ARIA text boxes, and inside them', () => {
    const root = html(`<input id="t"><input id="s" type="search"><textarea id="ta"></textarea><select id="sel"></select>
      <div contenteditable id="ce"><p><b id="deep">x</b></p></div><div role="textbox" id="rt"></div>`);
    for (const id of ['t', 's', 'ta', 'sel', 'ce', 'deep', 'rt']) expect(isEditable(root.querySelector(`#${id}`)), id).toBe(true);
    root.remove();
  });

  it('is false on ordinary content, buttons, check boxes and contenteditable=false', () => {
    const root = html(`<p id="p">text</p><button id="b">b</button><input id="c" type="checkbox"><div contenteditable="false" id="cf">x</div>`);
    for (const id of ['p', 'b', 'c', 'cf']) expect(isEditable(root.querySelector(`#${id}`)), id).toBe(false);
    expect(isEditable(null)).toBe(false);
    root.remove();
  });

  it('sees the input inside a web component’s open shadow root', () => {
    const host = document.createElement('div');
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    document.body.append(host);
    let seen: Element | null = null;
    document.addEventListener('keydown', (e) => (seen = keyTarget(e)), { once: true });
    input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, code: 'KeyZ', altKey: true, shiftKey: true }));
    expect(seen).toBe(input);
    expect(isEditable(seen)).toBe(true);
    host.remove();
  });
});
