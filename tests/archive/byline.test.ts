import { describe, expect, test } from 'vitest';
import { parseLeadByline, parsePhotoCredit, splitNames } from '../../src/archive/byline';

describe('bylines', () => {
  test('株洲日报讯 with reporter and two correspondents; body follows (seeds/000_aef4f93b7db362a9.txt)', () => {
    const b = parseLeadByline('株洲日报讯(全媒体记者/刘毅 通讯员/张璐 杨欢群)日前,记者从醴陵经开区获悉');
    expect(b).toMatchObject({ xun: true, rest: '日前,记者从醴陵经开区获悉', byline: { reporters: ['刘毅'], correspondents: ['张璐', '杨欢群'] } });
  });

  test('one space after the closing bracket is not body text (seeds/001_9ab4256ef58901f2.txt)', () => {
    expect(parseLeadByline('株洲日报讯(全媒体记者/陈正明 通讯员/刘汇文) 8月23日,市政务')?.rest).toBe('8月23日,市政务');
  });

  test('a feature byline on its own line, without 讯 (seeds/001_9ab4256ef58901f2.txt)', () => {
    expect(parseLeadByline('株洲日报全媒体记者/周嵩 通讯员/谭洪汀')).toMatchObject({ xun: false, rest: '', byline: { reporters: ['周嵩'], correspondents: ['谭洪汀'] } });
  });

  test('no slash after 全媒体记者, six reporters (seeds/002_e09f9dc8a635df41.txt)', () => {
    const b = parseLeadByline('株洲日报全媒体记者廖喜春 刘芳 李军 周高 王娜 肖捷 通讯员/吴昊健 贺翔 刘晓聪');
    expect(b?.byline).toEqual({ reporters: ['廖喜春', '刘芳', '李军', '周高', '王娜', '肖捷'], correspondents: ['吴昊健', '贺翔', '刘晓聪'], photographers: [] });
  });

  test('讯( lost in extraction, the closing bracket kept (seeds/003_83df26c1926cabee.txt)', () => {
    const b = parseLeadByline('株洲日报全媒体记者/李逸峰 通讯员/李青菁)弘扬中医药文化');
    expect(b).toMatchObject({ rest: '弘扬中医药文化', byline: { reporters: ['李逸峰'], correspondents: ['李青菁'] } });
  });

  test('a two-character name printed with a space is one name (seeds/004_93fa3b44915f2e79.txt: 言 鹏)', () => {
    expect(splitNames('言 鹏 张 辉 傅晓红')).toEqual(['言鹏', '张辉', '傅晓红']);
  });

  test('photo credits after a caption, with and without a space before 摄', () => {
    // seeds/001_9ab4256ef58901f2.txt
    expect(parsePhotoCredit('办事群众在政务公开专区查阅政策文件。 株洲日报全媒体记者/陈正明 通讯员/刘汇文 摄')).toMatchObject({
      caption: '办事群众在政务公开专区查阅政策文件。',
      byline: { reporters: ['陈正明'], correspondents: ['刘汇文'], photographers: ['陈正明', '刘汇文'] },
    });
    // seeds/002_e09f9dc8a635df41.txt
    expect(parsePhotoCredit('株洲日报通讯员/罗铭摄')).toMatchObject({ caption: '', byline: { correspondents: ['罗铭'] } });
    // seeds/000_aef4f93b7db362a9.txt
    expect(parsePhotoCredit('1月26日,株洲机务段投入春运的机车。通讯员供图')?.caption).toBe('1月26日,株洲机务段投入春运的机车。');
  });

  test('body text that merely mentions a reporter is not a byline', () => {
    expect(parseLeadByline('记者从醴陵市商务和粮食局获悉,今年上半年')).toBeNull();
    expect(parsePhotoCredit('他说要把摄')).toBeNull();
  });
});
