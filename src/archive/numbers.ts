// Numbers as printed in Chinese news text: Arabic (851.7, 1,806, 全角 ８５１．７), Chinese numerals
// (两万, 一千二百, 一千二, 三点五亿, 十五, 二〇二四) and both mixed (1.2万, 851.7亿, 3万亿).
//
// Scaling is exact in decimal: a number is kept as an integer mantissa and a power of ten, and is
// turned into a JavaScript number only at the end, through the correctly rounded decimal string
// parser. So 851.7亿 is 8517 × 10^7 = 85170000000 exactly, not 851.7 * 1e8 = 85170000000.00002.

/** value = mant × 10^exp, exactly. */
export interface Dec {
  mant: bigint;
  exp: number;
}

export function decToNumber(d: Dec): number {
  if (d.mant === 0n) return 0;
  return Number(`${d.mant}e${d.exp}`);
}

export function decScale(d: Dec, pow10: number): Dec {
  return { mant: d.mant, exp: d.exp + pow10 };
}

export function decAdd(a: Dec, b: Dec): Dec {
  const exp = Math.min(a.exp, b.exp);
  return { mant: a.mant * 10n ** BigInt(a.exp - exp) + b.mant * 10n ** BigInt(b.exp - exp), exp };
}

export function decFromInt(n: bigint): Dec {
  return { mant: n, exp: 0 };
}

/** `"1,234.5"` → 12345 × 10^-1. Digits may be full-width; `,` groups and one `.` are allowed. */
export function decFromDigits(s: string): Dec | null {
  const t = toAsciiDigits(s).replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { mant: BigInt(m[1]! + frac), exp: -frac.length };
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/．/g, '.').replace(/，/g, ',');
}

export const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isWideDigit = (c: string | undefined): boolean => c !== undefined && c >= '０' && c <= '９';
export const isArabicDigit = (c: string | undefined): boolean => isAsciiDigit(c) || isWideDigit(c);

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const CN_BIG: Record<string, number> = { 万: 4, 亿: 8 };

export const isCnDigit = (c: string | undefined): boolean => c !== undefined && c in CN_DIGIT;
export const isCnSmallUnit = (c: string | undefined): boolean => c !== undefined && c in CN_SMALL;
export const isCnBigUnit = (c: string | undefined): boolean => c !== undefined && c in CN_BIG;
/**
 * Characters a Chinese numeral in running text is made of (点 only between digits, handled by the
 * reader). The financial forms (壹贰叁…伍陆拾佰) are left out here: in news text they are nearly
 * always parts of words (队伍, 陆续, 收拾); `parseChineseInteger` still reads them.
 */
export const isCnNumeralChar = (c: string | undefined): boolean => c !== undefined && '零〇一二两三四五六七八九十百千万亿'.includes(c);

/**
 * A whole Chinese integer numeral: 一千二百 → 1200, 一千二 → 1200 (the trailing digit takes the
 * next lower unit, as spoken), 两万五 → 25000, 一千零二 → 1002, 十五 → 15, 三万亿 → 3×10^12,
 * 一亿二千万 → 120000000, 二〇二四 → 2024 (digit by digit). Null when malformed (十三五, 百十).
 */
export function parseChineseInteger(s: string): bigint | null {
  if (s.length === 0) return null;
  const chars = [...s];
  if (chars.every((c) => isCnDigit(c))) {
    if (chars.length === 1) return BigInt(CN_DIGIT[chars[0]!]!);
    // 二〇二四: only the positional digits 〇/零 and 一…九 (not 两) read digit by digit.
    if (chars.includes('两')) return null;
    return BigInt(chars.map((c) => CN_DIGIT[c]).join(''));
  }
  let total = 0n; // the 亿 part, already scaled
  let wan = 0n; // the 万 part, already scaled
  let section = 0n; // below 万
  let digit: bigint | null = null;
  let lastSmall = 99; // power of the last small unit in this section, for ordering
  let lastPow = 0; // power of the unit just passed, for a trailing colloquial digit
  let zero = false;
  let prevWasDigit = false;
  for (const c of chars) {
    if (isCnDigit(c)) {
      if (prevWasDigit) return null; // 十三五
      const d = BigInt(CN_DIGIT[c]!);
      if (d === 0n) {
        zero = true;
        digit = null;
        prevWasDigit = false;
        continue;
      }
      digit = d;
      prevWasDigit = true;
      continue;
    }
    prevWasDigit = false;
    if (isCnSmallUnit(c)) {
      const p = CN_SMALL[c]!;
      if (p >= lastSmall) return null; // 百十, 十十
      section += (digit ?? 1n) * 10n ** BigInt(p);
      digit = null;
      lastSmall = p;
      lastPow = p;
      zero = false;
      continue;
    }
    const p = CN_BIG[c]!;
    const here = section + (digit ?? 0n);
    if (p === 4) {
      if (wan !== 0n) return null; // 万…万
      wan = (here === 0n ? 1n : here) * 10000n;
    } else {
      const below = wan + here;
      total = (total + (below === 0n ? 1n : below)) * 100000000n;
      wan = 0n;
    }
    section = 0n;
    digit = null;
    lastSmall = 99;
    lastPow = p;
    zero = false;
  }
  if (digit !== null) {
    // 一千二 = 1200, 两万五 = 25000, 十五 = 15, 一千零二 = 1002.
    if (!zero && lastPow > 0) section += digit * 10n ** BigInt(lastPow - 1);
    else section += digit;
  }
  return total + wan + section;
}

