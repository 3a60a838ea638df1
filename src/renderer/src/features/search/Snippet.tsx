import type { Snippet as SnippetData } from '../../../../shared/api-search';
import { snippetParts } from './snippet';

/** Snippet text with the matched words in <mark>: built as React elements, never as HTML. */
export function Snippet({ snippet, className }: { snippet: SnippetData; className?: string }) {
  return (
    <span className={className}>
      {snippet.truncatedStart && '…'}
      {snippetParts(snippet.text, snippet.highlights).map((p, i) =>
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
