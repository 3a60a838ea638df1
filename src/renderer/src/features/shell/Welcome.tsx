/** The reader pane before a document is open (or while one loads). */
export function Welcome({
  loading,
  hasDocuments,
}: {
  loading: string | null;
  hasDocuments: boolean;
}) {
  return (
    <main className="pane reader reader-welcome" aria-label="Reader" aria-busy={loading !== null}>
      {loading !== null ? (
        <div className="welcome-card">
          <p>Opening “{loading}”…</p>
          <progress aria-label={`Opening ${loading}`} />
        </div>
      ) : (
        <div className="welcome-card">
          <h2>
            {hasDocuments ? 'Open a document from the library' : 'Start by importing a source'}
          </h2>
          <p>
            Import reports and articles, read them here, and mark the passages that make claims.
            Everything stays on this computer.
          </p>
          <ol>
            <li>
              <strong>Import files</strong> (or drop them on the window)
            </li>
            <li>
              Select a passage and press <kbd>C</kbd> to make it a claim
            </li>
            <li>Describe the claim in the panel on the right</li>
            <li>
              <strong>Export claims</strong> as JSON
            </li>
          </ol>
          <p className="welcome-keys">
            Press <kbd>?</kbd> for all keyboard shortcuts.
          </p>
        </div>
      )}
    </main>
  );
}
