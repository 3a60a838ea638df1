import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import type {
  AnalysisFilter,
  Network,
  NetworkEdge,
  NetworkEdgeKind,
} from '../../../../../shared/api-analysis';
import type { EntityId } from '../../../../../shared/model';
import { describeProgress, downloadBlob, saveFile } from '../../../lib/download';
import { useNavigate } from '../../entities/navigate';
import { useEntities } from '../../entities/store';
import { errorMessage } from '../../shell/useToasts';
import { AnalysisFilters } from '../AnalysisFilters';
import { ClaimCardView } from '../ClaimCardView';
import { useCards, useNetwork } from '../queries';
import type { LayoutProgress, LayoutRequest } from './layout.worker';
import LayoutWorker from './layout.worker?worker';
import { networkSvg, svgToPng, type PictureEdge, type PictureNode } from './picture';

interface Props {
  active: boolean;
  onOpenEntity: (id: EntityId) => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

const KIND_VARS: Record<string, string> = {
  person: '--net-person',
  organization: '--net-organization',
  place: '--net-place',
  event: '--net-event',
};

/**
 * The network of entities that claims link: nodes by kind, edges weighted by their claims. Drawn by
 * sigma (WebGL), laid out by ForceAtlas2 in a worker. A click on an edge lists its claims, a click
 * on a node opens the entity; the table lists the same edges for keyboard and screen readers.
 */
export function NetworkView({ active, onOpenEntity, onStatus, onError }: Props) {
  const [filter, setFilter] = useState<AnalysisFilter>({});
  const [kinds, setKinds] = useState<string[] | null>(null);
  const [edgeKinds, setEdgeKinds] = useState<NetworkEdgeKind[]>(['claimant', 'co-subject']);
  const input = useMemo(
    () => ({ filter, ...(kinds ? { kinds } : {}), edgeKinds }),
    [filter, kinds, edgeKinds],
  );
  const network = useNetwork(input, active);
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const [edge, setEdge] = useState<NetworkEdge | null>(null);
  const [layoutState, setLayoutState] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const graphRef = useRef<Graph | null>(null);
  const store = useEntities();
  const data = network.data;
  const entityKinds = store.vocabulary?.entity_kind ?? [
    'person',
    'organization',
    'place',
    'event',
    'other',
  ];

  useEffect(() => {
    const container = containerRef.current;
    if (!data || !container || mode !== 'chart') return;
    const css = getComputedStyle(container);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const graph = buildGraph(
      data,
      (kind) => color(KIND_VARS[kind] ?? '--net-other', '#888'),
      color('--net-edge', '#999'),
      color('--text', '#000'),
    );
    graphRef.current = graph;
    const sigma = new Sigma(graph, container, {
      // labels in the theme's text colour (sigma draws them dark by default, unreadable in dark mode)
      styles: {
        ...DEFAULT_STYLES,
        nodes: {
          ...DEFAULT_STYLES.nodes,
          labelColor: { attribute: 'labelColor', defaultValue: '#000' },
        },
      },
      settings: {
        itemSizesReference: 'screen',
        enableEdgeEvents: true,
        renderEdgeLabels: false,
        hideEdgesOnMove: graph.size > 20_000,
        labelDensity: 0.5,
        labelRenderedSizeThreshold: 8,
        allowInvalidContainer: true,
      },
    });
    sigma.on('clickEdge', ({ edge: key }) => setEdge(data.edges.find((e) => e.id === key) ?? null));
    sigma.on('clickNode', ({ node }) => onOpenEntity(node as EntityId));
    sigma.on('clickStage', () => setEdge(null));

    // the layout runs in a worker; the page only copies positions in
    const worker = new LayoutWorker();
    const index = new Map(data.nodes.map((n, i) => [n.id as string, i]));
    const positions = new Float32Array(2 * data.nodes.length);
    data.nodes.forEach((n, i) => {
      positions[2 * i] = graph.getNodeAttribute(n.id, 'x') as number;
      positions[2 * i + 1] = graph.getNodeAttribute(n.id, 'y') as number;
    });
    const edges: number[] = [];
    for (const e of data.edges)
      edges.push(index.get(e.source)!, index.get(e.target)!, e.claimIds.length);
    setLayoutState('Laying out…');
    worker.onmessage = (event: MessageEvent<LayoutProgress>) => {
      const { positions: p, settled, elapsedMs } = event.data;
      // one batch update (one event for sigma), not 5,000 single-node events per message
      graph.updateEachNodeAttributes(
        (node, a) => {
          const i = index.get(node)!;
          return { ...a, x: p[2 * i], y: p[2 * i + 1] };
        },
        { attributes: ['x', 'y'] },
      );
      if (settled) {
        setLayoutState(`Layout settled in ${(elapsedMs / 1000).toFixed(1)} s`);
        container.dataset.layout = 'settled';
        worker.terminate();
      }
    };
    container.dataset.layout = 'running';
    const request: LayoutRequest = { n: data.nodes.length, edges, positions, budgetMs: 8_000 };
    worker.postMessage(request, [positions.buffer]);
    const media = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      const next = getComputedStyle(container);
      const c = (name: string, fallback: string) => next.getPropertyValue(name).trim() || fallback;
      graph.forEachNode((id, a) =>
        graph.mergeNodeAttributes(id, {
          color: c(KIND_VARS[a.kind as string] ?? '--net-other', '#888'),
          labelColor: c('--text', '#000'),
        }),
      );
      graph.forEachEdge((id) => graph.setEdgeAttribute(id, 'color', c('--net-edge', '#999')));
    };
    media.addEventListener('change', recolour);
    return () => {
      media.removeEventListener('change', recolour);
      worker.terminate();
      sigma.kill();
      graphRef.current = null;
    };
  }, [data, mode, onOpenEntity]);

