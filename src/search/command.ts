// The `search` command's arguments: `search [options] QUERY…` (the words of the query may come
// as separate arguments; they are joined with spaces, so `search 醴陵 出口` is two terms).
import type { EntityType } from '../archive/types';
import type { DocKind, SearchOptions } from './types';

export interface SearchCommand {
  query: string;
  options: SearchOptions;
  /** An ArchiveBundle JSON file to search instead of the seeds. */
  archive: string | null;
}

export const SEARCH_USAGE = `  search [--kinds entity,article,figure] [--types person,place,org] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--limit N] [--archive BUNDLE.json] QUERY…
                   print what the popup would show for QUERY, best first: {entities, articles, figures, suggestions}
`;

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const KINDS: readonly DocKind[] = ['entity', 'article', 'figure'];
const TYPES: readonly EntityType[] = ['person', 'place', 'org'];

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] | string {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (items.length === 0 || bad.length > 0) return `${flag}: expected some of ${allowed.join(', ')}, got '${value}'`;
  return items as T[];
}

/** Reads the command's arguments; a string is the message of a usage error. */
export function parseSearchArgs(args: readonly string[]): SearchCommand | string {
  const options: SearchOptions = {};
  let archive: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) return `${arg}: missing value`;
    i++;
    switch (arg) {
      case '--kinds': {
        const kinds = list(value, KINDS, arg);
        if (typeof kinds === 'string') return kinds;
        options.kinds = kinds;
        break;
      }
      case '--types': {
        const types = list(value, TYPES, arg);
        if (typeof types === 'string') return types;
        options.entityTypes = types;
        break;
      }
      case '--from':
      case '--to':
        if (!isIsoDate(value)) return `${arg}: expected a date YYYY-MM-DD, got '${value}'`;
        options[arg === '--from' ? 'from' : 'to'] = value;
        break;
      case '--limit': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) return `--limit: expected a whole number ≥ 1, got '${value}'`;
        options.limit = n;
        break;
      }
      case '--archive':
        archive = value;
        break;
      default:
        return `unknown option ${arg}`;
    }
  }
  const query = words.join(' ').trim();
  if (query === '') return 'search: no query given';
  return { query, options, archive };
}
