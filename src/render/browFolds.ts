// Where skin folds when the brows move, as shading fields over the photo (pure math; render/brows.ts
// applies them to the skin texture). A fold is drawn as the photo's own skin made darker in a soft
// valley and lighter on the ridges beside it, the wall facing the photo's light lighter than the
// other: multiplying the photo's colour keeps its light, grain and tone (never a drawn line).
//   - glabella creases (a frown): two near-vertical valleys above the inner brow heads, fanning out
//     upward, and a faint horizontal one across the nose root (procerus);
//   - forehead lines (brows raised): horizontal valleys following the brows' arch upward.
// Coordinates are the face's own: a across (toward image right), b down, both in eye-corner
// distances (iod) from the point between the inner brow heads.

/** Gaussian bump, 1 at 0. */
const bump = (z: number) => Math.exp(-0.5 * z * z);
/** 0..1 smoothly over [0, 1]. */
const ease = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * The cross-section of a soft fold at u fold-widths from its valley: -1 in the valley, lighter
 * ridges either side, and `lit` (-1..1) of a tilt that lightens the wall at positive u (the one facing the light).
 */
export function foldProfile(u: number, lit: number): number {
  return -bump(u) + 0.25 * (bump((u - 2.4) / 1.4) + bump((u + 2.4) / 1.4)) + 0.35 * lit * (bump(u - 1.1) - bump(u + 1.1));
}

/** The face's frame for the folds: origin between the inner brow heads, axes along and across the eyes, in iod. */
export interface BrowFrame { ox: number; oy: number; ex: [number, number]; iod: number; halfGap: number }

/** Image point -> [a, b] in the frame. */
export function toFrame(f: BrowFrame, x: number, y: number): [number, number] {
  const dx = x - f.ox, dy = y - f.oy;
  return [(dx * f.ex[0] + dy * f.ex[1]) / f.iod, (-dx * f.ex[1] + dy * f.ex[0]) / f.iod];
}

/** Valley width of a glabella crease and of a forehead line (iod). */
const CREASE_W = 0.018, LINE_W = 0.017;

/**
 * Glabella creases at [a, b] for a full frown (-1 valley .. ridges > 0), as [image-left crease,
 * image-right crease, nose root]: one crease per side a little in from the inner brow head, fanning
 * out a little as it rises over about a fifth of an iod (each side's corrugator draws its own), and
 * the nose root's faint horizontal fold (procerus, both sides). litX: the photo's light across
 * (-1..1, positive from image left). px: a pixel in iod (the valley is never narrower than about a pixel).
 */
export function creaseField(f: BrowFrame, a: number, b: number, litX: number, px: number): [number, number, number] {
  const w = Math.max(CREASE_W, 1.1 * px);
  const crease = (side: number) => {
    // the crease's centre: 0.45 of the way from the midline to the brow head, leaning a little out upward
    const at = side * (0.45 * f.halfGap - 0.1 * b);
    // along: fades in from 0.2 above the heads, strongest near them, gone just below; one side a
    // little weaker (real creases are rarely a matched pair)
    const along = ease((b + 0.2) / 0.1) * ease((0.04 - b) / 0.07) * (side < 0 ? 1 : 0.85);
    // the wall facing the light is the one on the light's far side
    return along * foldProfile((a - at) / w, litX);
  };
  // procerus: a shallow horizontal fold across the nose root, half as deep
  const root = ease((0.13 - Math.abs(a)) / 0.06) * 0.5 * foldProfile((b - 0.2) / (1.4 * w), 0.6);
  return [crease(-1), crease(1), root];
}

/**
 * Forehead lines at [a, b] for a full raise: four horizontal valleys 0.13-0.40 iod above the brows' tops (nearer, the face mesh read lp_s42's raised brows lower: 0.056 -> 0.051 at a full raise)
 * (browTopB: the brows' top edge's b at a), each following the arch less as it rises, weaker higher
 * up, fading toward the temples, with a slow waviness so they are not ruled. Lit from above.
 */
export function foreheadLineField(a: number, b: number, browTopB: number, meanTopB: number, px: number): number {
  const w = Math.max(LINE_W, 1.1 * px);
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const follow = 1 - 0.25 * k;
    const centre = meanTopB + follow * (browTopB - meanTopB) - (0.13 + 0.09 * k) - 0.01 * Math.sin(7 * a + 1.9 * k);
    const strength = (1 - 0.18 * k) * (0.7 + 0.3 * Math.sin(5.3 * a + 2.3 * k)) * ease((0.62 - Math.abs(a)) / 0.2);
    // light from above: the valley's lower wall (b larger) faces it
    v += strength * foldProfile((b - centre) / w, 0.6);
  }
  return v;
}

/**
 * s55 forehead55: the photo's grooves a raise deepens, kept only as far as they run along the forehead. Per texel of
 * a groove map (negative = darker than its vertical neighbourhood, 0 none; bw x bh), the shallower of its own value
 * and its mean over +-r texels along the row: a wrinkle or a veil's edge keeps its depth, a short speck of a
 * painting's craquelure (lp_s9) or a pore averages out. Before, the specks were deepened 2.2x at a full raise and read
 * as dotted lines across the forehead under the veil's edge.
 */
export const grooveLineSetting = { on: true, reach: 0.04 };
export function alongRowGrooves(g: Float32Array, bw: number, bh: number, r: number): Float32Array {
  const out = new Float32Array(g.length);
  for (let y = 0; y < bh; y++) {
    let s = 0;
    const row = y * bw;
    // running sum over [x - r, x + r] clamped to the row (the mean over the texels inside it)
    for (let x = 0; x < Math.min(bw, r); x++) s += g[row + x]!;
    for (let x = 0; x < bw; x++) {
      if (x + r < bw) s += g[row + x + r]!;
      if (x - r - 1 >= 0) s -= g[row + x - r - 1]!;
      const n = Math.min(bw - 1, x + r) - Math.max(0, x - r) + 1;
      const v = g[row + x]!;
      out[row + x] = v < 0 ? Math.max(v, Math.min(0, s / n)) : 0;
    }
  }
  return out;
}
