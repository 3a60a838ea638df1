import { useMemo } from 'react';
import { NETWORK_EDGE_KINDS, type NetworkGraph } from '../../../../../shared/api-analysis';
import type { EntityId } from '../../../../../shared/model';

const CLAIMANT = NETWORK_EDGE_KINDS.indexOf('claimant');

/** The links of the network, most claims first; the first 500 (the chart has them all). */
export function NetworkTable({
  data,
  onEdge,
  onOpenEntity,
}: {
  data: NetworkGraph;
  onEdge: (index: number) => void;
  onOpenEntity: (id: EntityId) => void;
}) {
  const { source, target, kind, claimCount } = data.edges;
  const shown = useMemo(
    () =>
      Array.from(claimCount.keys())
        .sort((a, b) => claimCount[b]! - claimCount[a]!)
        .slice(0, 500),
    [claimCount],
  );
  const entity = (i: number) => data.nodes[i]!;
  return (
    <div className="network-table">
      <table className="analysis-table">
        <caption>
          Links made by claims, most claims first{claimCount.length > 500 ? ' (the first 500)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
            <th scope="col">Claims</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e}>
              <td>
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => onOpenEntity(entity(source[e]!).id)}
                >
                  {entity(source[e]!).name}
                </button>
              </td>
              <td>{kind[e] === CLAIMANT ? 'claims about' : 'named together with'}</td>
              <td>
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => onOpenEntity(entity(target[e]!).id)}
                >
                  {entity(target[e]!).name}
                </button>
              </td>
              <td>
                <button type="button" className="link-btn" onClick={() => onEdge(e)}>
                  {claimCount[e]} claim{claimCount[e] === 1 ? '' : 's'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
