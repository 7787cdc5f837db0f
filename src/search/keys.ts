// Posting keys. One namespace per document kind, so a query restricted to one kind reads only its
// records, and a prefix that can never occur inside a gram (grams are letters, digits and marks).
//
// Weight bytes per namespace:
//   a:GRAM   articles. 0x80: in the headline or a subheadline; low 7 bits: occurrences in the body
//            (paragraphs and byline), capped at 127. Single characters are keyed from headlines only.
//   h=TEXT   articles whose headline, folded and without whitespace, is exactly TEXT.
//   e:GRAM   entities, single characters and bigrams of names and aliases. 1: name, 2: alias.
//   e=TEXT   entities with that exact name (2) or alias (1).
//   p=KEY    entities whose name (1: full pinyin, 2: initials) or alias (4: full, 8: initials) is KEY.
//   p>KEY    entities with a pinyin key that starts with KEY (1: of the name, 2: of an alias).
//   f:GRAM   figures, bigrams only. 1: metric, 2: subject's name, 4: the figure's text or period,
//            8: the sentence around it. (Single characters would double the figures' postings to
//            serve one-character queries, which find names and headlines instead.)
// Every entity key's weight also carries the entity's type (0x10 person, 0x20 place, 0x40 org), so
// a type filter needs no document reads.

export const ARTICLE_GRAM = 'a:';
export const HEADLINE_EXACT = 'h=';
export const ENTITY_GRAM = 'e:';
export const ENTITY_EXACT = 'e=';
export const PINYIN_EXACT = 'p=';
export const PINYIN_PREFIX = 'p>';
export const FIGURE_GRAM = 'f:';

export const IN_HEADLINE = 0x80;
export const BODY_COUNT = 0x7f;

export const ENTITY_NAME = 1;
export const ENTITY_ALIAS = 2;

export const EXACT_NAME = 2;
export const EXACT_ALIAS = 1;

export const PINYIN_NAME_FULL = 1;
export const PINYIN_NAME_INITIALS = 2;
export const PINYIN_ALIAS_FULL = 4;
export const PINYIN_ALIAS_INITIALS = 8;

export const ENTITY_TYPE_BITS = { person: 0x10, place: 0x20, org: 0x40 } as const;
export const ENTITY_MATCH_BITS = 0x0f;

export const FIGURE_METRIC = 1;
export const FIGURE_SUBJECT = 2;
export const FIGURE_TEXT = 4;
export const FIGURE_CLAUSE = 8;

/** Shortest pinyin prefix keyed: one letter would list most of the archive. */
export const MIN_PINYIN_PREFIX = 2;
