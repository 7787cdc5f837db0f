import { describe, expect, test } from 'vitest';
import { splitHeadlines } from '../../src/archive/headline';

describe('headline groups', () => {
  test('kicker, main, deck on three lines (seeds/000_aef4f93b7db362a9.txt)', () => {
    expect(
      splitHeadlines(['毛伟明在参加株洲市代表团审议时强调', '锚定美好蓝图 强化法治保障 为建设中国式现代化新湖南提供良好法治环境', '张剑飞参加审议 曹慧泉陈恢清等参加']),
    ).toEqual({ headline: '锚定美好蓝图 强化法治保障 为建设中国式现代化新湖南提供良好法治环境', subheadlines: ['毛伟明在参加株洲市代表团审议时强调', '张剑飞参加审议 曹慧泉陈恢清等参加'] });
  });

  test('kicker and main on one line (seeds/001_9ab4256ef58901f2.txt)', () => {
    expect(splitHeadlines(['陈恢清主持召开专题会议时强调 加快推进前期工作 全力推动力能实验装置建设'])).toEqual({
      headline: '加快推进前期工作 全力推动力能实验装置建设',
      subheadlines: ['陈恢清主持召开专题会议时强调'],
    });
  });

  test('main and deck on one line (seeds/002_e09f9dc8a635df41.txt)', () => {
    expect(splitHeadlines(['我市重污染天气预警再升级 发布橙色预警 启动Ⅱ级响应'])).toEqual({ headline: '我市重污染天气预警再升级', subheadlines: ['发布橙色预警 启动Ⅱ级响应'] });
    expect(splitHeadlines(['株洲经开区唱好招商引资大戏 去年累计签约项目19个,总投资额达59.73亿元'])).toEqual({
      headline: '株洲经开区唱好招商引资大戏',
      subheadlines: ['去年累计签约项目19个,总投资额达59.73亿元'],
    });
  });

  test('one sentence broken by the extraction stays whole (seeds/001_9ab4256ef58901f2.txt)', () => {
    expect(splitHeadlines(['醴陵上半年进出口总额 同比增27.7%'])).toEqual({ headline: '醴陵上半年进出口总额 同比增27.7%', subheadlines: [] });
    expect(splitHeadlines(['7500公斤攸县米粉 首次远销美国']).subheadlines).toEqual([]);
  });

  test('series and column labels go to the subheadlines', () => {
    // seeds/002_e09f9dc8a635df41.txt
    expect(splitHeadlines(['株洲这些工作经验 省政府为何通报表扬', '新时代 新征程 新伟业'])).toEqual({ headline: '株洲这些工作经验 省政府为何通报表扬', subheadlines: ['新时代 新征程 新伟业'] });
    expect(splitHeadlines(['周·见', '告别与出发'])).toEqual({ headline: '告别与出发', subheadlines: ['周·见'] });
    // seeds/003_83df26c1926cabee.txt
    expect(splitHeadlines(['向两会报告', '株洲高新区:', '以奋斗之姿推动经济高质量发展']).headline).toBe('以奋斗之姿推动经济高质量发展');
  });

  test('a kicker naming an official doing something comes before the main title (seeds/002_e09f9dc8a635df41.txt)', () => {
    expect(splitHeadlines(['曹慧泉检查节日期间疫情防控、安全生产和市场保供等工作', '防风险保安全护稳定 确保全市人民平安祥和过节']).headline).toBe('防风险保安全护稳定 确保全市人民平安祥和过节');
  });
});
