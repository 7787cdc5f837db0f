// Which of the matcher's candidates a page shows: PageContext's judgement over every run read so
// far, in page order. The page is judged as a whole each time (notes first, then verdicts, as
// scanText does for one text), not run by run as runs arrive: runs are matched viewport first, and
// a weak name near the top must not depend on whether the 株洲 further down was read before it.
import { ZHUZHOU } from '../match/lexicon';
import type { NameHit } from '../match/matcher';
import { PageContext, type TitleProbe } from '../match/page-context';

export interface JudgedText {
  text: string;
  hits: readonly NameHit[];
  /** Whether `text` contains 株洲 (worth noting even without hits). */
  zhuzhou: boolean;
}

export function mentionsZhuzhou(text: string): boolean {
  return text.includes(ZHUZHOU);
}

/**
 * For each text, in the given (page) order, which of its hits are shown. `titles` is the
 * NameMatcher (it recognises titles in traditional and full-width text too). Texts with neither
 * hits nor 株洲 may be left out: by PageContext's contract they change nothing (the page-level
 * context comes only from 株洲 and strong hits), so callers pass only those that matter.
 * Done in steps, so a page with thousands of names is judged across time slices.
 */
export class PageJudgement {
  private readonly context: PageContext;
  private noted = 0;
  private judged = 0;
  /** Per text, per hit: shown or not. Complete once step() has returned true. */
  readonly verdicts: boolean[][] = [];

  constructor(
    titles: TitleProbe,
    private readonly texts: readonly JudgedText[],
  ) {
    this.context = new PageContext(titles);
  }

  /** Judges up to `count` more texts (the notes first, then the verdicts); true when all are done. */
  step(count: number): boolean {
    const { texts, context } = this;
    for (; count > 0 && this.noted < texts.length; count--, this.noted++) {
      const t = texts[this.noted]!;
      if (t.hits.length > 0 || t.zhuzhou) context.note(t.hits, t.text);
    }
    for (; count > 0 && this.judged < texts.length; count--, this.judged++) {
      const t = texts[this.judged]!;
      if (t.hits.length === 0) {
        this.verdicts.push([]);
        continue;
      }
      context.note(t.hits, t.text);
      this.verdicts.push(t.hits.map((h) => context.accept(h, t.text)));
    }
    return this.judged === texts.length;
  }
}

/** The whole judgement at once. */
export function judgePage(titles: TitleProbe, texts: readonly JudgedText[]): boolean[][] {
  const j = new PageJudgement(titles, texts);
  j.step(Infinity);
  return j.verdicts;
}
