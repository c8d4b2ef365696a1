// Plane polygons of landmark outlines (eye openings, lips).

/** Point-in-polygon (even-odd rule). */
export function insidePolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Where a closed polygon's edges cross the horizontal line at height y, left to right, into `out`
 * (cleared first). Pairs of crossings bound the polygon's inside on that line (even-odd rule).
 */
export function rowCrossings(poly: [number, number][], y: number, out: number[] = []): number[] {
  out.length = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    if (yi > y !== yj > y) out.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return out.sort((a, b) => a - b);
}

/** Distance from a point to the segment from (ax, ay) to (bx, by). */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const ex = bx - ax, ey = by - ay, len2 = ex * ex + ey * ey;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / len2)) : 0;
  return Math.hypot(x - ax - t * ex, y - ay - t * ey);
}

/** Distance from a point to a closed polygon's outline (its nearest edge, not its nearest corner). */
export function distanceToOutline(x: number, y: number, poly: [number, number][]): number {
  let d = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) d = Math.min(d, segmentDistance(x, y, poly[j]![0], poly[j]![1], poly[i]![0], poly[i]![1]));
  return d;
}

/** Distance from a point to an open polyline (a lip line corner to corner: no closing edge). */
export function distanceToPolyline(x: number, y: number, line: [number, number][]): number {
  let d = Infinity;
  for (let i = 0; i + 1 < line.length; i++) d = Math.min(d, segmentDistance(x, y, line[i]![0], line[i]![1], line[i + 1]![0], line[i + 1]![1]));
  return d;
}
