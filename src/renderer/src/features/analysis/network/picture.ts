/**
 * The network as a picture, for the PNG and SVG exports: drawn from the laid-out positions, not read
 * back from sigma's WebGL canvases (which hold nothing once a frame is presented). One drawing, two
 * outputs: the SVG text, and a PNG made by drawing that SVG onto a canvas.
 */
export interface PictureNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface PictureEdge {
  source: number;
  target: number;
  size: number;
}

const escape = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export function networkSvg(
  nodes: PictureNode[],
  edges: PictureEdge[],
  options: { width: number; height: number; background: string; text: string; edge: string },
): string {
  const { width, height } = options;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
  }
  const margin = 40;
  const scale = Math.min(
    (width - 2 * margin) / Math.max(1e-9, maxX - minX),
    (height - 2 * margin) / Math.max(1e-9, maxY - minY),
  );
  const px = (n: PictureNode) => margin + (n.x - minX) * scale;
  // graph y grows upwards, SVG y downwards
  const py = (n: PictureNode) => height - margin - (n.y - minY) * scale;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escape(options.background)}"/>`,
    `<g stroke="${escape(options.edge)}" stroke-opacity="0.6">`,
  ];
  for (const e of edges) {
    const a = nodes[e.source]!;
    const b = nodes[e.target]!;
    out.push(
      `<line x1="${px(a).toFixed(1)}" y1="${py(a).toFixed(1)}" x2="${px(b).toFixed(1)}" y2="${py(b).toFixed(1)}" stroke-width="${e.size.toFixed(1)}"/>`,
    );
  }
  out.push('</g><g>');
  for (const n of nodes)
    out.push(
      `<circle cx="${px(n).toFixed(1)}" cy="${py(n).toFixed(1)}" r="${n.size.toFixed(1)}" fill="${escape(n.color)}"/>`,
    );
  out.push(`</g><g font-family="sans-serif" font-size="12" fill="${escape(options.text)}">`);
  // label the larger nodes only: thousands of labels would be a grey smear
  const labelled = [...nodes].sort((a, b) => b.size - a.size).slice(0, 200);
  for (const n of labelled)
    out.push(
      `<text x="${(px(n) + n.size + 2).toFixed(1)}" y="${(py(n) + 4).toFixed(1)}">${escape(n.label)}</text>`,
    );
  out.push('</g></svg>');
  return out.join('\n');
}

/** The SVG drawn onto a canvas, as a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
