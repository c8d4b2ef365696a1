// The opening inside a frame's inner-lip loop as pixel columns, each its top and bottom row (bench/tongueLit.ts,
// bench/tongueTopRead.ts): `lm` the face mesh's landmarks flat (x, y, z per point); cx / half the mouth's middle and
// half its corner-to-corner width in px.
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';

export interface OpeningColumns { cx: number; half: number; cols: Map<number, [number, number]> }

export function openingColumns(lm: ArrayLike<number>): OpeningColumns {
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) / 2;
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const cols = new Map<number, [number, number]>(), xs: number[] = [];
  for (let y = Math.ceil(y0); y <= Math.floor(y1); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.ceil(xs[k]!); x <= xs[k + 1]!; x++) {
        const t = cols.get(x);
        cols.set(x, t ? [Math.min(t[0], y), Math.max(t[1], y)] : [y, y]);
      }
  }
  return { cx, half, cols };
}
