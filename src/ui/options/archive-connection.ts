// The options page's connection to the archive database, kept open for the life of the page.
// Two things can happen to it that the user must hear about: the open is blocked (an older tab of
// the extension still holds the previous schema version: "close the other tabs"), and the open
// connection is closed under us (a newer context upgrades the schema, or the browser drops it): we
// open again, and the page reloads what it shows from the new connection.
import { StoreFailure, type ArchiveDb, type OpenOptions, type StoreError } from '../../store';
import { messageOf } from './upload-error';

export type ConnectionState =
  | { kind: 'opening' }
  | { kind: 'blocked' }
  | { kind: 'reopening' }
  /** `session` changes with every successful open, so what was read from an older connection is read again. */
  | { kind: 'open'; db: ArchiveDb; session: number }
  | { kind: 'failed'; error: StoreError };

export type OpenArchive = (options: OpenOptions) => Promise<ArchiveDb>;

export class ArchiveConnection {
  private attempt = 0;
  private stopped = false;
  private current: ConnectionState = { kind: 'opening' };

  constructor(
    private readonly open: OpenArchive,
    private readonly onChange: (state: ConnectionState) => void,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    this.connect('opening');
  }

  /** Closes the connection for good (the page is going away). */
  stop(): void {
    this.stopped = true;
    this.attempt += 1;
    if (this.current.kind === 'open') this.current.db.close();
  }

  private set(state: ConnectionState): void {
    this.current = state;
    if (!this.stopped) this.onChange(state);
  }

  private connect(kind: 'opening' | 'reopening'): void {
    const attempt = ++this.attempt;
    const live = () => !this.stopped && attempt === this.attempt;
    this.set({ kind });
    this.open({
      onBlocked: () => {
        if (live() && this.current.kind !== 'open') this.set({ kind: 'blocked' });
      },
      onClose: () => {
        if (live()) this.connect('reopening');
      },
    }).then(
      (db) => {
        if (live()) this.set({ kind: 'open', db, session: attempt });
        else db.close();
      },
      (e: unknown) => {
        if (live()) this.set({ kind: 'failed', error: e instanceof StoreFailure ? e.error : { kind: 'unknown', message: messageOf(e) } });
      },
    );
  }
}
