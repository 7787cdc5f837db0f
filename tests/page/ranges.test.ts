// @vitest-environment happy-dom
// Run offsets back to the DOM. The property: over random trees of inline, block, hidden and opaque
// elements holding random text (CJK, astral, ASCII, spaces, line breaks), the runs are what a
// model of the tree says, and the range of any slice of a run covers exactly that slice.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { liveRange, locate } from '../../src/page/ranges';
import { collectRuns, runsInDocumentOrder, type TextRun } from '../../src/page/text-runs';
import { setBody } from './support';

type Tree = { kind: 'text'; text: string } | { kind: 'inline' | 'block' | 'hidden' | 'opaque'; tag: string; children: Tree[] };

const piece = fc.constantFrom('株', '洲', '市', '天元', '𠀋', '𫮃', 'a', ' ', '\n', '\u3000', '、', '1');
const textGen = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({ kind: fc.constant('block' as const), tag: fc.constant('div'), children: fc.array(tie('node'), { maxLength: 6 }) }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: textGen }),
    fc.record({ kind: fc.constant('inline' as const), tag: fc.constantFrom('b', 'span', 'a', 'em'), children: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('block' as const), tag: fc.constantFrom('div', 'p', 'li', 'section'), children: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('hidden' as const), tag: fc.constant('script'), children: fc.array(fc.record({ kind: fc.constant('text' as const), text: textGen }), { maxLength: 1 }) }),
    fc.record({ kind: fc.constant('opaque' as const), tag: fc.constant('textarea'), children: fc.array(fc.record({ kind: fc.constant('text' as const), text: textGen }), { maxLength: 1 }) }),
  ),
}));

function build(t: Tree): Node {
  if (t.kind === 'text') return document.createTextNode(t.text);
  const el = document.createElement(t.tag);
  for (const c of t.children) el.append(build(c));
  return el;
}

const BREAK = Symbol('break');

/** The model: blocks and opaque elements break, hidden ones vanish, inline ones pass through. */
function expectedRuns(t: Tree): string[] {
  const tokens: (string | typeof BREAK)[] = [];
  const visit = (n: Tree) => {
    if (n.kind === 'text') tokens.push(n.text);
    else if (n.kind === 'inline') n.children.forEach(visit);
    else if (n.kind === 'opaque') tokens.push(BREAK);
    else if (n.kind === 'block') {
      tokens.push(BREAK);
      n.children.forEach(visit);
      tokens.push(BREAK);
    }
  };
  visit(t);
  const runs: string[] = [];
  let cur = '';
  for (const tok of [...tokens, BREAK]) {
    if (typeof tok !== 'string') {
      if (!/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(cur)) runs.push(cur.replace(/[\n\r\f]/g, ' '));
      cur = '';
    } else cur += tok;
  }
  return runs;
}

/** The text a range shows: its contents without what is never rendered. */
function shownText(range: Range): string {
  const frag = range.cloneContents();
  for (const el of [...frag.querySelectorAll('script')]) el.remove();
  return (frag.textContent ?? '').replace(/[\n\r\f]/g, ' ');
}

function allRuns(): TextRun[] {
  return runsInDocumentOrder(collectRuns(document.body));
}

describe('runs and ranges over random trees', () => {
  test.prop([tree], { numRuns: 150 })('runs are what the model says', (t) => {
    document.body.replaceChildren(build(t));
    expect(allRuns().map((r) => r.text)).toEqual(expectedRuns(t));
  });

  test.prop([tree, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 })], { numRuns: 150 })(
    'the range of a run slice covers exactly that slice',
    (t, cuts) => {
      document.body.replaceChildren(build(t));
      for (const run of allRuns()) {
        for (const [x, y] of cuts) {
          const a = Math.min(x, y) % (run.text.length + 1);
          const b = a + (Math.max(x, y) % (run.text.length - a + 1));
          const range = liveRange(run, a, b);
          expect(shownText(range)).toBe(run.text.slice(a, b));
          expect(range.startContainer.nodeType).toBe(3);
          expect(range.endContainer.nodeType).toBe(3);
        }
      }
    },
  );
});

describe('locate', () => {
  test('a start at a node boundary goes to the later node, an end to the earlier one', () => {
    setBody('<p>株<b>洲</b>市</p>');
    const [run] = allRuns();
    expect(locate(run!, 1, 'start')).toMatchObject({ node: { data: '洲' }, offset: 0 });
    expect(locate(run!, 1, 'end')).toMatchObject({ node: { data: '株' }, offset: 1 });
    expect(locate(run!, 0, 'start')).toMatchObject({ node: { data: '株' }, offset: 0 });
    expect(locate(run!, 3, 'end')).toMatchObject({ node: { data: '市' }, offset: 1 });
    const range = liveRange(run!, 1, 2);
    expect(range.startContainer).toBe(range.endContainer);
    expect(range.toString()).toBe('洲');
  });

  test('refuses offsets outside the run', () => {
    setBody('<p>株洲</p>');
    const [run] = allRuns();
    expect(() => locate(run!, 3, 'end')).toThrow(RangeError);
  });
});
