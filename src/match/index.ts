// The name matcher. The content script needs only NameMatcher, PageContext and scanText (import
// them from './matcher', './page-context', './scan' to keep the fold table out of its bundle);
// compileNames, foldChar and foldText carry the full 繁→简 table.
export { compileNames, nameKey, type CompiledEntity, type CompiledName, type CompiledNames, type CompileOptions } from './compile';
export { NameMatcher, type NameHit } from './matcher';
export { PageContext, NEAR, type TitleProbe } from './page-context';
export { scanText, type NameMatch } from './scan';
export { foldChar, foldText } from './fold';
export { CONTEXT_ALONE_AT, STRONG_AT } from './thresholds';
