import { describe, expect, test } from 'vitest';
import type { NameHit } from '../../src/match/matcher';
import { NEAR, PageContext } from '../../src/match/page-context';
import { seedMatcher } from './support';

const { matcher } = seedMatcher();

function feed(context: PageContext, text: string): { hits: NameHit[]; accepted: string[] } {
  const hits = matcher.find(text);
  context.note(hits, text);
  return { hits, accepted: hits.filter((h) => context.accept(h, text)).map((h) => h.text) };
}

describe('page context', () => {
  test('a page starts without Zhuzhou context and gains it from 株洲', () => {
    const context = new PageContext(matcher);
    expect(context.zhuzhouContext).toBe(false);
    feed(context, '今天天气很好。');
    expect(context.zhuzhouContext).toBe(false);
    feed(context, '记者从株洲获悉');
    expect(context.zhuzhouContext).toBe(true);
  });

  test('a strong Zhuzhou place gives context, and so do strong names of two people', () => {
    const byPlace = new PageContext(matcher);
    feed(byPlace, '在雷打石镇');
    expect(byPlace.zhuzhouContext).toBe(true);
    const byPeople = new PageContext(matcher);
    feed(byPeople, '曹慧泉出席');
    expect(byPeople.zhuzhouContext).toBe(false);
    feed(byPeople, '陈恢清主持');
    expect(byPeople.zhuzhouContext).toBe(true);
  });

  test('strong names count on any page, weak ones never without context', () => {
    const context = new PageContext(matcher);
    expect(feed(context, '曹慧泉与长沙市、市委负责人座谈').accepted).toEqual(['曹慧泉']);
  });

  test('context from an earlier run lets a specific weak name count in a later one', () => {
    const context = new PageContext(matcher);
    feed(context, '株洲日报讯');
    // 湖南省高级人民法院 is specific (full name) but not Zhuzhou's: weak, and the page context is enough.
    expect(feed(context, '湖南省高级人民法院发布通告').accepted).toEqual(['湖南省高级人民法院']);
    // 市委 is every city's: it needs Zhuzhou close by in its own run.
    expect(feed(context, '市委召开会议').accepted).toEqual([]);
    expect(feed(context, '株洲市委召开会议').accepted).toEqual(['株洲', '市委']);
  });

  test(`evidence counts within ${NEAR} code units, not beyond`, () => {
    const context = new PageContext(matcher);
    const gap = (n: number) => '。'.repeat(n);
    expect(feed(context, `株洲${gap(NEAR - 2)}长沙`).accepted).toEqual(['株洲', '长沙']);
    expect(feed(context, `株洲${gap(NEAR + 1)}长沙`).accepted).toEqual(['株洲']);
  });

  test('titles are recognised in traditional text through the matcher (書記)', () => {
    const context = new PageContext(matcher);
    feed(context, '株洲');
    expect(feed(context, '市城管局黨組書記劉偉表示').accepted).toContain('劉偉');
    const plain = new PageContext();
    feed(plain, '株洲');
    expect(feed(plain, '市城管局党组书记刘伟表示').accepted).toContain('刘伟');
  });

  test('a person right after an accepted one in a list counts too', () => {
    const context = new PageContext(matcher);
    feed(context, '株洲');
    expect(feed(context, '局长刘伟、张辉参加').accepted).toEqual(['刘伟', '张辉']);
    expect(feed(context, '刘伟出席,张剑参加').accepted).toEqual(['刘伟']);
  });
});
