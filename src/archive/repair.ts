// Repairing body text that the PDF extraction broke:
//  - a sentence cut across columns (`…依法治国有机统一,是` + `高举伟大旗帜…`) is joined again, also when
//    a crosshead was dropped between the halves (`为产业链蓬` / `●项目建设跑出“加速度”` / `勃活力…`);
//  - paragraphs printed twice, whole or merged into a longer one, are kept once.

export interface BodyBlock {
  text: string;
  /**
   * A crosshead, caption or other line that stands on its own inside the body: never joined into a
   * sentence, and skipped over when the halves of a cut sentence sit on either side of it.
   */
  heading: boolean;
  /** The text ended at a jump marker (`…下转02版①`): the rest is on another page, so nothing is joined to it. */
  sealed?: boolean;
}

const TERMINAL = /[。！？!?”’"…）)」』：:；;]$/;

export function isTerminated(text: string): boolean {
  // A date line on its own is a notice's signature, complete as it stands.
  return TERMINAL.test(text.trimEnd()) || /^\d{4}年\d{1,2}月\d{1,2}日$/.test(text.trim());
}

/** Joins paragraphs broken across columns. Headings found between two halves move after the joined paragraph. */
export function joinBroken(blocks: BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  let i = 0;
  while (i < blocks.length) {
    let current = { ...blocks[i]! };
    i++;
    const deferred: BodyBlock[] = [];
    while (!current.heading && !current.sealed && !isTerminated(current.text)) {
      let j = i;
      const headings: BodyBlock[] = [];
      while (j < blocks.length && blocks[j]!.heading && headings.length < 2) headings.push(blocks[j++]!);
      const next = blocks[j];
      if (next === undefined || next.heading) break;
      // Only a long paragraph can hide a cut behind a heading; a short unterminated line before a heading is a heading-like line itself.
      if (headings.length > 0 && current.text.length < 40) break;
      current = { text: current.text.trimEnd() + next.text.trimStart(), heading: false, sealed: next.sealed };
      deferred.push(...headings);
      i = j + 1;
    }
    out.push(current, ...deferred);
  }
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Drops paragraphs that repeat an earlier one (or are contained in an earlier, longer one). */
export function dropRepeats(blocks: BodyBlock[]): BodyBlock[] {
  const kept: BodyBlock[] = [];
  const seen: string[] = [];
  for (const b of blocks) {
    const s = squash(b.text);
    if (s.length === 0) continue;
    const repeated = seen.some((earlier) => earlier === s || (s.length >= 20 && earlier.length > s.length && earlier.includes(s)));
    if (repeated) continue;
    kept.push(b);
    seen.push(s);
  }
  return kept;
}

/** `…166亿元。●科技创新实现“新突破” 8月16日,…`: a crosshead printed inside a paragraph becomes its own. */
export function splitInlineCrossheads(text: string): BodyBlock[] {
  const parts: BodyBlock[] = [];
  const re = /●([^\s●。]{2,24})\s+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index === 0) continue;
    const before = text.slice(last, m.index).trim();
    if (before) parts.push({ text: before, heading: false });
    parts.push({ text: '●' + m[1]!, heading: true });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest) parts.push({ text: rest, heading: parts.length > 0 ? false : /^●/.test(rest) });
  return parts;
}
