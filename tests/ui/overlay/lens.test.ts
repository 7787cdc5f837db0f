// @vitest-environment happy-dom
// The content script's work on a page, end to end in a DOM library: the real matcher compiled
// from seed 000_aef4f93b7db362a9.txt, the real page scanner, the overlay, and the real message
// protocol (createClient → handleMessage) answered from that seed as the background would.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDisplay } from '../../../src/archive/display';
import { compileNames } from '../../../src/match/compile';
import { createClient, handleMessage, type AnyRequest, type Handlers } from '../../../src/messages';
import type { JsonValue } from '../../../src/store/schema';
import { startLens, type Lens } from '../../../src/ui/overlay/lens';
import { fakeI18n } from '../fake-i18n';
import { PERSON, seedBundle, seedSummaries, ZONE } from './seed-summaries';

const compiled = compileNames(seedBundle()) as unknown as JsonValue;

function background() {
  const sent: AnyRequest[] = [];
  const opened: [string, string][] = [];
  const bundle = seedBundle();
  const handlers: Handlers = {
    'ensure-archive': async () => ({ hash: 'seed', counts: { issues: bundle.issues.length, articles: bundle.articles.length, entities: bundle.entities.length, mentions: bundle.mentions.length, figures: bundle.figures.length } }),
    'compiled-names': async () => ({ stamp: 'seed', compiled }),
    'entity': async ({ entityId }) => bundle.entities.find((e) => e.id === entityId) ?? null,
    'entity-summaries': async ({ entityIds }) => seedSummaries(entityIds),
    'article': async ({ articleId }) => bundle.articles.find((a) => a.id === articleId) ?? null,
    'open-reader': async ({ target, id }) => (opened.push([target, id]), null),
  };
  const self = { id: 'zzl-test', origin: 'chrome-extension://zzl-test' };
  const request = createClient(async (message) => {
    sent.push(message);
    return handleMessage(handlers, structuredClone(message), { id: self.id, tab: {} }, self);
  });
  return { request, sent, opened };
}

function environment(stored: Record<string, unknown> = {}) {
  const bg = background();
  let settingsListener: (() => void) | null = null;
  let answer: ((message: unknown) => unknown) | null = null;
  const storage = { ...stored };
  const lens = startLens({
    document,
    hostname: 'news.example.cn',
    i18n: fakeI18n('zh_CN'),
    request: bg.request,
    storage: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in storage).map((k) => [k, storage[k]])) },
    onSettingsChanged: (listener) => ((settingsListener = listener), () => (settingsListener = null)),
    onTabMessage: (a) => ((answer = a), () => (answer = null)),
    onError: () => {},
  });
  return {
    lens,
    ...bg,
    ask: (message: unknown) => answer?.(message),
    listening: () => answer !== null && settingsListener !== null,
    async change(next: Record<string, unknown>) {
      Object.assign(storage, next);
      settingsListener?.();
      await lens.whenSettled();
      await lens.scanner?.whenIdle();
      await settle();
    },
  };
}

const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

async function running(env: ReturnType<typeof environment>) {
  await env.lens.whenSettled();
  expect(env.lens.state).toBe('running');
  await env.lens.scanner!.whenIdle();
  await settle();
}

/** Two paragraphs of the seed's article 2024-01-27-23552-a01 and a line naming 曹慧泉. */
function seedPage() {
  const article = seedBundle().articles.find((a) => a.id === '2024-01-27-23552-a01')!;
  document.body.innerHTML = '';
  for (const text of [...article.paragraphs.slice(0, 2).map(toDisplay), '市委书记曹慧泉强调，要做强做优陶瓷产业。']) {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
  }
}

