import { describe, expect, test } from 'vitest';
import { canonicalOrg, findOrgs } from '../../src/archive/orgs';

const orgs = (text: string) => findOrgs([text]).map((h) => [h.text, h.canonical, h.orgType]);

describe('organisations', () => {
  test('companies from their suffix, trimmed to where the name starts (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(orgs('电子信息代表性企业湖南恒茂高科股份有限公司和湖南恒凯通信息科技有限公司均纳入')).toEqual([
      ['湖南恒茂高科股份有限公司', '湖南恒茂高科股份有限公司', 'company'],
      ['湖南恒凯通信息科技有限公司', '湖南恒凯通信息科技有限公司', 'company'],
    ]);
    expect(orgs('来到该公司,醴陵彩丰烟花有限公司是国内出口花炮龙头企业')[0]).toEqual(['醴陵彩丰烟花有限公司', '醴陵彩丰烟花有限公司', 'company']);
  });

  test('government and party bodies, courts, the longest name at a place (seeds/000, seeds/001)', () => {
    expect(orgs('市中级人民法院院长陈坚,市人民检察院检察长向新林到会').map((o) => o[0])).toEqual(['市中级人民法院', '市人民检察院']);
    expect(orgs('市委副书记、市委政法委书记王卫安').map((o) => o[0])).toEqual(['市委', '市委政法委']);
    expect(orgs('记者日前从醴陵市商务和粮食局获悉').map((o) => o[0])).toEqual(['醴陵市商务和粮食局']);
    expect(orgs('省商务厅厅长沈裕谋').map((o) => o[0])).toEqual(['省商务厅']);
  });

  test('short forms of well-known companies link to their registered names (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(findOrgs(['中车株洲所等企业的青年员工'])[0]).toMatchObject({ text: '中车株洲所', canonical: '中车株洲电力机车研究所有限公司' });
  });

  test('the paper itself is not an organisation entity', () => {
    expect(orgs('株洲日报社新媒体')).toEqual([]);
  });

  test('株洲市… and 湖南省… fold to the paper\'s usual 市…/省… forms', () => {
    expect(canonicalOrg('株洲市城管局')).toBe('市城管局');
    expect(canonicalOrg('湖南省工信厅')).toBe('省工信厅');
    expect(canonicalOrg('中共株洲市委')).toBe('市委');
  });
});
