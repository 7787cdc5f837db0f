// General geography and word lists for place finding (places.ts). Everything here is general
// knowledge of China and the world, or ordinary Chinese vocabulary — no names read from the seed
// issues. Administrative divisions come from the gazetteer extract (data/zhuzhou-divisions.json).

export type PlaceType =
  | 'city'
  | 'district'
  | 'county'
  | 'county-city'
  | 'town'
  | 'street'
  | 'village'
  | 'community'
  | 'dev-zone'
  | 'landmark'
  | 'other-region';

export interface FixedPlace {
  /** The canonical name first, then the other spellings. */
  forms: string[];
  type: PlaceType;
  inZhuzhou: boolean | null;
  /** A region that contains Zhuzhou (湖南, 长株潭, 湘东…): `inZhuzhou` false by convention. */
  containsZhuzhou?: boolean;
  /** Only in a list of places or after a larger place (the name is also a common word). */
  context?: boolean;
  /** Also a given name (张湘东): not right after a surname character. */
  personLike?: boolean;
}

const countries = (names: string): FixedPlace[] =>
  names.split(' ').map((n) => ({ forms: n.split('/'), type: 'other-region', inZhuzhou: false }));

/**
 * Countries and world regions. 中国 is deliberately absent: in Chinese news it is the home country
 * and almost always part of a set phrase (中国式现代化, 中国500强, 中国专利奖), not a located place.
 */
export const WORLD: FixedPlace[] = countries(
  '美国 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 冰岛 爱尔兰 奥地利 波兰 捷克 匈牙利 希腊 ' +
    '罗马尼亚 保加利亚 塞尔维亚 克罗地亚 乌克兰 白俄罗斯 俄罗斯 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 ' +
    '蒙古国 日本 韩国 朝鲜 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚/印尼 菲律宾 文莱 印度 巴基斯坦 孟加拉国 ' +
    '斯里兰卡 尼泊尔 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 以色列 沙特阿拉伯/沙特 阿联酋 卡塔尔 科威特 阿曼 土耳其 ' +
    '埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 埃塞俄比亚 肯尼亚 坦桑尼亚 尼日利亚 加纳 安哥拉 赞比亚 津巴布韦 南非 ' +
    '加拿大 墨西哥 古巴 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 乌拉圭 澳大利亚 新西兰 ' +
    '欧洲 亚洲 非洲 美洲 北美 南美 拉美 大洋洲 欧美 东南亚 中东 中亚 西亚 南亚 东亚 东欧 西欧 北欧 亚太 东盟 欧盟',
);

/** Regions of China that are not administrative units, Hong Kong, Macao and Taiwan. */
export const CHINA_REGIONS: FixedPlace[] = [
  { forms: ['香港'], type: 'other-region', inZhuzhou: false },
  { forms: ['澳门'], type: 'other-region', inZhuzhou: false },
  { forms: ['台湾', '台湾省'], type: 'other-region', inZhuzhou: false },
  { forms: ['港澳'], type: 'other-region', inZhuzhou: false },
  { forms: ['粤港澳大湾区', '大湾区', '粤港澳'], type: 'other-region', inZhuzhou: false },
  { forms: ['长三角', '长江三角洲'], type: 'other-region', inZhuzhou: false },
  { forms: ['珠三角', '珠江三角洲'], type: 'other-region', inZhuzhou: false },
  { forms: ['京津冀'], type: 'other-region', inZhuzhou: false },
  { forms: ['江浙沪'], type: 'other-region', inZhuzhou: false },
  { forms: ['湘江新区', '湖南湘江新区'], type: 'dev-zone', inZhuzhou: false },
  { forms: ['长株潭', '长株潭地区'], type: 'other-region', inZhuzhou: false, containsZhuzhou: true },
  { forms: ['湘中', '湘中地区'], type: 'other-region', inZhuzhou: false, containsZhuzhou: true, personLike: true },
  { forms: ['湘东', '湘东地区'], type: 'other-region', inZhuzhou: false, containsZhuzhou: true, personLike: true },
  { forms: ['湘南', '湘南地区'], type: 'other-region', inZhuzhou: false, personLike: true },
  { forms: ['湘北', '湘北地区'], type: 'other-region', inZhuzhou: false, personLike: true },
  { forms: ['华中', '华中地区'], type: 'other-region', inZhuzhou: false, containsZhuzhou: true, personLike: true },
  { forms: ['华南', '华南地区'], type: 'other-region', inZhuzhou: false, personLike: true },
  { forms: ['华东', '华东地区'], type: 'other-region', inZhuzhou: false, personLike: true },
  { forms: ['华北', '华北地区'], type: 'other-region', inZhuzhou: false, personLike: true },
  { forms: ['西南地区'], type: 'other-region', inZhuzhou: false },
  { forms: ['西北地区'], type: 'other-region', inZhuzhou: false },
  { forms: ['东北地区'], type: 'other-region', inZhuzhou: false },
];

