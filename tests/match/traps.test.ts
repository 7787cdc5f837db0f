// Names that are also common words or common names count only with context.
import { describe, expect, test } from 'vitest';
import { compileNames } from '../../src/match/compile';
import { NameMatcher } from '../../src/match/matcher';
import { scanText } from '../../src/match/scan';
import { seedBundle, seedMatcher } from './support';

const { matcher } = seedMatcher();
const shown = (text: string, m: NameMatcher = matcher): string[] => scanText(m, text).map((h) => h.text);
const found = (text: string, m: NameMatcher = matcher): string[] => m.find(text).map((h) => h.text);
const filler = '会议要求各单位认真落实。'.repeat(8);

describe('common words that are also short place names', () => {
  test('天元 in 天元围棋 is a candidate but not shown on a page without Zhuzhou context', () => {
    expect(found('天元围棋名人赛在北京举行')).toEqual(['天元']);
    expect(shown('天元围棋名人赛在北京举行')).toEqual([]);
  });

  test('荷塘 in 荷塘月色 is not shown even on a Zhuzhou page when nothing near it says Zhuzhou', () => {
    const page = `株洲市天元区举行读书会。${filler}同学们朗读了荷塘月色。`;
    expect(shown(page)).toEqual(['株洲市', '天元区']);
  });

  test('the short district names are shown in a list after 株洲市, chaining along it', () => {
    expect(shown('株洲市天元、荷塘、芦淞、石峰四区同步启动')).toEqual(['株洲市', '天元', '荷塘', '芦淞', '石峰']);
  });

  test('the full district names are strong anywhere, traditional forms too', () => {
    expect(shown('他在蘆淞區和石峰區工作')).toEqual(['蘆淞區', '石峰區']);
  });
});

describe('titles and names that overlap', () => {
  test('宣传部长江小忠 is 江小忠, not 长江, when 长江 is a name too (seeds/004)', () => {
    const bundle = seedBundle();
    const withRiver = compileNames({
      entities: [...bundle.entities, { id: 'place:长江', type: 'place', name: '长江', aliases: [], placeType: 'landmark', inZhuzhou: null }],
      mentions: bundle.mentions,
    });
    const m = NameMatcher.fromCompiled(withRiver);
    expect(found('市委常委、市委宣传部长江小忠强调,各联点单位', m)).toEqual(['市委', '市委宣传部', '江小忠']);
    expect(found('长江经济带', m)).toEqual(['长江']);
  });
});

describe('common personal names', () => {
  test('a journalist (王娜, seeds/002 byline) is not even a candidate by default', () => {
    expect(found('全媒体记者 王娜 报道')).toEqual([]);
  });

  test('with journalists included, 王娜 counts next to 记者 on a Zhuzhou page, and not elsewhere', () => {
    const { matcher: all } = seedMatcher({ includeJournalists: true });
    expect(found('王娜说', all)).toEqual(['王娜']);
    expect(shown('株洲日报讯(全媒体记者 王娜)', all)).toEqual(['株洲', '王娜']);
    expect(shown('王娜说,北京的天气很好', all)).toEqual([]);
    expect(shown(`株洲日报讯 ${filler}王娜说,天气很好`, all)).toEqual(['株洲']);
  });

  test('刘伟 counts after his title, and again later on the same page (seeds/004)', () => {
    const page = '株洲日报讯 4月25日,市城管局党组书记、局长刘伟来到市民中心开展调研。' + filler + '在随后召开的企业座谈会上,刘伟就进一步提速作了部署。';
    expect(shown(page).filter((t) => t === '刘伟')).toHaveLength(2);
    expect(shown('在随后召开的企业座谈会上,刘伟就进一步提速作了部署。')).toEqual([]);
  });

  test('a person needs a person\'s evidence: 株洲 nearby does not make 周刚 of 一周刚过', () => {
    expect(found('株洲高新区改革一周刚过')).toContain('周刚');
    expect(shown('株洲高新区改革一周刚过')).toEqual(['株洲高新区']);
  });
});

describe('pages in other scripts and widths', () => {
  test('a traditional page is matched at its own offsets (陳恢清 → 陈恢清)', () => {
    const page = '株洲市長陳恢清在蘆淞區調研';
    const hits = scanText(matcher, page);
    expect(hits.map((h) => [h.text, h.name, page.slice(h.start, h.end)])).toEqual([
      ['株洲', '株洲', '株洲'],
      ['陳恢清', '陈恢清', '陳恢清'],
      ['蘆淞區', '芦淞区', '蘆淞區'],
    ]);
  });

  test('full-width letters and a name padded with a space (言 鹏, seeds/004)', () => {
    expect(shown('株洲Ｂ保中心管委会')).toEqual(['株洲Ｂ保中心管委会']);
    expect(found('接受言 鹏辞去株洲市人大代表职务')).toContain('言 鹏');
  });
});
