// The open eye painted past the face mesh's lower lid (shut36, #14). On a painted eye larger than the
// face mesh's ring (the cartoon lp_s7: its white and the iris's bottom run on below the mesh's lower
// lid line, to a red rim well under it) the lower part of the open eye is on the skin's triangles, not
// the eyeball's. Mid-blink the lid's shadow (lidShadow.ts) and the slit's ceiling (slitHighlight.ts)
// darken the eyeball only, so they stopped at the mesh's lower lid line: a darkened band across the
// iris and white under the lash line over an undarkened bottom (lp_s7 <- RD_Radio31 f75). Here the
// skin pixels just under the lower lid line that are the eye's (white or blue against the lid skin)
// take the light the eyeball's bottom row takes, going as the shut eye comes in (blink 1 unchanged).
// Skin that is skin is untouched, so on photos whose lower lid line ends the eye nothing changes.
// OFF (shut36): on lp_s7 it takes the band away at f75 / f79 (the eye evenly in the lid's shade); its
// first version left stair-stepped white along the painted rim at f90; not re-measured on whole clips
// since: docs/eyes/README.md, s36 (shut36).
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { isEyeball } from './eyeballDepth.ts';
import { lidShadowLight } from './lidShadow.ts';
import { ceilingLight, lumaOf } from './lightCeiling.ts';
import { narrowSlitShare } from './narrowSlit.ts';
import { lidSkinLuma } from './slitHighlight.ts';
import { luminance as lum, saturation } from '../../math/colour.ts';

/** Whether the overlay runs this pass (off: the figures in the header; read per frame). */
export const paintedEyeShadeSetting = { on: false };

/** How far (eye widths) under the lower lid line the painted eye is looked for. */
const REACH = 0.25;
/** And past each corner (eye widths), fading out: the painted white runs on past the mesh's corners too. */
const PAST_CORNER = 0.15;
/** A white: at least this share of the lid skin's luma... */
const PALE_LIGHT = 1.1;
/** ...and at most this share of its colourfulness (a warm highlight on the skin is no white). */
const PALE_SAT = 0.3;
/** The iris's bottom or a shaded white: blue over red by this much (0..255) more than the skin's (a cool shaded skin is not). */
const BLUE_OVER_RED = 40;
/** Non-eye pixels passed over at a column's start (the lower lid line's own edge pixel) before the column ends. */
const LEAD_SKIP = 1;
/** The first pixel past a run of the eye's takes this share of the run's darkening (the rim mixed with the white). */
const RIM_SHARE = 0.5;
/** The slit ceiling's share of the lid skin's light (as slitHighlight.ts CEIL_SHARE). */
const CEIL_SHARE = 0.8;

/** Is this colour the open eye's (a white or a blue) beside skin of this luma and colourfulness? */
export function isPaintedEye(r: number, g: number, b: number, skinLuma: number, skinSat: number, skinBlue = 0): boolean {
  if (b - r > skinBlue + BLUE_OVER_RED) return true;
  return skinSat > 0 && lum(r, g, b) >= PALE_LIGHT * skinLuma && saturation(r, g, b) <= PALE_SAT * skinSat;
}

/** A lid line's v at u (straight between its points; u ascending). */
function lineAt(u: readonly number[], v: readonly number[], x: number): number {
  let k = 0;
  while (k + 2 < u.length && x > u[k + 1]!) k++;
  const t = Math.max(0, Math.min(1, (x - u[k]!) / (u[k + 1]! - u[k]! || 1)));
  return v[k]! + t * (v[k + 1]! - v[k]!);
}

/** Median luma, colourfulness and blue over red of the skin .15-.3 eye widths under the lower lid line (not eyeball). */
function skinUnder(t: RasterTarget, f: EyeFrame, lower: { u: number[]; v: number[] }, bounds: Float32Array): { luma: number; sat: number; blue: number } {
  const l: number[] = [], s: number[] = [], bl: number[] = [];
  for (let c = 0; c <= 16; c++) for (const d of [0.15, 0.2, 0.25, 0.3]) {
    const u = 0.2 + (0.6 * c) / 16, v = lineAt(lower.u, lower.v, u) + d;
    const x = Math.floor(f.ox + u * f.ux + v * f.vx), y = Math.floor(f.oy + u * f.uy + v * f.vy);
    if (x < 0 || y < 0 || x >= t.width || y >= t.height) continue;
    const i = y * t.width + x, p = t.color[i]!;
    if (t.depth[i]! <= 0 || isEyeball(t.depth[i]!, u, bounds)) continue;
    l.push(lumaOf(p)); s.push(saturation(p & 255, (p >>> 8) & 255, (p >>> 16) & 255)); bl.push(((p >>> 16) & 255) - (p & 255));
  }
  if (l.length < 8) return { luma: NaN, sat: NaN, blue: NaN };
  const med = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1]!;
  return { luma: med(l), sat: med(s), blue: med(bl) };
}

