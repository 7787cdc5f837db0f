// The precision levels (precision.ts scores) at which a name's treatment changes. Kept apart so the
// content script's PageContext reads them without the scoring code.

/** At or above: strong, marked on any page. */
export const STRONG_AT = 0.5;

/** Weak names at or above this are specific enough that the page's Zhuzhou context alone lets them count. */
export const CONTEXT_ALONE_AT = 0.4;
