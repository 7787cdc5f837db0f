import { describe, expect, test } from 'vitest';
import { findPeople, readName } from '../../src/archive/people';

const names = (text: string) => findPeople([text]).map((h) => [h.name, h.titles.join('/'), h.role]);

describe('people', () => {
  test('a title chain before a name (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(names('1月26日,省委副书记、省长毛伟明来到省十四届人大二次会议株洲市代表团')).toEqual([['毛伟明', '省委副书记/省长', 'official']]);
  });

  test('部长 + 江小忠, not 长江 (seeds/004_93fa3b44915f2e79.txt)', () => {
    expect(names('市委常委、市委宣传部长江小忠强调,各联点单位要拿出切实可行的联点方案')).toEqual([['江小忠', '市委常委/市委宣传部长', 'official']]);
  });

  test('one title over a list of names (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(names('省政府秘书长瞿海,省有关部门负责人叶仁雄、李知文、熊文辉到会听取意见建议。').map((n) => n[0])).toEqual(['瞿海', '叶仁雄', '李知文', '熊文辉']);
  });

  test('a list closed by 等代表, and 代表建议 (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(names('龙朝阳、肖迪明、刘望、阳望平等代表参加,').map((n) => n[0])).toEqual(['龙朝阳', '肖迪明', '刘望', '阳望平']);
    expect(names('文智勇代表建议,大力支持醴陵陶瓷产业发展。张川代表建议,加强基层治理创新。')).toEqual([
      ['文智勇', '代表', 'deputy'],
      ['张川', '代表', 'deputy'],
    ]);
  });

  test('business people by their company titles (seeds/001, seeds/004)', () => {
    expect(names('作为市人大代表,中钨高新材料股份有限公司总经理谢康德,一直在思考')).toEqual([['谢康德', '市人大代表/中钨高新材料股份有限公司总经理', 'deputy']]);
    expect(names('湖南湘粤非国际物流有限公司董事长张剑告诉记者')[0]).toEqual(['张剑', '湖南湘粤非国际物流有限公司董事长', 'business']);
  });

  test('anonymised people are not entities (seeds/003, seeds/004)', () => {
    expect(names('现场调查发现,养殖户刘某某养殖生猪57头。')).toEqual([]);
    expect(names('刚办好出入境业务的梁先生,为市民中心公安专区的服务效率点赞。')).toEqual([]);
  });

  test('a title followed by an ordinary word is no name', () => {
    expect(names('石峰区卫健局负责人介绍,即日起')).toEqual([]);
    expect(names('茶陵县成立由县委书记任政委、县长任组长,其他相关县级领导任副组长')).toEqual([]);
  });

  test('two- and three-character names are told apart by what follows', () => {
    expect(readName('陈恢清督导专项债', 0)).toBe('陈恢清');
    expect(readName('易作说。', 0)).toBe('易作');
    expect(readName('刘望、阳望平', 0)).toBe('刘望');
  });

  test('national leaders inside set phrases (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(names('要深入学习贯彻习近平法治思想')).toEqual([['习近平', '', 'official']]);
  });
});
