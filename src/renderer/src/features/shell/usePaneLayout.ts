import { useCallback, useEffect, useState } from 'react';

/** The reader view's side panes: their widths and whether they are hidden, remembered. */
export interface PaneLayout {
  library: number;
  claims: number;
  libraryHidden: boolean;
  claimsHidden: boolean;
}

const KEY = 'claimdesk.paneLayout';
// the library may widen far enough to show its columns side by side (libraryList.ts)
export const PANE_LIMITS = { library: [160, 640], claims: [240, 560] } as const;
/** the document keeps at least this much, whatever the panes beside it ask for */
const READER_MIN = 360;
const DEFAULT: PaneLayout = {
  // at 1280 these leave a PDF page fitted to the width at ~87% (it was 74%)
  library: 210,
  claims: 310,
  libraryHidden: false,
  claimsHidden: false,
};

const clamp = (n: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, n));

function load(): PaneLayout {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PaneLayout> | null;
    if (!saved || typeof saved !== 'object') return DEFAULT;
    return {
      library: clamp(Number(saved.library) || DEFAULT.library, PANE_LIMITS.library),
      claims: clamp(Number(saved.claims) || DEFAULT.claims, PANE_LIMITS.claims),
      libraryHidden: saved.libraryHidden === true,
      claimsHidden: saved.claimsHidden === true,
    };
  } catch {
    return DEFAULT;
  }
}

/**
 * The widths the panes get in a window of `width`: as asked, but narrowed (claims first, then the
 * library) so the document keeps READER_MIN; at 1024 px the defaults leave the text ~500 px.
 */
export function fitPanes(layout: PaneLayout, width: number): { library: number; claims: number } {
  let library = layout.libraryHidden ? 0 : layout.library;
  let claims = layout.claimsHidden ? 0 : layout.claims;
  let excess = library + claims + READER_MIN - width;
  if (excess > 0 && claims > 0) {
    const cut = Math.min(excess, claims - PANE_LIMITS.claims[0]);
    claims -= cut;
    excess -= cut;
  }
  if (excess > 0 && library > 0) library -= Math.min(excess, library - PANE_LIMITS.library[0]);
  return { library, claims };
}

export function usePaneLayout() {
  const [layout, setLayout] = useState<PaneLayout>(load);
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(layout));
    } catch {
      // storage unavailable: the layout lasts this session only
    }
  }, [layout]);

  const resize = useCallback((pane: 'library' | 'claims', px: number) => {
    setLayout((l) => ({ ...l, [pane]: clamp(Math.round(px), PANE_LIMITS[pane]) }));
  }, []);
  const toggle = useCallback((pane: 'library' | 'claims') => {
    setLayout((l) =>
      pane === 'library'
        ? { ...l, libraryHidden: !l.libraryHidden }
        : { ...l, claimsHidden: !l.claimsHidden },
    );
  }, []);
  return { layout, widths: fitPanes(layout, width), resize, toggle };
}
