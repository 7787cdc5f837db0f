// Content hashes: of a whole bundle (to recognise "the same archive again" and to tie recorded
// import progress to exactly one bundle), and of one issue's text (to recognise the same issue
// imported twice under another date or number).
//
// Why not crypto.subtle: it has no incremental API, so hashing a bundle would mean one JSON string
// of the whole archive, which for a 1,000× archive is hundreds of megabytes. These hashes detect
// change, they do not resist an attacker, so a fast incremental non-cryptographic hash is enough:
// two independent cyrb53 lanes, about 106 bits, fed record by record.
import type { ArchiveBundle, ArticleRecord } from '../archive/types';

export class ContentHasher {
  private a1 = 0xdeadbeef;
  private a2 = 0x41c6ce57;
  private b1 = 0x9e3779b9;
  private b2 = 0x85ebca6b;

  update(text: string): this {
    let { a1, a2, b1, b2 } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a1 = Math.imul(a1 ^ c, 2654435761);
      a2 = Math.imul(a2 ^ c, 1597334677);
      b1 = Math.imul(b1 ^ c, 2246822507);
      b2 = Math.imul(b2 ^ c, 3266489909);
    }
    Object.assign(this, { a1, a2, b1, b2 });
    return this;
  }

  digest(): string {
    return lane(this.a1, this.a2) + lane(this.b1, this.b2);
  }
}

/** cyrb53's finaliser: 53 bits from two 32-bit states, as 14 hex digits. */
function lane(x1: number, x2: number): string {
  let h1 = Math.imul(x1 ^ (x1 >>> 16), 2246822507);
  h1 ^= Math.imul(x2 ^ (x2 >>> 13), 3266489909);
  let h2 = Math.imul(x2 ^ (x2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Hash of everything in a bundle, record by record (the separators keep stores apart). */
export function bundleHash(bundle: ArchiveBundle): string {
  const h = new ContentHasher().update(`v${bundle.version}\n`);
  const parts = [bundle.issues, bundle.articles, bundle.entities, bundle.mentions, bundle.figures] as const;
  parts.forEach((records, i) => {
    h.update(`\u0001${i}:${records.length}\n`);
    for (const record of records) h.update(JSON.stringify(record)).update('\n');
  });
  return h.digest();
}

/**
 * Hash of an issue's printed text: headlines and paragraphs of its articles in order, without ids
 * (an issue id embeds the date, and the point is to catch the same text under another date).
 */
export function issueTextHash(articles: readonly ArticleRecord[]): string {
  const h = new ContentHasher();
  for (const a of articles) {
    h.update(`\u0001${a.headline ?? ''}\u0002${a.subheadlines.join('\u0003')}`);
    for (const p of a.paragraphs) h.update('\u0004').update(p);
  }
  return h.digest();
}
