/**
 * Where the network stands on screen. The layout's coordinates are first fitted to the viewport
 * (`fit`: the drawing's bounding box, centred, with a margin), then the camera zooms about the
 * viewport's centre and pans, in screen pixels. The page and the drawing worker compute the fit from
 * the same positions, so a picture drawn for one camera can be moved to another by a plain scale and
 * translation (`between`) until the worker has drawn it afresh.
 */
export interface Camera {
  zoom: number;
  /** screen pixels */
  panX: number;
  panY: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** screen = graph × scale + offset */
export interface Transform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export const HOME: Camera = { zoom: 1, panX: 0, panY: 0 };
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 200;
const MARGIN = 24;

/** The transform that puts every node inside the viewport (graph y up, screen y down is ignored:
 * a network has no up). */
export function fit(positions: ArrayLike<number>, viewport: Viewport): Transform {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    minX = Math.min(minX, positions[i]!);
    maxX = Math.max(maxX, positions[i]!);
    minY = Math.min(minY, positions[i + 1]!);
    maxY = Math.max(maxY, positions[i + 1]!);
  }
  if (!Number.isFinite(minX))
    return { scale: 1, offsetX: viewport.width / 2, offsetY: viewport.height / 2 };
  const scale = Math.min(
    Math.max(1, viewport.width - 2 * MARGIN) / Math.max(1e-9, maxX - minX),
    Math.max(1, viewport.height - 2 * MARGIN) / Math.max(1e-9, maxY - minY),
  );
  // a single node (or nodes on one point) would get an infinite scale
  const bounded = Math.min(scale, 1e6);
  return {
    scale: bounded,
    offsetX: viewport.width / 2 - ((minX + maxX) / 2) * bounded,
    offsetY: viewport.height / 2 - ((minY + maxY) / 2) * bounded,
  };
}

/** The fitted transform seen through a camera. */
export function view(base: Transform, camera: Camera, viewport: Viewport): Transform {
  const cx = viewport.width / 2;
  const cy = viewport.height / 2;
  return {
    scale: base.scale * camera.zoom,
    offsetX: (base.offsetX - cx) * camera.zoom + cx + camera.panX,
    offsetY: (base.offsetY - cy) * camera.zoom + cy + camera.panY,
  };
}

/** What turns a picture drawn with transform `from` into the one `to` would draw. */
export function between(from: Transform, to: Transform): Transform {
  const scale = to.scale / from.scale;
  return {
    scale,
    offsetX: to.offsetX - from.offsetX * scale,
    offsetY: to.offsetY - from.offsetY * scale,
  };
}

/** Zoomed by `factor` keeping the screen point (x, y) where it is. */
export function zoomAt(
  camera: Camera,
  factor: number,
  x: number,
  y: number,
  viewport: Viewport,
): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, camera.zoom * factor));
  const k = zoom / camera.zoom;
  const cx = viewport.width / 2;
  const cy = viewport.height / 2;
  // the point keeps its place: (x - c - pan) scales by k about the centre
  return {
    zoom,
    panX: x - cx - (x - cx - camera.panX) * k,
    panY: y - cy - (y - cy - camera.panY) * k,
  };
}

/** Every node's screen x, y under a transform. */
export function toScreen(positions: ArrayLike<number>, t: Transform): Float32Array {
  const out = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 2) {
    out[i] = positions[i]! * t.scale + t.offsetX;
    out[i + 1] = positions[i + 1]! * t.scale + t.offsetY;
  }
  return out;
}
