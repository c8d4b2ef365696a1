// Stretched sheet on a turn (issue #15, session 19): the head sheet's opaque triangles whose screen area
// is many times their texture area (a few photo pixels drawn as a wide lobe: lp_s10's torn chin lobe at
// +25 was a wall of the sheet, 1 px in the photo, turned face-on). Sums the screen area (px) of opaque
// sheet triangles stretched more than STRETCH times. Used by bench/turnStretch.ts and test/turnStretch.test.ts.

/** Screen area over texture area above this is a stretch (a 25° turn widens a surface facing it by at most ~1.5x; a wall much more). */
export const STRETCH = 2.5;
/** Texture alpha (at the triangle's centroid) from which a triangle is opaque. */
const OPAQUE = 0.5;

const area = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;

/**
 * Screen px of opaque triangles drawn more than STRETCH times their texture area. `x`, `y`: screen
 * positions per vertex; `uv`: texture positions (px); `alphaAt`: the texture's alpha (0..1) at a
 * texture point; `keep`: which triangles count (e.g. the sheet's skin on the far side).
 */
export function stretchedArea(triangles: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>, uv: ArrayLike<number>, alphaAt: (u: number, v: number) => number, keep: (t: number) => boolean): number {
  let sum = 0;
  for (let t = 0; t < triangles.length / 3; t++) {
    if (!keep(t)) continue;
    const a = triangles[t * 3]!, b = triangles[t * 3 + 1]!, c = triangles[t * 3 + 2]!;
    const screen = area(x[a]!, y[a]!, x[b]!, y[b]!, x[c]!, y[c]!);
    if (screen < 1) continue;
    const tex = area(uv[a * 2]!, uv[a * 2 + 1]!, uv[b * 2]!, uv[b * 2 + 1]!, uv[c * 2]!, uv[c * 2 + 1]!);
    if (screen <= STRETCH * Math.max(tex, 1e-3)) continue;
    const cu = (uv[a * 2]! + uv[b * 2]! + uv[c * 2]!) / 3, cv = (uv[a * 2 + 1]! + uv[b * 2 + 1]! + uv[c * 2 + 1]!) / 3;
    if (alphaAt(cu, cv) > OPAQUE) sum += screen;
  }
  return sum;
}
