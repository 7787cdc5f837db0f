// What the walker never reads, and which elements end a text run. Decided from tag names and
// attributes only: asking the page for computed styles on every element would cost a layout per
// page and a style lookup per node, for the rare span made a block by CSS.

/** The attribute that marks our own elements (hosts of the card, panel and launcher, our style). */
export const ZZL_ATTR = 'data-zzl';

/**
 * Never rendered as text, so the text around them joins up (`株<script>…</script>洲` shows 株洲).
 * `noscript` holds unparsed markup when scripts run; `rt`/`rp` are ruby annotations (pinyin over
 * 株洲), read as a run of their own they would split the base text.
 */
const HIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE']);

/** Shown, but not page text we may mark: form fields, embedded content, graphics. */
const OPAQUE_TAGS = new Set([
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
  'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'IMG', 'PICTURE',
]);

/**
 * Elements laid out inline by default: text continues through them (`<b>株洲</b>市`). Everything
 * else (blocks, list items, table cells, `br`, replaced elements, custom elements, whose display
 * we cannot know) ends the run, so names are never joined across what the reader sees as separate.
 */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RB', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP',
  'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

function tagOf(el: Element): string {
  // SVG and MathML tag names keep their case; HTML ones are upper case.
  return el.tagName.toUpperCase();
}

/** Editable unless contenteditable is absent or "false" ("", "true", "plaintext-only" all edit). */
function isEditableHost(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/**
 * How the walker treats an element:
 * - 'hidden': never read, and not a boundary (the text around it joins);
 * - 'opaque': never read, and a boundary;
 * - 'block': read, and a boundary (its inner text forms runs of its own);
 * - 'inline': read, text runs through it.
 * Our own hosts (`[data-zzl]`) are 'hidden': they sit outside the page's flow (fixed, or appended
 * to <html>), so text around one stays one run.
 */
export type ElementRole = 'hidden' | 'opaque' | 'block' | 'inline';

export function elementRole(el: Element): ElementRole {
  const tag = tagOf(el);
  if (HIDDEN_TAGS.has(tag) || el.hasAttribute(ZZL_ATTR)) return 'hidden';
  // Password fields are inputs (opaque already), and editable regions are the user's own text.
  if (OPAQUE_TAGS.has(tag) || isEditableHost(el)) return 'opaque';
  return INLINE_TAGS.has(tag) ? 'inline' : 'block';
}

/** Whether `el`'s text is never read. */
export function isSkipped(el: Element): boolean {
  const role = elementRole(el);
  return role === 'hidden' || role === 'opaque';
}

/** Whether `node` is `root` or inside it, with no skipped element on the way (itself included). */
export function isReadable(node: Node, root: Node): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === 1 && isSkipped(n as Element)) return false;
    if (n === root) return true;
  }
  return false;
}

/**
 * The element (or `root`) whose runs hold `node`'s text: its nearest ancestor that is a block, or
 * `root`. Null when `node` is not readable inside `root`.
 */
export function blockOwner(node: Node, root: Node): Node | null {
  let owner: Node | null = null;
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n !== null; n = n.parentNode) {
    if (n.nodeType === 1) {
      const role = elementRole(n as Element);
      if (role === 'hidden' || role === 'opaque') return null;
      if (owner === null && (role === 'block' || n === root)) owner = n;
    }
    if (n === root) return owner ?? root;
  }
  return null;
}
