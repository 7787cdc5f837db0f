import { describe, expect, test } from 'vitest';
import { takeContinuedFrom, takeContinues } from '../../src/archive/continuation';
import { toDisplay } from '../../src/archive/display';
import { dropRepeats, joinBroken, splitInlineCrossheads } from '../../src/archive/repair';

const body = (text: string) => ({ text, heading: false });
const head = (text: string) => ({ text, heading: true });

describe('body repair', () => {
  test('a word broken across columns is joined (seeds/000_aef4f93b7db362a9.txt: 王\\n\\n卫安一行)', () => {
    expect(joinBroken([body('来到该公司,王'), body('卫安一行参观生产车间和成品仓库。')]).map((b) => b.text)).toEqual(['来到该公司,王卫安一行参观生产车间和成品仓库。']);
  });

  test('a crosshead printed between the halves of a word moves after the joined paragraph (seeds/001_9ab4256ef58901f2.txt)', () => {
    const long = '以项目之“进”支撑发展之“稳”,今年上半年,石峰区完成工业投资41.4亿元,同比增长26.5%,万人有效发明专利拥有量达112件,排名全市第一,为产业链蓬';
    expect(joinBroken([body(long), head('●项目建设跑出“加速度”'), body('勃活力提供了强大支撑。')]).map((b) => b.text)).toEqual([
      long + '勃活力提供了强大支撑。',
      '●项目建设跑出“加速度”',
    ]);
  });

  test('finished paragraphs and crossheads are left apart', () => {
    const blocks = [body('会上,代表们酝酿、讨论了补选的候选人名单。'), head('党群一心,“磁力”无穷'), body('谈到2023年,株洲厂BA火爆出圈。')];
    expect(joinBroken(blocks)).toEqual(blocks);
  });

  test('a text cut at a jump marker is not joined to what follows', () => {
    expect(joinBroken([{ text: '群众对设备操作、', heading: false, sealed: true }, body('办事群众在政务公开专区查阅政策文件。')])).toHaveLength(2);
  });

  test('a passage printed twice, once merged into a longer paragraph, is kept once (seeds/001_9ab4256ef58901f2.txt)', () => {
    const a = '拥有完全自主知识产权的首列商用磁浮300列车完成相关动态测试和系统联调联试。';
    const b = '今年以来,石峰区已实施科技成果转化项目15个。';
    expect(dropRepeats([body(a + b), body(a), body(b), body(a + b)]).map((x) => x.text)).toEqual([a + b]);
  });

  test('a crosshead inside a paragraph becomes its own (seeds/001_9ab4256ef58901f2.txt)', () => {
    expect(splitInlineCrossheads('新兴企业增量达166亿元。●科技创新实现“新突破” 8月16日,湖南省工信厅')).toEqual([
      body('新兴企业增量达166亿元。'),
      head('●科技创新实现“新突破”'),
      body('8月16日,湖南省工信厅'),
    ]);
  });
});

describe('continuation markers', () => {
  test('下转 glued to the sentence, with and without ▶ (seeds/001, seeds/002)', () => {
    expect(takeContinues('群众对设备操作、下转02版①')).toEqual({ text: '群众对设备操作、', marker: '02版①' });
    expect(takeContinues('基金规模增至1亿元。▶下转02版')).toEqual({ text: '基金规模增至1亿元。', marker: '02版' });
    expect(takeContinues('下转到了基层。').marker).toBeNull();
  });

  test('◀上接 at the start (seeds/004_93fa3b44915f2e79.txt)', () => {
    expect(takeContinuedFrom('◀上接01版① 直径仅为头发丝的1/8。')).toEqual({ text: '直径仅为头发丝的1/8。', marker: '01版①' });
  });
});

describe('display text', () => {
  test('ASCII punctuation inside Chinese becomes full-width, keeping the length', () => {
    const stored = '株洲日报讯(全媒体记者/刘毅)日前,记者获悉:该园区获2023年度激励?是!';
    const shown = toDisplay(stored);
    expect(shown).toBe('株洲日报讯（全媒体记者/刘毅）日前，记者获悉：该园区获2023年度激励？是！');
    expect(shown.length).toBe(stored.length);
  });

  test('numbers, Latin text and codes keep their ASCII punctuation', () => {
    expect(toDisplay('CN 43-0005, 1,000 (a) 8%-10%')).toBe('CN 43-0005, 1,000 (a) 8%-10%');
    expect(toDisplay('增长12.3%、1554.7%,其中')).toBe('增长12.3%、1554.7%，其中');
  });
});
