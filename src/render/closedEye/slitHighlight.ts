// The half-shut eye's light (lid30). Under a lid come down past the iris's top, a real eye shows a
// strip of white in the lid's and lashes' shadow and no catchlight (the glint sits on the iris's top,
// now under the lid). The eyeball here is the photo's open eye, so its lower white and any glint kept
// their open-eye light: lidShadow.ts takes a share of it (at most ~0.6-0.75 of the light stays), and
// a white at 220 still drew a grey-white band with a white dot where the driver's eye is dark
// (lp_s12 <- lp_d14 f119-f166). So, mid-blink, the eyeball's pixels in the opening are held below a
// ceiling tied to the lid skin around them as rendered: dark iris and lash pixels keep their light,
// only what is brighter than the shaded skin comes down to it (a soft knee, so no flat plateau).
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { isEyeball } from './eyeballDepth.ts';
import { shadeLidEdge } from './lidEdgeShade.ts';
import { ceilingLight, lumaOf } from './lightCeiling.ts';
import { halfLidCeiling, narrowSlitShare } from './narrowSlit.ts';
import { lidLineAt, openingBox } from './lidLine.ts';
export { ceilingLight } from './lightCeiling.ts';

/** Blink completion over which the ceiling comes in: none while the lid is still above the iris. */
const CEIL_IN = [0.3, 0.65] as const;
/** The ceiling, as a share of the lid skin's median luma around the opening (a white in lid shadow reads a little darker than the lid). */
const CEIL_SHARE = 0.8;
/** The skin bands sampled for the ceiling: this far (eye widths) beyond the upper and lower lid lines. */
const SKIN_BAND = [0.06, 0.16] as const;
/** Samples across the eye (u) for the lid lines and the skin. */
const COLUMNS = 24;

/** How strong the ceiling is at this blink completion (0 at rest: the photo's own eye stays; whole by a half blink, narrowSlit.ts). */
export function slitCeilingStrength(closure: number): number {
  return Math.max(smoothstep(CEIL_IN[0], CEIL_IN[1], closure), halfLidCeiling(closure));
}

/** Median luma of the rendered skin (not eyeball: eyeballDepth.ts bounds) in bands just outside both lid lines. */
export function lidSkinLuma(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, bounds: Float32Array): number {
  const samples: number[] = [];
  for (let c = 1; c < COLUMNS; c++) {
    const u = 0.15 + (0.7 * c) / COLUMNS;
    const vu = lidLineAt(upper.u, upper.v, u), vl = lidLineAt(lower.u, lower.v, u);
    for (const d of SKIN_BAND) for (const v of [vu - d, vl + d]) {
      const x = Math.floor(f.ox + u * f.ux + v * f.vx), y = Math.floor(f.oy + u * f.uy + v * f.vy);
      if (x < 0 || y < 0 || x >= t.width || y >= t.height) continue;
      const i = y * t.width + x;
      if (t.depth[i]! > 0 && !isEyeball(t.depth[i]!, u, bounds)) samples.push(lumaOf(t.color[i]!));
    }
  }
  if (samples.length < 6) return NaN;
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

/**
 * Brings, in place, the eyeball's pixels (isEyeball by the per-column bounds) between the lid lines as rendered
 * (eye frame f, u ascending) under the ceiling, at strength s (slitCeilingStrength).
 */
export function holdSlitUnderLid(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, s: number, bounds: Float32Array): void {
  if (s <= 0) return;
  const skin = lidSkinLuma(t, f, upper, lower, bounds);
  if (!(skin > 0)) return;
  shadeLidEdge(t, f, upper, s, bounds, skin);
  const [x0, x1, y0, y1] = openingBox(f, upper, lower, t.width, t.height, 1);
  const color = t.color, depth = t.depth, W = t.width;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const i = y * W + x, iz = depth[i]!;
    if (iz <= 0) continue;
    const [u] = toEye(f, x + 0.5, y + 0.5);
    if (u < -0.05 || u > 1.05 || !isEyeball(iz, u, bounds)) continue;
    const p = color[i]!;
    const gap = lidLineAt(lower.u, lower.v, u) - lidLineAt(upper.u, upper.v, u);
    const light = ceilingLight(lumaOf(p), skin * narrowSlitShare(CEIL_SHARE, gap, s), s);
    if (light >= 1) continue;
    const r = (p & 255) * light, g = ((p >>> 8) & 255) * light, b = ((p >>> 16) & 255) * light;
    color[i] = ((p & 0xff000000) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
  }
}
