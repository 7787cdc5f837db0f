// Pinyin keys of entity names, for the build and the command line (Node). pinyin-pro is 187 kB and
// ~58 ms per keystroke over 3,000 names; the keys it yields are a few bytes per name. So it runs
// here, once, and the extension ships only the keys (public/pinyin-keys.json). Nothing under the
// popup, background or content entrypoints may import this module.
import { pinyin } from 'pinyin-pro';
import type { EntityRecord } from '../archive/types';
import { pinyinKeyOf, type NamePinyin, type PinyinKeys } from './pinyin-table';

const HAN = /\p{Script=Han}/u;

function syllables(name: string, surname: boolean): { text: string; han: boolean }[] {
  const parts = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive', surname: surname ? 'head' : 'off' });
  const chars = [...name];
  // pinyin-pro gives one entry per Han character and one per run of anything else; walk both
  // to know which entries are syllables.
  const out: { text: string; han: boolean }[] = [];
  let c = 0;
  for (const part of parts) {
    const han = c < chars.length && HAN.test(chars[c]!);
    c += han ? 1 : [...part].length;
    const text = pinyinKeyOf(part);
    if (text !== '') out.push({ text, han });
  }
  return out;
}

function keysOf(name: string, surname: boolean): NamePinyin {
  const parts = syllables(name, surname);
  const full = parts.map((p) => p.text).join('');
  const first = parts.map((p) => (p.han ? p.text[0]! : p.text)).join('');
  const digraph = parts.map((p) => (p.han ? (/^[zcs]h/.test(p.text) ? p.text.slice(0, 2) : p.text[0]!) : p.text)).join('');
  return { full: full === '' ? [] : [full], initials: [...new Set([first, digraph])].filter((k) => k !== '') };
}

function merge(a: NamePinyin | undefined, b: NamePinyin): NamePinyin {
  if (!a) return b;
  return { full: [...new Set([...a.full, ...b.full])], initials: [...new Set([...a.initials, ...b.initials])] };
}

/**
 * Pinyin keys for every name and alias of these entities. People's names are read in surname
 * mode (单 shàn, 曾 zēng, 解 xiè as surnames); a string that names a person and something else
 * gets both readings.
 */
export function computePinyinKeys(entities: readonly Pick<EntityRecord, 'type' | 'name' | 'aliases'>[]): PinyinKeys {
  const table: PinyinKeys = {};
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) {
      if (!HAN.test(name)) continue; // a name without Chinese is found by its own letters
      table[name] = merge(table[name], keysOf(name, e.type === 'person'));
    }
  }
  return table;
}
