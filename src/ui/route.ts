// The reader page's address: `reader.html#article=<encodeURIComponent(id)>`.

const KEY = 'article';

/** The fragment that opens an article in the reader, e.g. `#article=a-000-01`. */
export function articleHash(id: string): string {
  return `#${KEY}=${encodeURIComponent(id)}`;
}

/**
 * The article id in a location hash, or null when the hash names none. Accepts the hash with or
 * without its `#`, and other `&`-separated parameters beside `article=`. Malformed
 * percent-encoding counts as no id rather than an exception.
 */
export function parseArticleHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (!part.startsWith(`${KEY}=`)) continue;
    try {
      const id = decodeURIComponent(part.slice(KEY.length + 1));
      return id === '' ? null : id;
    } catch {
      return null;
    }
  }
  return null;
}
