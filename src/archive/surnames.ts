// Common Chinese surnames (single and compound), general knowledge: together they cover the great
// majority of the population. A name is only ever accepted next to other evidence (a title, a
// byline, `代表说`), because many of these characters are also ordinary words.

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝言旷栗代' +
  '官封谈匡鞠惠荆乐冀郁胥南班储原栗揭燕楚鄢禹晋粟滑茅蔺计练蹇湛郜巴阙鹿宣谌丰亢赖郦浦戈容' + '桓蓟闻幸';

const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '夏侯', '长孙', '宇文', '司徒', '轩辕', '端木'];

const singles = new Set(SINGLE);

/** Length of the surname at the start of `text` (2 for 欧阳…, 1 for 王…), or 0 when none. */
export function surnameLength(text: string): number {
  if (COMPOUND.some((c) => text.startsWith(c))) return 2;
  return singles.has(text[0] ?? '') ? 1 : 0;
}
