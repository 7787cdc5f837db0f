// What the page tests share: a real NameMatcher compiled from a small hand-written archive (the
// names the pages below use), and a few helpers over happy-dom's global document.
import type { EntityRecord } from '../../src/archive/types';
import { compileNames } from '../../src/match/compile';
import type { NameHit } from '../../src/match/matcher';
import { NameMatcher } from '../../src/match/matcher';
import type { PageMatcher } from '../../src/page/scanner';
import { collectRuns, runsInDocumentOrder } from '../../src/page/text-runs';

/**
 * Strong: 株洲 / 株洲市 (the city), 天元区, 株洲市代表团. Weak: 刘伟 (a common name: needs Zhuzhou
 * context and a title), 天元 (a derived short form), 毛伟明, 省委.
 */
export const ENTITIES: EntityRecord[] = [
  { id: 'place:株洲', type: 'place', name: '株洲', aliases: ['株洲市'], placeType: 'city', inZhuzhou: true },
  { id: 'place:天元区', type: 'place', name: '天元区', aliases: [], placeType: 'district', inZhuzhou: true },
  { id: 'person:毛伟明', type: 'person', name: '毛伟明', aliases: [], role: 'official', titles: ['省长'] },
  { id: 'person:刘伟', type: 'person', name: '刘伟', aliases: [], role: 'official', titles: ['局长'] },
  { id: 'org:株洲市代表团', type: 'org', name: '株洲市代表团', aliases: [] },
  { id: 'org:省委', type: 'org', name: '省委', aliases: [] },
];

let matcher: NameMatcher | null = null;

export function testMatcher(): NameMatcher {
  matcher ??= NameMatcher.fromCompiled(compileNames({ entities: ENTITIES, mentions: [] }));
  return matcher;
}

/** The real matcher, with the texts it was asked to read recorded. */
export function recordingMatcher(): PageMatcher & { calls: string[] } {
  const real = testMatcher();
  const calls: string[] = [];
  return {
    calls,
    find(text: string): NameHit[] {
      calls.push(text);
      return real.find(text);
    },
    titleAround: (text, start, end) => real.titleAround(text, start, end),
  };
}

/** Replaces the body's content. */
export function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The texts of the runs in `scope`, in document order. */
export function runTexts(scope: Node = document.body): string[] {
  return runsInDocumentOrder(collectRuns(scope)).map((r) => r.text);
}

/** Lets MutationObserver callbacks (microtasks) run. */
export function microtasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
