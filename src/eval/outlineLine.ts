// The old background's line along the person's outline on a new backdrop, as a number.
import type { RgbaImage } from '../types.ts';
import { distanceToOutside } from '../analyze/raster.ts';

const lum = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/**
 * Mean excess (levels) of the outline toward the photo's old background, over a new backdrop that
 * lies on the other side of the person (old wall light, new backdrop dark, or the reverse). There
 * a clean edge runs monotonically from the person's colour to the new backdrop's, so any pixel of
 * the outer rim (visible, alpha >= 0.1, within `ring` px of the transparent outside) that is
 * brighter than the person just inside when the old wall was brighter (or darker when it was
 * darker) is the old wall showing: a light (dark) line. Person just inside: the mean of opaque
 * pixels 4-8 px in within a 17 px window. Returns the mean positive excess, the share of rim pixels
 * more than 10 levels toward the old wall (a visible line) and how many rim pixels qualified (few:
 * the figure says little).
 */
export function outlineLineExcess(composite: RgbaImage, transparent: RgbaImage, plate: RgbaImage, backdropLum: number, ring = 2): { excess: number; share: number; count: number } {
  const { width: w, height: h } = composite;
  const alphaOf = (i: number) => transparent.data[i * 4 + 3]! / 255;
  const dist = distanceToOutside((i) => alphaOf(i) < 0.1, w, h, 9);
  let sum = 0, count = 0, visible = 0;
  const r = 8;
  for (let y = r; y < h - r; y++) for (let x = r; x < w - r; x++) {
    const i = y * w + x;
    if (dist[i]! === 0 || dist[i]! > ring) continue;
    let s = 0, c = 0;
    for (let dy = -r; dy <= r; dy += 2) for (let dx = -r; dx <= r; dx += 2) {
      const j = i + dy * w + dx;
      if (dist[j]! < 4 || dist[j]! > 8 || alphaOf(j) < 0.98) continue;
      s += lum(composite.data, j * 4); c++;
    }
    if (c < 3) continue;
    const inner = s / c;
    const old = lum(plate.data, i * 4);
    // only where old wall and new backdrop lie on opposite sides of the person, both clearly apart
    if (Math.abs(old - inner) < 40 || Math.abs(backdropLum - inner) < 40 || Math.sign(old - inner) === Math.sign(backdropLum - inner)) continue;
    const excess = Math.max(0, (lum(composite.data, i * 4) - inner) * Math.sign(old - inner));
    sum += excess;
    if (excess > 10) visible++;
    count++;
  }
  return { excess: count ? sum / count : 0, share: count ? visible / count : 0, count };
}
