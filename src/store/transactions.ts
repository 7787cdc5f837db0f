// Small helpers for read-write transactions whose body may fail half way.
//
// IndexedDB commits a transaction by itself once no request is pending. If the body throws after
// some writes were issued (a synchronous QuotaExceededError from put, a bug), those writes would
// commit without the rest: meta could say "imported" without dropping the import record. So a
// body that fails aborts its transaction, and the transaction is all or nothing.

export const noop = (): void => undefined;

/** Requests of an aborted transaction all reject; only the first failure matters, the rest must not surface as unhandled rejections. */
export function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(noop);
  return p;
}

export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

interface Tx {
  abort(): void;
  readonly done: Promise<void>;
}

/**
 * Runs `body` in `tx` and waits for the commit. `body` may call `cancel()` to abort on purpose (a
 * check failed) and return a value; if it throws, the transaction is aborted and the error rethrown.
 */
export async function atomically<T>(tx: Tx, body: (cancel: () => void) => Promise<T>): Promise<T> {
  const done = quiet(tx.done);
  let cancelled = false;
  const cancel = (): void => {
    cancelled = true;
    abortQuietly(tx);
  };
  try {
    const result = await body(cancel);
    if (cancelled) await done.catch(noop);
    else await done;
    return result;
  } catch (e) {
    abortQuietly(tx);
    await done.catch(noop);
    throw e;
  }
}
