import type { Box } from './textLayerDom';

export interface DrawnHighlight extends Box {
  claimIds: string[];
}

const placed = (d: Box) => ({
  left: `${d.left}%`,
  top: `${d.top}%`,
  width: `${d.width}%`,
  height: `${d.height}%`,
});

/**
 * The marks between a page's canvas and its text layer: claim highlights (deeper where claims
 * overlap) and the passage shown on request. In per cent of the page, so a zoom needs no redraw.
 */
export function PageHighlights({
  drawn,
  hit,
  selectedClaimId,
}: {
  drawn: readonly DrawnHighlight[];
  hit: readonly Box[];
  selectedClaimId: string | null;
}) {
  return (
    <div className="pdf-highlights" aria-hidden="true">
      {drawn.map((d, i) => (
        <div
          key={i}
          className={`pdf-hl${selectedClaimId && d.claimIds.includes(selectedClaimId) ? ' is-selected' : ''}`}
          data-claims={d.claimIds.join(' ')}
          data-depth={Math.min(3, d.claimIds.length)}
          style={placed(d)}
        />
      ))}
      {hit.map((d, i) => (
        <div key={`hit${i}`} className="pdf-hit" style={placed(d)} />
      ))}
    </div>
  );
}
