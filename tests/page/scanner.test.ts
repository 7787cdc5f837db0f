// @vitest-environment happy-dom
// The page scanner over happy-dom with the real matcher: what it shows, what it never reads, the
// order it reads in, and how it follows a changing page without reading it all again.
import { describe, expect, test } from 'vitest';
import { toLiveRange } from '../../src/page/ranges';
import type { OverlayPage } from '../../src/ui/overlay/overlay';
import { createPageScanner, type PageMatch, type PageScannerOptions } from '../../src/page/scanner';
import { microtasks, recordingMatcher, setBody, testMatcher } from './support';

function scanner(extra: Partial<PageScannerOptions> = {}) {
  const matcher = recordingMatcher();
  const published: (readonly PageMatch[])[] = [];
  const s = createPageScanner({ matcher, onMatches: (m) => published.push(m), ...extra });
  return { s, calls: matcher.calls, published };
}

const brief = (ms: readonly PageMatch[]) => ms.map((m) => `${m.text}=${m.entityId}`);
const shown = (m: PageMatch) => toLiveRange(m.range)!.toString();

async function changed(s: ReturnType<typeof createPageScanner>) {
  await microtasks();
  s.flushMutations();
  await s.whenIdle();
}

describe('reading a page', () => {
  test('shows the names in its text, across inline tags, never in fields, scripts or our hosts', async () => {
    setBody(`
      <h1><b>株洲</b>市召开会议</h1>
      <p>省委副书记、省长毛伟明来到<a href="#">株洲市<em>代表团</em></a>。</p>
      <script>var s = "天元区";</script><textarea>天元区</textarea><input type="password" value="天元区">
      <div contenteditable>天元区</div><div data-zzl="card">天元区</div>
      <p>天元<br>区</p>`);
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    expect(brief(s.matches)).toEqual(['株洲市=place:株洲', '省委=org:省委', '毛伟明=person:毛伟明', '株洲市代表团=org:株洲市代表团']);
    // Each range covers exactly the printed name, even when it spans three elements.
    expect(s.matches.map(shown)).toEqual(['株洲市', '省委', '毛伟明', '株洲市代表团']);
    expect(new Set(s.matches.map((m) => m.key)).size).toBe(4);
    s.stop();
  });

  test('walkedText: the runs joined with \\n, each match at its place in it', async () => {
    setBody('<h1><b>株洲</b>市</h1><p>来到<span>天元区</span>调研</p>');
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    const w = s.walkedText();
    expect(w.text).toBe('株洲市\n来到天元区调研');
    expect(w.matches.map((m) => [m.start, m.end, m.text])).toEqual([
      [0, 3, '株洲市'],
      [6, 9, '天元区'],
    ]);
    for (const m of w.matches) expect(w.text.slice(m.start, m.end)).toBe(m.text);
    s.stop();
  });

  test('context() gives the run text around a match', async () => {
    setBody('<p>今天省长<b>毛伟明</b>来到株洲市调研。</p>');
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    const m = s.matches.find((x) => x.name === '毛伟明')!;
    expect(s.context(m)).toEqual({ before: '今天省长', after: '来到株洲市调研。' });
    s.stop();
  });

  test('a page without Chinese is not walked and the matcher is never called', async () => {
    setBody(Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} about <b>Zhuzhou</b>.</p>`).join(''));
    const { s, calls } = scanner();
    s.start();
    await s.whenIdle();
    expect(s.stats.walks).toBe(0);
    expect(calls).toEqual([]);
    s.stop();
  });

  test('on a mixed page only runs with Han characters reach the matcher', async () => {
    setBody('<p>English only</p><p>Visiting <b>株洲</b> today</p><p>12345</p>');
    const { s, calls } = scanner();
    s.start();
    await s.whenIdle();
    expect(calls).toEqual(['Visiting 株洲 today']);
    expect(brief(s.matches)).toEqual(['株洲=place:株洲']);
    s.stop();
  });
});

describe('viewport first', () => {
  test('runs in or near the viewport are matched, and published, before the rest', async () => {
    const far = Array.from({ length: 300 }, (_, i) => `<p>第${i}段讲到株洲</p>`).join('');
    setBody(`${far}<p class="near">省长毛伟明</p><p class="near">来到天元区</p>`);
    let t = 0;
    let next: (() => void) | null = null;
    const { s, calls, published } = scanner({
      nearViewport: (owner) => (owner as Element).classList?.contains('near') ?? false,
      // A clock that moves 0.05 ms each time it is read, and slices run by hand.
      scheduler: {
        now: () => (t += 0.05),
        request: (run) => {
          next = () => run(null);
          return () => void (next = null);
        },
      },
    });
    s.start();
    let slices = 0;
    while (next !== null) {
      const run: () => void = next;
      next = null;
      run();
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(calls.slice(0, 2)).toEqual(['省长毛伟明', '来到天元区']);
    const first = published[0]!;
    expect(brief(first)).toEqual(expect.arrayContaining(['天元区=place:天元区']));
    expect(first.length).toBeLessThan(s.matches.length);
    // In the end, in page order.
    expect(s.matches).toHaveLength(302);
    expect(s.matches.at(-1)!.text).toBe('天元区');
    s.stop();
  });

  test('with an IntersectionObserver, blocks wait for its answer (no layout of ours), in view first', async () => {
    setBody('<p id="far">远处讲到株洲市</p><p id="near">省长毛伟明来到天元区</p>');
    const asked: Element[] = [];
    let answer: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
    class AnswerByHand {
      constructor(callback: (entries: { target: Element; isIntersecting: boolean }[]) => void, options: { rootMargin: string }) {
        expect(options.rootMargin).toBe('50% 0px');
        answer = callback;
      }
      observe(el: Element) {
        asked.push(el);
      }
      unobserve() {}
      disconnect() {}
    }
    const { s, calls } = scanner({ IntersectionObserver: AnswerByHand as unknown as PageScannerOptions['IntersectionObserver'] });
    s.start();
    const idle = s.whenIdle();
    for (let i = 0; i < 20 && asked.length < 2; i++) await new Promise((r) => setTimeout(r, 0));
    expect(asked.map((el) => el.id)).toEqual(['far', 'near']);
    expect(calls).toEqual([]); // nothing matched before the answer
    answer!([{ target: asked[1]!, isIntersecting: true }]);
    for (let i = 0; i < 20 && calls.length < 1; i++) await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['省长毛伟明来到天元区']);
    answer!([{ target: asked[0]!, isIntersecting: false }]);
    await idle;
    expect(calls).toEqual(['省长毛伟明来到天元区', '远处讲到株洲市']);
    expect(brief(s.matches)).toEqual(['株洲市=place:株洲', '毛伟明=person:毛伟明', '天元区=place:天元区']);
    s.stop();
  });

  test('a weak name read first is judged with the whole page: 株洲 further down counts', async () => {
    setBody('<p class="near">局长刘伟讲话</p><p>在株洲市</p>');
    const { s } = scanner({ nearViewport: (o) => (o as Element).classList?.contains('near') ?? false });
    s.start();
    await s.whenIdle();
    expect(brief(s.matches)).toEqual(['刘伟=person:刘伟', '株洲市=place:株洲']);
    s.stop();

    setBody('<p class="near">局长刘伟讲话</p><p>在长沙市</p>');
    const again = scanner();
    again.s.start();
    await again.s.whenIdle();
    expect(again.s.matches).toEqual([]);
    again.s.stop();
  });
});

describe('a changing page', () => {
  const feed = (n: number) => `<div id="feed">${Array.from({ length: n }, (_, i) => `<p>第${i}条：株洲市</p>`).join('')}</div>`;

  test('added paragraphs are read alone: old runs are neither walked nor matched again', async () => {
    setBody(feed(50));
    const { s, calls } = scanner();
    s.start();
    await s.whenIdle();
    const before = { runsRead: s.stats.runsRead, calls: calls.length, matches: [...s.matches] };
    expect(before.matches).toHaveLength(50);

    const p = document.createElement('p');
    p.innerHTML = '新到：<b>天元</b>区';
    document.getElementById('feed')!.append(p);
    await changed(s);

    expect(calls.slice(before.calls)).toEqual(['新到：天元区']);
    expect(s.stats.runsRead - before.runsRead).toBe(1);
    expect(s.matches).toHaveLength(51);
    // The old matches are the same objects (same ranges, same keys).
    expect(s.matches.slice(0, 50)).toEqual(before.matches);
    expect(s.matches[50]!.text).toBe('天元区');
    s.stop();
  });

  test('changed text is read again, only in its block', async () => {
    setBody(feed(20));
    const { s, calls } = scanner();
    s.start();
    await s.whenIdle();
    const n = calls.length;
    const p = document.querySelectorAll('#feed p')[7]!;
    (p.firstChild as Text).data = '第7条：省长毛伟明';
    await changed(s);
    expect(calls.slice(n)).toEqual(['第7条：省长毛伟明']);
    expect(brief(s.matches).filter((x) => x.startsWith('毛伟明'))).toHaveLength(1);
    expect(s.matches).toHaveLength(20);
    s.stop();
  });

  test('inline content added next to text joins its run (株 + <b>洲</b>)', async () => {
    setBody('<p id="p">这里是株</p>');
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    expect(s.matches).toEqual([]);
    const b = document.createElement('b');
    b.textContent = '洲';
    document.getElementById('p')!.append(b);
    await changed(s);
    expect(brief(s.matches)).toEqual(['株洲=place:株洲']);
    expect(shown(s.matches[0]!)).toBe('株洲');
    s.stop();
  });

  test('removed blocks take their matches with them; a moved block is shown once', async () => {
    setBody('<section id="a"><p id="x">天元区</p><p id="y">株洲市</p></section><section id="b"></section>');
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    document.getElementById('x')!.remove();
    await changed(s);
    expect(brief(s.matches)).toEqual(['株洲市=place:株洲']);
    document.getElementById('b')!.append(document.getElementById('y')!);
    await changed(s);
    expect(brief(s.matches)).toEqual(['株洲市=place:株洲']);
    expect(shown(s.matches[0]!)).toBe('株洲市');
    s.stop();
  });

  test('a block read again with its text unchanged keeps its matches as they were', async () => {
    setBody('<div id="d">记者在株洲市<p>Likes</p></div>');
    const { s, calls } = scanner();
    s.start();
    await s.whenIdle();
    const [before] = s.matches;
    const n = calls.length;
    const walks = s.stats.walks;
    document.getElementById('d')!.append(Object.assign(document.createElement('p'), { textContent: 'More' }));
    await changed(s);
    expect(s.stats.walks).toBe(walks + 1);
    expect(calls.length).toBe(n);
    expect(s.matches[0]).toBe(before);
    s.stop();
  });

  test('what happens inside our own hosts is not read', async () => {
    setBody(feed(3));
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    const walks = s.stats.walks;
    const host = document.createElement('div');
    host.setAttribute('data-zzl', 'panel');
    host.innerHTML = '<p>天元区</p>';
    document.body.append(host);
    host.querySelector('p')!.textContent = '毛伟明';
    await changed(s);
    expect(s.stats.walks).toBe(walks);
    expect(s.matches).toHaveLength(3);
    s.stop();
  });

  test('text without Chinese added to a page without Chinese costs no walk', async () => {
    setBody('<p>hello</p>');
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    for (let i = 0; i < 20; i++) document.body.append(Object.assign(document.createElement('p'), { textContent: `more ${i}` }));
    await changed(s);
    expect(s.stats.walks).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '株洲' }));
    await changed(s);
    expect(brief(s.matches)).toEqual(['株洲=place:株洲']);
    s.stop();
  });

  test('after stop() changes are not followed', async () => {
    setBody(feed(2));
    const { s } = scanner();
    s.start();
    await s.whenIdle();
    s.stop();
    document.getElementById('feed')!.append(Object.assign(document.createElement('p'), { textContent: '天元区' }));
    await changed(s);
    expect(s.matches).toHaveLength(2);
  });
});

test('the real NameMatcher is accepted as is', async () => {
  setBody('<p>株洲</p>');
  const s = createPageScanner({ matcher: testMatcher() });
  s.start();
  await s.whenIdle();
  expect(s.matches).toHaveLength(1);
  s.stop();
});

test('the scanner is the page the overlay expects (type-checked)', () => {
  setBody('');
  const s: OverlayPage<PageMatch> = createPageScanner({ matcher: testMatcher() });
  expect(typeof s.hitTest).toBe('function');
});

test('a document in design mode is the user’s own text: not read', async () => {
  setBody('<p>株洲市</p>');
  document.designMode = 'on';
  try {
    const s = createPageScanner({ matcher: testMatcher() });
    s.start();
    await s.whenIdle();
    expect(s.matches).toEqual([]);
    s.stop();
  } finally {
    document.designMode = 'off';
  }
});
