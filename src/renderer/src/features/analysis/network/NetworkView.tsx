import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisFilter, NetworkEdgeKind } from '../../../../../shared/api-analysis';
import type { EntityId } from '../../../../../shared/model';
import { describeProgress, downloadBlob, saveFile } from '../../../lib/download';
import { useEntities } from '../../entities/store';
import { errorMessage } from '../../shell/useToasts';
import { AnalysisFilters } from '../AnalysisFilters';
import { useNetwork } from '../queries';
import { drawNetwork, themeStyle, type DrawnNetwork } from './drawing';
import { EdgeClaims } from './EdgeClaims';
import { NetworkTable } from './NetworkTable';
import { networkSvg, svgToPng } from './picture';

interface Props {
  active: boolean;
  onOpenEntity: (id: EntityId) => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The network of entities that claims link: nodes by kind, edges weighted by their claims. Laid
 * out (ForceAtlas2) and drawn in a worker, shown by drawing.ts, all outside React. A click on an edge
 * lists its claims, a click on a node opens the entity; the table lists the same edges for the
 * keyboard and screen readers.
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
  const [edge, setEdge] = useState<number | null>(null);
  const [layoutState, setLayoutState] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const drawnRef = useRef<DrawnNetwork | null>(null);
  // read through a ref: a new callback from the parent must not restart the layout
  const openEntityRef = useRef(onOpenEntity);
  openEntityRef.current = onOpenEntity;
  const store = useEntities();
  const data = network.data;
  const entityKinds = store.vocabulary?.entity_kind ?? [
    'person',
    'organization',
    'place',
    'event',
    'other',
  ];

  useEffect(() => setEdge(null), [data]);
  useEffect(() => drawnRef.current?.select(edge), [edge]);
  useEffect(() => {
    const container = containerRef.current;
    if (!data || !container || mode !== 'chart') return;
    const drawn = drawNetwork(container, data, {
      openNode: (i) => openEntityRef.current(data.nodes[i]!.id),
      selectEdge: setEdge,
      layoutState: setLayoutState,
    });
    drawnRef.current = drawn;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => drawn.recolour();
    media.addEventListener('change', recolour);
    return () => {
      media.removeEventListener('change', recolour);
      drawn.kill();
      drawnRef.current = null;
    };
  }, [data, mode]);

  const picture = (): { svg: string; width: number; height: number } | null => {
    const drawn = drawnRef.current;
    const container = containerRef.current;
    if (!drawn || !container) return null;
    const style = themeStyle(container);
    const { nodes, edges } = drawn.picture();
    const width = 1600;
    const height = 1200;
    const svg = networkSvg(nodes, edges, {
      width,
      height,
      background: style.background,
      text: style.text,
      edge: style.edge,
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
          {data.nodes.length.toLocaleString()} entities, {data.edges.source.length.toLocaleString()}{' '}
          links made by claims.{' '}
          {mode === 'chart'
            ? `${layoutState} Scroll or + and − to zoom, drag or arrow keys to pan; click a link for its claims, an entity to open it.`
            : ''}
        </p>
      )}
      <div className="network-body">
        {mode === 'chart' ? (
          <div
            ref={containerRef}
            className="network-canvas"
            role="application"
            aria-roledescription="network"
            aria-label="Network of entities linked by claims. + and − zoom, arrow keys pan, Home fits; the table lists the same links."
            tabIndex={0}
          />
        ) : (
          data && <NetworkTable data={data} onEdge={setEdge} onOpenEntity={onOpenEntity} />
        )}
        {edge !== null && data && (
          <EdgeClaims index={edge} data={data} input={input} onClose={() => setEdge(null)} />
        )}
      </div>
    </section>
  );
}
