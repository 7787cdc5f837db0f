// Display form of stored text. The stored paragraphs keep the extraction's ASCII punctuation so
// that every offset in the bundle points at the stored characters; the UI shows full-width
// punctuation. The mapping is per UTF-16 unit and length-preserving, so the same offsets mark the
// same characters in both forms.

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

// CJK ideographs, CJK punctuation and full-width forms: the neighbours that make an ASCII mark Chinese.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Full-width punctuation where the source used ASCII inside Chinese text.
 * `,` `:` `;` `?` `!` become full-width when the character before or after is Chinese;
 * brackets become full-width when they enclose or touch Chinese text (`株洲日报讯(全媒体记者/…)`).
 * ASCII between digits or Latin letters (`1,000`, `CN 43-0005`, `(a)`) stays as it is.
 */
export function toDisplay(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const full = FULL_WIDTH[ch];
    if (full === undefined) {
      out += ch;
      continue;
    }
    const before = text[i - 1];
    const after = text[i + 1];
    let chinese: boolean;
    if (ch === '(') chinese = isCjk(after) || (isCjk(before) && after !== undefined && !/[0-9A-Za-z]/.test(after));
    else if (ch === ')') chinese = isCjk(before) || (isCjk(after) && before !== undefined && !/[0-9A-Za-z]/.test(before));
    else chinese = isCjk(before) || (isCjk(after) && !/[0-9]/.test(before ?? ''));
    out += chinese ? full : ch;
  }
  return out;
}
