// Builds that ship another archive: a copy of the unpacked build whose archive files a test writes,
// as an older or newer release of the extension would ship them.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ArchiveBundle } from '../../../src/archive/types';
import { bundleHash } from '../../../src/store/hash';
import { countsOf } from '../../../src/store/import';
import { REPO_ROOT } from './types.ts';

export function shippedBundle(extensionDir: string): ArchiveBundle {
  return JSON.parse(readFileSync(join(extensionDir, 'archive.json'), 'utf8')) as ArchiveBundle;
}

/** The bundle without its last issue (and what belongs to it): an "older build" of the archive. */
export function withoutLastIssue(b: ArchiveBundle): ArchiveBundle {
  const dropped = b.issues.at(-1)!.id;
  const articles = b.articles.filter((a) => a.issueId !== dropped);
  const kept = new Set(articles.map((a) => a.id));
  return {
    version: 1,
    issues: b.issues.slice(0, -1),
    articles,
    entities: b.entities,
    mentions: b.mentions.filter((m) => kept.has(m.articleId)),
    figures: b.figures.filter((f) => kept.has(f.articleId)),
  };
}

/** Writes the archive and its version file into an unpacked build, as `npm run archive` does. */
export async function ship(dir: string, b: ArchiveBundle): Promise<void> {
  await writeFile(join(dir, 'archive.json'), JSON.stringify(b));
  await writeFile(join(dir, 'archive-version.json'), JSON.stringify({ hash: bundleHash(b), counts: countsOf(b) }));
}

/** A temporary copy of `.output/<build>` (e.g. `chrome-mv3`); the caller removes it. */
export async function copyBuild(build: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zzl-build-'));
  await cp(resolve(REPO_ROOT, '.output', build), dir, { recursive: true });
  return dir;
}
