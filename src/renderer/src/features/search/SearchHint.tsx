/** The query syntax at a glance (the backend's fts-query.ts is the reference). */
export function SearchHint() {
  return (
    <div className="search-hint">
      <span>
        <code>"prison riot"</code> phrase
      </span>
      <span>
        <code>Khuj*</code> prefix
      </span>
      <span>
        <code>AND</code> <code>OR</code> <code>NOT</code> <code>( )</code>
      </span>
      <span>
        <code>entity:"Name"</code> any of its names
      </span>
      <span className="search-hint-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Alt</kbd>+<kbd>→</kbd> other file of the
        work · <kbd>Esc</kbd> close
      </span>
    </div>
  );
}
