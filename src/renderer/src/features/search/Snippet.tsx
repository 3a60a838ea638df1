import type { Snippet as SnippetData } from '../../../../shared/api-search';
import { snippetToUnits } from '../../offsets';
import { snippetParts } from './snippet';

/** Snippet text with the matched words in <mark>: built as React elements, never as HTML. */
export function Snippet({ snippet, className }: { snippet: SnippetData; className?: string }) {
  // highlights come in code points of the snippet's text; slicing counts UTF-16
  const { text, highlights } = snippetToUnits(snippet);
  return (
    <span className={className}>
      {snippet.truncatedStart && '…'}
      {snippetParts(text, highlights).map((p, i) =>
        p.marked ? (
          <mark key={i} className="hit-mark">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {snippet.truncatedEnd && '…'}
    </span>
  );
}
