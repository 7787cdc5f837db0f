// Files → ArchiveBundle. A bad file is reported with its name and the reason and left out; the
// rest of the archive still builds. Nothing here throws on bad input.

import { countChinese, decodeIssueBytes } from './decode';
import { extractEntities } from './entities';
import { parseIssueText, type ParsedIssue } from './parse-issue';
import type { ArchiveBundle, ParseError } from './types';

export interface IssueFile {
  source: string;
  bytes: Uint8Array;
}

export const MAX_ISSUE_BYTES = 5 * 1024 * 1024;

/** Why a decoded text is not a newspaper issue, or null when it looks like one. */
export function notAnIssueReason(text: string, parsed: ParsedIssue): string | null {
  const { han, chinese, total } = countChinese(text);
  if (han < 100 || chinese < 0.3 * total) {
    return '不是中文报纸版面文本：汉字太少 (not a newspaper issue: too little Chinese text)';
  }
  const hasMasthead = parsed.issue.issueNo !== null || parsed.issue.dateEvidence?.method === 'masthead';
  const hasBylines = parsed.articles.some((a) => a.byline.reporters.length + a.byline.correspondents.length > 0 || a.continuedFrom !== null);
  if (!hasMasthead && !hasBylines) {
    return '不像株洲日报的版面：没有报头，也没有记者署名 (not a newspaper issue: no masthead and no bylines)';
  }
  return null;
}

export type FileResult = { ok: true; parsed: ParsedIssue } | { ok: false; error: ParseError };

export function parseIssueFile(file: IssueFile): FileResult {
  const fail = (reason: string): FileResult => ({ ok: false, error: { source: file.source, reason } });
  try {
    if (file.bytes.length > MAX_ISSUE_BYTES) {
      return fail(`文件太大 (${file.bytes.length} 字节)，一期报纸的文本不超过 ${MAX_ISSUE_BYTES} 字节 (file too large for one issue)`);
    }
    const decoded = decodeIssueBytes(file.bytes);
    if (!decoded.ok) return fail(decoded.reason);
    const parsed = parseIssueText(file.source, decoded.text);
    const reason = notAnIssueReason(decoded.text, parsed);
    return reason ? fail(reason) : { ok: true, parsed };
  } catch (e) {
    // A parser bug must not take the rest of the archive down; report it against the file.
    return fail(`解析器内部错误 (internal parser error): ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function buildBundle(files: IssueFile[]): { bundle: ArchiveBundle; errors: ParseError[] } {
  const bundle: ArchiveBundle = { version: 1, issues: [], articles: [], entities: [], mentions: [], figures: [] };
  const errors: ParseError[] = [];
  const byId = new Map<string, string>();
  for (const file of files) {
    const result = parseIssueFile(file);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const { issue, articles } = result.parsed;
    const earlier = byId.get(issue.id);
    if (earlier !== undefined) {
      errors.push({ source: file.source, reason: `与 ${earlier} 是同一期报纸，未重复收录 (same issue as ${earlier}; not added twice)` });
      continue;
    }
    byId.set(issue.id, file.source);
    bundle.issues.push(issue);
    bundle.articles.push(...articles);
  }
  try {
    Object.assign(bundle, extractEntities(bundle.issues, bundle.articles));
  } catch (e) {
    // The articles are still worth shipping; say what went wrong instead of losing the archive.
    errors.push({ source: '(entities)', reason: `实体抽取内部错误 (internal entity extraction error): ${e instanceof Error ? e.message : String(e)}` });
  }
  return { bundle, errors };
}
