// graphology-layout-forceatlas2 ships no types for its iteration and defaults modules, which
// layout.ts uses directly (see there why).
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  /** One iteration over the node (10 numbers a node) and edge (3 numbers an edge) matrices. */
  export default function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): unknown;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const settings: Required<ForceAtlas2Settings>;
  export default settings;
}
