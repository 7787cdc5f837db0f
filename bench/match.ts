// `npm run bench:match`: the name matcher's throughput on the seed articles' text, beside one big
// RegExp alternation of the same names and beside only reading the text (the floor), in one run on
// the same text; beside them, a RegExp that looks for all the matcher looks for (title words too,
// in both scripts). Then the cost on a page without Chinese, the build costs and the data sizes.
// Prints tables; asserts nothing. ZZL_BENCH_ROUNDS sets the rounds (default 15).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js/cn2t';
import { buildBundle } from '../src/archive/bundle';
import gazetteer from '../src/archive/data/zhuzhou-divisions.json';
import type { EntityRecord } from '../src/archive/types';
import { defaultSeedPaths } from '../src/cli/seed-paths';
import { compileNames, type CompiledNames } from '../src/match/compile';
import { NameMatcher } from '../src/match/matcher';
import { scanText } from '../src/match/scan';

const ROUNDS = Number(process.env.ZZL_BENCH_ROUNDS ?? 15);
const TEXT_CHARS = 1_000_000;

const { bundle } = buildBundle(defaultSeedPaths().map((p) => ({ source: basename(p), bytes: new Uint8Array(readFileSync(p)) })));

// The seed articles, repeated to about a million characters: real news prose with real names.
const articleText = bundle.articles.map((a) => [a.headline ?? '', ...a.paragraphs].join('\n')).join('\n');
/** `s` repeated to about TEXT_CHARS, as one flat string like a page's text (repeat() builds a rope that reads slower). */
const repeated = (s: string): string => new Array<string>(Math.ceil(TEXT_CHARS / s.length)).fill(s).join('');
const text = repeated(articleText);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const traditional = repeated(toTraditional(articleText));

// A larger name set: the seed archive plus every town, sub-district, village and community of
// Zhuzhou and the cities and counties around it from the gazetteer (≈ 1,900 more names).
function gazetteerPlaces(): EntityRecord[] {
  const names = new Set<string>();
  for (const [, name] of [...gazetteer.cities, ...gazetteer.hunanAreas]) if (name) names.add(name);
  for (const area of gazetteer.zhuzhou.areas) {
    names.add(area.name);
    for (const town of area.towns) {
      names.add(town.name);
      for (const v of town.villages) names.add(v.replace(/(?:村民委员会|居民委员会|村委会|居委会)$/, ''));
    }
  }
  return [...names].map((name) => ({ id: `place:${name}`, type: 'place', name, aliases: [], inZhuzhou: true }));
}

function keysOf(compiled: CompiledNames): string[] {
  return compiled.names.map((n) => n.key);
}

/** One alternation of the same names, longest first so that it prefers the longer of two at a position. */
function bigRegExp(keys: string[]): RegExp {
  const escaped = [...new Set(keys)].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

/**
 * The RegExp that looks for what the matcher looks for: the names and the title words (which the
 * matcher finds to keep 长江 out of 部长江某), each also in its traditional spelling (the matcher
 * folds 陳恢清 to 陈恢清). Spaces inside a name and full-width forms it still does not handle.
 */
function sameJobRegExp(compiled: CompiledNames): RegExp {
  const patterns = [...keysOf(compiled), ...compiled.blockers];
  return bigRegExp([...patterns, ...patterns.map((p) => toTraditional(p))]);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Timing {
  best: number;
  median: number;
  count: number;
}

/**
 * Milliseconds per run of each function, the functions interleaved round by round so that load
 * from other processes falls on all of them alike; best and median over `rounds` after a warm-up.
 * Each returns a count, so nothing is optimised away.
 */
function timeTogether(fns: Record<string, () => number>, rounds = ROUNDS): Record<string, Timing> {
  const samples: Record<string, number[]> = {};
  const counts: Record<string, number> = {};
  for (const [k, fn] of Object.entries(fns)) {
    for (let i = 0; i < 3; i++) counts[k] = fn();
    samples[k] = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of Object.entries(fns)) {
      const t0 = performance.now();
      counts[k] = fn();
      samples[k]!.push(performance.now() - t0);
    }
  }
  const out: Record<string, Timing> = {};
  for (const k of Object.keys(fns)) out[k] = { best: Math.min(...samples[k]!), median: median(samples[k]!), count: counts[k]! };
  return out;
}

function readAll(t: string): number {
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum = (sum + t.charCodeAt(i)) | 0;
  return sum === 0.5 ? -1 : 1; // the sum is used, so the loop is not dropped
}

function regExpCount(re: RegExp, t: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(t) !== null) n++;
  return n;
}

