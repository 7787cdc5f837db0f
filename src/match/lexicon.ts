// Word lists the matcher and its precision score use. General knowledge of Chinese news text, not
// taken from the seeds; each list says what it is for.

/**
 * Titles. As blocker patterns they compete with the names they overlap (select.ts: 部长 keeps
 * 长江 out of 宣传部长江某); next to a person's name they are the context that lets a weak name
 * (刘伟, 王娜) count. Bare titles only: 市委书记 would hide the 市委 in it.
 */
export const TITLE_WORDS: readonly string[] = [
  '书记', '副书记', '党组书记', '党委书记', '党工委书记', '市长', '副市长', '省长', '副省长', '县长', '副县长',
  '区长', '副区长', '镇长', '副镇长', '乡长', '村长', '部长', '副部长', '厅长', '副厅长', '局长', '副局长',
  '处长', '科长', '所长', '院长', '副院长', '校长', '社长', '行长', '会长', '副会长', '董事长', '副董事长',
  '理事长', '秘书长', '检察长', '副检察长', '庭长', '站长', '队长', '团长', '馆长', '厂长', '组长', '班长',
  '指挥长', '副指挥长', '主任', '副主任', '主席', '副主席', '委员', '常委', '代表', '人大代表', '政协委员',
  '经理', '总经理', '副总经理', '总工程师', '总裁', '总监', '巡视员', '调研员', '记者', '通讯员', '摄影',
  '编辑', '主编', '同志', '教授', '研究员', '院士', '专家', '负责人', '检察官', '法官', '政委', '干部',
];

/**
 * The city and its county-level units (2023 statistical division codes): a name that contains
 * one of these is about Zhuzhou wherever it is printed.
 */
export const ZHUZHOU_ANCHORS: readonly string[] = [
  '株洲', '醴陵', '攸县', '茶陵', '炎陵', '渌口', '天元区', '荷塘区', '芦淞区', '石峰区',
];

/** The literal whose presence anywhere on a page says the page talks about Zhuzhou. */
export const ZHUZHOU = '株洲';

/** Relative names: 市委, 市政府, 区民政局, 省委… name a different body in every city. */
export const RELATIVE_HEADS = '市省区县镇乡村';

/**
 * The characters most frequent in given names (the 张伟 / 王芳 / 李娜 / 刘敏 / 李晓明 kind): a name
 * made only of them has namesakes in every city.
 */
export const COMMON_GIVEN = new Set('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚辉玲桂红霞建国文林海燕峰斌鹏波亮俊飞晓'.split(''));

/**
 * Surnames that are also everyday characters, so the name can be a slice of running text
 * (周刚 in 一周刚过, 易作 in 交易作为, 向新林 in 走向新林业).
 */
export const WORDY_SURNAMES = new Set(
  '周向易代文成言江阳龙许常于和金高原时万方白石田马明安平关林华余任全单管连应史解包车房左甘齐康乔谈计宣师商席项路景党费曲游农简米伍'.split(''),
);

/** Place names that are roads, chains or generic facilities: every city has one (黄山西路, 万达广场). */
export const GENERIC_PLACE = /(?:路|街|大道|广场|中心|公园|小区)$/;
