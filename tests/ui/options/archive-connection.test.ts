// The options page's database connection against a real IndexedDB implementation (fake-indexeddb):
// blocked by a tab that still holds the old schema, closed by a newer one, stopped with the page.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DB_NAME, SCHEMA_VERSION, openArchiveDb } from '../../../src/store';
import { ArchiveConnection, type ConnectionState } from '../../../src/ui/options/archive-connection';

let connection: ArchiveConnection | undefined;
const raw: IDBDatabase[] = [];
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  connection?.stop();
  for (const db of raw.splice(0)) db.close();
});

function rawOpen(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onsuccess = () => {
      raw.push(request.result);
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

function watch(): { states: ConnectionState['kind'][]; until(kind: ConnectionState['kind']): Promise<ConnectionState> } {
  const states: ConnectionState['kind'][] = [];
  const waiters: [ConnectionState['kind'], (s: ConnectionState) => void][] = [];
  connection = new ArchiveConnection(openArchiveDb, (state) => {
    states.push(state.kind);
    for (const [kind, resolve] of waiters) if (kind === state.kind) resolve(state);
  });
  return {
    states,
    until: (kind) =>
      connection!.state.kind === kind ? Promise.resolve(connection!.state) : new Promise((resolve) => waiters.push([kind, resolve])),
  };
}

describe('the options page’s archive connection', () => {
  test('opens the archive', async () => {
    const w = watch();
    connection!.start();
    const state = await w.until('open');
    expect(state.kind === 'open' && state.db.version).toBe(SCHEMA_VERSION);
    expect(w.states).toEqual(['opening', 'open']);
  });

  test('says it is blocked while another tab holds the old version open, and opens once that tab closes', async () => {
    (await openArchiveDb({ version: 1 })).close();
    const old = await rawOpen(); // an old tab: no versionchange handler, so it never lets go by itself
    const w = watch();
    connection!.start();
    await w.until('blocked');
    old.close();
    await w.until('open');
    expect(w.states).toEqual(['opening', 'blocked', 'open']);
  });

  test('closed by a newer version elsewhere, it opens again and reports that the archive is newer', async () => {
    const w = watch();
    connection!.start();
    await w.until('open');
    const newer = rawOpen(SCHEMA_VERSION + 1);
    const failed = await w.until('failed');
    expect(failed.kind === 'failed' && failed.error.kind).toBe('version');
    expect(w.states).toEqual(['opening', 'open', 'reopening', 'failed']);
    await newer;
  });

  test('stop closes the connection, so another context can upgrade at once', async () => {
    const w = watch();
    connection!.start();
    await w.until('open');
    connection!.stop();
    await rawOpen(SCHEMA_VERSION + 1);
    expect(w.states).toEqual(['opening', 'open']);
  });
});
