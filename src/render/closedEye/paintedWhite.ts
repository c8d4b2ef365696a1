// The open eye painted past the face mesh's lower lid (shut36, #14). On a painted eye larger than the
// face mesh's ring (the cartoon lp_s7: its white and the iris's bottom run on below the mesh's lower
// lid line, to a red rim well under it) the lower part of the open eye is on the skin's triangles, not
// the eyeball's. Mid-blink the lid's shadow (lidShadow.ts) and the slit's ceiling (slitHighlight.ts)
// darken the eyeball only, so they stopped at the mesh's lower lid line: a darkened band across the
// iris and white under the lash line over an undarkened bottom (lp_s7 <- RD_Radio31 f75). Here the
// skin pixels just under the lower lid line that are the eye's (white or blue against the lid skin)
// take the light the eyeball's bottom row takes, going as the shut eye comes in (blink 1 unchanged).
// Skin that is skin is untouched, so on photos whose lower lid line ends the eye nothing changes.
// shut36 built it (off: 1-px stairs along the painted rim, judged pixel by pixel); s37 (blink37) turned
// it on: the eye's share of each pixel is soft and smoothed over 3x3 before it darkens, a warm shaded
// white counts, and a column running far deeper than the rest is cut. docs/eyes/README.md, s36 / s37.
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { isEyeball } from './eyeballDepth.ts';
import { lidShadowLight } from './lidShadow.ts';
import { ceilingLight, lumaOf } from './lightCeiling.ts';
import { narrowSlitShare } from './narrowSlit.ts';
import { lidSkinLuma } from './slitHighlight.ts';
import { luminance as lum, saturation } from '../../math/colour.ts';
import { referenceLuma, skinPastCorners } from './skinPastCorner.ts';
import { smoothstep } from '../../math/smooth.ts';
import { lidLineAt } from './lidLine.ts';

/** Whether the overlay runs this pass (read per frame; bench/blinkStrip.ts --on paintedShade turns it off for its before row). */
export const paintedEyeShadeSetting = { on: true };

/**
 * The share of the eyeball's shade the painted eye below takes while the shut eye shows `show` (0..1)
 * over it. Before s52 1 - show: at blink .9 (show .33) the painted white kept about .6 of its light
 * where the eyeball above it kept .4, a grey band between the lash line and the red rim (lp_s7 + eng
 * f160, critic51). Now the eyeball's shade all the way until the shut eye is nearly whole, then gone
 * by show 1 (blink 1 renders as before): 1 - show^fadePower. fadePower 1: before s52.
 */
export const paintedShadeKeepSetting = { fadePower: 4 };
export const paintedShadeKeep = (show: number): number => 1 - Math.pow(Math.min(1, Math.max(0, show)), paintedShadeKeepSetting.fadePower);

/** How far (eye widths) under the lower lid line the painted eye is looked for. */
const REACH = 0.25;
/** And past each corner (eye widths), fading out: the painted white runs on past the mesh's corners too. */
const PAST_CORNER = 0.15;
/**
 * on: past a corner the painted white is looked for from PAST_ABOVE over the corner's height to PAST_BELOW under it;
 * off: REACH over to REACH under (before s48). s48 lidpatch48: lp_s7 + eng.wav half blinks (f39, f113, f226) had a
 * grey-blue dot over the outer end of the lowered lid and a faint grey stroke under the outer corner — pale lid and cheek
 * pixels .1-.25 eye widths from the corner's height, read as a white and darkened with the lid's shadow.
 */
export const pastCornerBandSetting = { on: true };
const PAST_ABOVE = 0.05, PAST_BELOW = 0.15;
/** A white: at least this share of the lid skin's luma... */
const PALE_LIGHT = 1.1;
/** ...and at most this share of its colourfulness: a painted white's shaded, warm end at the inner corner
 * (lp_s7: .63 of the skin's) is in, the skin's own colour out (shut36 had .3: the corner's white stayed bright). */
