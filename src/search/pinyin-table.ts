// Pinyin keys of names, computed where a pinyin library may run (the build, in Node: see
// pinyin-keys.ts) and shipped as data, so nothing in the extension carries the library itself.

export interface NamePinyin {
  /** Whole syllables run together, lower case, ü as v: 'caohuiquan'. */
  full: string[];
  /** First letters ('chq'), and with zh/ch/sh kept whole when that differs ('chhq' for 陈恢清). */
  initials: string[];
}

/** Pinyin keys by name (and alias) exactly as printed. */
export type PinyinKeys = Record<string, NamePinyin>;

/** Folds a typed pinyin query the way keys are written: lower case letters and digits only, ü as v. */
export function pinyinKeyOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}
