import type { Transform, Viewport } from './camera';

/**
 * One picture of the network, drawn with Canvas 2D (in the drawing worker, onto an OffscreenCanvas).
 * Level of detail: edges off screen are skipped, node labels go only where they do not overlap one
 * already drawn (the most-claimed nodes first), so zooming in shows more of them.
 */

/** What does not change while the network is shown. */
export interface Scene {
  source: Uint32Array;
  target: Uint32Array;
  /** line width of each edge, screen pixels */
  edgeWidth: Float32Array;
  /** relative size of each node (1 for the most claimed), made a radius by nodeRadius */
  size: Float32Array;
  /** each node's kind, an index into Style.kinds */
  kind: Uint8Array;
  labels: string[];
}

export interface Style {
  background: string;
  edge: string;
  text: string;
  /** colour of each kind */
  kinds: string[];
}

const LABEL_CELL_W = 80;
const LABEL_CELL_H = 16;
const MAX_LABELS = 150;

/**
 * A node's radius on screen. The space each node has on screen at the fitted zoom sets the scale
 * (5,000 nodes get a few pixels, a dozen get a generous dot); zooming in grows nodes by the square
 * root of the zoom, so they separate as they grow.
 */
export function nodeRadius(size: number, count: number, viewport: Viewport, zoom: number): number {
  const room = Math.sqrt((viewport.width * viewport.height) / Math.max(1, count));
  const unit = Math.min(10, Math.max(1.5, room / 8));
  return unit * (0.5 + size) * Math.sqrt(zoom);
}
const FONT = '12px system-ui, sans-serif';

export function drawScene(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  scene: Scene,
  positions: ArrayLike<number>,
  t: Transform,
  viewport: Viewport,
  zoom: number,
  pixelRatio: number,
  style: Style,
  withEdges: boolean,
): void {
  const { width, height } = viewport;
  const n = scene.size.length;
  const radius = (i: number) => nodeRadius(scene.size[i]!, n, viewport, zoom);
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, width, height);
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = positions[2 * i]! * t.scale + t.offsetX;
    ys[i] = positions[2 * i + 1]! * t.scale + t.offsetY;
  }

  if (withEdges && scene.source.length > 0) {
    // thousands of edges overlap: a faint line each, so crowded regions darken and single ones show
    ctx.globalAlpha = scene.source.length > 5_000 ? 0.18 : 0.7;
    ctx.strokeStyle = style.edge;
    // one path per line width (widths are rounded to half pixels): few strokes, not 50,000
    const byWidth = new Map<number, number[]>();
    for (let e = 0; e < scene.source.length; e++) {
      const a = scene.source[e]!;
      const b = scene.target[e]!;
      const ax = xs[a]!;
      const ay = ys[a]!;
      const bx = xs[b]!;
      const by = ys[b]!;
      // both ends beyond the same side of the viewport: the line cannot cross it
      if ((ax < 0 && bx < 0) || (ax > width && bx > width)) continue;
      if ((ay < 0 && by < 0) || (ay > height && by > height)) continue;
      const w = Math.round(scene.edgeWidth[e]! * 2) / 2;
      let list = byWidth.get(w);
      if (!list) byWidth.set(w, (list = []));
      list.push(e);
    }
    for (const [w, list] of byWidth) {
      ctx.lineWidth = w;
      ctx.beginPath();
      for (const e of list) {
        ctx.moveTo(xs[scene.source[e]!]!, ys[scene.source[e]!]!);
        ctx.lineTo(xs[scene.target[e]!]!, ys[scene.target[e]!]!);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  // nodes: one path per kind, the least claimed first so the most claimed lie on top
  for (let k = 0; k < style.kinds.length; k++) {
    ctx.fillStyle = style.kinds[k]!;
    ctx.beginPath();
    for (let i = n - 1; i >= 0; i--) {
      if (scene.kind[i] !== k) continue;
      const r = radius(i);
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < -r || y < -r || x > width + r || y > height + r) continue;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  }

  // labels where they fit, on a grid of cells each label claims
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = style.text;
  ctx.strokeStyle = style.background;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  const taken = new Set<number>();
  const columns = Math.ceil(width / LABEL_CELL_W) + 4;
  let drawn = 0;
  for (let i = 0; i < n && drawn < MAX_LABELS; i++) {
    const label = scene.labels[i];
    if (!label) continue;
    const x = xs[i]! + radius(i) + 3;
    const y = ys[i]!;
    if (x < 0 || y < 0 || x > width || y > height) continue;
    const w = ctx.measureText(label).width;
    // the cells the label's box covers (and those beside it: labels need air between them)
    const c0 = Math.floor(x / LABEL_CELL_W) - 1;
    const c1 = Math.floor((x + w) / LABEL_CELL_W) + 1;
    const r0 = Math.floor((y - 8) / LABEL_CELL_H);
    const r1 = Math.floor((y + 8) / LABEL_CELL_H);
    const cells: number[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells.push(r * columns + c + 1);
    if (cells.some((cell) => taken.has(cell))) continue;
    for (const cell of cells) taken.add(cell);
    ctx.strokeText(label, x, y);
    ctx.fillText(label, x, y);
    drawn++;
  }
}