  const picture = (): { svg: string; width: number; height: number } | null => {
    const graph = graphRef.current;
    const container = containerRef.current;
    if (!graph || !container) return null;
    const css = getComputedStyle(container);
    const order = graph.nodes();
    const at = new Map(order.map((id, i) => [id, i]));
    const nodes: PictureNode[] = order.map((id) => {
      const a = graph.getNodeAttributes(id);
      return {
        x: a.x as number,
        y: a.y as number,
        size: a.size as number,
        color: a.color as string,
        label: a.label as string,
      };
    });
    const edges: PictureEdge[] = graph.mapEdges((_, a, s, t) => ({
      source: at.get(s)!,
      target: at.get(t)!,
      size: a.size as number,
    }));
    const width = 1600;
    const height = 1200;
    const svg = networkSvg(nodes, edges, {
      width,
      height,
      background: css.getPropertyValue('--paper').trim() || '#fff',
      text: css.getPropertyValue('--text').trim() || '#000',
      edge: css.getPropertyValue('--net-edge').trim() || '#999',
    });
    return { svg, width, height };
  };
  const exportPicture = async (format: 'svg' | 'png') => {
    const p = picture();
    if (!p) return onError('Show the network as a chart first, then export it.');
    try {
      const blob =
        format === 'svg'
          ? new Blob([p.svg], { type: 'image/svg+xml' })
          : await svgToPng(p.svg, p.width, p.height);
      downloadBlob(`claimdesk-network.${format}`, blob);
      onStatus(`Exported claimdesk-network.${format}`);
    } catch (e) {
      onError(errorMessage(e, `export the network as ${format.toUpperCase()}`));
    }
  };
  const exportGraph = async (format: 'graphml' | 'gexf') => {
    try {
      const name = await saveFile('export.network', { ...input, format }, (p) =>
        onStatus(`Exporting the network: ${describeProgress(p)}`),
      );
      onStatus(`Exported ${name}`);
    } catch (e) {
      onError(errorMessage(e, 'export the network'));
    }
  };

