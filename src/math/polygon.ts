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

/** Distance from a point to a closed polygon's outline (its nearest edge, not its nearest corner). */
export function distanceToOutline(x: number, y: number, poly: [number, number][]): number {
  let d = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    const ex = xi - xj, ey = yi - yj, len2 = ex * ex + ey * ey;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - xj) * ex + (y - yj) * ey) / len2)) : 0;
    d = Math.min(d, Math.hypot(x - xj - t * ex, y - yj - t * ey));
  }
  return d;
}
