// Faint translucent haze beside a turned head (issue #15, session 24): stretched sheet triangles whose
// texture sits on the matte's last texels draw radial streaks at a few percent opacity past the far
// cheek (lp_s10 at +12/+25: lit skin at alpha 5-16 of 255 over a dark background).
import type { RgbaImage } from '../types.ts';
import { distanceToOutside } from '../analyze/raster.ts';

/** The haze's alpha range (of 255): visible over a contrasting backdrop, too translucent to be the person (at +12 lp_s10's half-cleared band is alpha 40-150). */
const HAZE_ALPHA = [3, 191] as const;
/** The solid person: alpha at least this (of 255). */
const SOLID = 250;
/** Pixels within this many px of the solid person are the outline's own soft ramp. */
const RAMP = 3;

/**
 * Pixels of a render without a backdrop (`background: null`) inside the box [x0, x1) x [y0, y1) whose
 * alpha is translucent (HAZE_ALPHA) and that lie more than RAMP px from the solid person.
 */
export function faintHaze(transparent: RgbaImage, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const { width: w, height: h, data } = transparent;
  const dist = distanceToOutside((i) => data[i * 4 + 3]! >= SOLID, w, h, RAMP + 1);
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(h, Math.ceil(box.y1)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(w, Math.ceil(box.x1)); x++) {
      const i = y * w + x, a = data[i * 4 + 3]!;
      if (a >= HAZE_ALPHA[0] && a <= HAZE_ALPHA[1] && dist[i]! > RAMP) count++;
    }
  }
  return count;
}
