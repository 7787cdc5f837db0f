// `npm run -s cli -- <command>`: the archive's command line. JSON on stdout, messages on stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBundle, type ArchiveBundle, type IssueFile } from '../archive';
import { buildSearchIndex, MemorySource, search } from '../search';
import { parseSearchArgs, SEARCH_USAGE } from '../search/command';
import { defaultSeedPaths } from './seed-paths';
import { decodeIssueBytes } from '../archive/decode';
import { compileNames, NameMatcher, scanText } from '../match';
import { decodeHtmlBytes } from '../page/decode-html';
import { scanDocument } from '../page/scan-document';

function readFiles(paths: string[]): { files: IssueFile[]; unreadable: { source: string; reason: string }[] } {
  const files: IssueFile[] = [];
  const unreadable: { source: string; reason: string }[] = [];
  for (const p of paths) {
    try {
      files.push({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) });
    } catch (e) {
      unreadable.push({ source: p, reason: `无法读取文件 (cannot read file): ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    }
  }
  return { files, unreadable };
}

function parse(args: string[]): number {
  const paths = args.length > 0 ? args : defaultSeedPaths();
  const { files, unreadable } = readFiles(paths);
  const { bundle, errors } = buildBundle(files);
  const all = [...unreadable, ...errors];
  for (const e of all) process.stderr.write(`zzl parse: ${e.source}: ${e.reason}\n`);
  process.stdout.write(JSON.stringify(bundle, null, 2) + '\n');
  return all.length > 0 ? 1 : 0;
}

/** `search [options] QUERY…`: the popup's results as JSON, over the seeds or an ArchiveBundle file. */
async function searchCommand(args: string[]): Promise<number> {
  const command = parseSearchArgs(args);
  if (typeof command === 'string') {
    process.stderr.write(`zzl search: ${command}\n${USAGE}`);
    return 2;
  }
  let bundle: ArchiveBundle;
  if (command.archive === null) {
    const { files, unreadable } = readFiles(defaultSeedPaths());
    const built = buildBundle(files);
    for (const e of [...unreadable, ...built.errors]) process.stderr.write(`zzl search: ${e.source}: ${e.reason}\n`);
    bundle = built.bundle;
  } else {
    try {
      bundle = JSON.parse(readFileSync(command.archive, 'utf8')) as ArchiveBundle;
    } catch (e) {
      process.stderr.write(`zzl search: ${command.archive}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  // Loaded here so that `parse` does not pay for the pinyin library.
  const { computePinyinKeys } = await import('../search/pinyin-keys');
  const index = buildSearchIndex(bundle, computePinyinKeys(bundle.entities));
  const { partial, ...results } = await search(new MemorySource(index), command.query, command.options);
  if (partial) process.stderr.write('zzl search: some lists stopped at the cap on documents checked and may be incomplete\n');
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return 0;
}

/**
 * `scan [--archive BUNDLE.json] FILE`: the matches the content script would make on a page. The
 * names come from seeds/*.txt (parsed now, as `parse` does, so they are never stale), or from an
 * ArchiveBundle file. A .txt is matched as one text (scanText); offsets are UTF-16 offsets into the
 * decoded file. A .html/.htm goes through the page scanner in happy-dom (scripts not run); offsets
 * are into the walked text: the page's text runs in document order joined with '\n' (walked-text.ts).
 */
async function scanCommand(args: string[]): Promise<number> {
  let archive: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--archive' && i + 1 < args.length) archive = args[++i]!;
    else files.push(args[i]!);
  }
  const file = files[0];
  if (files.length !== 1 || file === undefined || file.startsWith('-')) {
    process.stderr.write(`zzl scan: give exactly one FILE (.html, .htm or .txt)\n${USAGE}`);
    return 2;
  }
  const kind = /\.html?$/i.test(file) ? 'html' : /\.txt$/i.test(file) ? 'txt' : null;
  if (kind === null) {
    process.stderr.write(`zzl scan: ${file}: 不支持的文件类型 (unknown extension; expected .html, .htm or .txt)\n`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    process.stderr.write(`zzl scan: ${file}: 无法读取文件 (cannot read file): ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const decoded = bytes.length === 0 ? { ok: true as const, text: '' } : kind === 'html' ? decodeHtmlBytes(bytes) : decodeIssueBytes(bytes);
  if (!decoded.ok) {
    process.stderr.write(`zzl scan: ${file}: ${decoded.reason}\n`);
    return 1;
  }

  let bundle: Pick<ArchiveBundle, 'entities' | 'mentions'>;
  if (archive === null) {
    const { files: seeds, unreadable } = readFiles(defaultSeedPaths());
    const built = buildBundle(seeds);
    const errors = [...unreadable, ...built.errors];
    for (const e of errors) process.stderr.write(`zzl scan: ${e.source}: ${e.reason}\n`);
    if (errors.length > 0) return 1;
    bundle = built.bundle;
  } else {
    try {
      bundle = JSON.parse(readFileSync(archive, 'utf8')) as ArchiveBundle;
    } catch (e) {
      process.stderr.write(`zzl scan: ${archive}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  const matcher = NameMatcher.fromCompiled(compileNames(bundle));

  let matches: unknown[];
  if (kind === 'txt') matches = scanText(matcher, decoded.text);
  else {
    const { Window } = await import('happy-dom');
    const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
    try {
      window.document.write(decoded.text);
      // happy-dom's classes are its own types, not lib.dom's; the scanner uses only standard DOM on them.
      matches = (await scanDocument(window.document as unknown as Document, matcher)).matches;
    } finally {
      await window.happyDOM.close();
    }
  }
  process.stdout.write(JSON.stringify(matches, null, 2) + '\n');
  return 0;
}

const USAGE = `usage: npm run -s cli -- <command>
  parse [FILES…]   print the ArchiveBundle JSON of the given issue files (default: seeds/*.txt)
  scan [--archive BUNDLE.json] FILE   print the names the content script would mark in FILE (.html/.htm via the page walker, .txt as plain text)
${SEARCH_USAGE}`;

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parse(rest);
    case 'search':
      return searchCommand(rest);
    case 'scan':
      return scanCommand(rest);
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`zzl: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
