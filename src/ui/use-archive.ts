import { useEffect, useState } from 'preact/hooks';
import type { ArchiveBundle } from '../archive/types';
import { indexArchive, type ArchiveIndex } from './archive-index';

export type ArchiveState =
  | { status: 'loading' }
  | { status: 'ready'; index: ArchiveIndex }
  | { status: 'error'; message: string };

/** Loads the archive once per `load` function (keep it stable) and indexes it. */
export function useArchive(load: () => Promise<ArchiveBundle>): ArchiveState {
  const [state, setState] = useState<ArchiveState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (bundle) => live && setState({ status: 'ready', index: indexArchive(bundle) }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
