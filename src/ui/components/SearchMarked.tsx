// Archive text with the query's matches marked: <mark> elements holding text nodes, never markup.
// The text goes through toDisplay first, which keeps every offset (see archive/display.ts).
import { toDisplay } from '../../archive/display';
import type { Mark } from '../../search';
import { markedParts } from '../popup/marked-text';

export function SearchMarked({ text, marks }: { text: string; marks: readonly Mark[] }) {
  return (
    <>
      {markedParts(toDisplay(text), marks).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
