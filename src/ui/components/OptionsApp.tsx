// The options page: add the user's own issues (picked or dropped .txt files, parsed off the main
// thread, then imported with a progress bar), manage the issues in the archive (remove, hide, show
// again, export), and see the state of the archive. The page opens the database itself.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { IssueRecord } from '../../archive/types';
import {
  countRecords,
  DEFAULT_CHUNK_SIZE,
  exportBundle,
  hideIssue,
  importBundle,
  listIssues,
  readStatus,
  removeUserIssue,
  resetHiddenIssues,
  StoreFailure,
  unhideIssue,
  type ArchiveDb,
  type ArchiveStatus,
  type IssueView,
  type StoreCounts,
  type StoreError,
  type StoreResult,
} from '../../store';
import { useI18n } from '../i18n';
import { ArchiveConnection, type ConnectionState, type OpenArchive } from '../options/archive-connection';
import { exportFileName, makeExport, serializeExport } from '../options/export-file';
import { addableFiles, fileListReducer, type FileEntry, type ParsedFile } from '../options/file-list';
import { chunkWritten, fileFinished, percentDone, recordWeight, startProgress, type ProgressState } from '../options/import-progress';
import type { SettingsStorage } from '../options/overlay-settings';
import type { UploadParser } from '../options/parse-client';
import type { SavedFile } from '../options/save-file';
import { messageOf } from '../options/upload-error';
import { preflight } from '../options/upload-limits';
import type { UploadResult } from '../options/uploads';
import { issueName } from '../options/wording';
import { OptionsDropZone } from './OptionsDropZone';
import { OptionsFileList, OptionsProgress } from './OptionsFileList';
import { OptionsIssues } from './OptionsIssues';
import { OptionsOverlaySettings } from './OptionsOverlaySettings';
import { OptionsAlert, OptionsArchiveStatus, OptionsConnection } from './OptionsStatus';

export interface OptionsAppProps {
  /** Opens the archive database (openArchiveDb in the extension). */
  openDb: OpenArchive;
  /** Parses picked files (the worker in the extension). */
  parser: UploadParser;
  /** Offers a generated file to the user (a download in the extension). */
  save: (file: SavedFile) => void;
  /**
   * Asks the background to bring the bundled archive into the database (right after install it
   * may not be there yet); the page reads the archive again when it answers.
   */
  ensureArchive?: () => Promise<unknown>;
  /** Records per import transaction. */
  chunkSize?: number;
  now?: () => Date;
  /** The settings in storage.local (what the content script does on pages); without it the section is left out. */
  settings?: SettingsStorage;
}

interface ArchiveData {
  issues: IssueView[];
  status: ArchiveStatus;
  counts: StoreCounts;
}

const storeErrorOf = (e: unknown): StoreError => (e instanceof StoreFailure ? e.error : { kind: 'unknown', message: messageOf(e) });

async function readAndParse(parser: UploadParser, file: File): Promise<UploadResult> {
  const refused = preflight(file.name, file.size);
  if (refused) return { ok: false, error: refused };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, error: { code: 'read-failed', detail: messageOf(e) } };
  }
  return parser.parse(file.name, bytes);
}

