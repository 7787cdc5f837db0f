// An in-memory storage.local with the behaviour the options page depends on: values are copied in
// and out (storage serialises them), `set` resolves once stored and the change listeners hear about
// it afterwards, only for keys whose value changed (as Chromium does), and a byte quota, like
// QUOTA_BYTES, turns an oversized write into a rejected promise that stores nothing.
import type { SettingsStorage } from '../../../src/ui/options/overlay-settings';

export interface MemoryStorage extends SettingsStorage {
  /** What is stored now (a copy). */
  snapshot(): Record<string, unknown>;
  listenerCount(): number;
}

const copy = <T>(value: T): T => structuredClone(value);
const sizeOf = (data: Record<string, unknown>) =>
  Object.entries(data).reduce((n, [key, value]) => n + key.length + JSON.stringify(value).length, 0);

export function memoryStorage(initial: Record<string, unknown> = {}, { quotaBytes = Infinity }: { quotaBytes?: number } = {}): MemoryStorage {
  let data: Record<string, unknown> = copy(initial);
  const listeners = new Set<(keys: string[]) => void>();
  return {
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => Object.hasOwn(data, key)).map((key) => [key, copy(data[key])]));
    },
    async set(items) {
      const next = { ...data, ...copy(items) };
      if (sizeOf(next) > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      const changed = Object.keys(items).filter((key) => JSON.stringify(data[key]) !== JSON.stringify(next[key]));
      data = next;
      if (changed.length > 0) {
        setTimeout(() => {
          for (const listener of listeners) listener(changed);
        }, 0);
      }
    },
    onChanged(listener) {
      const own = (keys: string[]) => listener(keys);
      listeners.add(own);
      return () => listeners.delete(own);
    },
    snapshot: () => copy(data),
    listenerCount: () => listeners.size,
  };
}
