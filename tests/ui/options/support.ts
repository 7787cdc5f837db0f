// Seed files as the options page receives them (bytes, File objects), and inputs that are not issues.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(import.meta.dirname, '../../../seeds');

/** The bytes of a seed file, as a user would pick it. */
export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SEEDS, name)));
}

/** 000_…: the 2024-01-27 issue, No. 23552, with a masthead. */
export const SEED_MASTHEAD = '000_aef4f93b7db362a9.txt';
/** 003_…: the 2023-12-29 issue, dated from its text (no masthead number). */
export const SEED_INFERRED = '003_83df26c1926cabee.txt';
export const SEED_OTHER = '001_9ab4256ef58901f2.txt';

/** Latin-1 text: not UTF-8 (a lone 0xE9), not GB18030 (0xE9 then a space), so no known encoding. */
export const LATIN1 = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' au lait, ') ]);

export const ENGLISH = new TextEncoder().encode('Minutes of the meeting.\nNothing in Chinese here at all.\n'.repeat(20));