const mchars = (ms: number, length: number): string => (length / 1e6 / (ms / 1000)).toFixed(1);

console.log(`bench/match: ${(text.length / 1e6).toFixed(2)} M UTF-16 code units of seed article text (${bundle.articles.length} articles repeated), ${ROUNDS} interleaved rounds, Node ${process.version}`);
console.log('Speeds from the best round (the machine is shared; the median is beside it). The RegExp folds nothing; the');
console.log('matcher folds 繁→简 and full width as it goes, and finds the title blockers too. findSpans is the matcher\'s');
console.log('answer (offsets and name of each, like the RegExp\'s matches); find makes a NameHit object of each.');
console.log('');

const places = gazetteerPlaces();
const nameSets = [
  { label: 'seed archive', entities: bundle.entities },
  { label: 'seed archive + 600 gazetteer places', entities: [...bundle.entities, ...places.slice(0, 600)] },
  { label: 'seed archive + all gazetteer places', entities: [...bundle.entities, ...places] },
].map((set) => ({ ...set, compiled: compileNames({ entities: set.entities, mentions: bundle.mentions }) }));

// The common case for a content script: Chinese prose that names nothing in the archive. Made of
// the seed sentences in which the largest name set finds nothing, repeated.
const quiet = (() => {
  const matcher = NameMatcher.fromCompiled(nameSets[nameSets.length - 1]!.compiled);
  const sentences = articleText.split(/(?<=[。！？\n])/).filter((s) => matcher.find(s).length === 0);
  return repeated(sentences.join(''));
})();

console.log('Texts: "names" is the seed articles (about one name every 40 characters); "traditional" the same in');
console.log('traditional characters (opencc cn → tw); "no names" the seed sentences in which nothing is found.');
console.log('');

for (const { label, compiled } of nameSets) {
  const matcher = NameMatcher.fromCompiled(compiled);
  const re = bigRegExp(keysOf(compiled));
  const sameJob = sameJobRegExp(compiled);
  const t = timeTogether({
    floor: () => readAll(text),
    spans: () => matcher.findSpans(text).length,
    find: () => matcher.find(text).length,
    traditional: () => matcher.findSpans(traditional).length,
    scan: () => scanText(matcher, text).length,
    regexp: () => regExpCount(re, text),
    sameJob: () => regExpCount(sameJob, text),
    quietFloor: () => readAll(quiet),
    quietSpans: () => matcher.findSpans(quiet).length,
    quietFind: () => matcher.find(quiet).length,
    quietRegexp: () => regExpCount(re, quiet),
    quietSameJob: () => regExpCount(sameJob, quiet),
  });
  console.log(`${label}: ${compiled.names.length} names + ${compiled.blockers.length} title blockers`);
  console.log('| text | what | M chars/s (best) | ms per 1 M (best / median) | hits | × the RegExp (best / median) | × the same-job RegExp |');
  console.log('|---|---|---|---|---|---|---|');
  const perM = (r: Timing, length: number, pick: 'best' | 'median') => r[pick] / length;
  const row = (on: string, what: string, r: Timing, length: number, base: { regexp: Timing; sameJob: Timing; length: number }) =>
    console.log(
      `| ${on} | ${what} | ${mchars(r.best, length)} | ${((r.best * 1e6) / length).toFixed(1)} / ${((r.median * 1e6) / length).toFixed(1)} | ${r.count} | ` +
        `${(perM(base.regexp, base.length, 'best') / perM(r, length, 'best')).toFixed(1)} / ${(perM(base.regexp, base.length, 'median') / perM(r, length, 'median')).toFixed(1)} | ` +
        `${(perM(base.sameJob, base.length, 'best') / perM(r, length, 'best')).toFixed(1)} |`,
    );
  const names = { regexp: t.regexp!, sameJob: t.sameJob!, length: text.length };
  const none = { regexp: t.quietRegexp!, sameJob: t.quietSameJob!, length: quiet.length };
  row('names', 'read every code unit (the floor)', t.floor!, text.length, names);
  row('names', 'NameMatcher.findSpans (offsets and name, in typed arrays)', t.spans!, text.length, names);
  row('names', 'NameMatcher.find (the same, an object per name)', t.find!, text.length, names);
  row('traditional', 'NameMatcher.findSpans', t.traditional!, traditional.length, names);
  row('names', 'scanText (find + PageContext)', t.scan!, text.length, names);
  row('names', 'one RegExp alternation of the same names', t.regexp!, text.length, names);
  row('names', 'the same-job RegExp: names and title words, simplified and traditional', t.sameJob!, text.length, names);
  row('no names', 'read every code unit (the floor)', t.quietFloor!, quiet.length, none);
  row('no names', 'NameMatcher.findSpans', t.quietSpans!, quiet.length, none);
  row('no names', 'NameMatcher.find', t.quietFind!, quiet.length, none);
  row('no names', 'one RegExp alternation of the same names', t.quietRegexp!, quiet.length, none);
  row('no names', 'the same-job RegExp', t.quietSameJob!, quiet.length, none);
  console.log('');
}

