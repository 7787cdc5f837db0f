// The page side of the content script: walking text, matching, highlights, hit-testing. No
// extension API in here (the content script wires it to the background).
export { createPageScanner, CONTEXT_UNITS, type PageMatch, type PageMatcher, type PageScanner, type PageScannerOptions, type PageScanStats } from './scanner';
export { HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT, HIGHLIGHT_CSS, HighlightPainter, highlightApi } from './highlights';
export { caretAt, highlightRangesAt, rangeBoxes, rangeContainsPoint, type Box } from './hit-test';
export { walkRuns, collectRuns, runsInDocumentOrder, type TextRun, type Segment, type OwnerRuns, type WalkOptions } from './text-runs';
export { locate, liveRange, highlightRange, toLiveRange } from './ranges';
export { SliceScheduler, defaultSliceRequest, type Job, type Slice, type SchedulerOptions } from './scheduler';
export { MutationWatcher, type MutationSummary, type MutationWatchOptions } from './mutations';
export { elementRole, isSkipped, isReadable, blockOwner, ZZL_ATTR, type ElementRole } from './skip-rules';
export { joinRuns, type WalkedText, type WalkedMatch } from './walked-text';
export { judgePage } from './judge';
export { hasHan } from './cjk';
export { decodeHtmlBytes } from './decode-html';
export { scanDocument } from './scan-document';
