// @vitest-environment happy-dom
// The options page against the real store on fake-indexeddb, the real parser (run through the
// worker protocol on this thread) and the real messages, driven through its data-zzl hooks as the
// e2e test drives it in browsers.
import { act } from 'preact/test-utils';
import type { ArchiveBundle } from '../../src/archive/types';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { importBundle, listIssues, openArchiveDb, exportBundle, countRecords, type ArchiveDb } from '../../src/store';
import { OptionsApp, type OptionsAppProps } from '../../src/ui/components/OptionsApp';
import { inlineWorker } from '../../src/ui/options/inline-worker';
import { createParseClient } from '../../src/ui/options/parse-client';
import type { SavedFile } from '../../src/ui/options/save-file';
import { MAX_TEXT_BYTES } from '../../src/ui/options/upload-limits';
import { freshIndexedDb, seedBundle } from '../store/support';
import { fakeI18n } from './fake-i18n';
import { LATIN1, SEED_INFERRED, SEED_MASTHEAD, SEED_OTHER, seedBytes } from './options/support';
import { mountRoot } from './render-support';

const mount = mountRoot();
const q = <E extends Element = HTMLElement>(selector: string) => mount.root().querySelector<E>(selector);
const all = (selector: string) => Array.from(mount.root().querySelectorAll<HTMLElement>(selector));
const text = (selector: string) => q(selector)?.textContent ?? '';

let own: ArchiveDb[] = [];
let saved: SavedFile[] = [];
beforeEach(() => {
  freshIndexedDb();
  saved = [];
});
afterEach(() => {
  for (const db of own.splice(0)) db.close();
  vi.restoreAllMocks();
});

/** The test's own connection, to check what the page wrote. */
async function openOwn(): Promise<ArchiveDb> {
  const db = await openArchiveDb();
  own.push(db);
  return db;
}

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; page text: ${mount.root().textContent?.slice(0, 400)}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

const idle = () => until('the page to be idle', () => q('[data-zzl="options"][data-zzl-ready="true"][data-zzl-busy="false"]'));

async function showApp(props: Partial<OptionsAppProps> = {}, locale: 'zh_CN' | 'en' = 'zh_CN') {
  await mount.show(
    <OptionsApp openDb={openArchiveDb} parser={createParseClient(() => inlineWorker())} save={(file) => saved.push(file)} chunkSize={60} {...props} />,
    fakeI18n(locale),
  );
  await idle();
}

const file = (name: string, content: Uint8Array | string) => new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
const seedFile = (name: string, as = name) => file(as, seedBytes(name));

async function pick(...files: File[]) {
  const input = q<HTMLInputElement>('[data-zzl="file-input"]')!;
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await idle();
}

async function click(selector: string) {
  const button = await until(selector, () => q<HTMLButtonElement>(selector));
  await act(async () => {
    button.click();
  });
  await idle();
}

const row = (name: string) => q(`[data-zzl-file="${name}"]`);
const status = (name: string) => row(name)?.getAttribute('data-zzl-status');
const issueRow = (id: string) => q(`[data-zzl-issue="${id}"]`);
const MASTHEAD_ID = '2024-01-27-23552';
const byEntityId = (bundle: ArchiveBundle): ArchiveBundle => ({ ...bundle, entities: [...bundle.entities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)) });

