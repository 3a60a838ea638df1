import { describe, expect, it } from 'vitest';
import { nearestEdge } from './nearest-edge';

// nodes: 0 at (0, 0), 1 at (100, 0), 2 at (100, 100), 3 at (0, 100)
const points = [0, 0, 100, 0, 100, 100, 0, 100];
const source = [0, 1, 0];
const target = [1, 2, 2];

describe('nearestEdge', () => {
  it('finds the edge under a click, the nearer of two, and none when the click is off every edge', () => {
    expect(nearestEdge(points, source, target, 50, 2, 4)).toBe(0);
    expect(nearestEdge(points, source, target, 98, 50, 4)).toBe(1);
    // on the diagonal 0–2, far from the sides
    expect(nearestEdge(points, source, target, 40, 41, 4)).toBe(2);
    // within reach of both 0–1 (6 away) and the diagonal (2.8 away): the diagonal is nearer
    expect(nearestEdge(points, source, target, 10, 6, 10)).toBe(2);
    expect(nearestEdge(points, source, target, 10, 1, 10)).toBe(0);
    expect(nearestEdge(points, source, target, 10, 60, 4)).toBe(-1);
  });

  it('measures past a segment end to the end itself, not to the line it lies on', () => {
    // (150, 0) is on the line through 0–1 but 50 beyond its end
    expect(nearestEdge(points, [0], [1], 150, 0, 4)).toBe(-1);
    expect(nearestEdge(points, [0], [1], 102, 1, 4)).toBe(0);
  });

  it('handles an edge whose two ends coincide on screen', () => {
    expect(nearestEdge([5, 5, 5, 5], [0], [1], 6, 6, 4)).toBe(0);
  });
});
