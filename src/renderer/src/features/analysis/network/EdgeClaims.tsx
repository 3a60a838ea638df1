import { useQuery } from '@tanstack/react-query';
import { NETWORK_EDGE_KINDS, type NetworkGraph } from '../../../../../shared/api-analysis';
import type { Input } from '../../../../../shared/api';
import { invoke } from '../../../api';
import { useNavigate } from '../../entities/navigate';
import { errorMessage } from '../../shell/useToasts';
import { ClaimCardView } from '../ClaimCardView';
import { analysisKeys, useCards } from '../queries';

/** The claims behind one edge, asked for when it is opened (the network carries only counts). */
export function EdgeClaims({
  index,
  data,
  input,
  onClose,
}: {
  index: number;
  data: NetworkGraph;
  input: Omit<Input<'analysis.networkLink'>, 'source' | 'target' | 'kind'>;
  onClose: () => void;
}) {
  const source = data.nodes[data.edges.source[index]!]!;
  const target = data.nodes[data.edges.target[index]!]!;
  const kind = NETWORK_EDGE_KINDS[data.edges.kind[index]!]!;
  const count = data.edges.claimCount[index]!;
  const link = { ...input, source: source.id, target: target.id, kind };
  const ids = useQuery({
    queryKey: analysisKeys.networkLink(link),
    queryFn: () => invoke('analysis.networkLink', link),
  });
  const cards = useCards((ids.data ?? []).slice(0, 200));
  const navigate = useNavigate();
  return (
    <aside className="edge-claims" aria-label="Claims behind this link">
      <header>
        <h3>
          {source.name} {kind === 'claimant' ? '→' : '—'} {target.name}
        </h3>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
          Close
        </button>
      </header>
      <p>
        {count} claim{count === 1 ? '' : 's'}
        {count > 200 ? ' (the first 200 shown)' : ''}
      </p>
      {ids.isError && <p role="alert">{errorMessage(ids.error, 'load the claims of this link')}</p>}
      {(cards.data ?? []).map((c) => (
        <ClaimCardView
          key={c.id}
          card={c}
          onOpen={(x) => navigate.toClaim(x.documentId, x.id, x.start, x.end)}
        />
      ))}
    </aside>
  );
}