const PALE_SAT = 0.75;
/** Past a corner (pale cheek or temple skin above and beside it) the white must be colourless (shut36's test). */
const PALE_SAT_PAST_CORNER = 0.3;
/** The soft bands either side of each test (its share goes 0 -> 1 across them). */
const SOFT_LIGHT = 0.1, SOFT_SAT = 0.15, SOFT_BLUE = 20;
/** The iris's bottom or a shaded white: blue over red by this much (0..255) more than the skin's (a cool shaded skin is not). */
const BLUE_OVER_RED = 40;
/** ...at at least this share of the skin's luma (lp_s7's iris bottom ~.6; lp_s1's lashes ~.25). */
const BLUE_LIGHT = 0.45;
/** Non-eye pixels passed over at a column's start (the lower lid line's own edge pixel) before the column ends. */
const LEAD_SKIP = 1;
/** The first pixel past a run of the eye's takes this share of the run's darkening (the rim mixed with the white). */
const RIM_SHARE = 0.5;
/** Pixels a column's run may go deeper than the median run of the eye's columns (its next pixel is taken as the rim's). */
const DEEPER_THAN_MEDIAN = 2;
/** The slit ceiling's share of the lid skin's light (as slitHighlight.ts CEIL_SHARE). */
const CEIL_SHARE = 0.8;

/** Is this colour the open eye's (a white or a blue) beside skin of this luma and colourfulness? (its share at least half) */
export function isPaintedEye(r: number, g: number, b: number, skinLuma: number, skinSat: number, skinBlue = 0, paleSat = PALE_SAT): boolean {
  return paintedEyeShare(r, g, b, skinLuma, skinSat, skinBlue, paleSat) >= 0.5;
}

/** How much of this pixel is the open eye (0..1): a white (light over the skin's, colourfulness under its) or a blue, each soft over a band (a rim pixel mixed with the white reads in between). */
export function paintedEyeShare(r: number, g: number, b: number, skinLuma: number, skinSat: number, skinBlue = 0, paleSat = PALE_SAT): number {
  const ratio = skinLuma > 0 ? lum(r, g, b) / skinLuma : 1;
  // a blue that is not dark: lashes and their shade are blue over red beside warm skin too (lp_s1 f43)
  const blue = smoothstep(BLUE_OVER_RED - SOFT_BLUE, BLUE_OVER_RED + SOFT_BLUE, b - r - skinBlue) * smoothstep(BLUE_LIGHT - SOFT_LIGHT, BLUE_LIGHT + SOFT_LIGHT, ratio);
  if (!(skinSat > 0) || !(skinLuma > 0)) return blue;
  const light = smoothstep(PALE_LIGHT - SOFT_LIGHT, PALE_LIGHT + SOFT_LIGHT, ratio);
  const pale = 1 - smoothstep(paleSat - SOFT_SAT, paleSat + SOFT_SAT, saturation(r, g, b) / skinSat);
  return Math.max(blue, light * pale);
}

