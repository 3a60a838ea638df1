/// <reference lib="webworker" />
import { fit, view, type Camera, type Viewport } from './camera';
import { createLayout, type LayoutInput } from './layout';
import { drawScene, type Scene, type Style } from './render';

/**
 * The network's own thread: it runs ForceAtlas2 and draws the pictures, so the page never waits
 * on either (on a machine without a GPU, 50,000 edges take the better part of a second to draw, in
 * WebGL as in Canvas 2D). While the layout runs it draws the nodes a few times a second; once the
 * layout has settled (or spent its time budget) it draws everything, and from then on draws again
 * whenever the page asks for another camera, viewport or theme. The page moves the last picture
 * about with the camera until the next one arrives.
 */
export type ToWorker =
  | ({ type: 'start'; budgetMs: number; scene: Scene } & LayoutInput)
  | { type: 'view'; camera: Camera; viewport: Viewport; pixelRatio: number; style: Style };

export interface Frame {
  type: 'frame';
  bitmap: ImageBitmap;
  /** the positions drawn (the page hit-tests clicks against them) */
  positions: Float32Array;
  camera: Camera;
  viewport: Viewport;
  pixelRatio: number;
  /** whether the edges are in the picture (not while the layout runs) */
  edges: boolean;
  settled: boolean;
  iterations: number;
  elapsedMs: number;
}

/** Layout time between two pictures while it runs. */
const DRAW_EVERY_MS = 400;
/** Layout time before the worker looks at its messages again. */
const SLICE_MS = 50;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let scene: Scene | null = null;
let layout: ReturnType<typeof createLayout> | null = null;
let wanted: Extract<ToWorker, { type: 'view' }> | null = null;
let settled = false;
let started = 0;
let elapsedMs = 0;
let drawPending = false;

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start') {
    const { budgetMs, scene: s, type: _, ...input } = message;
    scene = s;
    layout = createLayout(input);
    started = performance.now();
    run(budgetMs);
  } else {
    wanted = message;
    // several requests while busy make one picture, of the latest
    if (settled && !drawPending) {
      drawPending = true;
      setTimeout(() => {
        drawPending = false;
        draw();
      }, 0);
    }
  }
};

/** Layout iterations in slices (so the page's messages get through), a picture now and then. */
function run(budgetMs: number) {
  let drawnAt = performance.now();
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    while (!settled && performance.now() < until) {
      const step = layout!.step();
      elapsedMs = performance.now() - started;
      settled = step.settled || elapsedMs >= budgetMs;
    }
    if (settled || performance.now() - drawnAt >= DRAW_EVERY_MS) {
      draw();
      drawnAt = performance.now();
    }
    if (!settled) setTimeout(slice, 0);
  };
  slice();
}

function draw() {
  if (!scene || !layout || !wanted) return;
  const { camera, viewport, pixelRatio, style } = wanted;
  const width = Math.max(1, Math.round(viewport.width * pixelRatio));
  const height = Math.max(1, Math.round(viewport.height * pixelRatio));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const positions = layout.positions();
  const t = view(fit(positions, viewport), camera, viewport);
  drawScene(ctx, scene, positions, t, viewport, camera.zoom, pixelRatio, style, settled);
  const bitmap = canvas.transferToImageBitmap();
  const frame: Frame = {
    type: 'frame',
    bitmap,
    positions,
    camera,
    viewport,
    pixelRatio,
    edges: settled,
    settled,
    iterations: layout.iterations,
    elapsedMs,
  };
  scope.postMessage(frame, [bitmap, positions.buffer]);
}
