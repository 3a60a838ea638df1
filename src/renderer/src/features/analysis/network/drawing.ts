import type { NetworkGraph } from '../../../../../shared/api-analysis';
import { between, fit, HOME, toScreen, view, type Camera, type Viewport } from './camera';
import { attachControls } from './controls';
import { initialPositions } from './layout';
import type { Frame, ToWorker } from './layout.worker';
import LayoutWorker from './layout.worker?worker';
import { nearestEdge } from './nearest-edge';
import type { PictureEdge, PictureNode } from './picture';
import { nodeRadius, type Scene, type Style } from './render';

/**
 * The network on screen, outside React. The worker (layout.worker.ts) lays it out and draws it;
 * the page only shows the worker's latest picture, moved and scaled with the camera while the user
 * pans and zooms (a few milliseconds a frame, whatever the size of the network), and asks for a
 * sharp one once the camera rests. Clicks are hit-tested here, against the positions of the picture
 * shown: a node opens its entity, an edge lists its claims.
 */

const KIND_VARS: Record<string, string> = {
  person: '--net-person',
  organization: '--net-organization',
  place: '--net-place',
  event: '--net-event',
};
const KINDS = Object.keys(KIND_VARS);

/** Screen pixels a click may miss an edge by and still select it. */
const EDGE_TOLERANCE = 4;
/** How long the camera rests before the worker is asked for a sharp picture. */
const REST_MS = 120;

export interface DrawnNetwork {
  /** the nodes where they stand now and every edge, for the PNG and SVG exports */
  picture(): { nodes: PictureNode[]; edges: PictureEdge[] };
  /** the edge to draw highlighted (the one whose claims are listed) */
  select(edge: number | null): void;
  /** re-reads the theme's colours (light/dark) */
  recolour(): void;
  kill(): void;
}

export interface DrawCallbacks {
  openNode(index: number): void;
  /** an edge clicked (its index), or null for a click on nothing */
  selectEdge(index: number | null): void;
  /** what the layout is doing, in words */
  layoutState(text: string): void;
}

