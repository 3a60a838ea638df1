/**
 * Which edge a click lands on, found in code rather than by sigma's edge picking: picking draws
 * every edge a second time, into an offscreen buffer, on every frame, which for 50,000 edges costs
 * as much as the picture itself. One pass over the edges at click time costs a millisecond.
 */

/**
 * The edge nearest (x, y) within `tolerance`, or -1. `points` holds each node's x, y in the same
 * space as the click (screen pixels); edge i joins nodes source[i] and target[i].
 */
export function nearestEdge(
  points: ArrayLike<number>,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  x: number,
  y: number,
  tolerance: number,
): number {
  let best = -1;
  let bestDistance = tolerance * tolerance;
  for (let e = 0; e < source.length; e++) {
    const ax = points[2 * source[e]!]!;
    const ay = points[2 * source[e]! + 1]!;
    const bx = points[2 * target[e]!]!;
    const by = points[2 * target[e]! + 1]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    // the point of the segment closest to the click, as a fraction of the way from a to b
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    const distance = px * px + py * py;
    if (distance <= bestDistance) {
      best = e;
      bestDistance = distance;
    }
  }
  return best;
}