/**
 * Darkens, in place, the painted eye's skin pixels within REACH under the lower lid line as rendered
 * (eye frame f, u ascending) as the eyeball's bottom row is: the lid's shadow at strength `shadow`
 * (slit: the narrow slit's, lidShadow.ts) and the ceiling at strength `ceiling` under the lid skin's
 * median luma (slitHighlight.ts lidSkinLuma), as the eyeball's pixels there got them.
 */
export function shadePaintedEyeBelow(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, bounds: Float32Array, shadow: number, slit: number, ceiling: number): void {
  if (shadow <= 0 && slit <= 0 && ceiling <= 0) return;
  const skin = skinUnder(t, f, lower, bounds);
  if (!(skin.luma > 0)) return;
  const lidSkin = ceiling > 0 ? lidSkinLuma(t, f, upper, lower, bounds) : NaN;
  const n = lower.u.length - 1;
  const pts = [...lower.u.flatMap((u, k) => [[u, lower.v[k]!], [u, lower.v[k]! + REACH]]), [lower.u[0]! - PAST_CORNER, lower.v[0]! - REACH], [lower.u[n]! + PAST_CORNER, lower.v[n]! - REACH], [lower.u[0]! - PAST_CORNER, lower.v[0]! + REACH], [lower.u[n]! + PAST_CORNER, lower.v[n]! + REACH]].map(([u, v]) => [f.ox + u! * f.ux + v! * f.vx, f.oy + u! * f.uy + v! * f.vy]);
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(t.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(t.height - 1, Math.ceil(Math.max(...ys)));
  const color = t.color, depth = t.depth, W = t.width;
  // column by column, down from the lower lid line: the run of the eye's pixels, then the first pixel
  // past it (the painted rim's, mixed with the white) at half: judged pixel by pixel, the rim's mixed
  // pixels kept their light, a bright stair-stepped line along the bottom
  for (let x = x0; x <= x1; x++) {
    let inRun = false, started = false, lead = 0;
    for (let y = y0; y <= y1; y++) {
      const i = y * W + x, iz = depth[i]!;
      if (iz <= 0) { inRun = false; continue; }
      const [u, v] = toEye(f, x + 0.5, y + 0.5);
      if (u <= -PAST_CORNER || u >= 1 + PAST_CORNER || isEyeball(iz, u, bounds)) { inRun = false; continue; }
      // past a corner, from the corner's height down (both lid lines meet there)
      const uc = Math.max(0, Math.min(1, u)), past = Math.max(-u, u - 1, 0);
      const low = lineAt(lower.u, lower.v, uc) - (past > 0 ? REACH : 0), up = Math.min(low, lineAt(upper.u, upper.v, uc));
      if (v < low || v > low + (past > 0 ? 2 : 1) * REACH) { inRun = false; if (v > low) started = true; continue; }
      const p = color[i]!;
      const r = p & 255, g = (p >>> 8) & 255, b = (p >>> 16) & 255;
      const eye = isPaintedEye(r, g, b, skin.luma, skin.sat, skin.blue);
      // the run starts at the column's first pixel under the lower lid line (the painted eye goes on
      // from the eyeball's): skin there, or after the run, ends the column
      // the line's own edge pixel (mixed with the lid's rim by the slit-edge cover) may lead the run
      const first = !started && (eye || ++lead > LEAD_SKIP);
      if (!eye && !first && !inRun && !started) continue;
      started = true;
      // (past a corner the column starts above the corner: lid skin there is passed over, not an end)
      if (!eye && past > 0 && !inRun) { started = false; continue; }
      if (!eye && (first || !inRun)) break;
      const share = eye ? 1 : RIM_SHARE;
      const last = !eye;
      inRun = eye;
      // the light of the eyeball's bottom row in this column
      const gap = Math.max(0, low - up);
      let light = lidShadowLight(gap, shadow, gap, slit);
      if (lidSkin > 0) light *= ceilingLight(lumaOf(p) * light, lidSkin * narrowSlitShare(CEIL_SHARE, gap), ceiling);
      light = 1 - share * (1 - past / PAST_CORNER) * (1 - light);
      if (light < 1) color[i] = ((p & 0xff000000) | (Math.round(b * light) << 16) | (Math.round(g * light) << 8) | Math.round(r * light)) >>> 0;
      if (last) break;
    }
  }
}