  return (
    <section className="analysis-view network-view" aria-label="Network" data-scope="network">
      <header className="analysis-toolbar">
        <AnalysisFilters
          filter={filter}
          onChange={setFilter}
          show={['grade', 'date', 'tag', 'type']}
        />
        <fieldset className="analysis-checks">
          <legend>Kinds</legend>
          {entityKinds.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={!kinds || kinds.includes(k)}
                onChange={(e) => {
                  const current = kinds ?? entityKinds;
                  const next = e.target.checked ? [...current, k] : current.filter((x) => x !== k);
                  setKinds(next.length === entityKinds.length ? null : next);
                }}
              />
              {k}
            </label>
          ))}
        </fieldset>
        <fieldset className="analysis-checks">
          <legend>Links</legend>
          {(['claimant', 'co-subject'] as const).map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={edgeKinds.includes(k)}
                onChange={(e) => {
                  const next = e.target.checked
                    ? [...edgeKinds, k]
                    : edgeKinds.filter((x) => x !== k);
                  if (next.length > 0) setEdgeKinds(next);
                }}
              />
              {k === 'claimant' ? 'claimant → subject' : 'subjects of one claim'}
            </label>
          ))}
        </fieldset>
        <div className="segmented" role="group" aria-label="Show as">
          <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>
            Chart
          </button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
            Table
          </button>
        </div>
        <div className="export-group" role="group" aria-label="Export the network">
          <button type="button" className="btn btn-small" onClick={() => void exportPicture('png')}>
            PNG
          </button>
          <button type="button" className="btn btn-small" onClick={() => void exportPicture('svg')}>
            SVG
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void exportGraph('graphml')}
          >
            GraphML
          </button>
          <button type="button" className="btn btn-small" onClick={() => void exportGraph('gexf')}>
            GEXF
          </button>
        </div>
      </header>
      {network.isError && <p role="alert">{errorMessage(network.error, 'load the network')}</p>}
      {data && (
        <p className="analysis-help">
          {data.nodes.length.toLocaleString()} entities, {data.edges.length.toLocaleString()} links
          made by claims.{' '}
          {mode === 'chart'
            ? `${layoutState} Scroll to zoom, drag to pan; click a link for its claims, an entity to open it.`
            : ''}
        </p>
      )}
      <div className="network-body">
        {mode === 'chart' ? (
          <div
            ref={containerRef}
            className="network-canvas"
            aria-label="Network chart (the table lists the same links)"
            role="img"
          />
        ) : (
          data && <NetworkTable data={data} onEdge={setEdge} onOpenEntity={onOpenEntity} />
        )}
        {edge && data && <EdgeClaims edge={edge} data={data} onClose={() => setEdge(null)} />}
      </div>
    </section>
  );
}

function buildGraph(
  data: Network,
  nodeColor: (kind: string) => string,
  edgeColor: string,
  textColor: string,
): Graph {
  const graph = new Graph({ type: 'mixed', multi: true });
  const n = data.nodes.length;
  const maxCount = Math.max(1, ...data.nodes.map((x) => x.claimCount));
  data.nodes.forEach((node, i) => {
    // a circle to start from: ForceAtlas2 needs distinct positions
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    const r = 10 + Math.sqrt(i);
    graph.addNode(node.id, {
      label: node.name,
      kind: node.kind,
      x: Math.cos(angle) * r,
      y: Math.sin(angle) * r,
      size: 3 + 12 * Math.sqrt(node.claimCount / maxCount),
      color: nodeColor(node.kind),
      labelColor: textColor,
    });
  });
  for (const e of data.edges) {
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      size: Math.min(8, 0.5 + Math.log2(1 + e.claimIds.length)),
      color: edgeColor,
    });
  }
  return graph;
}

function NetworkTable({
  data,
  onEdge,
  onOpenEntity,
}: {
  data: Network;
  onEdge: (e: NetworkEdge) => void;
  onOpenEntity: (id: EntityId) => void;
}) {
  const names = new Map(data.nodes.map((n) => [n.id as string, n]));
  const edges = [...data.edges].sort((a, b) => b.claimIds.length - a.claimIds.length).slice(0, 500);
  return (
    <div className="network-table">
      <table className="analysis-table">
        <caption>
          Links made by claims, most claims first{data.edges.length > 500 ? ' (the first 500)' : ''}
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
          {edges.map((e) => (
            <tr key={e.id}>
              <td>
                <button type="button" className="link-btn" onClick={() => onOpenEntity(e.source)}>
                  {names.get(e.source)?.name}
                </button>
              </td>
              <td>{e.kind === 'claimant' ? 'claims about' : 'named together with'}</td>
              <td>
                <button type="button" className="link-btn" onClick={() => onOpenEntity(e.target)}>
                  {names.get(e.target)?.name}
                </button>
              </td>
              <td>
                <button type="button" className="link-btn" onClick={() => onEdge(e)}>
                  {e.claimIds.length} claim{e.claimIds.length === 1 ? '' : 's'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EdgeClaims({
  edge,
  data,
  onClose,
}: {
  edge: NetworkEdge;
  data: Network;
  onClose: () => void;
}) {
  const cards = useCards(edge.claimIds.slice(0, 200));
  const navigate = useNavigate();
  const name = (id: string) => data.nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <aside className="edge-claims" aria-label="Claims behind this link">
      <header>
        <h3>
          {name(edge.source)} {edge.kind === 'claimant' ? '→' : '—'} {name(edge.target)}
        </h3>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
          Close
        </button>
      </header>
      <p>
        {edge.claimIds.length} claim{edge.claimIds.length === 1 ? '' : 's'}
        {edge.claimIds.length > 200 ? ' (the first 200 shown)' : ''}
      </p>
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
