import forceAtlas2 from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

/**
 * ForceAtlas2 (graphology's own iteration) over flat arrays kept for the whole run. Its
 * `assign(graph, { iterations })` rebuilds the matrices on every call and so forgets each node's
 * adaptive speed ("convergence"): called in small batches it never calms down. Here the matrices
 * live as long as the layout, and the layout says when it has settled: when nodes move, per
 * iteration, less than a small fraction of the drawing's size, or after a bounded number of
 * iterations (a force layout of a dense graph can jitter for ever).
 */

/** What the layout is given: nodes 0…n-1, edges as columns of node indexes with their weights. */
export interface LayoutInput {
  n: number;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
  /** initial x, y of each node (distinct points: FA2 cannot separate nodes that coincide) */
  positions: Float32Array;
}

export interface LayoutStep {
  /** mean distance a node moved in the last iteration, as a fraction of the drawing's diagonal */
  movement: number;
  settled: boolean;
}

/** Movement (fraction of the diagonal per iteration) under which the drawing counts as still. */
export const STILL = 2e-4;
export const MAX_ITERATIONS = 600;

// graphology-layout-forceatlas2's matrix layout (iterate.js): 10 numbers a node, 3 an edge
const PPN = 10;
const PPE = 3;

export function createLayout(input: LayoutInput, maxIterations = MAX_ITERATIONS) {
  const { n, source, target, weight, positions } = input;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    nodes[i * PPN] = positions[2 * i]!;
    nodes[i * PPN + 1] = positions[2 * i + 1]!;
    nodes[i * PPN + 6] = 1; // mass: 1 + weighted degree, added below
    nodes[i * PPN + 7] = 1; // convergence
    nodes[i * PPN + 8] = 1; // size
  }
  const kept: number[] = [];
  for (let e = 0; e < source.length; e++) if (source[e] !== target[e]) kept.push(e);
  const edges = new Float32Array(kept.length * PPE);
  kept.forEach((e, k) => {
    const s = source[e]! * PPN;
    const t = target[e]! * PPN;
    edges[k * PPE] = s;
    edges[k * PPE + 1] = t;
    edges[k * PPE + 2] = weight[e]!;
    nodes[s + 6]! += weight[e]!;
    nodes[t + 6]! += weight[e]!;
  });
  const settings = {
    ...DEFAULT_SETTINGS,
    ...forceAtlas2.inferSettings(n),
    barnesHutOptimize: n > 300,
    // Gephi's default: twice as fast an iteration as 0.5 on 5,000 nodes, no visible difference
    barnesHutTheta: 1.2,
  };
  let iterations = 0;
  const before = new Float32Array(2 * n);

  return {
    get iterations() {
      return iterations;
    },
    /** One iteration; whether the drawing is now still (or has had all its iterations). */
    step(): LayoutStep {
      for (let i = 0; i < n; i++) {
        before[2 * i] = nodes[i * PPN]!;
        before[2 * i + 1] = nodes[i * PPN + 1]!;
      }
      if (n > 1) iterate(settings, nodes, edges);
      iterations++;
      let moved = 0;
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = nodes[i * PPN]!;
        const y = nodes[i * PPN + 1]!;
        moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      const diagonal = Math.hypot(maxX - minX, maxY - minY);
      const movement = n < 2 || diagonal === 0 ? 0 : moved / n / diagonal;
      return { movement, settled: movement < STILL || iterations >= maxIterations };
    },
    /** The current x, y of every node, in a fresh array (to be transferred). */
    positions(): Float32Array {
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = nodes[i * PPN]!;
        out[2 * i + 1] = nodes[i * PPN + 1]!;
      }
      return out;
    },
  };
}

/**
 * Where the nodes start: a sunflower spiral (every node at a distinct point, evenly spread over a
 * disc whose area grows with the node count), the most connected in the middle when the nodes come
 * sorted by claims, as the backend sends them.
 */
export function initialPositions(n: number): Float32Array {
  const out = new Float32Array(2 * n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(i + 0.5) * 10;
    out[2 * i] = Math.cos(i * golden) * r;
    out[2 * i + 1] = Math.sin(i * golden) * r;
  }
  return out;
}