/**
 * Rivers, lakes, railways and motorways. `null` for those that pass through Zhuzhou (the golden
 * convention for linear features), `true` for rivers that lie inside it, `false` for the rest.
 */
export const LINEAR: FixedPlace[] = [
  { forms: ['湘江'], type: 'landmark', inZhuzhou: null },
  { forms: ['渌江', '渌水'], type: 'landmark', inZhuzhou: true },
  { forms: ['洣水', '洣江'], type: 'landmark', inZhuzhou: true },
  { forms: ['攸水'], type: 'landmark', inZhuzhou: true },
  { forms: ['长江'], type: 'landmark', inZhuzhou: false },
  { forms: ['黄河'], type: 'landmark', inZhuzhou: false },
  { forms: ['珠江'], type: 'landmark', inZhuzhou: false },
  { forms: ['资江', '资水'], type: 'landmark', inZhuzhou: false },
  { forms: ['沅水'], type: 'landmark', inZhuzhou: false },
  { forms: ['澧水'], type: 'landmark', inZhuzhou: false },
  { forms: ['洞庭湖'], type: 'landmark', inZhuzhou: false },
  { forms: ['鄱阳湖'], type: 'landmark', inZhuzhou: false },
  { forms: ['太湖'], type: 'landmark', inZhuzhou: false },
  { forms: ['京广线', '京广铁路'], type: 'landmark', inZhuzhou: null },
  { forms: ['沪昆线', '沪昆铁路'], type: 'landmark', inZhuzhou: null },
  { forms: ['浙赣线', '浙赣铁路'], type: 'landmark', inZhuzhou: null },
  { forms: ['湘黔线', '湘黔铁路'], type: 'landmark', inZhuzhou: null },
  { forms: ['京广高铁', '武广高铁'], type: 'landmark', inZhuzhou: null },
  { forms: ['沪昆高铁'], type: 'landmark', inZhuzhou: null },
  { forms: ['长株潭城际', '长株潭城际铁路'], type: 'landmark', inZhuzhou: null },
  { forms: ['京港澳高速', '京港澳高速公路'], type: 'landmark', inZhuzhou: null },
  { forms: ['沪昆高速', '沪昆高速公路'], type: 'landmark', inZhuzhou: null },
  { forms: ['醴茶铁路'], type: 'landmark', inZhuzhou: true },
  { forms: ['京沪线', '京沪铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['京九线', '京九铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['焦柳线', '焦柳铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['湘桂线', '湘桂铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['石长线', '石长铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['衡柳线', '衡柳铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['洛湛线', '洛湛铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['渝怀线', '渝怀铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['陇海线', '陇海铁路'], type: 'landmark', inZhuzhou: false },
  { forms: ['京哈线', '京哈铁路'], type: 'landmark', inZhuzhou: false },
];

/**
 * Prefecture-level short forms that are also ordinary words or common given names (大同, 安康,
 * 来宾, 中山…): found only in a list of places or after a province.
 */
export const AMBIGUOUS_SHORT = new Set(
  (
    '大同 安康 来宾 白银 日照 长治 中山 朝阳 中卫 山南 海东 海北 海西 黄南 玉树 三明 定西 六安 庆阳 保山 玉林 普洱 黄山 白山 四平 ' +
    '松原 白城 通化 吉安 新乡 泰安 广安 资阳 大理 红河 文山 临沧 丽江 铜川 承德 兴安 阿里 怒江 德宏 凉山 金昌 抚州 永州 常德 南平 安顺 ' +
    '东营 威海 鹤壁 开封 江门 清远 河源 云浮 北海 贵港 崇左 自贡 内江 乐山 眉山 雅安 巴中 达州 遂宁 德阳'
  ).split(' '),
);

/**
 * Village and community names that are also everyday words (幸福社区 in 打造幸福社区, 团结村 in
 * 团结村民): found only after their town or district, or in a list of places.
 */
export const COMMON_PLACE_STEMS = new Set(
  (
    '光明 建设 幸福 和平 新华 团结 胜利 东风 红旗 先锋 前进 民主 文化 中心 城中 工农 联合 星火 新民 人民 繁荣 富民 长寿 向阳 朝阳 东方 红星 五一 八一 ' +
    '解放 新建 新生 新兴 兴隆 太平 长安 永安 平安 金山 金星 同心 和谐 阳光 新城 老街 车站 学院 花园 桃花 荷花 梅花 石桥 大桥 河边 江边 新街 中山 ' +
    '美丽 文明 振兴 发展 希望 未来 快乐 健康 安全 科技 创新 友谊 团圆 丰收 新村 农科 园艺 林场 茶场 农场 工业 商业 城东 城西 城南 城北 城关'
  ).split(' '),
);

/** Two-character titles whose second character 长 opens a place name (宣传部长江小忠 is 部长 + 江小忠). */
export const TITLE_HEADS = new Set('部市县区镇乡局厅院校所处科组社行队站馆村州省会团班司署庭股园段室师旅营连排舰机船'.split(''));

/** Single-character abbreviations of Zhuzhou's county-level units (在醴期间, 来株投资). */
export const ONE_CHAR = new Map<string, string>([
  ['株', '株洲市'],
  ['醴', '醴陵市'],
  ['攸', '攸县'],
  ['茶', '茶陵县'],
  ['炎', '炎陵县'],
  ['渌', '渌口区'],
]);
export const ONE_CHAR_BEFORE = /[在来赴到驻离返抵留回]$/;
export const ONE_CHAR_AFTER = /^(?:期间|工作|调研|考察|视察|投资|创业|兴业|发展|落户|办厂|就业|生活|[后时前,，。;；、!！?？])/;

export interface SuffixRule {
  /** Printed forms of the suffix, longest first; the first is the canonical spelling unless `canonical` says. */
  suffixes: string[];
  canonical?: string;
  type: PlaceType;
  /** Shortest and longest stem (characters before the suffix, place prefix not counted). */
  minStem: number;
  maxStem: number;
  /** The stem must be a known place (株洲站, 株洲港), not any word. */
  knownOnly?: boolean;
  /** A stem that is not a known place must be followed by this (神农湖畔, 白石港河及支流). */
  unknownNeeds?: RegExp;
  /** The text after the suffix that makes it something else (株洲站在… is "stands", …广场店 a shop). */
  notBefore?: RegExp;
  /** A stem ending that makes an ordinary word with the suffix (道路, 城镇, 小区 of 老旧小区). */
  badStemEnd?: RegExp;
  /** Only the name of a place before it (株洲市民中心) or nothing (市民中心). */
  prefixOnly?: boolean;
  /** A bare suffix (高新区 alone) refers back to a fuller name in the same text. */
  anaphor?: boolean;
}

export const SUFFIX_RULES: SuffixRule[] = [
  // Development zones. 经济开发区 is written 经开区, 高新技术产业开发区 高新区.
  { suffixes: ['高新技术产业开发区', '高新技术开发区', '高新区'], canonical: '高新区', type: 'dev-zone', minStem: 0, maxStem: 4, anaphor: true },
  { suffixes: ['经济技术开发区', '经济开发区', '经开区'], canonical: '经开区', type: 'dev-zone', minStem: 0, maxStem: 4, anaphor: true },
  { suffixes: ['自由贸易试验区', '自贸试验区'], canonical: '自贸试验区', type: 'dev-zone', minStem: 0, maxStem: 4, anaphor: true },
  { suffixes: ['自贸区'], type: 'dev-zone', minStem: 0, maxStem: 4, anaphor: true },
  { suffixes: ['综合保税区', '综保区'], canonical: '综保区', type: 'dev-zone', minStem: 0, maxStem: 4, anaphor: true },
  { suffixes: ['开发区'], type: 'dev-zone', minStem: 2, maxStem: 4 },
  { suffixes: ['工业集中区'], type: 'dev-zone', minStem: 2, maxStem: 4 },
  { suffixes: ['产业新城', '新城'], type: 'dev-zone', minStem: 2, maxStem: 4 },
  { suffixes: ['职教城', '大学城', '科学城', '科技城'], type: 'dev-zone', minStem: 0, maxStem: 4 },
  { suffixes: ['工业园区', '产业园区', '工业园', '科技园', '物流园'], type: 'dev-zone', minStem: 2, maxStem: 6 },
  // An industrial park named by its investor (三一能源装备产业园) is a project: see parkType().
  { suffixes: ['产业园'], type: 'dev-zone', minStem: 2, maxStem: 8 },
  { suffixes: ['园区'], type: 'dev-zone', minStem: 2, maxStem: 3 },
  { suffixes: ['片区'], type: 'other-region', minStem: 2, maxStem: 8 },
  // Landmarks.
  { suffixes: ['国际会展中心', '市民中心', '会展中心', '奥体中心', '体育中心'], type: 'landmark', minStem: 0, maxStem: 4, prefixOnly: true },
  {
    suffixes: ['火车站', '高铁站', '汽车站', '客运站', '北站', '南站', '东站', '西站', '站'],
    type: 'landmark',
    minStem: 1,
    maxStem: 6,
    knownOnly: true,
    notBefore: /^(?:在|起|稳|上|队|岗|出|立|着|到|得|好)/,
  },
  { suffixes: ['港'], type: 'landmark', minStem: 2, maxStem: 6, knownOnly: true, notBefore: /^(?:澳|股|币|人|台|商|资)/ },
  { suffixes: ['机场'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['码头'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['广场'], type: 'landmark', minStem: 2, maxStem: 4, notBefore: /^(?:店|分店|舞)/ },
  { suffixes: ['湿地公园', '森林公园', '公园'], type: 'landmark', minStem: 2, maxStem: 5, badStemEnd: /(?:主题|绿色|城市|口袋)$/ },
  { suffixes: ['风景名胜区', '风景区', '景区'], type: 'landmark', minStem: 2, maxStem: 5 },
  {
    suffixes: ['大道', '路'],
    type: 'landmark',
    minStem: 2,
    maxStem: 4,
    notBefore: /^(?:线|径|况|子|途|费|演|人|灯|网|程|数|面|基|桥)/,
    badStemEnd: /(?:道|线|思|出|铁|公|马|网|电|门|走|老|弯|新|套|后|退|前|一|沿|水|陆|环|回|歧|末|活|生|死|来|去|领|带|让|拦|半|上|开|问|迷|认|赶|之|同|结|正|邪|窄|宽|长|短|小|大|近|远)$/,
  },
  { suffixes: ['大桥'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['水库'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['干渠'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['粮库'], type: 'landmark', minStem: 2, maxStem: 4 },
  { suffixes: ['水电站', '电站'], type: 'landmark', minStem: 2, maxStem: 8 },
  { suffixes: ['小区'], type: 'landmark', minStem: 2, maxStem: 4, badStemEnd: /(?:老旧|居民|安置|新建|商品房|拆迁|回迁|物业|封闭|无物业|开放式|老|旧|新|各|该)$/ },
  {
    suffixes: ['湖', '河', '江'],
    type: 'landmark',
    minStem: 2,
    maxStem: 3,
    unknownNeeds: /^(?:畔|边|岸边|沿岸|两岸|流域|干流|支流|及其?支流|水域|上游|下游|湿地|风光带)/,
    notBefore: /^(?:道|流|面|长|湖|泊|段|堤|床|口|水|山|南|北)/,
  },
  // Towns and sub-districts the gazetteer does not know (misprints, renamed units).
  { suffixes: ['街道'], type: 'street', minStem: 2, maxStem: 3, badStemEnd: /(?:[大小的条一两多各该本全主]|社区)$/, notBefore: /^(?:办[^事])/ },
  { suffixes: ['镇'], type: 'town', minStem: 2, maxStem: 3, badStemEnd: /[城乡小古重集村坐市名强大老全本该各此两三几特新]$/, notBefore: /^(?:压|守|痛|静|定|住|纸)/ },
];

/**
 * Function characters a name does not contain: a stem read leftwards stops at one. Met right
 * before the suffix (为片区, 由上水库) they mean there is no name at all.
 */
export const FUNCTION_CHARS = new Set('着的了在于和与及或是为对向从到由把被将让给以并而等各该其这那此即至往据按赴'.split(''));

/**
 * Verbs and other words that introduce a name or are no name themselves: a stem stops after one,
 * starts after one (落实重点景区 → no name), and is never one (建立园区, 助推高新区).
 */
export const LEAD_WORDS = new Set(
  (
    '位于 落户 签约 启动 建设 打造 推进 推动 加快 开发 策划 包装 完善 支持 开展 举行 举办 实施 入驻 进驻 引进 成立 设立 建立 创建 申报 走进 来到 前往 深入 ' +
    '走访 考察 调研 视察 参观 督导 检查 选址 包括 涉及 其中 以及 还有 既有 也有 拥有 没有 所有 共有 具有 设有 建有 成为 作为 依托 围绕 聚焦 助力 覆盖 连接 经过 ' +
    '穿过 途经 点亮 获悉 地处 毗邻 临近 靠近 沿着 顺着 目前 同时 日前 近日 当天 今年 去年 来自 发布 启用 开通 开放 亮相 落地 投用 竣工 开工 新建 扩建 改造 提质 整治 ' +
    '治理 清理 巡查 构建 激发 发展 管理 壮大 做强 做大 提升 优化 规划 招商 助推 落实 确保 保障 加强 实现 形成 带动 引领 服务 推广 促进 培育 承接 布局 谋划 ' +
    '新增 投资 运营 改革 创新 升级 扩大 完成 组织 获评 获批 入选 上榜 荣获 获得 跻身 入围 评为 列入 纳入 携手 联合 对接 融入 对标 争创 申创 搭建 筹建 ' +
    '加大 强化 深化 拓展 打通 畅通 迁建 续建 在建 拟建 已建 建成 开建 启用 进入 走出 回到 返回 离开 到达 抵达 前往 赶赴 奔赴 派驻 驻扎 辐射 带来 实行 推行'
  ).split(' '),
);

/** 9个, 三大, 两家: a count, after which a name may start. */
export const COUNT_BEFORE = /(?:\d|[一二三四五六七八九十两几多百千万])[个家座条项位处批次大类]$/;
/** How far past the longest stem the reading goes, for ordinary words to be cut off (商业综合体万达广场). */
export const SCAN_SLACK = 6;

/**
 * Ordinary words that do not make a name on their own: a stem made only of these is no name
 * (集成电路产业园, 就业服务片区, 重点景区); leading ones are cut (商业综合体万达广场 → 万达广场).
 */
export const GENERIC_WORDS = new Set(
  (
    '集成电路 新能源 能源 装备 电子 信息 电气 材料 新材料 生物 医药 科技 智能 汽车 物流 文化 创意 软件 工业 产业 数字 农业 现代 高新 技术 创新 创业 ' +
    '总部 服务 商贸 轻工 食品 陶瓷 服饰 电商 互联网 抽水 蓄能 光伏 风电 水电 火电 重点 周边 相关 有关 全市 全省 全区 全县 全国 全 各 该 本 此 这 那 新 老 旧 ' +
    '主要 国家级 省级 市级 区级 县级 国家 千亿 百亿 首个 首家 唯一 大型 小型 中型 特色 示范 综合 商业 综合体 居民 安置 城中 老旧 就业 公共 城市 乡村 ' +
    '生态 旅游 健康 养老 教育 体育 国际 重要 知名 著名 现有 已有 原 其他 其它 多个 一批 两个 这个 那个 某 上榜 入选 五好 标准化 规范化 绿色 低碳 零碳 ' +
    '智慧 未来 特色 双创 中心 主题 休闲 康养 田园 湿地 森林 城区 市区 园区 社区 农村 小镇 镇区 街区 城郊 郊区 全域 周围 所在 辖区 本地 当地 外地 ' +
    '多 大 小 中'
  ).split(' '),
);
export const MAX_GENERIC = 4;

/** After a place, these open an organisation's name (湖南鼎英…有限公司, 武汉大学, 醴陵市第三中学). */
export const ORG_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|银行|支行|分行|海关|大学|学院|中学|小学|学校|幼儿园|^[一二三四五六七八九十]{1,2}中|医院|保健院|卫生院|法院|检察院|研究所|研究院|设计院|研究中心|服务中心|分中心|指挥中心|政府|常委会|委员会|管委会|党工委|商会|协会|学会|联合会|日报|晚报|电视台|电网|专利奖|代表团|机务段|工务段|车务段|商场|超市|^店|分店|派出所|民政办|河长办)/;
/** …局 and …厅 close an organisation unless they make an ordinary word (格局, 大局, 餐厅). */
export const BUREAU = /^[\u4e00-\u9fff]{1,6}?(?<![格全大布开结当出变僵饭赌骗政残终时骚平])局|^[\u4e00-\u9fff]{1,6}?(?<![大客餐展门舞歌花])厅/;
/** Where the look-ahead for an organisation suffix stops. */
export const ORG_STOP = /[\s,，。、;；:：!！?？“”"'‘’()（）《》·…—\-\d的是在将把被让对向从为于也都就还又已要和与及等]/;
export const ORG_LOOKAHEAD = 18;
