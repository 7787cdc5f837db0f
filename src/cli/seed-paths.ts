import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled seed issues, in name order. */
export function defaultSeedPaths(dir = 'seeds'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}