export function drawNetwork(
  container: HTMLElement,
  data: NetworkGraph,
  on: DrawCallbacks,
): DrawnNetwork {
  const n = data.nodes.length;
  const { source, target, claimCount } = data.edges;
  const maxCount = data.nodes.reduce((m, x) => Math.max(m, x.claimCount), 1);
  const scene: Scene = {
    source: Uint32Array.from(source),
    target: Uint32Array.from(target),
    edgeWidth: Float32Array.from(claimCount, (c) => Math.min(6, 0.5 + Math.log2(1 + c) / 2)),
    size: Float32Array.from(data.nodes, (x) => Math.sqrt(x.claimCount / maxCount)),
    kind: Uint8Array.from(data.nodes, (x) => {
      const k = KINDS.indexOf(x.kind);
      return k < 0 ? KINDS.length : k;
    }),
    labels: data.nodes.map((x) => x.name),
  };

  const canvas = document.createElement('canvas');
  canvas.className = 'network-surface';
  container.replaceChildren(canvas);
  const ctx = canvas.getContext('2d')!;
  let style = themeStyle(container);
  let viewport: Viewport = { width: 1, height: 1 };
  let pixelRatio = 1;
  let camera: Camera = HOME;
  let shown: Frame | null = null;
  let selected: number | null = null;
  let killed = false;

  const worker = new LayoutWorker();
  const post = (message: ToWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  const askForPicture = () => post({ type: 'view', camera, viewport, pixelRatio, style });
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  const cameraMoved = () => {
    schedulePaint();
    clearTimeout(restTimer);
    restTimer = setTimeout(askForPicture, REST_MS);
  };

  let frameRequest = 0;
  const schedulePaint = () => {
    if (!frameRequest) frameRequest = requestAnimationFrame(paint);
  };
  function paint() {
    frameRequest = 0;
    if (killed) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = style.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (!shown) return;
    // the picture was drawn for shown.camera: scaled and moved to the camera now
    const base = fit(shown.positions, viewport);
    const now = view(base, camera, viewport);
    const then = view(fit(shown.positions, shown.viewport), shown.camera, shown.viewport);
    const move = between(then, now);
    ctx.setTransform(
      pixelRatio * move.scale,
      0,
      0,
      pixelRatio * move.scale,
      pixelRatio * move.offsetX,
      pixelRatio * move.offsetY,
    );
    ctx.drawImage(shown.bitmap, 0, 0, shown.viewport.width, shown.viewport.height);
    if (selected !== null && shown.edges) {
      const points = toScreen(shown.positions, now);
      const a = source[selected]!;
      const b = target[selected]!;
      ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      ctx.strokeStyle = style.text;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(points[2 * a]!, points[2 * a + 1]!);
      ctx.lineTo(points[2 * b]!, points[2 * b + 1]!);
      ctx.stroke();
    }
  }

  worker.onmessage = (event: MessageEvent<Frame>) => {
    const frame = event.data;
    if (killed) return frame.bitmap.close();
    shown?.bitmap.close();
    shown = frame;
    paint();
    if (frame.settled && container.dataset.layout !== 'settled') {
      on.layoutState(
        `Layout settled in ${(frame.elapsedMs / 1000).toFixed(1)} s (${frame.iterations} iterations).`,
      );
      // the complete picture is on the canvas now
      container.dataset.layout = 'settled';
    }
  };

  const resize = () => {
    const box = container.getBoundingClientRect();
    viewport = { width: Math.max(1, box.width), height: Math.max(1, box.height) };
    pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.round(viewport.width * pixelRatio);
    canvas.height = Math.round(viewport.height * pixelRatio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    cameraMoved();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(container);
  resize();

  const hit = (x: number, y: number) => {
    if (!shown) return;
    const points = toScreen(
      shown.positions,
      view(fit(shown.positions, viewport), camera, viewport),
    );
    // the topmost node under the pointer: the most claimed are drawn last, on top
    for (let i = 0; i < n; i++) {
      const r = nodeRadius(scene.size[i]!, n, viewport, camera.zoom) + 2;
      if (Math.hypot(points[2 * i]! - x, points[2 * i + 1]! - y) <= r) return on.openNode(i);
    }
    const e = shown.edges ? nearestEdge(points, source, target, x, y, EDGE_TOLERANCE) : -1;
    on.selectEdge(e < 0 ? null : e);
  };
  const detachControls = attachControls(container, canvas, {
    camera: () => camera,
    viewport: () => viewport,
    move: (next) => {
      camera = next;
      cameraMoved();
    },
    click: hit,
    escape: () => on.selectEdge(null),
  });

  container.dataset.layout = 'running';
  on.layoutState('Laying out…');
  const positions = initialPositions(n);
  post(
    {
      type: 'start',
      budgetMs: 6_000,
      scene,
      n,
      source: Uint32Array.from(source),
      target: Uint32Array.from(target),
      weight: Float32Array.from(claimCount),
      positions,
    },
    [positions.buffer],
  );
  askForPicture();

  return {
    picture() {
      const at = shown?.positions ?? initialPositions(n);
      const nodes: PictureNode[] = data.nodes.map((node, i) => ({
        x: at[2 * i]!,
        // the picture's y grows downwards, like the screen's
        y: -at[2 * i + 1]!,
        size: nodeRadius(scene.size[i]!, n, { width: 1600, height: 1200 }, 1),
        color: style.kinds[scene.kind[i]!]!,
        label: node.name,
      }));
      const edges: PictureEdge[] = source.map((s, i) => ({
        source: s,
        target: target[i]!,
        size: scene.edgeWidth[i]!,
      }));
      return { nodes, edges };
    },
    select(edge) {
      selected = edge;
      schedulePaint();
    },
    recolour() {
      style = themeStyle(container);
      schedulePaint();
      askForPicture();
    },
    kill() {
      killed = true;
      clearTimeout(restTimer);
      cancelAnimationFrame(frameRequest);
      observer.disconnect();
      detachControls();
      worker.terminate();
      shown?.bitmap.close();
      canvas.remove();
      delete container.dataset.layout;
    },
  };
}

/** The theme's colours for the network, read from the CSS custom properties. */
export function themeStyle(element: HTMLElement): Style {
  const css = getComputedStyle(element);
  const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: colour('--paper', '#fff'),
    edge: colour('--net-edge', '#999'),
    text: colour('--text', '#000'),
    // the kinds in KINDS order, then every other kind
    kinds: [...KINDS.map((k) => colour(KIND_VARS[k]!, '#888')), colour('--net-other', '#888')],
  };
}
