// The plate beside the shoulders (issue #15, s37 shoulder37). When the head moves, the torso follows
// and its outline uncovers the first 5-15 px of the person's hole. The exemplar fill there was a smooth
// gradient or foreign texture (lp_s1: the curtain's grey fading to white; lp_s11: the card's cream
// and the blanket's weave beside a green backdrop), seen as a smear along the shoulder. Here those
// first pixels take the real backdrop just outside the hole, mirrored across its border: the
// backdrop's own texture and level continue into the band, and only backdrop is read (the hole is
// the matte dilated, so the pixels past its border are not the person). Off in analyze (s37): it
// clears lp_s1's haze but widens lp_s11's cream card border where green belongs (docs/edges/README.md).

import { distanceToOutside } from './raster.ts';
import { smooth01 } from '../math/smooth.ts';

export interface ShoulderBand {
  /** the band starts at this row (the chin) and is full from `fromRow + rise` down */
  fromRow: number;
  rise: number;
  /** depth into the hole (px) taken whole from the mirror, then faded out over `fade` px */
  full: number;
  fade: number;
}

/** The band's shape for a crop of `size` px whose chin is at row `chinRow`. */
export function shoulderBandFor(size: number, chinRow: number): ShoulderBand {
  const s = size / 512;
  return { fromRow: Math.round(chinRow), rise: Math.round(24 * s), full: Math.round(14 * s), fade: Math.round(10 * s) };
}

/** Nearest pixel with ok(i) within `radius` of (x, y), searched ring by ring; -1 when none. */
export function nearestWithin(x: number, y: number, w: number, h: number, radius: number, ok: (i: number) => boolean): number {
  let best = -1, bestD = Infinity;
  for (let r = 1; r <= radius; r++) {
    // a ring at Chebyshev distance r holds points at Euclidean distance r..r*sqrt2: stop once r passes the best
    if (r * r > bestD) break;
    for (let dy = -r; dy <= r; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      const step = dy === -r || dy === r ? 1 : 2 * r;
      for (let dx = -r; dx <= r; dx += step) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const i = yy * w + xx;
        if (!ok(i)) continue;
        const d = dx * dx + dy * dy;
        if (d < bestD) { bestD = d; best = i; }
      }
    }
  }
  return best;
}

/**
 * Blends the mirrored backdrop into `colour` (RGB float planes interleaved, 0-255, as inpaint.ts
 * keeps them) over the hole pixels of the band. `known`: real backdrop pixels (not hole, not past the
 * photo). The mirror point of p across the border by its nearest known pixel q lies |p - q| - 1 beyond q; where that is not known
 * (another part of the hole, past the photo) it moves toward q.
 */
export function mirrorBackdropIntoBand(colour: Float32Array, img: { width: number; height: number; data: Uint8ClampedArray }, hole: Uint8Array, known: Uint8Array, band: ShoulderBand): number {
  const { width: w, height: h } = img;
  const reach = band.full + band.fade;
  const isKnown = (i: number) => known[i] === 1;
  // only pixels within reach of the backdrop search for it (chamfer distance errs by < 8 %)
  const depthOf = distanceToOutside(isKnown, w, h, reach + 3);
  let changed = 0;
  for (let y = Math.max(0, band.fromRow); y < h; y++) {
    const rowW = smooth01((y - band.fromRow) / Math.max(1, band.rise));
    if (rowW <= 0) continue;
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!hole[p] || depthOf[p]! > reach + 2) continue;
      const q = nearestWithin(x, y, w, h, reach, isKnown);
      if (q < 0) continue;
      const qx = q % w, qy = (q - qx) / w;
      const depth = Math.hypot(qx - x, qy - y);
      const weight = rowW * (1 - smooth01((depth - band.full) / Math.max(1, band.fade)));
      if (weight <= 0) continue;
      let m = q;
      // the mirror about the border half a pixel past q: p at depth d reads the backdrop pixel d - 1 beyond q
      const beyond = (depth - 1) / depth;
      for (const t of [1, 0.75, 0.5, 0.25]) {
        const mx = Math.round(qx + t * beyond * (qx - x)), my = Math.round(qy + t * beyond * (qy - y));
        if (mx < 0 || my < 0 || mx >= w || my >= h) continue;
        if (known[my * w + mx]) { m = my * w + mx; break; }
      }
      for (let c = 0; c < 3; c++) colour[p * 3 + c] = (1 - weight) * colour[p * 3 + c]! + weight * img.data[m * 4 + c]!;
      changed++;
    }
  }
  return changed;
}
