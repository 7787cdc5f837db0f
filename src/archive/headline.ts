// Telling kicker (引题), main headline and deck (副题) apart, and series/column labels.
//   毛伟明在参加株洲市代表团审议时强调            kicker
//   锚定美好蓝图 强化法治保障 为建设…             main
//   张剑飞参加审议 曹慧泉陈恢清等参加              deck
// One extracted line may carry two of them: `陈恢清主持召开专题会议时强调 加快推进前期工作 …`
// (kicker + main), `我市重污染天气预警再升级 发布橙色预警 启动Ⅱ级响应` (main + deck).

export interface HeadlineParts {
  headline: string | null;
  subheadlines: string[];
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** Column and series labels: `新时代 新征程 新伟业`, `向两会报告`, `周·见`, `记者回访`, `株洲高新区:`, `石峰区`. */
export function isLabel(line: string): boolean {
  const segments = line.trim().split(/\s+/);
  if (segments.length >= 3 && segments.every((s) => s.length <= 4) && compact(line).length <= 15) return true;
  const t = compact(line);
  if (t.length <= 5 && !/\d/.test(t)) return true;
  if (/[:：]$/.test(t) && t.length <= 12) return true;
  if (t.length <= 8 && /(区|县|市|街道|镇|乡|村|社区)$/.test(t)) return true;
  return false;
}

const KICKER_END = /(强调|表示|指出|要求|时说|——|—)$/;
const KICKER_START =
  /^(?:[^\s，,。]{0,20}、[^\s，,。]{0,12})?[\u4e00-\u9fff]{2,3}(?:在|检查|督导|调研|主持|出席|接受|会见|看望|走访|带队|率队|深入|察看|考察)/;
const DECK = /^(——|—)|(?:出席|参加|陪同)$/;

export function isKicker(line: string): boolean {
  const t = compact(line);
  return KICKER_END.test(t) || KICKER_START.test(t);
}

/** Splits one line of headline text, when nothing else in the group tells the parts apart. */
function splitSingleLine(line: string): HeadlineParts {
  const kicker = /^(.+?(?:强调|表示|指出|要求))\s+(\S.*)$/.exec(line.trim());
  if (kicker) return { headline: kicker[2]!, subheadlines: [kicker[1]!] };

  const raw = line.trim().split(/\s+/);
  if (raw.length < 2) return { headline: line.trim(), subheadlines: [] };
  // A fragment of three characters or fewer is an extraction break inside a word group (`市政务 公开专区亮相`).
  // A trailing one (`…公告 第四号`) belongs to the segment before it.
  const segments: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i]!.length <= 3 && i + 1 < raw.length) {
      segments.push(raw[i] + ' ' + raw[i + 1]);
      i++;
    } else if (raw[i]!.length <= 3 && segments.length > 0) {
      segments[segments.length - 1] += ' ' + raw[i];
    } else segments.push(raw[i]!);
  }
  const total = compact(line).length;
  const commaAt = segments.findIndex((s, i) => i > 0 && /[,，]/.test(s));
  const couplet = raw.length === 2 && Math.abs(raw[0]!.length - raw[1]!.length) <= 2;
  if (segments.length < 2 || (commaAt < 0 && (couplet || total < 19))) return { headline: line.trim(), subheadlines: [] };
  // Otherwise the first segment is the headline and the rest, a sentence of its own, the deck.
  return { headline: segments[0]!, subheadlines: [segments.slice(1).join(' ')] };
}

export function splitHeadlines(lines: string[]): HeadlineParts {
  const clean = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  if (clean.length === 0) return { headline: null, subheadlines: [] };
  const labels = clean.map(isLabel);
  const candidates = clean.filter((_, i) => !labels[i]);
  if (candidates.length === 0) {
    // Only labels: the longest is the best headline we have.
    const longest = clean.reduce((a, b) => (compact(b).length > compact(a).length ? b : a));
    return { headline: longest, subheadlines: clean.filter((l) => l !== longest) };
  }
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const parts = splitSingleLine(only);
    const subheadlines: string[] = [];
    for (const l of clean) {
      if (l === only) subheadlines.push(...parts.subheadlines);
      else subheadlines.push(l);
    }
    return { headline: parts.headline, subheadlines };
  }
  // Three heading lines are kicker, main and deck, whatever their wording.
  if (candidates.length === 3 && !isKicker(candidates[2]!)) {
    const main = candidates[1]!;
    return { headline: main, subheadlines: clean.filter((l) => l !== main) };
  }
  const main = candidates.find((l) => !isKicker(l) && !DECK.test(compact(l))) ?? candidates.reduce((a, b) => (compact(b).length > compact(a).length ? b : a));
  return { headline: main, subheadlines: clean.filter((l) => l !== main) };
}
