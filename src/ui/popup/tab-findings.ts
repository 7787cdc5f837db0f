// The current tab's findings, asked of its content script. A tab without our content script (a
// browser page, a site turned off, a page loaded before the extension) rejects the message, and an
// unexpected reply is malformed: both read as "nothing found here", never as an error.
import { parsePageFindingsReply, type PageFinding } from '../../page-findings';

export async function readTabFindings(ask: () => Promise<unknown>): Promise<PageFinding[] | null> {
  try {
    return parsePageFindingsReply(await ask())?.entities ?? null;
  } catch {
    return null;
  }
}
