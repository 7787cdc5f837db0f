// The reader page's address: `reader.html#article=<encodeURIComponent(id)>` opens an article,
// `reader.html#entity=<encodeURIComponent(id)>` the profile of a person, place or organisation.

const ARTICLE = 'article';
const ENTITY = 'entity';

/** The value of `key=` among the `&`-separated parameters of a hash; null when absent, empty or malformed. */
function hashParameter(hash: string, key: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (!part.startsWith(`${key}=`)) continue;
    try {
      const id = decodeURIComponent(part.slice(key.length + 1));
      return id === '' ? null : id;
    } catch {
      return null;
    }
  }
  return null;
}

/** The fragment that opens an article in the reader, e.g. `#article=a-000-01`. */
export function articleHash(id: string): string {
  return `#${ARTICLE}=${encodeURIComponent(id)}`;
}

/**
 * The article id in a location hash, or null when the hash names none. Accepts the hash with or
 * without its `#`, and other `&`-separated parameters beside `article=`. Malformed
 * percent-encoding counts as no id rather than an exception.
 */
export function parseArticleHash(hash: string): string | null {
  return hashParameter(hash, ARTICLE);
}

/** The fragment that opens an entity's profile, e.g. `#entity=person%3A%E6%AF%9B%E4%BC%9F%E6%98%8E`. */
export function entityHash(id: string): string {
  return `#${ENTITY}=${encodeURIComponent(id)}`;
}

/** The entity id in a location hash (`entity=`), read by the same rules as `parseArticleHash`. */
export function parseEntityHash(hash: string): string | null {
  return hashParameter(hash, ENTITY);
}

export type ReaderRoute = { view: 'index' } | { view: 'article'; id: string } | { view: 'entity'; id: string };

/** What the reader shows for a hash: an article when one is named (it wins over `entity=`), else an entity, else the index. */
export function parseReaderHash(hash: string): ReaderRoute {
  const article = parseArticleHash(hash);
  if (article !== null) return { view: 'article', id: article };
  const entity = parseEntityHash(hash);
  return entity !== null ? { view: 'entity', id: entity } : { view: 'index' };
}
