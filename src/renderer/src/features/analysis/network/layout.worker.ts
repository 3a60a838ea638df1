/// <reference lib="webworker" />
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/**
 * ForceAtlas2 off the page's thread: the page stays responsive (pan, zoom, click) while the layout
 * runs. It posts positions after each batch of iterations and stops once nodes barely move (mean
 * displacement under a small fraction of the layout's size) or its time budget is spent.
 */
export interface LayoutRequest {
  /** node count; nodes are 0…n-1 */
  n: number;
  /** [source, target, weight] triples */
  edges: number[];
  /** initial x, y per node */
  positions: Float32Array;
  budgetMs: number;
}

export interface LayoutProgress {
  positions: Float32Array;
  settled: boolean;
  iterations: number;
  elapsedMs: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { n, edges, positions, budgetMs } = event.data;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(i, { x: positions[2 * i], y: positions[2 * i + 1] });
  for (let e = 0; e < edges.length; e += 3) {
    const [s, t, w] = [edges[e]!, edges[e + 1]!, edges[e + 2]!];
    if (s === t) continue;
    if (graph.hasEdge(s, t)) graph.updateEdgeAttribute(s, t, 'weight', (v: number) => v + w);
    else graph.addEdge(s, t, { weight: w });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: n > 300,
    adjustSizes: false,
  };
  const started = performance.now();
  let iterations = 0;
  const batch = n > 2000 ? 5 : 25;
  const previous = new Float32Array(2 * n);
  for (;;) {
    graph.forEachNode((node, a) => {
      previous[2 * Number(node)] = a.x as number;
      previous[2 * Number(node) + 1] = a.y as number;
    });
    forceAtlas2.assign(graph, { iterations: batch, settings, getEdgeWeight: 'weight' });
    iterations += batch;
    const out = new Float32Array(2 * n);
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    graph.forEachNode((node, a) => {
      const i = Number(node);
      out[2 * i] = a.x as number;
      out[2 * i + 1] = a.y as number;
      moved += Math.hypot(out[2 * i]! - previous[2 * i]!, out[2 * i + 1]! - previous[2 * i + 1]!);
      minX = Math.min(minX, out[2 * i]!);
      maxX = Math.max(maxX, out[2 * i]!);
    });
    const elapsedMs = performance.now() - started;
    const extent = Math.max(1e-9, maxX - minX);
    const settled = n === 0 || moved / n / batch < extent * 1e-4 || elapsedMs > budgetMs;
    const progress: LayoutProgress = { positions: out, settled, iterations, elapsedMs };
    scope.postMessage(progress, [out.buffer]);
    if (settled) break;
  }
};
