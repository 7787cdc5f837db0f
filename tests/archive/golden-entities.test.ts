// People, places and organisations against the hand-checked annotations of 000–002, and a look at
// the two seed issues nobody tuned on (003, 004), measured separately.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/archive/entities';
import { parseIssueText } from '../../src/archive/parse-issue';
import { figureTextMatches, metricMatches, subjectMatches } from '../../src/eval/figure-match';
import { combine, scoreEntities, type SetScore } from '../../src/eval/score-entities';
import { loadGolden, REPO } from '../support/golden';

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');

const results = loadGolden().map(({ name, golden, seedPath }) => {
  const { issue, articles } = parseIssueText(seedPath, readFileSync(seedPath, 'utf8'));
  const { entities, figures } = extractEntities([issue], articles);
  // Figures as the bundle has them: the subject is the entity the figure was tied to.
  const byId = new Map(entities.map((e) => [e.id, e]));
  const figureRows = golden.figures.map((g) => {
    const article = articles.find((a) =>
      g.articleHeadline?.startsWith('◀上接') ? a.continuedFrom !== null : [a.headline, ...a.subheadlines].some((h) => squash(h) === squash(g.articleHeadline)),
    );
    const found = figures.find((f) => f.articleId === article?.id && figureTextMatches(g.text, g.value, f.text, f.value));
    const subject = found?.subjectEntityId ? byId.get(found.subjectEntityId) : undefined;
    const subjectRight = subject !== undefined && [subject.name, ...subject.aliases].some((n) => subjectMatches(g.subject, n));
    return { g, found, right: found !== undefined && metricMatches(g.metric, found.metric) && subjectRight };
  });
  return { name, score: scoreEntities(golden, entities), figureRows };
});

function total(kind: 'people' | 'places' | 'orgs'): SetScore {
  const s = results.map((r) => r.score[kind]);
  const sum = (k: 'tp' | 'fp' | 'fn') => s.reduce((n, x) => n + x[k], 0);
  return combine(sum('tp'), sum('fp'), sum('fn'), s.flatMap((x) => x.missing), s.flatMap((x) => x.extra));
}

describe('entities of the annotated seed issues 000–002', () => {
  const people = total('people');
  const places = total('places');
  const orgs = total('orgs');
  const fmt = (s: SetScore) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
  console.log(`entities vs golden 000–002: people ${fmt(people)} · places ${fmt(places)} · orgs ${fmt(orgs)}`);
  console.log('  missed:', { people: people.missing, places: places.missing, orgs: orgs.missing });
  console.log('  extra:', { people: people.extra, places: places.extra, orgs: orgs.extra });

  test('people F1 ≥ 0.95', () => expect(people.f1).toBeGreaterThanOrEqual(0.95));
  test('places F1 ≥ 0.9', () => expect(places.f1).toBeGreaterThanOrEqual(0.9));
  test('organisations F1 ≥ 0.85', () => expect(orgs.f1).toBeGreaterThanOrEqual(0.85));

  test('figures: recall ≥ 0.9, and metric and subject entity right for ≥ 80 % of the found ones', () => {
    const rows = results.flatMap((r) => r.figureRows);
    const found = rows.filter((r) => r.found);
    const recall = found.length / rows.length;
    const right = found.filter((r) => r.right).length / found.length;
    console.log(`figures vs golden 000–002: recall ${recall.toFixed(3)}, metric+subject entity right ${right.toFixed(3)} of found`);
    console.log('  wrong:', found.filter((r) => !r.right).map((r) => `${r.g.text} ${r.g.metric}/${r.g.subject} → ${r.found!.metric}/${r.found!.subjectEntityId}`));
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(right).toBeGreaterThanOrEqual(0.8);
  });
});

describe('entities of the seed issues without annotations here (003, 004)', () => {
  test('are extracted, and listed for a human to judge', () => {
    for (const seed of ['003_83df26c1926cabee.txt', '004_93fa3b44915f2e79.txt']) {
      const { issue, articles } = parseIssueText(seed, readFileSync(`${REPO}/seeds/${seed}`, 'utf8'));
      const { entities, figures } = extractEntities([issue], articles);
      const by = (t: string) => entities.filter((e) => e.type === t).map((e) => e.name);
      console.log(`${seed}: people ${by('person').join(' ')} | places ${by('place').join(' ')} | orgs ${by('org').join(' ')} | figures ${figures.length}`);
      expect(by('person').length).toBeGreaterThan(5);
      expect(by('place').length).toBeGreaterThan(5);
      expect(by('org').length).toBeGreaterThan(5);
    }
  });
});