// A page with no Chinese: ~100 kB of English, plain ASCII (V8 keeps it one byte per character) and
// with typographic quotes and dashes (two bytes per character, as most real pages).
const words = 'the council met on tuesday to discuss the budget for roads schools and parks in the region while residents asked about 2024 plans'.split(' ');
let english = '';
for (let i = 0; english.length < 100_000; i++) english += words[(i * 7) % words.length] + (i % 17 === 16 ? '. ' : ' ');
const typographic = english.replace(/ the /g, ' “the” ').replace(/\. /g, ' — ');
{
  const { compiled } = nameSets[nameSets.length - 1]!;
  const matcher = NameMatcher.fromCompiled(compiled);
  const t = timeTogether({ ascii: () => scanText(matcher, english).length, typographic: () => scanText(matcher, typographic).length }, 200);
  console.log(
    `a page without Chinese, scanText on ${(english.length / 1000).toFixed(0)} k code units of English: ${t.ascii!.median.toFixed(3)} ms in ASCII, ` +
      `${t.typographic!.median.toFixed(3)} ms with typographic punctuation (medians of 200; best ${t.ascii!.best.toFixed(3)} / ${t.typographic!.best.toFixed(3)})`,
  );
}

// Build costs and sizes.
{
  for (const { label, entities, compiled } of nameSets) {
    const t = timeTogether(
      {
        compile: () => compileNames({ entities, mentions: bundle.mentions }).names.length,
        build: () => (NameMatcher.fromCompiled(compiled) ? 1 : 0),
      },
      30,
    );
    const json = JSON.stringify(compiled);
    console.log(
      `${label}: compileNames ${t.compile!.median.toFixed(1)} ms, NameMatcher.fromCompiled ${t.build!.median.toFixed(2)} ms (medians), compiled JSON ${(json.length / 1000).toFixed(1)} k chars / ${(gzipSync(json).length / 1000).toFixed(1)} kB gzip, ${compiled.fold.length / 2} fold pairs in it`,
    );
  }
  const table = readFileSync('src/match/data/fold-t2s.json');
  const pairs = (JSON.parse(table.toString('utf8')) as { pairs: string }).pairs.length / 2;
  console.log(`full fold table src/match/data/fold-t2s.json: ${pairs} pairs, ${(table.length / 1000).toFixed(1)} kB, ${(gzipSync(table, { level: 9 }).length / 1000).toFixed(1)} kB gzip (not in the content script: compiled names carry their own pairs)`);
}