describe('adding the user’s own issues', () => {
  test('two picked files: each shows what was found in it, or why it cannot be added', async () => {
    await showApp();
    await pick(seedFile(SEED_MASTHEAD), file('cafe.txt', LATIN1));

    expect(status(SEED_MASTHEAD)).toBe('parsed');
    const facts = Object.fromEntries(Array.from(row(SEED_MASTHEAD)!.querySelectorAll('.fact'), (f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]));
    const bundle = seedBundle([SEED_MASTHEAD]);
    expect(facts).toMatchObject({ 日期: '2024年1月27日', 期号: '第23552期', 文章: String(bundle.articles.length) });
    expect(Number(facts['人物、地点、机构'])).toBeGreaterThan(10);

    expect(status('cafe.txt')).toBe('error');
    expect(row('cafe.txt')!.querySelector('[data-zzl="file-error"]')!.textContent).toMatch(/^读不出一期报纸。.*unknown encoding/);
    expect(text('[data-zzl="announce"]')).toBe('已读取 2 个文件：1 个可以添加，1 个出错。');
    // Nothing is written before the user says so.
    expect(await listIssues(await openOwn())).toEqual([]);
  });

  test('added: listed as the user’s, counted, the progress bar full; the broken file does not stop it', async () => {
    await showApp();
    await pick(seedFile(SEED_MASTHEAD), file('cafe.txt', LATIN1));
    await click('[data-zzl-action="add"]');

    expect(status(SEED_MASTHEAD)).toBe('added');
    expect(status('cafe.txt')).toBe('error');
    expect(issueRow(MASTHEAD_ID)?.getAttribute('data-zzl-origin')).toBe('user');
    expect(issueRow(MASTHEAD_ID)?.querySelector('[data-zzl-action="remove"]')?.getAttribute('aria-label')).toBe('移除 2024年1月27日 第23552期');
    const progress = q('[data-zzl="import-progress"]')!;
    expect(progress.getAttribute('role')).toBe('progressbar');
    expect(progress.getAttribute('aria-valuenow')).toBe('100');
    expect(text('[data-zzl="announce"]')).toBe('添加了 1 期，跳过 0 期。');

    const db = await openOwn();
    expect(await listIssues(db)).toEqual([{ ...seedBundle([SEED_MASTHEAD]).issues[0], origin: 'user', hidden: false }]);
    expect(text('[data-zzl-count="issues"] dd')).toBe('1');
    expect(text('[data-zzl-count="articles"] dd')).toBe(String((await countRecords(db)).articles));
  });

  test('the same issue again is skipped, with the reason and the issue it duplicates', async () => {
    await showApp();
    await pick(seedFile(SEED_MASTHEAD));
    await click('[data-zzl-action="add"]');
    // Picked again under its own name and under another one.
    await pick(seedFile(SEED_MASTHEAD), seedFile(SEED_MASTHEAD, 'copy.txt'));
    expect(status(SEED_MASTHEAD)).toBe('parsed');
    await click('[data-zzl-action="add"]');

    for (const name of [SEED_MASTHEAD, 'copy.txt']) {
      expect(status(name)).toBe('skipped');
      const reason = row(name)!.querySelector('[data-zzl-skipped]')!;
      expect(reason.getAttribute('data-zzl-reason')).toBe('same-id');
      expect(reason.textContent).toBe('资料库里已有这一期（2024年1月27日 第23552期）。');
    }
    expect(text('[data-zzl="announce"]')).toBe('添加了 0 期，跳过 2 期。');
    expect(await listIssues(await openOwn())).toHaveLength(1);
  });

  test('a user issue is removed again', async () => {
    await showApp();
    await pick(seedFile(SEED_MASTHEAD), seedFile(SEED_OTHER));
    await click('[data-zzl-action="add"]');
    const other = seedBundle([SEED_OTHER]).issues[0]!.id;
    expect(issueRow(other)).not.toBeNull();

    await click(`[data-zzl-issue="${MASTHEAD_ID}"] [data-zzl-action="remove"]`);
    expect(issueRow(MASTHEAD_ID)).toBeNull();
    expect(issueRow(other)).not.toBeNull();
    expect(text('[data-zzl="announce"]')).toBe('已移除 2024年1月27日 第23552期。');
    expect((await listIssues(await openOwn())).map((i) => i.id)).toEqual([other]);
    expect(text('[data-zzl-count="issues"] dd')).toBe('1');
    // Focus goes somewhere sensible, not to the body, when the row it was in disappears.
    expect(document.activeElement?.id).toBe('zzl-user-issues');

    // And it can be added again.
    await pick(seedFile(SEED_MASTHEAD));
    await click('[data-zzl-action="add"]');
    expect(status(SEED_MASTHEAD)).toBe('added');
  });

  test('picking a file of another kind, or too large, is refused without reading it', async () => {
    await showApp();
    const big = file('huge.txt', new Uint8Array(MAX_TEXT_BYTES + 1));
    await pick(file('scan.pdf', 'x'), big);
    expect(status('scan.pdf')).toBe('error');
    expect(row('scan.pdf')!.textContent).toContain('只能添加 .txt（报纸文本）和 .json（导出文件）。');
    expect(status('huge.txt')).toBe('error');
    expect(row('huge.txt')!.textContent).toContain('文件太大（5 MB），这类文件最大 5 MB。');
    expect(q('[data-zzl-action="add"]')!.getAttribute('aria-disabled')).toBe('true');
  });

  test('files dropped on the drop zone are taken like picked ones', async () => {
    await showApp();
    const transfer = new DataTransfer();
    transfer.items.add(seedFile(SEED_OTHER));
    // happy-dom's DragEvent ignores `dataTransfer` in its init, so it is set on the event.
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: transfer });
    await act(async () => {
      q('[data-zzl="drop-zone"]')!.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    await idle();
    expect(status(SEED_OTHER)).toBe('parsed');
  });

  test('a full disk: the file shows what happened and what to do; adding again after space is freed finishes it', async () => {
    await showApp();
    await pick(seedFile(SEED_MASTHEAD));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'mentions') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await click('[data-zzl-action="add"]');

    expect(status(SEED_MASTHEAD)).toBe('error');
    expect(row(SEED_MASTHEAD)!.textContent).toContain('存储空间不足');
    const alert = q('[role="alert"][data-zzl="store-error"]')!;
    expect(alert.getAttribute('data-zzl-kind')).toBe('quota');
    expect(alert.textContent).toContain('请移除一些你添加的报纸，或清理磁盘空间，然后再试。');
    expect(q('[data-zzl-pending="user"]')?.textContent).toContain('再添加同一个文件，会从中断处继续。');
    expect(issueRow(MASTHEAD_ID)).toBeNull();

    vi.restoreAllMocks();
    await click('[data-zzl-action="add"]');
    expect(status(SEED_MASTHEAD)).toBe('added');
    expect(issueRow(MASTHEAD_ID)).not.toBeNull();
    expect(q('[data-zzl-pending="user"]')).toBeNull();
    expect(q('[data-zzl="store-error"]')).toBeNull();
  });

  test('cancelled half way: nothing shows, and adding again continues where it stopped', async () => {
    await showApp({ chunkSize: 5 });
    await pick(seedFile(SEED_MASTHEAD), seedFile(SEED_OTHER));
    const add = q<HTMLButtonElement>('[data-zzl-action="add"]')!;
    await act(async () => {
      add.click();
    });
    await until('some records written', () => Number(q('[data-zzl="import-progress"]')?.getAttribute('aria-valuenow')) > 0);
    await act(async () => {
      q<HTMLButtonElement>('[data-zzl-action="cancel"]')!.click();
    });
    await idle();
    const cancelled = [SEED_MASTHEAD, SEED_OTHER].filter((name) => status(name) === 'parsed');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(row(cancelled[0]!)!.textContent).toContain('已取消');
    const ids: Record<string, string> = { [SEED_MASTHEAD]: MASTHEAD_ID, [SEED_OTHER]: seedBundle([SEED_OTHER]).issues[0]!.id };
    for (const name of cancelled) expect(issueRow(ids[name]!)).toBeNull();
    expect(q('[data-zzl-pending="user"]')).not.toBeNull();
    expect(text('[data-zzl="announce"]')).toBe('再添加同一个文件，会从中断处继续。');

    await click('[data-zzl-action="add"]');
    expect([status(SEED_MASTHEAD), status(SEED_OTHER)]).toEqual(['added', 'added']);
    expect(await listIssues(await openOwn())).toHaveLength(2);
    expect(q('[data-zzl-pending="user"]')).toBeNull();
  });

  test('in English', async () => {
    await showApp({}, 'en');
    await pick(seedFile(SEED_MASTHEAD));
    expect(text('h1')).toBe('Manage the archive');
    expect(row(SEED_MASTHEAD)!.textContent).toContain('January 27, 2024');
    expect(text(`label[for="${q('[data-zzl="file-input"]')!.id}"]`)).toBe('Choose files');
  });
});

