// `npm run -s cli -- <command>`: the archive's command line. JSON on stdout, messages on stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBundle, type IssueFile } from '../archive';
import { defaultSeedPaths } from './seed-paths';

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

const USAGE = `usage: npm run -s cli -- <command>
  parse [FILES…]   print the ArchiveBundle JSON of the given issue files (default: seeds/*.txt)
`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parse(rest);
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

process.exitCode = main(process.argv.slice(2));