const PENDING_POLL_MS = 1500;

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function OptionsApp({ openDb, parser, save, ensureArchive, chunkSize = DEFAULT_CHUNK_SIZE, now = () => new Date(), settings }: OptionsAppProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [conn, setConn] = useState<ConnectionState>({ kind: 'opening' });
  const [data, setData] = useState<ArchiveData | null>(null);
  const [alert, setAlert] = useState<StoreError | null>(null);
  const [files, dispatch] = useReducer(fileListReducer, []);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [importing, setImporting] = useState(false);
  const [parsing, setParsing] = useState(0);
  const [queued, setQueued] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const db = conn.kind === 'open' ? conn.db : null;
  // Async work reads these, not the values captured when it started.
  const dbRef = useRef<ArchiveDb | null>(db);
  dbRef.current = db;
  const filesRef = useRef<FileEntry[]>(files);
  filesRef.current = files;
  const mounted = useRef(true);
  const nextKey = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    mounted.current = true;
    const connection = new ArchiveConnection(openDb, setConn);
    connection.start();
    return () => {
      mounted.current = false;
      abort.current?.abort();
      connection.stop();
    };
  }, [openDb]);

  const refresh = useCallback(async (target: ArchiveDb) => {
    try {
      const [issues, status, counts] = await Promise.all([listIssues(target, { includeHidden: true }), readStatus(target), countRecords(target)]);
      if (mounted.current && dbRef.current === target) setData({ issues, status, counts });
    } catch (e) {
      const error = storeErrorOf(e);
      // A closed connection is being reopened, and the reopened one reads again.
      if (mounted.current && error.kind !== 'closed') setAlert(error);
    }
  }, []);

  useEffect(() => {
    if (!db) return;
    void refresh(db);
    const again = () => {
      if (dbRef.current === db) void refresh(db);
    };
    ensureArchive?.().then(again, again);
  }, [db, refresh, ensureArchive]);

  // While an import (the background's or an interrupted one) or a cleanup is under way, keep the
  // status current; it stops by itself when nothing is pending.
  useEffect(() => {
    if (!db || !data || (data.status.pending.length === 0 && data.status.cleanupTasks === 0)) return;
    const timer = setTimeout(() => void refresh(db), PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [db, data, refresh]);

  useEffect(() => {
    // Another tab (or the background) may have changed the archive while this one was hidden.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && dbRef.current) void refresh(dbRef.current);
    };
    // A file dropped beside the drop zone must not replace this page with the file.
    const keep = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, [refresh]);

  const announce = (text: string) => {
    if (mounted.current) setAnnouncement(text);
  };

  /**
   * Changes to the archive run one after another: a second click waits for the first. Each one
   * starts by taking down the alert of an earlier failure; it shows its own if it fails too.
   */
  const serial = (task: (target: ArchiveDb) => Promise<void>) => {
    setQueued((n) => n + 1);
    chain.current = chain.current
      .then(async () => {
        const target = dbRef.current;
        if (!target || !mounted.current) return;
        setAlert(null);
        await task(target);
      })
      .catch((e: unknown) => {
        if (mounted.current) setAlert(storeErrorOf(e));
      })
      .finally(() => {
        if (mounted.current) setQueued((n) => n - 1);
      });
  };

  /** Runs one store change, shows its failure, re-reads the archive. */
  const change = (run: (target: ArchiveDb) => Promise<StoreResult<unknown>>, done: () => string) =>
    serial(async (target) => {
      const result = await run(target);
      if (result.ok) announce(done());
      else setAlert(result.error);
      await refresh(target);
    });

  const onFiles = (picked: File[]) => {
    const batch = picked.map((file) => ({ key: nextKey.current++, file }));
    dispatch({ type: 'picked', files: batch.map(({ key, file }) => ({ key, name: file.name, size: file.size })) });
    setProgress(null);
    setParsing((n) => n + batch.length);
    void Promise.all(
      batch.map(async ({ key, file }) => {
        const result = await readAndParse(parser, file);
        if (mounted.current) {
          dispatch({ type: 'parsed', key, result });
          setParsing((n) => n - 1);
        }
        return result;
      }),
    ).then((results) => {
      const ready = results.filter((r) => r.ok).length;
      announce(t('optionsAnnounceParsed', [String(results.length), String(ready), String(results.length - ready)]));
    });
  };

  const onAdd = () =>
    serial(async (target) => {
      const batch = addableFiles(filesRef.current).flatMap((entry) =>
        entry.parsed ? [{ entry, parsed: entry.parsed, weight: recordWeight(entry.parsed.bundle) }] : [],
      );
      if (batch.length === 0) return;
      let p = startProgress(batch.map((b) => b.weight));
      setProgress(p);
      const controller = new AbortController();
      abort.current = controller;
      setImporting(true);
      let added = 0;
      let skipped = 0;
      try {
        for (const { entry, parsed, weight } of batch) {
          dispatch({ type: 'importing', key: entry.key });
          const result = await importParsed(target, parsed, controller.signal, (records) => {
            p = chunkWritten(p, records, weight);
            setProgress(p);
          });
          if (!result.ok) {
            dispatch({ type: 'import-failed', key: entry.key, error: result.error });
            if (result.error.kind === 'aborted') announce(t('optionsStoreAbortedAdvice'));
            else setAlert(result.error);
            break;
          }
          p = fileFinished(p, weight);
          setProgress(p);
          dispatch({ type: 'imported', key: entry.key, outcome: result.value });
          added += result.value.added.length;
          skipped += result.value.skipped.length;
        }
      } finally {
        abort.current = null;
        if (mounted.current) setImporting(false);
      }
      if (added + skipped > 0) announce(t('optionsAddedCount', [String(added), String(skipped)]));
      await refresh(target);
    });

  const importParsed = (target: ArchiveDb, parsed: ParsedFile, signal: AbortSignal, onRecords: (n: number) => void) =>
    importBundle(target, parsed.bundle, {
      source: 'user',
      chunkSize,
      signal,
      onChunk: (info) => {
        if (info.phase === 'import') onRecords(info.records);
      },
    });

  const focusHeading = (id: string) => document.getElementById(id)?.focus();

  const known = useMemo(() => new Map<string, IssueRecord>((data?.issues ?? []).map((i) => [i.id, i])), [data]);
  const canAdd = db !== null && !importing && addableFiles(files).length > 0;
  const ready = conn.kind === 'failed' || data !== null;
  const busy = importing || parsing > 0 || queued > 0;

  return (
    <div class="options" data-zzl="options" data-zzl-ready={String(ready)} data-zzl-db={conn.kind} data-zzl-busy={String(busy)}>
      <header class="options-header">
        <p class="brand">{t('extName')}</p>
        <h1 class="options-title">{t('optionsHeading')}</h1>
        <p class="options-intro">{t('optionsIntro')}</p>
      </header>
      <main class="options-main">
        <OptionsConnection state={conn} />
        {alert && <OptionsAlert error={alert} onDismiss={() => setAlert(null)} />}

        <section class="panel" aria-labelledby="zzl-add-heading">
          <h2 id="zzl-add-heading" class="panel-title">
            {t('optionsAddHeading')}
          </h2>
          <OptionsDropZone onFiles={onFiles} />
          <OptionsFileList entries={files} known={known} headingId="zzl-files-heading" />
          {files.length > 0 && (
            <div class="actions">
              {/* aria-disabled rather than disabled: the button keeps focus while it cannot act. */}
              <button
                type="button"
                class="button button-primary"
                data-zzl-action="add"
                aria-disabled={!canAdd}
                onClick={() => {
                  if (canAdd) onAdd();
                }}
              >
                {t('optionsAddButton')}
              </button>
              {importing && (
                <button type="button" class="button" data-zzl-action="cancel" onClick={() => abort.current?.abort()}>
                  {t('optionsCancelButton')}
                </button>
              )}
              <button type="button" class="button button-quiet" data-zzl-action="clear-files" onClick={() => dispatch({ type: 'clear' })}>
                {t('optionsClearButton')}
              </button>
            </div>
          )}
          {progress && <OptionsProgress percent={percentDone(progress)} />}
        </section>

        <section class="panel" aria-labelledby="zzl-issues-heading">
          <h2 id="zzl-issues-heading" class="panel-title">
            {t('optionsIssuesHeading')}
          </h2>
          <OptionsIssues
            issues={data?.issues ?? []}
            loaded={data !== null}
            onRemove={(issue) =>
              change(
                (target) => removeUserIssue(target, issue.id, { chunkSize }),
                () => {
                  focusHeading('zzl-user-issues');
                  return t('optionsAnnounceRemoved', issueName(issue, i18n));
                },
              )
            }
            onHide={(issue) => change((target) => hideIssue(target, issue.id), () => t('optionsAnnounceHidden', issueName(issue, i18n)))}
            onUnhide={(issue) => change((target) => unhideIssue(target, issue.id), () => t('optionsAnnounceUnhidden', issueName(issue, i18n)))}
            onReset={() => change(resetHiddenIssues, () => t('optionsAnnounceReset'))}
            onExport={() =>
              serial(async (target) => {
                const bundle = await exportBundle(target, 'user');
                const at = now();
                save({ name: exportFileName(at), type: 'application/json', text: serializeExport(makeExport(bundle, at)) });
                announce(t('optionsAnnounceExported', String(bundle.issues.length)));
              })
            }
          />
        </section>

        <section class="panel" aria-labelledby="zzl-status-heading">
          <h2 id="zzl-status-heading" class="panel-title">
            {t('optionsStatusHeading')}
          </h2>
          {data && <OptionsArchiveStatus status={data.status} counts={data.counts} />}
        </section>

        {/* Apart from the archive: it works even while the database cannot be opened. */}
        {settings && <OptionsOverlaySettings storage={settings} />}

        <p class="visually-hidden" role="status" data-zzl="announce">
          {announcement}
        </p>
      </main>
    </div>
  );
}

