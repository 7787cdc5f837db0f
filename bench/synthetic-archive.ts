// A synthetic archive `factor` times the seeds, for benchmarks at scale: copy 0 is the seeds as they
// are; copies 1…factor-1 are the same issues moved back in time (k × stepDays days), with new ids,
// the numbers of their figures perturbed in the text and in the figure records alike (same length,
// so every offset still holds), and marked synthetic: `source: 'synthetic:<k>:<seed file>'` on
// each copied issue and a top-level `synthetic` record. Entities are shared by all copies (the
// same people and places recur over the years of a real archive), so entity ids stay those of the
// seeds. Deterministic: the same seeds, factor and seed give the same archive.
import type { ArchiveBundle, ArticleRecord, FigureRecord, IssueRecord, MentionRecord } from '../src/archive/types';

export interface SyntheticInfo {
  factor: number;
  seed: number;
  stepDays: number;
  /** What the copies were made from. */
  of: string;
}

export type SyntheticBundle = ArchiveBundle & { synthetic: SyntheticInfo };

export interface SynthesizeOptions {
  /** Days between one copy and the next (default 5: 1,000 copies span about 14 years). */
  stepDays?: number;
  of?: string;
}

/** mulberry32: small, fast, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(date: string | null, days: number): string | null {
  if (date === null) return null;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * The figure's number moved by a factor in [0.8, 1.25], printed with as many digits and decimals
 * as before (so the text keeps its length); when no such factor fits, only its last digit changes.
 */
export function perturbNumber(digits: string, random: () => number): string {
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const old = Number(digits);
  for (let attempt = 0; attempt < 4; attempt++) {
    const next = (old * (0.8 + random() * 0.45)).toFixed(decimals);
    if (next.length === digits.length && next !== digits && !(old > 0 && Number(next) === 0)) return next;
  }
  const last = digits.length - 1;
  const low = last === 0 ? 1 : 0; // a lone digit never becomes 0
  let digit = low + Math.floor(random() * (10 - low));
  if (String(digit) === digits[last]) digit = digit === 9 ? low : digit + 1;
  return digits.slice(0, last) + digit;
}

/** The figure's value for a new number: the old value scaled exactly as its printed number was. */
function rescale(value: number, oldNumber: number, newNumber: number): number {
  let scale = value / oldNumber;
  const power = Math.round(Math.log10(scale));
  if (Math.abs(scale - 10 ** power) <= 1e-9 * 10 ** power) scale = 10 ** power;
  return Number((newNumber * scale).toPrecision(12));
}

interface Perturbation {
  paragraphs: string[];
  figures: FigureRecord[];
}

/**
 * The article's paragraphs and figures with each figure's single number perturbed in both. A number
 * that overlaps a mention or an already perturbed figure stays as printed.
 */
function perturbArticle(
  article: ArticleRecord,
  figures: readonly FigureRecord[],
  mentions: readonly MentionRecord[],
  random: () => number,
): Perturbation {
  const paragraphs = [...article.paragraphs];
  const taken = mentions.map((m) => ({ paragraph: m.paragraph, start: m.start, end: m.end }));
  const overlaps = (paragraph: number, start: number, end: number) =>
    taken.some((t) => t.paragraph === paragraph && t.start < end && start < t.end);
  const out = figures.map((f) => {
    const numbers = f.text.match(NUMBER) ?? [];
    const para = paragraphs[f.paragraph];
    const original = article.paragraphs[f.paragraph];
    // Ranges keep their order only if both ends move together; leave them, and words (百余人), as printed.
    if (f.qualifier === 'range' || numbers.length !== 1 || para === undefined || original?.slice(f.start, f.end) !== f.text) return { ...f };
    const digits = numbers[0]!;
    const start = f.start + f.text.indexOf(digits);
    const end = start + digits.length;
    if (overlaps(f.paragraph, start, end)) return { ...f };
    taken.push({ paragraph: f.paragraph, start, end });
    const next = perturbNumber(digits, random);
    paragraphs[f.paragraph] = para.slice(0, start) + next + para.slice(end);
    const text = paragraphs[f.paragraph]!.slice(f.start, f.end);
    const oldNumber = Number(digits);
    const value = oldNumber === 0 ? f.value : rescale(f.value, oldNumber, Number(next));
    return { ...f, text, value };
  });
  // A figure left as printed may still share characters with one that moved: read its text again.
  out.forEach((f, i) => {
    if (article.paragraphs[f.paragraph]?.slice(f.start, f.end) === figures[i]!.text) f.text = paragraphs[f.paragraph]!.slice(f.start, f.end);
  });
  return { paragraphs, figures: out };
}

/**
 * The seeds and `factor - 1` synthetic copies of them. `seed` seeds the perturbations; the same
 * arguments always give the same archive.
 */
export function synthesizeArchive(seeds: ArchiveBundle, factor: number, seed: number, options: SynthesizeOptions = {}): SyntheticBundle {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`factor must be a whole number ≥ 1, not ${factor}`);
  const stepDays = options.stepDays ?? 5;
  const random = prng(seed);
  const articlesOf = new Map<string, ArticleRecord[]>();
  for (const a of seeds.articles) articlesOf.set(a.issueId, [...(articlesOf.get(a.issueId) ?? []), a]);
  const figuresOf = new Map<string, FigureRecord[]>();
  for (const f of seeds.figures) figuresOf.set(f.articleId, [...(figuresOf.get(f.articleId) ?? []), f]);
  const mentionsOf = new Map<string, MentionRecord[]>();
  for (const m of seeds.mentions) mentionsOf.set(m.articleId, [...(mentionsOf.get(m.articleId) ?? []), m]);

  const issues: IssueRecord[] = [...seeds.issues];
  const articles: ArticleRecord[] = [...seeds.articles];
  const mentions: MentionRecord[] = [...seeds.mentions];
  const figures: FigureRecord[] = [...seeds.figures];
  for (let k = 1; k < factor; k++) {
    const prefix = `syn${k}-`;
    const days = k * stepDays;
    for (const issue of seeds.issues) {
      const date = shiftDate(issue.date, days);
      const issueNo = issue.issueNo === null || issue.issueNo - days < 1 ? null : issue.issueNo - days;
      issues.push({
        ...issue,
        id: prefix + issue.id,
        source: `synthetic:${k}:${issue.source}`,
        date,
        issueNo,
        ...(issue.dateEvidence
          ? { dateEvidence: { ...issue.dateEvidence, reason: `synthetic copy ${k} of ${issue.source}: ${issue.date ?? 'undated'} moved back ${days} days` } }
          : {}),
      });
      for (const a of articlesOf.get(issue.id) ?? []) {
        const { paragraphs, figures: changed } = perturbArticle(a, figuresOf.get(a.id) ?? [], mentionsOf.get(a.id) ?? [], random);
        const articleId = prefix + a.id;
        articles.push({ ...a, id: articleId, issueId: prefix + issue.id, paragraphs });
        for (const f of changed) figures.push({ ...f, id: prefix + f.id, articleId });
        for (const m of mentionsOf.get(a.id) ?? []) mentions.push({ ...m, articleId });
      }
    }
  }
  return {
    version: 1,
    issues,
    articles,
    entities: seeds.entities,
    mentions,
    figures,
    synthetic: { factor, seed, stepDays, of: options.of ?? 'seeds' },
  };
}