describe('the bundled issues', () => {
  async function withBundled() {
    const db = await openOwn();
    const bundle = seedBundle([SEED_OTHER, SEED_INFERRED]);
    const result = await importBundle(db, bundle, { source: 'bundled', chunkSize: 200 });
    expect(result.ok).toBe(true);
    await showApp();
    return { db, ids: bundle.issues.map((i) => i.id) };
  }

  test('are hidden and shown again, one by one or all at once', async () => {
    const { db, ids } = await withBundled();
    const [a, b] = ids as [string, string];
    expect(all('[data-zzl-origin="bundled"]').map((r) => r.getAttribute('data-zzl-issue')).sort()).toEqual([...ids].sort());
    expect(q<HTMLButtonElement>('[data-zzl-action="reset"]')!.disabled).toBe(true);

    await click(`[data-zzl-issue="${a}"] [data-zzl-action="hide"]`);
    expect(issueRow(a)?.getAttribute('data-zzl-hidden')).toBe('true');
    expect(issueRow(a)?.querySelector('[data-zzl-action="unhide"]')).not.toBeNull();
    expect((await listIssues(db)).map((i) => i.id)).toEqual([b]);

    await click(`[data-zzl-issue="${a}"] [data-zzl-action="unhide"]`);
    expect(issueRow(a)?.getAttribute('data-zzl-hidden')).toBe('false');

    await click(`[data-zzl-issue="${a}"] [data-zzl-action="hide"]`);
    await click(`[data-zzl-issue="${b}"] [data-zzl-action="hide"]`);
    expect(await listIssues(db)).toEqual([]);
    await click('[data-zzl-action="reset"]');
    expect(all('[data-zzl-hidden="true"]')).toEqual([]);
    expect((await listIssues(db)).map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(text('[data-zzl="announce"]')).toBe('所有隐藏的报纸已重新显示。');
  });

  test('a user file of a bundled issue is skipped, naming the bundled one', async () => {
    await withBundled();
    await pick(seedFile(SEED_OTHER, 'mine.txt'));
    await click('[data-zzl-action="add"]');
    expect(status('mine.txt')).toBe('skipped');
    expect(row('mine.txt')!.textContent).toContain('资料库里已有这一期（2022年8月24日 第23054期）。');
  });

  test('have no remove button, and user issues no hide button', async () => {
    await withBundled();
    await pick(seedFile(SEED_MASTHEAD));
    await click('[data-zzl-action="add"]');
    for (const r of all('[data-zzl-origin="bundled"]')) expect(r.querySelector('[data-zzl-action="remove"]')).toBeNull();
    for (const r of all('[data-zzl-origin="user"]')) expect(r.querySelector('[data-zzl-action="hide"]')).toBeNull();
  });
});

describe('export and re-import', () => {
  test('the exported file, added to a fresh archive, gives back the same issues', async () => {
    await showApp({ now: () => new Date(2025, 2, 1, 9, 0) });
    expect(q<HTMLButtonElement>('[data-zzl-action="export"]')!.disabled).toBe(true);
    await pick(seedFile(SEED_MASTHEAD), seedFile(SEED_INFERRED));
    await click('[data-zzl-action="add"]');
    await click('[data-zzl-action="export"]');

    expect(saved).toHaveLength(1);
    const [exported] = saved as [SavedFile];
    expect(exported).toMatchObject({ name: 'zhuzhou-lens-issues-2025-03-01.json', type: 'application/json' });
    expect(text('[data-zzl="announce"]')).toBe('已导出 2 期报纸。');
    const before = await exportBundle(await openOwn(), 'user');
    expect(JSON.parse(exported.text)).toMatchObject({ kind: 'zhuzhou-lens-issues', version: 1, bundle: before });

    // Another profile: a new, empty database.
    for (const db of own.splice(0)) db.close();
    await act(async () => mount.show(null));
    freshIndexedDb();
    await showApp();
    await pick(file(exported.name, exported.text));
    expect(status(exported.name)).toBe('parsed');
    expect(row(exported.name)!.textContent).toContain('导出文件');
    await click('[data-zzl-action="add"]');
    expect(status(exported.name)).toBe('added');
    expect(row(exported.name)!.textContent).toContain('添加了 2 期，跳过 0 期。');
    expect(all('[data-zzl-origin="user"]')).toHaveLength(2);
    // The same records. Entity order may differ: an entity no article names travels with every
    // issue of one import, so after two imports and one re-import it sorts under the first issue.
    expect(byEntityId(await exportBundle(await openOwn(), 'user'))).toEqual(byEntityId(before));

    // Importing the export again adds nothing.
    await pick(file(exported.name, exported.text));
    await click('[data-zzl-action="add"]');
    expect(status(exported.name)).toBe('skipped');
  });

  test('a .json that is not an export is refused with the reason', async () => {
    await showApp();
    await pick(file('bundle.json', JSON.stringify(seedBundle([SEED_MASTHEAD]))), file('broken.json', '{"kind": "zhuzhou-lens-issues", "version": 1, '));
    expect(status('bundle.json')).toBe('error');
    expect(row('bundle.json')!.textContent).toContain('这不是株洲透镜导出的文件。');
    expect(row('broken.json')!.textContent).toContain('这不是有效的 JSON 文件。');
  });
});

describe('the archive connection', () => {
  test('blocked by another tab: the page says to close it, and goes on once it is closed', async () => {
    (await openArchiveDb({ version: 1 })).close();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('zhuzhou-lens');
      request.onsuccess = () => resolve(request.result);
    });
    await mount.show(<OptionsApp openDb={openArchiveDb} parser={createParseClient(() => inlineWorker())} save={() => {}} />);
    const notice = await until('the blocked notice', () => q('[data-zzl="db-state"][role="alert"]'));
    expect(notice.textContent).toContain('请关闭株洲透镜的其他标签页');
    expect(q('[data-zzl="options"]')!.getAttribute('data-zzl-ready')).toBe('false');
    old.close();
    await idle();
    expect(q('[data-zzl="db-state"]')).toBeNull();
    expect(q('[data-zzl="options"]')!.getAttribute('data-zzl-db')).toBe('open');
  });

  test('asks the background for the bundled archive and shows it once it is there', async () => {
    let imported = false;
    await showApp({
      ensureArchive: async () => {
        const db = await openOwn();
        await importBundle(db, seedBundle([SEED_OTHER]), { source: 'bundled', chunkSize: 200 });
        imported = true;
      },
    });
    await until('the bundled issue', () => imported && issueRow(seedBundle([SEED_OTHER]).issues[0]!.id));
    expect(text('[data-zzl="archive-status"]')).toContain('扩展自带的资料库导入于');
  });
});
