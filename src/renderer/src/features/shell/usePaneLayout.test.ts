import { describe, expect, it } from 'vitest';
import { fitPanes, type PaneLayout } from './usePaneLayout';

const layout = (over: Partial<PaneLayout> = {}): PaneLayout => ({
  library: 210,
  claims: 310,
  libraryHidden: false,
  claimsHidden: false,
  ...over,
});

describe('fitPanes', () => {
  it('gives the panes what they ask for when the window has room', () => {
    expect(fitPanes(layout(), 1024)).toEqual({ library: 210, claims: 310 });
  });

  it('narrows the claims panel first, then the library, so the text keeps 360 px', () => {
    expect(fitPanes(layout({ claims: 500 }), 1024)).toEqual({ library: 210, claims: 454 });
    expect(fitPanes(layout({ library: 400, claims: 500 }), 900)).toEqual({
      library: 300,
      claims: 240,
    });
  });

  it('never goes below a pane’s smallest width, and a hidden pane takes nothing', () => {
    expect(fitPanes(layout({ library: 400, claims: 500 }), 600)).toEqual({
      library: 160,
      claims: 240,
    });
    expect(fitPanes(layout({ libraryHidden: true, claimsHidden: true }), 1024)).toEqual({
      library: 0,
      claims: 0,
    });
  });
});
