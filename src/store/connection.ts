// The connection a long-lived context (the background, an extension page) keeps to the archive.
import type { ArchiveDb } from './open';

/** One cached connection; a close (versionchange from a newer tab, or the browser) makes the next call re-open. */
export function cachedConnection(open: (onClose: () => void) => Promise<ArchiveDb>): () => Promise<ArchiveDb> {
  let current: Promise<ArchiveDb> | null = null;
  return () => {
    if (!current) {
      const opening = open(() => {
        if (current === opening) current = null;
      });
      current = opening;
      opening.catch(() => {
        if (current === opening) current = null;
      });
    }
    return current;
  };
}