const host = (part: string) => document.querySelector<HTMLElement>(`[data-zzl="${part}"]`);
const inside = (part: string, selector: string) => Array.from(host(part)?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

let current: Lens | null = null;
afterEach(async () => {
  await act(() => current?.stop());
  current = null;
  document.body.innerHTML = '';
});

describe('the lens on a page', () => {
  it('finds the names, shows the launcher and answers the popup with what the page names', async () => {
    seedPage();
    const env = environment();
    current = env.lens;
    await running(env);
    const matches = env.lens.scanner!.matches;
    const ids = new Set(matches.map((m) => m.entityId));
    expect(ids.has(ZONE)).toBe(true);
    expect(ids.has(PERSON)).toBe(true);
    expect(inside('launcher', 'button')[0]?.dataset.count).toBe(String(ids.size));
    const reply = env.ask({ type: 'page-findings' }) as { entities: { id: string; count: number }[] };
    expect(reply.entities.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(reply.entities.find((e) => e.id === ZONE)?.count).toBe(matches.filter((m) => m.entityId === ZONE).length);
    expect(env.ask({ type: 'something-else' })).toBeUndefined();
    expect(env.sent.map((m) => m.type)).toEqual(['compiled-names']);
  });

  it('lists the page’s entities in the panel, with the archive’s articles, and opens them through the background', async () => {
    seedPage();
    const env = environment();
    current = env.lens;
    await running(env);
    await act(() => void env.ask({ type: 'page-command', command: 'toggle-panel' }));
    await settle();
    const rows = inside('panel', '[data-zzl="panel-entity"]');
    expect(rows.map((r) => r.dataset.entityId).sort()).toEqual([...new Set(env.lens.scanner!.matches.map((m) => m.entityId))].sort());
    const summaryRequest = env.sent.find((m) => m.type === 'entity-summaries');
    expect(summaryRequest).toMatchObject({ articles: 3, figures: 3 });
    const zone = rows.find((r) => r.dataset.entityId === ZONE)!;
    const article = zone.querySelector<HTMLElement>('[data-zzl="open-article"]')!;
    await act(() => article.click());
    await settle();
    expect(env.opened).toEqual([['article', '2024-01-27-23552-a01']]);
  });

  it('marks only the kinds of names the settings ask for', async () => {
    seedPage();
    const env = environment({ markedTypes: ['place'] });
    current = env.lens;
    await running(env);
    const types = new Set(env.lens.scanner!.matches.map((m) => m.type));
    expect([...types]).toEqual(['place']);
    expect((env.ask({ type: 'page-findings' }) as { entities: { type: string }[] }).entities.every((e) => e.type === 'place')).toBe(true);
  });

  it('does nothing on a disabled site: no message to the background, nothing added to the page', async () => {
    seedPage();
    const before = document.documentElement.innerHTML;
    const env = environment({ disabledSites: ['example.cn'] });
    current = env.lens;
    await env.lens.whenSettled();
    expect(env.lens.state).toBe('disabled');
    expect(env.sent).toEqual([]);
    expect(document.documentElement.innerHTML).toBe(before);
    expect(env.ask({ type: 'page-findings' })).toEqual({ entities: [] });
  });

  it('follows a change of settings: disabling the site takes everything off the page', async () => {
    seedPage();
    const env = environment();
    current = env.lens;
    await running(env);
    expect(host('launcher')).not.toBeNull();
    await env.change({ disabledSites: ['news.example.cn'] });
    expect(env.lens.state).toBe('disabled');
    expect(document.querySelectorAll('[data-zzl]')).toHaveLength(0);
    await env.change({ disabledSites: [] });
    expect(env.lens.state).toBe('running');
    expect(host('launcher')).not.toBeNull();
  });

  it('on a page without Chinese asks nothing, and starts when Chinese text arrives', async () => {
    document.body.innerHTML = '<p>Nothing to see here.</p>';
    const env = environment();
    current = env.lens;
    await vi.waitFor(() => expect(env.lens.state).toBe('waiting-for-text'));
    expect(env.sent).toEqual([]);
    const p = document.createElement('p');
    p.textContent = '1月26日，市委书记曹慧泉来到醴陵经开区调研。';
    document.body.append(p);
    await vi.waitFor(() => expect(env.lens.state).toBe('running'));
    await env.lens.scanner!.whenIdle();
    await settle();
    const found = new Set(env.lens.scanner!.matches.map((m) => m.entityId));
    expect(found.has(PERSON) && found.has(ZONE)).toBe(true);
    expect(host('launcher')).not.toBeNull();
  });

  it('steps down completely when stopped', async () => {
    seedPage();
    const env = environment();
    current = env.lens;
    await running(env);
    await act(() => env.lens.stop());
    expect(env.lens.state).toBe('stopped');
    expect(document.querySelectorAll('[data-zzl]')).toHaveLength(0);
    expect(env.listening()).toBe(false);
  });
});
