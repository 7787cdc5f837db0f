// The cheap test that keeps pages without Chinese almost free: every name the matcher knows has a
// Han character in it, so text without one is never handed to the matcher.

/** Han ideographs: Extension A and the URO (U+3400–9FFF), compatibility ideographs, and the high surrogates of planes 2–3 (Extensions B–H). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud8bf]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
