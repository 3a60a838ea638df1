import { HOME, zoomAt, type Camera, type Viewport } from './camera';

/**
 * The network's camera from the mouse and the keyboard: drag pans, the wheel zooms about the
 * pointer, a press released where it began is a click; + and − zoom about the centre, arrow keys
 * pan, Home fits, Escape lets go of the selected link (the timeline's keys).
 */
export interface CameraHost {
  camera(): Camera;
  viewport(): Viewport;
  move(camera: Camera): void;
  /** a click at (x, y), canvas pixels */
  click(x: number, y: number): void;
  escape(): void;
}

/** Pointer travel under which a press and release is a click, not a drag. */
const CLICK_SLOP = 4;
/** Pixels an arrow key pans by. */
const KEY_PAN = 60;

/** Listens on the container (keys) and the canvas (pointer, wheel); returns what detaches it. */
export function attachControls(
  container: HTMLElement,
  canvas: HTMLCanvasElement,
  host: CameraHost,
): () => void {
  let drag: { x: number; y: number; startX: number; startY: number; id: number } | null = null;
  const local = (e: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = local(e);
    const step = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 16 : e.deltaY;
    host.move(zoomAt(host.camera(), Math.exp(-step * 0.002), p.x, p.y, host.viewport()));
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    drag = { ...p, startX: p.x, startY: p.y, id: e.pointerId };
    canvas.setPointerCapture(e.pointerId);
    canvas.classList.add('is-dragging');
  };
  const onMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const p = local(e);
    const camera = host.camera();
    const [dx, dy] = [p.x - drag.x, p.y - drag.y];
    drag.x = p.x;
    drag.y = p.y;
    host.move({ ...camera, panX: camera.panX + dx, panY: camera.panY + dy });
  };
  const onUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const p = local(e);
    const click = Math.hypot(p.x - drag.startX, p.y - drag.startY) < CLICK_SLOP;
    drag = null;
    canvas.classList.remove('is-dragging');
    if (click) host.click(p.x, p.y);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const camera = host.camera();
    const viewport = host.viewport();
    const zoom = (factor: number) => () =>
      zoomAt(camera, factor, viewport.width / 2, viewport.height / 2, viewport);
    const pan = (dx: number, dy: number) => () => ({
      ...camera,
      panX: camera.panX + dx * KEY_PAN,
      panY: camera.panY + dy * KEY_PAN,
    });
    const keys: Record<string, () => Camera> = {
      '+': zoom(1.4),
      '=': zoom(1.4),
      '-': zoom(1 / 1.4),
      ArrowLeft: pan(1, 0),
      ArrowRight: pan(-1, 0),
      ArrowUp: pan(0, 1),
      ArrowDown: pan(0, -1),
      Home: () => HOME,
    };
    if (e.key === 'Escape') return host.escape();
    const next = keys[e.key];
    if (!next) return;
    e.preventDefault();
    host.move(next());
  };
  container.addEventListener('keydown', onKey);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  return () => {
    container.removeEventListener('keydown', onKey);
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onUp);
  };
}
