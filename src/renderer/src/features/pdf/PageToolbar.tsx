import { useEffect, useRef, useState } from 'react';
import { MAX_ZOOM, MIN_ZOOM } from './layout';
import { parsePageInput } from './pageMap';

interface Props {
  current: number;
  count: number;
  labels: readonly string[];
  zoom: number;
  fit: boolean;
  /** `fromBox`: the page number box was used; the pages take the focus back (for C, V, …) */
  onGo: (index: number, fromBox?: boolean) => void;
  onZoom: (dir: 1 | -1) => void;
  onFitWidth: () => void;
}

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Page navigation (page number box, previous/next) and zoom for the page view. */
export function PageToolbar({
  current,
  count,
  labels,
  zoom,
  fit,
  onGo,
  onZoom,
  onFitWidth,
}: Props) {
  const label = labels[current] ?? String(current + 1);
  const hasOwnLabels = labels.some((l, i) => l !== String(i + 1));
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => setInvalid(false), [draft]);

  const submit = () => {
    if (draft === null) return;
    const index = parsePageInput(draft, labels, count);
    if (index === null) {
      setInvalid(true);
      return;
    }
    setDraft(null);
    onGo(index, true);
  };

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="Page navigation and zoom">
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label="Previous page"
        aria-keyshortcuts="PageUp"
        title="Previous page (Page Up)"
        disabled={current <= 0}
        onClick={() => onGo(current - 1)}
      >
        ‹
      </button>
      <input
        ref={inputRef}
        type="text"
        className="input pdf-pagebox"
        inputMode={hasOwnLabels ? 'text' : 'numeric'}
        aria-label="Page number"
        aria-invalid={invalid || undefined}
        title={
          invalid
            ? `No page “${draft}”: type a page label or a number from 1 to ${count}`
            : 'Type a page number or label, then press Enter'
        }
        size={Math.max(2, String(count).length, label.length)}
        value={draft ?? label}
        onFocus={(e) => {
          setDraft(label);
          requestAnimationFrame(() => e.target.select());
        }}
        onBlur={() => setDraft(null)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(null);
            inputRef.current?.blur();
          }
        }}
      />
      <span className="pdf-pagecount">
        {hasOwnLabels
          ? `(${(current + 1).toLocaleString()} of ${count.toLocaleString()})`
          : `of ${count.toLocaleString()}`}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label="Next page"
        aria-keyshortcuts="PageDown"
        title="Next page (Page Down)"
        disabled={current >= count - 1}
        onClick={() => onGo(current + 1)}
      >
        ›
      </button>
      <span className="pdf-toolbar-gap" />
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label="Zoom out"
        aria-keyshortcuts="Control+-"
        title={`Zoom out (${mod} −)`}
        disabled={zoom <= MIN_ZOOM + 1e-3}
        onClick={() => onZoom(-1)}
      >
        −
      </button>
      <output className="pdf-zoom" aria-label="Zoom level">
        {Math.round(zoom * 100)}%
      </output>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-icon"
        aria-label="Zoom in"
        aria-keyshortcuts="Control+="
        title={`Zoom in (${mod} +)`}
        disabled={zoom >= MAX_ZOOM - 1e-3}
        onClick={() => onZoom(1)}
      >
        +
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-label="Fit width"
        aria-pressed={fit}
        aria-keyshortcuts="Control+0"
        title={`Fit the page to the width of the pane (${mod} 0)`}
        onClick={onFitWidth}
      >
        Fit width
      </button>
    </div>
  );
}
