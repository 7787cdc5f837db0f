// One full read of a document, as the content script would make it, waited for to the end: the
// command line's `scan FILE.html` and tests use it. The same scanner, without watching for changes.
import { createPageScanner, type PageMatcher } from './scanner';
import type { WalkedText } from './walked-text';

export async function scanDocument(doc: Document, matcher: PageMatcher): Promise<WalkedText> {
  const scanner = createPageScanner({ matcher, document: doc, mutations: false });
  scanner.start();
  await scanner.whenIdle();
  const walked = scanner.walkedText();
  scanner.stop();
  return walked;
}
