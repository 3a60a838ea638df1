import { describe, expect, it } from 'vitest';
import { createLayout, initialPositions, MAX_ITERATIONS } from './layout';

/** Two dense clusters of 30 nodes joined by a single edge. */
function twoClusters() {
  const source: number[] = [];
  const target: number[] = [];
  for (const offset of [0, 30])
    for (let i = 0; i < 30; i++)
      for (let j = i + 1; j < 30; j += 3) {
        source.push(offset + i);
        target.push(offset + j);
      }
  source.push(0);
  target.push(30);
  return {
    n: 60,
    source: Uint32Array.from(source),
    target: Uint32Array.from(target),
    weight: new Float32Array(source.length).fill(1),
    positions: initialPositions(60),
  };
}

describe('ForceAtlas2 layout', () => {
  it('settles on its own, calming down as it goes, and separates two clusters', () => {
    const layout = createLayout(twoClusters());
    const movements: number[] = [];
    let settled = false;
    while (!settled) {
      const step = layout.step();
      movements.push(step.movement);
      settled = step.settled;
    }
    expect(layout.iterations).toBeLessThan(MAX_ITERATIONS);
    expect(movements.at(-1)!).toBeLessThan(movements[5]!);
    // every node is nearer its own cluster's centre than the other's
    const p = layout.positions();
    const centre = (from: number) => {
      let x = 0;
      let y = 0;
      for (let i = from; i < from + 30; i++) [x, y] = [x + p[2 * i]! / 30, y + p[2 * i + 1]! / 30];
      return [x, y] as const;
    };
    const [a, b] = [centre(0), centre(30)];
    for (let i = 0; i < 60; i++) {
      const d = (c: readonly [number, number]) =>
        Math.hypot(p[2 * i]! - c[0], p[2 * i + 1]! - c[1]);
      expect(d(i < 30 ? a : b)).toBeLessThan(d(i < 30 ? b : a));
    }
  });

  it('stops after its iteration bound even when it has not calmed down', () => {
    const layout = createLayout(twoClusters(), 3);
    expect([layout.step().settled, layout.step().settled, layout.step().settled]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('starts every node at its own point and copes with no nodes and with self-loops', () => {
    const start = initialPositions(100);
    const points = new Set<string>();
    for (let i = 0; i < 100; i++) points.add(`${start[2 * i]},${start[2 * i + 1]}`);
    expect(points.size).toBe(100);
    const empty = createLayout({
      n: 0,
      source: new Uint32Array(),
      target: new Uint32Array(),
      weight: new Float32Array(),
      positions: new Float32Array(),
    });
    expect(empty.step()).toEqual({ movement: 0, settled: true });
    const loop = createLayout({
      n: 2,
      source: Uint32Array.from([0, 0]),
      target: Uint32Array.from([0, 1]),
      weight: Float32Array.from([1, 1]),
      positions: initialPositions(2),
    });
    loop.step();
    expect([...loop.positions()].every(Number.isFinite)).toBe(true);
  });
});
