// Jump markers between pages: `下转02版①` / `▶下转02版` at the end of a text, `◀上接01版②` at the start.

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAGE = `(\\d{1,2}版[${CIRCLED}]?)`;

const CONTINUES = new RegExp(`\\s*[▶►]?\\s*下转\\s*${PAGE}\\s*$`);
const CONTINUED_FROM = new RegExp(`^\\s*[◀◄]?\\s*上接\\s*${PAGE}\\s*`);

/** Strips a trailing `下转…` marker; returns the text without it and the page it points to. */
export function takeContinues(text: string): { text: string; marker: string | null } {
  const m = text.includes('下转') ? CONTINUES.exec(text) : null;
  if (!m) return { text, marker: null };
  return { text: text.slice(0, m.index), marker: m[1]! };
}

/** Strips a leading `◀上接…` marker. */
export function takeContinuedFrom(text: string): { text: string; marker: string | null } {
  const m = CONTINUED_FROM.exec(text);
  if (!m) return { text, marker: null };
  return { text: text.slice(m[0].length), marker: m[1]! };
}
