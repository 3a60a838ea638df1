import type { Network } from '../../shared/api-analysis';

/**
 * The network for Gephi, Cytoscape, yEd and networkx, as GraphML
 * (http://graphml.graphdrawing.org/) and GEXF 1.3 (https://gexf.net/). Every edge carries the ids
 * of the claims that make it (`claim_ids`, separated by spaces) and their number as its weight, so a
 * Gephi user can trace an edge back to its passages. Claimant edges are directed (claimant →
 * subject), co-subject edges undirected.
 */

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot hold at all. */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
  );
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export function toGraphml(network: Network, generator: string): string {
  const out = [
    HEAD,
    `<!-- ${xmlText(generator).replaceAll('--', '- -')}: entities linked by the claims that name them -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="claim_count" for="node" attr.name="claim_count" attr.type="int"/>',
    '  <key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="claim_ids" for="edge" attr.name="claim_ids" attr.type="string"/>',
    '  <graph id="claimdesk" edgedefault="undirected">',
  ];
  for (const n of network.nodes) {
    out.push(
      `    <node id="${xmlText(n.id)}"><data key="label">${xmlText(n.name)}</data>` +
        `<data key="kind">${xmlText(n.kind)}</data><data key="claim_count">${n.claimCount}</data></node>`,
    );
  }
  for (const e of network.edges) {
    out.push(
      `    <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}"` +
        ` directed="${e.kind === 'claimant'}"><data key="edge_kind">${e.kind}</data>` +
        `<data key="weight">${e.claimIds.length}</data>` +
        `<data key="claim_ids">${e.claimIds.join(' ')}</data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function toGexf(network: Network, generator: string, date = new Date()): string {
  const out = [
    HEAD,
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date.toISOString().slice(0, 10)}">`,
    `    <creator>${xmlText(generator)}</creator>`,
    '    <description>Entities linked by the claims that name them</description>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="claim_count" title="claim_count" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="claim_ids" title="claim_ids" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    out.push(
      `      <node id="${xmlText(n.id)}" label="${xmlText(n.name)}"><attvalues>` +
        `<attvalue for="kind" value="${xmlText(n.kind)}"/>` +
        `<attvalue for="claim_count" value="${n.claimCount}"/></attvalues></node>`,
    );
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of network.edges) {
    out.push(
      `      <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}"` +
        ` type="${e.kind === 'claimant' ? 'directed' : 'undirected'}" weight="${e.claimIds.length}">` +
        `<attvalues><attvalue for="kind" value="${e.kind}"/>` +
        `<attvalue for="claim_ids" value="${e.claimIds.join(' ')}"/></attvalues></edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
