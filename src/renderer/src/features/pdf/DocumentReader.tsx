import { useCallback, useEffect, useRef, useState, type ComponentProps, type Ref } from 'react';
import { useActions } from '../../actions/context';
import { Reader, type ReaderHandle } from '../reader/Reader';
import { ReaderHeader } from '../reader/ReaderHeader';
import { PageView } from './PageView';

type Props = ComponentProps<typeof Reader>;
type View = 'text' | 'pages';

const VIEW_KEY = 'claimdesk.pdfView';
const savedView = (): View => {
  try {
    return localStorage.getItem(VIEW_KEY) === 'pages' ? 'pages' : 'text';
  } catch {
    return 'text';
  }
};

/**
 * The reader for any document: PDFs get a "Text | Pages" switch (V toggles) between the extracted
 * text and the real pages; everything else is the text reader alone. The last choice is
 * remembered. Switching keeps the reader's place, and the app's reader handle (reveal a claim,
 * read the selection) always reaches the view on screen.
 */
export function DocumentReader(props: Props) {
  const isPdf = props.doc.mediaType === 'application/pdf' && props.content.pages.length > 0;
  return isPdf ? <PdfReader key={props.doc.id} {...props} /> : <Reader {...props} />;
}

function PdfReader(props: Props) {
  const [view, setViewState] = useState<View>(savedView);
  const inner = useRef<ReaderHandle | null>(null);
  const [startOffset, setStartOffset] = useState<number | null>(null);

  const viewRef = useRef(view);
  viewRef.current = view;
  const setView = useCallback((next: View) => {
    if (viewRef.current === next) return;
    // open the other view where this one is
    setStartOffset(inner.current?.visibleOffset() ?? null);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // storage unavailable: the choice lasts this session only
    }
    setViewState(next);
  }, []);

  useActions([
    {
      id: 'pdf.switchView',
      label: 'Switch a PDF between its text and its pages',
      keys: ['V'],
      scope: 'reader',
      perform: () => setView(viewRef.current === 'text' ? 'pages' : 'text'),
    },
  ]);

  const ref = useCallback(
    (handle: ReaderHandle | null) => {
      inner.current = handle;
      assignRef(props.ref, handle);
    },
    [props.ref],
  );

  const switcher = <ViewSwitch view={view} onChange={setView} />;
  if (view === 'text') {
    return <TextAt {...props} ref={ref} headerActions={switcher} startOffset={startOffset} />;
  }
  return (
    <PageView
      {...props}
      ref={ref}
      header={
        <ReaderHeader doc={props.doc} claimCount={props.claims.length}>
          {switcher}
        </ReaderHeader>
      }
      startOffset={startOffset}
      onShowText={() => setView('text')}
    />
  );
}

/** The text reader, scrolled to where the page view was. */
function TextAt(props: Props & { startOffset: number | null; ref: Ref<ReaderHandle> }) {
  const { startOffset, ...rest } = props;
  const handle = useRef<ReaderHandle | null>(null);
  const outer = props.ref;
  const ref = useCallback(
    (h: ReaderHandle | null) => {
      handle.current = h;
      assignRef(outer, h);
    },
    [outer],
  );
  const offset = useRef(startOffset);
  useEffect(() => {
    if (offset.current !== null) handle.current?.revealOffset(offset.current);
    offset.current = null;
  }, []);
  return <Reader {...rest} ref={ref} />;
}

function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <div className="view-switch" role="group" aria-label="View" aria-keyshortcuts="V">
      {(['text', 'pages'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className="view-switch-btn"
          aria-pressed={view === v}
          title={`${v === 'text' ? 'The extracted text' : 'The pages as printed'} (V switches)`}
          onClick={() => onChange(v)}
        >
          {v === 'text' ? 'Text' : 'Pages'}
        </button>
      ))}
    </div>
  );
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}
