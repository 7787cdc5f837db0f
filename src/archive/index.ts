export * from './types';
export { buildBundle, parseIssueFile, type IssueFile } from './bundle';
export { parseIssueText } from './parse-issue';
export { decodeIssueBytes } from './decode';
export { toDisplay } from './display';
