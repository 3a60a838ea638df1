import { describe, expect, it } from 'vitest';
import { between, fit, HOME, toScreen, view, zoomAt } from './camera';

const viewport = { width: 400, height: 200 };
// a drawing twice as wide as high, centred on (10, 0)
const positions = [0, -5, 20, 5, 10, 0];

describe('camera', () => {
  it('fits the drawing inside the viewport, centred, with a margin', () => {
    const t = fit(positions, viewport);
    const [ax, ay, bx, by, cx, cy] = toScreen(positions, t);
    expect(cx).toBeCloseTo(200);
    expect(cy).toBeCloseTo(100);
    // the height binds: 200 - 2 × 24 = 152 pixels for 10 units
    expect(by! - ay!).toBeCloseTo(152);
    expect(bx! - ax!).toBeCloseTo(304);
    expect(ax).toBeGreaterThanOrEqual(0);
    expect(bx).toBeLessThanOrEqual(400);
  });

  it('keeps the point under the pointer in place when zooming there', () => {
    const base = fit(positions, viewport);
    const camera = zoomAt(HOME, 2, 300, 50, viewport);
    const graphPointAt = (t: ReturnType<typeof view>, x: number, y: number) => [
      (x - t.offsetX) / t.scale,
      (y - t.offsetY) / t.scale,
    ];
    expect(graphPointAt(view(base, camera, viewport), 300, 50)).toEqual(
      graphPointAt(view(base, HOME, viewport), 300, 50).map((v) => expect.closeTo(v, 6)),
    );
    expect(camera.zoom).toBe(2);
  });

  it('moves a picture drawn for one camera to where another camera would draw it', () => {
    const base = fit(positions, viewport);
    const then = view(base, { zoom: 1.5, panX: 30, panY: -10 }, viewport);
    const now = view(base, { zoom: 3, panX: -40, panY: 25 }, viewport);
    const move = between(then, now);
    const drawn = toScreen(positions, then);
    const wanted = toScreen(positions, now);
    for (let i = 0; i < drawn.length; i += 2) {
      expect(drawn[i]! * move.scale + move.offsetX).toBeCloseTo(wanted[i]!, 3);
      expect(drawn[i + 1]! * move.scale + move.offsetY).toBeCloseTo(wanted[i + 1]!, 3);
    }
  });

  it('fits one node, or none, without dividing by zero', () => {
    const one = toScreen([5, 5], fit([5, 5], viewport));
    expect([one[0], one[1]]).toEqual([200, 100]);
    expect(Number.isFinite(fit([], viewport).scale)).toBe(true);
  });
});
