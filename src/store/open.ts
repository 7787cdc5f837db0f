// Opening the archive database, with the two situations a multi-tab extension runs into:
// - this code is newer and another context (a tab of the reader, an old service worker) still holds
//   the old version open: our open is `blocked` until it closes. We report that through onBlocked
//   so the UI can say "close the other Zhuzhou Lens tabs"; the open completes once they close.
// - this connection is the old one and a newer context wants to upgrade: `versionchange` arrives.
//   We close at once (otherwise the upgrade would wait for us forever) and tell the owner through
//   onClose, who must re-open — every handler in the background re-opens what it needs anyway.
import { openDB, type IDBPDatabase } from 'idb';
import { classifyError, StoreFailure } from './errors';
import { upgradeArchive } from './migrations';
import { DB_NAME, SCHEMA_VERSION, type ArchiveDB } from './schema';

export type ArchiveDb = IDBPDatabase<ArchiveDB>;

export interface OpenOptions {
  /** Another connection holds an older version open; the open waits until it closes. */
  onBlocked?(info: { currentVersion: number; requestedVersion: number }): void;
  /** This connection was closed: another context upgrades the schema, or the browser closed it. */
  onClose?(reason: 'versionchange' | 'terminated'): void;
  /** For tests and tools: another database name, or an older schema version to open at. */
  name?: string;
  version?: number;
}

/** Opens (creating or upgrading) the archive. Rejects only with a StoreFailure carrying a typed error. */
export async function openArchiveDb(options: OpenOptions = {}): Promise<ArchiveDb> {
  const version = options.version ?? SCHEMA_VERSION;
  let upgradeError: unknown;
  let db: ArchiveDb | undefined;
  try {
    db = await openDB<ArchiveDB>(options.name ?? DB_NAME, version, {
      upgrade(database, oldVersion, newVersion, tx) {
        upgradeArchive(database, oldVersion, newVersion ?? version, tx, (e) => (upgradeError = e));
      },
      blocked(currentVersion, blockedVersion) {
        options.onBlocked?.({ currentVersion, requestedVersion: blockedVersion ?? version });
      },
      blocking() {
        db?.close();
        options.onClose?.('versionchange');
      },
      terminated() {
        options.onClose?.('terminated');
      },
    });
    return db;
  } catch (e) {
    throw new StoreFailure(classifyError(upgradeError ?? e));
  }
}
