// Text runs: what the matcher reads on a page. A run is the text of consecutive inline content
// inside one block (`<p>株<b>洲</b>市</p>` is one run, 株洲市), cut at every block boundary, `br`,
// form field or embedded object (skip-rules.ts). Each run keeps where each of its text nodes starts,
// so an offset in the run maps back to a DOM position (ranges.ts).
//
// The run's text is its nodes' data with line breaks (\n \r \f) turned into spaces, one for one:
// offsets stay those of the DOM, a name broken across source lines (`株\n洲`, shown as 株洲 or
// 株 洲) is still found (the matcher steps over spaces), and '\n' never occurs inside a run, so
// runs joined with '\n' (walked-text.ts) can be split back unambiguously.
import { hasHan } from './cjk';
import { elementRole } from './skip-rules';

export interface Segment {
  node: Text;
  /** Offset in the run where this node's data starts. */
  start: number;
}

export interface TextRun {
  text: string;
  /** In document order, each with non-empty data; a segment ends where the next starts (the last at text.length). */
  segments: Segment[];
  /** The block (or the walk's root) the run lies in. */
  owner: Node;
  /** Whether the text has a Han character (only such runs are matched). */
  han: boolean;
  /** Increasing in the order runs were read; one walk reads in document order. */
  order: number;
}

/** All runs directly inside one owner: the runs of its nested blocks belong to those blocks. */
export interface OwnerRuns {
  owner: Node;
  runs: TextRun[];
}

export interface WalkOptions {
  /** The page root: walks never leave it, and it owns the text outside any block. Default: the scope. */
  root?: Node;
  /**
   * Blocks whose runs are already known and still valid: the walk passes over them (they still
   * end the run around them). A mutation batch re-reads one owner without re-reading its children.
   */
  isKnown?: (block: Element) => boolean;
  /** Nodes added since the blocks were known: inside one, every block is read again, known or not. */
  fresh?: ReadonlySet<Node>;
  /** Nodes visited between pauses (the walk yields null there). Default 64. */
  pauseEvery?: number;
  /** Numbers the runs (TextRun.order). Default: 0, 1, 2… per walk. */
  nextOrder?: () => number;
}

const LINE_BREAKS = /[\n\r\f]/g;
/** Runs of nothing but spaces (indentation between tags) are not kept. */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

class RunBuilder {
  private parts: string[] = [];
  private length = 0;
  private segments: Segment[] = [];
  readonly runs: TextRun[] = [];

  constructor(
    readonly owner: Node,
    private readonly nextOrder: () => number,
  ) {}

  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.segments.push({ node, start: this.length });
    this.parts.push(data);
    this.length += data.length;
  }

  end(): void {
    if (this.segments.length === 0) return;
    const text = this.parts.join('').replace(LINE_BREAKS, ' ');
    if (!BLANK.test(text)) this.runs.push({ text, segments: this.segments, owner: this.owner, han: hasHan(text), order: this.nextOrder() });
    this.parts = [];
    this.segments = [];
    this.length = 0;
  }
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * Walks `scope` (an element or the root) and yields, for each block inside it whose content it
 * read to the end, that block's runs (`scope`'s own last, even when empty, so callers can drop
 * runs that are gone). Yields null every `pauseEvery` nodes: a caller that stops there and comes
 * back later gets the rest. If the page moved the walk's position out of `scope` meanwhile, the
 * walk starts over from `scope`, passing over the blocks it has already finished.
 */
export function* walkRuns(scope: Node, options: WalkOptions = {}): Generator<OwnerRuns | null, void, void> {
  const root = options.root ?? scope;
  const pauseEvery = options.pauseEvery ?? 64;
  const fresh = options.fresh;
  let counter = 0;
  const nextOrder = options.nextOrder ?? (() => counter++);
  /** Blocks finished by this walk: passed over if it has to start again. */
  const finished = new Set<Node>();
  const doc = scope.ownerDocument ?? (scope as Document);
  const inside = (n: Node) => n.isConnected === scope.isConnected && (n === scope || scope.contains(n));

  for (;;) {
    const walker = doc.createTreeWalker(scope, SHOW_ELEMENT_AND_TEXT);
    const stack: RunBuilder[] = [new RunBuilder(scope, nextOrder)];
    /** The outermost fresh node the walk is inside: known blocks under it are read again. */
    let freshRoot: Node | null = fresh?.has(scope) ? scope : null;
    let visited = 0;
    let restart = false;

    const leave = (el: Node): OwnerRuns | null => {
      if (el === freshRoot) freshRoot = null;
      const top = stack[stack.length - 1]!;
      if (top.owner !== el) return null;
      stack.pop();
      top.end();
      finished.add(el);
      return { owner: el, runs: top.runs };
    };

    let node: Node | null = walker.firstChild();
    while (node !== null) {
      let descend = false;
      if (node.nodeType === 3) {
        stack[stack.length - 1]!.add(node as Text);
      } else {
        const el = node as Element;
        if (freshRoot === null && fresh?.has(el)) freshRoot = el;
        const role = elementRole(el);
        if (role === 'inline') descend = true;
        else if (role === 'opaque') stack[stack.length - 1]!.end();
        else if (role === 'block') {
          stack[stack.length - 1]!.end();
          const known = finished.has(el) || (freshRoot === null && (options.isKnown?.(el) ?? false));
          if (!known) {
            stack.push(new RunBuilder(el, nextOrder));
            descend = true;
          }
        }
      }

      if (++visited % pauseEvery === 0) {
        yield null;
        // The page ran between our slices: if it took our position away, read `scope` again
        // (without the blocks already finished); if it took `scope` away, there is nothing to read.
        if (!scope.isConnected && root.isConnected) return;
        if (root !== scope && !root.contains(scope)) return;
        if (!inside(walker.currentNode)) {
          restart = true;
          break;
        }
      }

      if (descend) {
        const child = walker.firstChild();
        if (child !== null) {
          node = child;
          continue;
        }
        const left = leave(node);
        if (left) yield left;
      }
      let next: Node | null = walker.nextSibling();
      while (next === null) {
        const parent = walker.parentNode();
        if (parent === null || parent === scope) break;
        const left = leave(parent);
        if (left) yield left;
        next = walker.nextSibling();
      }
      node = next;
    }
    if (restart) continue;
    const own = stack[0]!;
    own.end();
    yield { owner: scope, runs: own.runs };
    return;
  }
}

/** Every block's runs in `scope`, read in one go (tests, the command line). */
export function collectRuns(scope: Node, options: WalkOptions = {}): OwnerRuns[] {
  const out: OwnerRuns[] = [];
  for (const item of walkRuns(scope, options)) if (item) out.push(item);
  return out;
}

/**
 * The runs of a collection in document order. A block's runs and its nested blocks' runs
 * interleave on the page (text, a nested list, more text), so owners cannot simply be concatenated.
 */
export function runsInDocumentOrder(owners: Iterable<OwnerRuns>): TextRun[] {
  const runs: TextRun[] = [];
  for (const o of owners) runs.push(...o.runs);
  return runs.sort(compareRuns);
}

export function compareRuns(a: TextRun, b: TextRun): number {
  const x = a.segments[0]!.node;
  const y = b.segments[0]!.node;
  if (x === y) return 0;
  // DOCUMENT_POSITION_FOLLOWING = 4
  return x.compareDocumentPosition(y) & 4 ? -1 : 1;
}
