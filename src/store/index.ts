// The archive store's public surface: open, import, manage issues, query.
export { openArchiveDb, type ArchiveDb, type OpenOptions } from './open';
export { cachedConnection } from './connection';
export { importBundle, type ImportOptions, type ImportOutcome, type ImportResult } from './import';
export { runCleanup, DEFAULT_CHUNK_SIZE, type ChunkInfo, type ChunkOptions, type CleanupOutcome } from './generations';
export { removeUserIssue, hideIssue, unhideIssue, resetHiddenIssues } from './issues';
export * from './queries';
export { articleSlice, entitySlice, recentSlice, emptyBundle } from './slices';
export { entitySummaries, type SummaryObserver } from './entity-summaries';
export { readStatus, type ArchiveStatus, type PendingImport } from './status';
export { currentStamp, saveMatcher, loadMatcher } from './matcher';
export { bundleHash } from './hash';
export { StoreFailure, type StoreError, type StoreErrorKind, type StoreResult } from './errors';
export { DB_NAME, SCHEMA_VERSION, type StoreCounts, type JsonValue } from './schema';
export type { SkippedIssue, UserIssueEntry } from './meta';
export { ensureSearchSegments, searchSources, segmentIdOf, IdbPostingSource, type SegmentsOutcome } from './search-segments';
