// @vitest-environment happy-dom
// What the walker reads: the skip rules, runs joined across inline tags and cut at blocks.
import { describe, expect, test } from 'vitest';
import { collectRuns, runsInDocumentOrder, walkRuns } from '../../src/page/text-runs';
import { blockOwner, isReadable } from '../../src/page/skip-rules';
import { runTexts, setBody } from './support';

describe('never reads', () => {
  test.each([
    ['script', '<p>甲</p><script>var s = "株洲";</script>'],
    ['style', '<p>甲</p><style>/* 株洲 */ p { color: red }</style>'],
    ['noscript and template', '<p>甲</p><noscript>株洲</noscript><template><p>株洲</p></template>'],
    ['textarea', '<p>甲</p><textarea>株洲</textarea>'],
    ['input, a password field', '<p>甲</p><input value="株洲"><input type="password" value="株洲">'],
    ['select and its options', '<p>甲</p><select><option>株洲</option><optgroup label="x"><option>株洲市</option></optgroup></select>'],
    ['contenteditable', '<p>甲</p><div contenteditable>株洲</div><div contenteditable="true"><b>株洲</b></div><div contenteditable="plaintext-only">株洲</div>'],
    ['our own hosts', '<p>甲</p><zzl-lens-card data-zzl="card"><div>株洲</div></zzl-lens-card><div data-zzl>株洲</div>'],
    ['svg text and ruby annotations', '<p>甲</p><svg><text>株洲</text></svg><p><ruby>乙<rt>株洲</rt><rp>(</rp></ruby></p>'],
  ])('%s', (_, html) => {
    setBody(html);
    const texts = runTexts();
    expect(texts.join('|')).not.toMatch(/株洲/);
    expect(texts[0]).toBe('甲');
  });

  test('reads a contenteditable="false" region', () => {
    setBody('<div contenteditable="false">株洲</div>');
    expect(runTexts()).toEqual(['株洲']);
  });

  test('isReadable and blockOwner agree with the walker', () => {
    setBody('<p id="p">株<b id="b">洲</b></p><textarea id="t">x</textarea><div data-zzl><p id="ours">y</p></div>');
    const b = document.getElementById('b')!;
    expect(isReadable(b.firstChild!, document.body)).toBe(true);
    expect(blockOwner(b.firstChild!, document.body)).toBe(document.getElementById('p'));
    expect(isReadable(document.getElementById('t')!.firstChild!, document.body)).toBe(false);
    expect(blockOwner(document.getElementById('ours')!, document.body)).toBeNull();
  });
});

describe('runs', () => {
  test('join across inline tags', () => {
    setBody('<h1><b>株洲</b>市</h1><p>省委<a href="#"><em>副</em>书记</a>、<span>省长</span></p>');
    expect(runTexts()).toEqual(['株洲市', '省委副书记、省长']);
  });

  test('join across what is never shown (script, our hosts), so the text reads as printed', () => {
    setBody('<p>株<script>1</script>洲<span data-zzl="launcher">x</span>市</p><p><ruby>株<rt>zhū</rt>洲<rt>zhōu</rt></ruby></p>');
    expect(runTexts()).toEqual(['株洲市', '株洲']);
  });

  test('never join across blocks, line breaks, form fields or unknown elements', () => {
    setBody(
      '<div>株<div>洲</div>市</div><p>株</p><p>洲</p><ul><li>株</li><li>洲</li></ul>' +
        '<table><tr><td>株</td><td>洲</td></tr></table><p>株<br>洲</p><p>株<input>洲</p><p>株<my-widget>洲</my-widget></p>',
    );
    const texts = runTexts();
    expect(texts).not.toContain('株洲');
    expect(texts.filter((t) => t === '株').length).toBe(7);
  });

  test('line breaks become spaces one for one; blank runs are dropped', () => {
    setBody('<p>\n  株\n洲\r\n</p>\n   \n<div>   </div>');
    expect(runTexts()).toEqual(['   株 洲  ']);
  });

  test('segments map run offsets to their text nodes; the owner is the nearest block', () => {
    setBody('<p id="p">株<b>洲</b>市𠀋</p>');
    const [run] = runsInDocumentOrder(collectRuns(document.body));
    expect(run!.owner).toBe(document.getElementById('p'));
    expect(run!.segments.map((s) => [s.node.data, s.start])).toEqual([
      ['株', 0],
      ['洲', 1],
      ['市𠀋', 2],
    ]);
    expect(run!.han).toBe(true);
  });

  test('numbers runs in document order, nested blocks included', () => {
    setBody('<div>甲<p>乙</p>丙</div>');
    const runs = collectRuns(document.body).flatMap((o) => o.runs);
    expect(runs.sort((a, b) => a.order - b.order).map((r) => r.text)).toEqual(['甲', '乙', '丙']);
  });
});

describe('walking in pieces', () => {
  test('pauses every few nodes and gives the same runs as one go', () => {
    setBody(Array.from({ length: 50 }, (_, i) => `<p>第${i}段<b>株洲</b></p>`).join(''));
    let pauses = 0;
    const owners = [];
    for (const step of walkRuns(document.body, { pauseEvery: 8 })) {
      if (step === null) pauses++;
      else owners.push(step);
    }
    expect(pauses).toBeGreaterThan(10);
    expect(runsInDocumentOrder(owners).map((r) => r.text)).toEqual(runTexts());
  });

  test('starts over (keeping what it finished) when the page removes the node it paused at', () => {
    setBody(Array.from({ length: 20 }, (_, i) => `<section id="s${i}"><p>段${i}</p></section>`).join(''));
    const walk = walkRuns(document.body, { pauseEvery: 5 });
    const owners = [];
    let removed = false;
    for (let step = walk.next(); !step.done; step = walk.next()) {
      if (step.value) owners.push(step.value);
      else if (!removed && owners.length > 4) {
        // The walk is somewhere in sections 2–4: take that part away.
        for (const id of ['s2', 's3', 's4']) document.getElementById(id)!.remove();
        removed = true;
      }
    }
    const texts = new Set(owners.flatMap((o) => o.runs.map((r) => r.text)));
    for (let i = 5; i < 20; i++) expect(texts).toContain(`段${i}`);
  });

  test('passes over known blocks, but reads fresh ones even if known', () => {
    setBody('<div id="d">甲<p id="a">乙</p><p id="b">丙</p>丁</div>');
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const known = (el: Element) => el === a || el === b;
    const owners = collectRuns(document.getElementById('d')!, { isKnown: known });
    expect(owners.map((o) => (o.owner as Element).id)).toEqual(['d']);
    expect(owners[0]!.runs.map((r) => r.text)).toEqual(['甲', '丁']);
    const again = collectRuns(document.getElementById('d')!, { isKnown: known, fresh: new Set([b]) });
    expect(again.map((o) => (o.owner as Element).id)).toEqual(['b', 'd']);
  });
});
