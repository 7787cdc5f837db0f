// Which candidate names a page shows. Strong names always. Weak ones only on a page that has
// shown Zhuzhou context: the more specific of them (full names of firms and bodies outside
// Zhuzhou, 3-character Zhuzhou towns, score ≥ CONTEXT_ALONE_AT) with that alone; the word-like
// rest (天元, 荷塘, 刘伟, 市委 that is every city's, 长沙) only with evidence close by in the same run:
//   - for a person, a title right before or after (局长刘伟, 记者王娜, 刘伟同志), the same person
//     accepted earlier on the page (one person per name per page), or an accepted person just
//     before in a list (、);
//   - for the others, a strong name, the literal 株洲, or a weak name already accepted in the run,
//     within NEAR code units (天元、荷塘、芦淞、石峰 after 株洲市 chain along).
import { surroundings } from './code-units';
import { TITLE_WORDS, ZHUZHOU } from './lexicon';
import type { NameHit } from './matcher';
import { CONTEXT_ALONE_AT } from './thresholds';

/** How far (UTF-16 code units) evidence may be from a weak name: about a sentence. */
export const NEAR = 60;

/** What separates names in a list (曹慧泉、陈恢清、刘伟): a person right after an accepted one is one too. */
const LIST_JOIN = /^[\s、，,和与及]{1,3}$/;

/** What PageContext asks of the matcher: whether a title word touches a span (folded like names). */
export interface TitleProbe {
  titleAround(text: string, start: number, end: number): boolean;
}

export class PageContext {
  private zhuzhouSeen = false;
  private readonly strongEntities = new Set<string>();
  private readonly acceptedPeople = new Set<string>();
  private runText: string | null = null;
  /** Evidence in the current run, each list in text order and non-overlapping: strong hits, and 株洲. */
  private runStrong: NameHit[] = [];
  private runZhuzhou: Span[] = [];
  private lastAccepted: NameHit | null = null;

  /** Pass the NameMatcher so titles are recognised in traditional and full-width text too. */
  constructor(private readonly titles?: TitleProbe) {}

  /** True once the page has shown 株洲, a strong Zhuzhou place, or strong names of two entities. */
  get zhuzhouContext(): boolean {
    return this.zhuzhouSeen || this.strongEntities.size >= 2;
  }

  /** Feed every text run scanned, with the matcher's hits in it (in text order), before asking accept() about them. */
  note(hits: readonly NameHit[], text: string): void {
    this.runStrong = hits.filter((h) => h.strength === 'strong');
    for (const h of this.runStrong) {
      this.strongEntities.add(h.entityId);
      // Only Zhuzhou places score strong (precision.ts): one is context by itself.
      if (h.type === 'place') this.zhuzhouSeen = true;
    }
    this.runZhuzhou = [];
    for (let at = text.indexOf(ZHUZHOU); at !== -1; at = text.indexOf(ZHUZHOU, at + ZHUZHOU.length)) {
      this.runZhuzhou.push({ start: at, end: at + ZHUZHOU.length });
    }
    if (this.runZhuzhou.length > 0) this.zhuzhouSeen = true;
    this.runText = text;
    this.lastAccepted = null;
  }

  /**
   * Strong hits always; weak ones only with page context and evidence near them in `text` (the
   * run the hit was found in). Ask in text order: acceptance in a run chains left to right.
   */
  accept(hit: NameHit, text: string): boolean {
    const ok = hit.strength === 'strong' || (this.zhuzhouContext && this.weakHasEvidence(hit, text));
    if (ok) {
      if (hit.type === 'person') this.acceptedPeople.add(hit.entityId);
      if (text === this.runText) this.lastAccepted = hit;
    }
    return ok;
  }

  private weakHasEvidence(hit: NameHit, text: string): boolean {
    if (hit.score >= CONTEXT_ALONE_AT) return true;
    const inRun = text === this.runText;
    const previous = inRun ? this.lastAccepted : null;
    if (hit.type === 'person') {
      // A person needs a person's evidence: 株洲 nearby says nothing about 周刚 in 一周刚过.
      if (this.acceptedPeople.has(hit.entityId) || this.titleAround(hit, text)) return true;
      return previous?.type === 'person' && LIST_JOIN.test(text.slice(previous.end, hit.start));
    }
    if (!inRun) return text.slice(Math.max(0, hit.start - NEAR - ZHUZHOU.length), hit.end + NEAR + ZHUZHOU.length).includes(ZHUZHOU);
    return (
      (previous !== null && previous.end >= hit.start - NEAR) || hasNear(this.runStrong, hit) || hasNear(this.runZhuzhou, hit)
    );
  }

  private titleAround(hit: NameHit, text: string): boolean {
    if (this.titles) return this.titles.titleAround(text, hit.start, hit.end);
    return simplifiedTitleAround(text, hit.start, hit.end);
  }
}

interface Span {
  start: number;
  end: number;
}

/** Whether a span of `spans` (in text order, non-overlapping) lies within NEAR of `hit`: a binary search. */
function hasNear(spans: readonly Span[], hit: Span): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end < hit.start - NEAR) lo = mid + 1;
    else hi = mid;
  }
  const first = spans[lo];
  return first !== undefined && first.start <= hit.end + NEAR;
}

/** Title check without the matcher's fold: simplified text only. */
function simplifiedTitleAround(text: string, start: number, end: number): boolean {
  const { head, tail } = surroundings(text, start, end, TITLE_SPAN);
  return TITLE_WORDS.some((t) => head.endsWith(t) || tail.startsWith(t));
}

/** The longest title, in code units. */
const TITLE_SPAN = Math.max(...TITLE_WORDS.map((t) => t.length));
