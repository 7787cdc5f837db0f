// Well-known Zhuzhou companies and institutions that the press names by a short form. Each short
// form is linked to the registered name it stands for; sources: the companies' own registered
// names as published in the national enterprise credit register and their annual reports
// (CRRC, Sany, China Tungsten High-Tech), and common usage in Hunan press. General knowledge of
// the city, not a list of names taken from the seed issues.

export interface OrgAlias {
  name: string;
  aliases: string[];
  orgType: string;
}

export const ORG_ALIASES: OrgAlias[] = [
  { name: '中车株洲电力机车研究所有限公司', aliases: ['中车株洲所', '株洲所'], orgType: 'company' },
  { name: '中车株洲电力机车有限公司', aliases: ['中车株机', '株机公司'], orgType: 'company' },
  { name: '中车株洲电机有限公司', aliases: ['中车电机'], orgType: 'company' },
  { name: '株洲中车时代电气股份有限公司', aliases: ['时代电气', '中车时代电气'], orgType: 'company' },
  { name: '株洲中车时代半导体有限公司', aliases: ['中车时代半导体公司', '中车时代半导体', '时代半导体'], orgType: 'company' },
  { name: '株洲时代新材料科技股份有限公司', aliases: ['时代新材'], orgType: 'company' },
  { name: '湖南中车时代电动汽车股份有限公司', aliases: ['时代电动', '中车时代电动'], orgType: 'company' },
  { name: '株洲硬质合金集团有限公司', aliases: ['株硬集团', '株洲硬质合金集团'], orgType: 'company' },
  { name: '湖南华联瓷业股份有限公司', aliases: ['华联瓷业'], orgType: 'company' },
  { name: '三一集团有限公司', aliases: ['三一集团', '三一'], orgType: 'company' },
  { name: '中国航空发动机集团有限公司', aliases: ['中航发', '中国航发'], orgType: 'company' },
  { name: '中钨高新材料股份有限公司', aliases: ['中钨高新'], orgType: 'company' },
  { name: '株洲国创轨道科技有限公司', aliases: ['株洲国创', '国创中心'], orgType: 'company' },
  { name: '北京汽车股份有限公司株洲分公司', aliases: ['北汽株洲分公司', '北汽株洲'], orgType: 'company' },
  { name: '中国铁路广州局集团有限公司', aliases: ['广铁集团'], orgType: 'company' },
  { name: '湖南省高级人民法院', aliases: ['省高级人民法院', '省高院'], orgType: 'court' },
  { name: '湖南省人民检察院', aliases: ['省人民检察院', '省检察院'], orgType: 'court' },
  { name: '中国共产党中央委员会', aliases: ['中共中央', '党中央'], orgType: 'party' },
];

/** Short forms that are too short or too common to be found alone in running text. */
export const CONTEXT_ONLY = new Set(['三一', '株洲所']);
