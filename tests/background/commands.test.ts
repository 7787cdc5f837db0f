// The manifest's commands and their forwarding to the tab's content script.
import { describe, expect, test } from 'vitest';
import { forwardCommand, manifestCommands } from '../../src/background/commands';
import { isPageCommand, PAGE_COMMANDS } from '../../src/page-commands';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

describe('manifest commands', () => {
  test('one per page command, each described in both locales, none with a key of its own', () => {
    const commands = manifestCommands();
    expect(Object.keys(commands)).toEqual([...PAGE_COMMANDS]);
    for (const command of Object.values(commands)) {
      const { description } = command;
      const key = /^__MSG_(\w+)__$/.exec(description)?.[1];
      expect(key).toBeDefined();
      expect((en as Record<string, { message: string }>)[key!]?.message).toBeTruthy();
      expect((zh as Record<string, { message: string }>)[key!]?.message).toBeTruthy();
      expect(command).not.toHaveProperty('suggested_key');
    }
  });
});

describe('forwardCommand', () => {
  test('sends the page command the content script understands to the tab it came from', async () => {
    const sent: [number, unknown][] = [];
    const ok = await forwardCommand('toggle-panel', 7, async (tabId, message) => void sent.push([tabId, message]));
    expect(ok).toBe(true);
    expect(sent).toEqual([[7, { type: 'page-command', command: 'toggle-panel' }]]);
    expect(isPageCommand(sent[0]![1])).toBe(true);
  });

  test('sends nothing for an unknown command or without a tab, and a tab without the lens is not an error', async () => {
    const sent: unknown[] = [];
    const send = async (_tabId: number, message: unknown) => void sent.push(message);
    expect(await forwardCommand('_execute_action', 7, send)).toBe(false);
    expect(await forwardCommand('next-name', undefined, send)).toBe(false);
    expect(sent).toEqual([]);
    expect(await forwardCommand('next-name', 7, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))).toBe(false);
  });
});