/**
 * A whole number as written, Arabic, Chinese or mixed: 851.7亿 → 85170000000, 三点五亿 →
 * 350000000, 1.2万 → 12000, 两万 → 20000, 1,806.9 → 1806.9. Null if the string is not exactly one
 * number.
 */
export function parseNumber(s: string): number | null {
  const d = parseNumberDec(s);
  return d === null ? null : decToNumber(d);
}

export function parseNumberDec(s: string): Dec | null {
  const r = readNumber(s, 0);
  if (!r || r.end !== s.length) return null;
  return r.value;
}

export interface NumberRead {
  start: number;
  end: number;
  value: Dec;
  /** Arabic digits (possibly followed by 万/亿), or Chinese numerals only. */
  kind: 'arabic' | 'chinese';
  /** The Chinese numeral starts with a bare unit (百余人, 千家万户, 万亩): no digit before it. */
  bareUnit: boolean;
  /** Power of ten of the scale characters read after the digits (万 = 4, 亿 = 8, 万亿 = 12). */
  scalePow: number;
}

// Scale words after Arabic digits, longest first. 十/百/千 alone are left out on purpose: 3千瓦 and
// 5千米 are units, and 3千/5百 for 3000/500 is rare in print.
const ARABIC_SCALES: [string, number][] = [
  ['万亿', 12], ['千万', 7], ['百万', 6], ['十万', 5], ['亿', 8], ['万', 4],
];

/** All readings of the scale after position i (longest first, and finally none). */
export function scaleOptions(text: string, i: number): [string, number][] {
  const out: [string, number][] = [];
  for (const [w, p] of ARABIC_SCALES) if (text.startsWith(w, i)) out.push([w, p]);
  out.push(['', 0]);
  return out;
}

/**
 * Reads Arabic digits at i: `851.7`, `1,806`, `１２`. Thousands separators only as `d{1,3}(,ddd)+`
 * not followed by another digit (so `10,300` is ten thousand three hundred, but the text's ASCII
 * comma between two numbers in a list stays a comma when the groups are not exactly three digits).
 */
export function readArabic(text: string, i: number): { end: number; value: Dec } | null {
  if (!isArabicDigit(text[i])) return null;
  let j = i;
  while (isArabicDigit(text[j])) j++;
  // thousands groups
  if (j - i <= 3) {
    let k = j;
    while ((text[k] === ',' || text[k] === '，') && isArabicDigit(text[k + 1]) && isArabicDigit(text[k + 2]) && isArabicDigit(text[k + 3]) && !isArabicDigit(text[k + 4])) {
      k += 4;
    }
    j = k;
  }
  if ((text[j] === '.' || text[j] === '．') && isArabicDigit(text[j + 1])) {
    j++;
    while (isArabicDigit(text[j])) j++;
  }
  const value = decFromDigits(text.slice(i, j));
  return value ? { end: j, value } : null;
}

/**
 * Reads a Chinese numeral at i, longest well-formed reading: `三点五亿`, `一千二百`, `两万五`.
 * `点` counts only between a numeral and a digit.
 */
export function readChinese(text: string, i: number): { end: number; value: Dec; bareUnit: boolean } | null {
  if (!isCnNumeralChar(text[i])) return null;
  let j = i;
  // (a numeral longer than 16 characters is not one a newspaper prints; the cap keeps the
  // longest-prefix search below cheap on any input)
  while (isCnNumeralChar(text[j]) && j - i < 16) j++;
  // 三点五亿: integer part, 点, digits, optional 万/亿 scale.
  if (text[j] === '点' && isCnDigit(text[j + 1])) {
    const intPart = parseChineseInteger(text.slice(i, j));
    if (intPart !== null && !isCnBigUnit(text[j - 1])) {
      let k = j + 1;
      let frac = '';
      while (isCnNumeralChar(text[k]) && isCnDigit(text[k]) && text[k] !== '两') frac += String(CN_DIGIT[text[k]!]), k++;
      let pow = 0;
      if (text.startsWith('万亿', k)) pow = 12, k += 2;
      else if (text[k] === '亿') pow = 8, k++;
      else if (text[k] === '万') pow = 4, k++;
      if (frac.length > 0) {
        const value = decScale({ mant: BigInt(`${intPart}${frac}`), exp: -frac.length }, pow);
        return { end: k, value, bareUnit: false };
      }
    }
  }
  // longest prefix that parses
  for (let e = j; e > i; e--) {
    const n = parseChineseInteger(text.slice(i, e));
    if (n !== null) return { end: e, value: decFromInt(n), bareUnit: !isCnDigit(text[i]) };
  }
  return null;
}

/**
 * Reads one number at i (Arabic, with an optional 万/亿 scale taken greedily; or Chinese). The
 * figure finder does its own scale choice to let units such as 千瓦 win; this is the plain reader.
 */
export function readNumber(text: string, i: number): NumberRead | null {
  const a = readArabic(text, i);
  if (a) {
    const [w, p] = scaleOptions(text, a.end)[0]!;
    return { start: i, end: a.end + w.length, value: decScale(a.value, p), kind: 'arabic', bareUnit: false, scalePow: p };
  }
  const c = readChinese(text, i);
  if (c) return { start: i, end: c.end, value: c.value, kind: 'chinese', bareUnit: c.bareUnit, scalePow: 0 };
  return null;
}