/** Median luma, colourfulness and blue over red of the skin .15-.3 eye widths under the lower lid line (not eyeball). */
function skinUnder(t: RasterTarget, f: EyeFrame, lower: { u: number[]; v: number[] }, bounds: Float32Array): { luma: number; sat: number; blue: number } {
  const l: number[] = [], s: number[] = [], bl: number[] = [];
  for (let c = 0; c <= 16; c++) for (const d of [0.15, 0.2, 0.25, 0.3]) {
    const u = 0.2 + (0.6 * c) / 16, v = lidLineAt(lower.u, lower.v, u) + d;
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
  // past a corner a white is lighter than the skin there too (skinPastCorner.ts: lp_s42's pale skin by the nose)
  const sides = skinPastCorners(t, f, lower, bounds);
  const n = lower.u.length - 1;
  const pts = [...lower.u.flatMap((u, k) => [[u, lower.v[k]!], [u, lower.v[k]! + REACH]]), [lower.u[0]! - PAST_CORNER, lower.v[0]! - REACH], [lower.u[n]! + PAST_CORNER, lower.v[n]! - REACH], [lower.u[0]! - PAST_CORNER, lower.v[0]! + REACH], [lower.u[n]! + PAST_CORNER, lower.v[n]! + REACH]].map(([u, v]) => [f.ox + u! * f.ux + v! * f.vx, f.oy + u! * f.uy + v! * f.vy]);
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(t.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(t.height - 1, Math.ceil(Math.max(...ys)));
  const color = t.color, depth = t.depth, W = t.width;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  if (bw <= 0 || bh <= 0) return;
  // the eye's share of each pixel (1 the eyeball and the painted eye's run, the rim's mixed pixel its
  // soft share, 0 skin), then smoothed over 3x3 before it darkens: a share judged pixel by pixel and
  // column by column left 1-px stairs along the painted rim and at the corners (shut36, f90/f94)
  const share = new Float32Array(bw * bh);
  // where the pass may write (skin under the lower lid line) and the light it would give there in full
  const light = new Float32Array(bw * bh).fill(1);
  const fade = new Float32Array(bw * bh);
  const inBand = new Uint8Array(bw * bh);
  // the painted eye's own pixels (the run and its rim): only they and their neighbours are written, so a
  // photo whose lower lid line ends the eye keeps its skin (the eyeball's share alone writes nothing)
  const ran = new Float32Array(bw * bh);
  // column by column, down from the lower lid line: the run of the eye's pixels, then the first pixel
  // past it (the painted rim's, mixed with the white) at its soft share
  const runs: { k: number; share: number }[][] = [];
  // the columns under the lower lid line itself (not past a corner): the eye's width the median is taken over
  const under: boolean[] = [];
  for (let x = x0; x <= x1; x++) {
    let inRun = false, started = false, lead = 0;
    const run: { k: number; share: number }[] = [];
    runs.push(run); under.push(false);
    for (let y = y0; y <= y1; y++) {
      const i = y * W + x, iz = depth[i]!, k = (y - y0) * bw + (x - x0);
      if (iz <= 0) { inRun = false; continue; }
      const [u, v] = toEye(f, x + 0.5, y + 0.5);
      if (u <= -PAST_CORNER || u >= 1 + PAST_CORNER) { inRun = false; continue; }
      // the eyeball has the lid's shade already: it counts as the eye's in the smoothing, so the run's
      // top row (beside it) is not lightened by it
      if (isEyeball(iz, u, bounds)) { share[k] = 1; inRun = false; continue; }
      // past a corner, from the corner's height down (both lid lines meet there)
      const uc = Math.max(0, Math.min(1, u)), past = Math.max(-u, u - 1, 0);
      const above = pastCornerBandSetting.on ? PAST_ABOVE : REACH, below = pastCornerBandSetting.on ? PAST_BELOW : REACH;
      const low = lidLineAt(lower.u, lower.v, uc) - (past > 0 ? above : 0), up = Math.min(low, lidLineAt(upper.u, upper.v, uc));
      if (v < low || v > low + (past > 0 ? above + below : REACH)) { inRun = false; if (v > low) started = true; continue; }
      const p = color[i]!;
      const r = p & 255, g = (p >>> 8) & 255, b = (p >>> 16) & 255;
      // the light of the eyeball's bottom row in this column, for this pixel's colour
      const gap = Math.max(0, low - up);
      let l = lidShadowLight(gap, shadow, gap, slit);
      if (lidSkin > 0) l *= ceilingLight(lumaOf(p) * l, lidSkin * narrowSlitShare(CEIL_SHARE, gap, ceiling), ceiling);
      light[k] = l; fade[k] = 1 - past / PAST_CORNER; inBand[k] = 1;
      if (past <= 0) under[x - x0] = true;
      if (started && !inRun) continue;
      const paleSat = past > 0 ? PALE_SAT_PAST_CORNER : PALE_SAT, skinLuma = referenceLuma(skin.luma, sides, u);
      const eye = isPaintedEye(r, g, b, skinLuma, skin.sat, skin.blue, paleSat);
      // the run starts at the column's first pixel under the lower lid line (the painted eye goes on
      // from the eyeball's): skin there, or after the run, ends the column
      // the line's own edge pixel (mixed with the lid's rim by the slit-edge cover) may lead the run
      const first = !started && (eye || ++lead > LEAD_SKIP);
      if (!eye && !first && !inRun && !started) continue;
      started = true;
      // (past a corner the column starts above the corner: lid skin there is passed over, not an end)
      if (!eye && past > 0 && !inRun) { started = false; continue; }
      if (!eye && (first || !inRun)) { inRun = false; continue; }
      run.push({ k, share: eye ? 1 : Math.max(RIM_SHARE, paintedEyeShare(r, g, b, skinLuma, skin.sat, skin.blue, paleSat)) });
      inRun = eye;
    }
  }
  // a painted white runs on evenly along the rim; a column running far deeper than the eye's median
  // is pale lid skin under a photo's eye (lp_s1 f47: a grey drip hanging under the lid): cut there
  const lengths = runLengths(runs, under);
  const cap = lengths.length ? lengths[lengths.length >> 1]! + DEEPER_THAN_MEDIAN : 0;
  for (const run of runs) {
    for (let j = 0; j < run.length && j <= cap; j++) {
      const e = run[j]!;
      share[e.k] = j < cap ? e.share : Math.min(e.share, RIM_SHARE);
      ran[e.k] = 1;
    }
  }
  const smooth = blur3(share, bw, bh), near = blur3(ran, bw, bh);
  for (let k = 0; k < bw * bh; k++) {
    if (!inBand[k] || !(near[k]! > 0) || !(smooth[k]! > 0)) continue;
    const l = 1 - Math.min(1, smooth[k]!) * fade[k]! * (1 - light[k]!);
    if (l >= 1) continue;
    const i = (y0 + Math.floor(k / bw)) * W + x0 + (k % bw), p = color[i]!;
    color[i] = ((p & 0xff000000) | (Math.round(((p >>> 16) & 255) * l) << 16) | (Math.round(((p >>> 8) & 255) * l) << 8) | Math.round((p & 255) * l)) >>> 0;
  }
}

/**
 * The full-share run lengths the median depth is taken over: the columns with a run, or, when they are
 * under minCover of the columns under the lower lid line, every such column (one without a run counting
 * 0, so the median is 0 and each run is cut DEEPER_THAN_MEDIAN under the line). A painted eye runs on
 * along the rim (lp_s7 + eng: 36-57 of 51-58 columns; lp_s1 + Katie: 11-15 of 29); a few columns are pale
 * skin. s53 bar53: lp_s42 <- lp_d6 f109 at eyeSquint .1-.15 found runs in 3 of the eye's 40 columns (skin
 * under the lid just over the white's light test), two of them 9 px deep: the median of those 3 was the
 * bar itself, nothing was cut, and a one-column grey bar hung under the lower lid. minCover 0: before s53.
 */
export const runCoverSetting = { minCover: 0.25 };
export function runLengths(runs: { share: number }[][], under: boolean[], minCover = runCoverSetting.minCover): number[] {
  const n = runs.map((run) => run.filter((e) => e.share === 1).length);
  const ran = n.filter((m) => m > 0).length, eye = under.filter(Boolean).length;
  const few = ran < minCover * eye;
  return n.filter((m, c) => m > 0 || (few && under[c])).sort((a, b) => a - b);
}

/** A 3x3 binomial smoothing of a bw x bh field (edges: the weights that fall inside). */
export function blur3(a: Float32Array, bw: number, bh: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    let s = 0, w = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx < 0 || yy < 0 || xx >= bw || yy >= bh) continue;
      const wt = (dx ? 1 : 2) * (dy ? 1 : 2);
      s += wt * a[yy * bw + xx]!; w += wt;
    }
    out[y * bw + x] = s / w;
  }
  return out;
}
