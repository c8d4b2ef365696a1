// The half-shut eye's shaded white in the lid skin's hue (slab44, critic43 #14). Mid-blink three passes
// darken what is still open under the closing lid: its shadow (lidShadow.ts), the ceiling under the lid
// skin's light (slitHighlight.ts) and the same on a white painted past the lower lid (paintedWhite.ts).
// All three scale the three channels by one factor, so a white keeps its own (neutral or cool) chroma at a
// lower light: a flat painted white became a grey slab under a warm lid (lp_s10 <- lp_d14b f87-89), a
// bluish white a grey-blue band (st_full_body_1 + radio f75/f79), a cartoon's white a grey visor
// (lp_s7 + eng f59/f64/f108/f112). A white in a lid's shade is lit by light that has come off the lid and
// lashes, so it takes their hue (as the shut lash line does, blink32: shadowHue.ts). Here, after those
// passes, each white they darkened goes most of the way to the lid skin's chroma at its new luma (the
// driver's is warmer still: lp_d14 f86-88's shaded white beside the iris is (r-b)/luma .39 against its
// lid's .19; the skin's albedo deepened as in shadowHue.ts turned lp_s42 <- lp_d6 f185's white a salmon
// patch, so the skin's own chroma). Luma is kept (the ceiling's figures hold); a white fleck in or by the
// iris keeps its colour (none within a pixel of a cool eyeball pixel: lp_s7's iris showed orange arcs).
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { saturation } from '../../math/colour.ts';
import { isEyeball } from './eyeballDepth.ts';
import { lumaOf } from './lightCeiling.ts';
import { lidLineAt } from './lidLine.ts';
import { luma601 } from '../../math/colour.ts';

/** Whether the pass runs (read per frame). */
export const slitHueSetting = { on: true };

/** The share of the way to the lid skin's chroma a white takes once it has lost DARKEN_FULL of its light. */
const HUE_SHARE = 0.8;
/** Light lost (share of the pixel's own) over which the hue comes in: a pixel hardly darkened keeps its own. */
const DARKEN = [0.03, 0.3] as const;
/** The pixel's own colourfulness (before the passes) over which it counts as coloured and keeps its hue: the iris, a lash. */
const NEUTRAL_SAT = [0.12, 0.3] as const;
/** The pixel's own light before the passes, as a share of the lid skin's, over which it counts as a white (the iris's grey rim and a lash do not). */
const WHITE_LIGHT = [0.95, 1.1] as const;
/** Blue over red (share of luma) over which an eyeball pixel counts as the iris (blue or grey-green), not a white. */
const IRIS_COOL = 0.04;
/** The lid skin sampled this far (eye widths) beyond both lid lines as rendered, across u .15-.85 (as slitHighlight.ts). */
const SKIN_BAND = [0.06, 0.16] as const;
/** The box looked at, in eye widths past the corners and beyond the lid lines (the painted white below the lower lid). */
const PAD_U = 0.2, PAD_UP = 0.05, PAD_DOWN = 0.3;

type Line = { u: number[]; v: number[] };
export interface SlitSnapshot { x0: number; y0: number; x1: number; y1: number; color: Uint32Array }

/** A lid line's v at u (lidLine.ts). */
const lineAt = (l: Line, x: number) => lidLineAt(l.u, l.v, x);

/** The colour the passes will darken, copied before them: the eye's box between its lid lines (eye frame f). */
export function snapshotSlit(t: RasterTarget, f: EyeFrame, upper: Line, lower: Line): SlitSnapshot {
  const pts: [number, number][] = [];
  for (const u of [-PAD_U, 0, 0.5, 1, 1 + PAD_U]) pts.push([u, lineAt(upper, u) - PAD_UP - SKIN_BAND[1]], [u, lineAt(lower, u) + Math.max(PAD_DOWN, SKIN_BAND[1])]);
  const xs = pts.map(([u, v]) => f.ox + u * f.ux + v * f.vx), ys = pts.map(([u, v]) => f.oy + u * f.uy + v * f.vy);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(t.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(t.height - 1, Math.ceil(Math.max(...ys)));
  const w = Math.max(0, x1 - x0 + 1), color = new Uint32Array(w * Math.max(0, y1 - y0 + 1));
  for (let y = y0; y <= y1; y++) color.set(t.color.subarray(y * t.width + x0, y * t.width + x0 + w), (y - y0) * w);
  return { x0, y0, x1, y1, color };
}

/**
 * The lid skin's colour around the opening, from the snapshot: the skin (not eyeball) in bands just beyond both lid
 * lines, its lighter half only (a painted lash line or crease lies in the upper band: lp_s7's brown liner), per-channel
 * median; null if too few samples.
 */
export function lidSkinColour(t: RasterTarget, snap: SlitSnapshot, f: EyeFrame, upper: Line, lower: Line, bounds: Float32Array): [number, number, number] | null {
  const px: number[] = [];
  const w = snap.x1 - snap.x0 + 1;
  for (let c = 1; c < 24; c++) {
    const u = 0.15 + (0.7 * c) / 24, vu = lineAt(upper, u), vl = lineAt(lower, u);
    for (let d = SKIN_BAND[0]; d <= SKIN_BAND[1] + 1e-9; d += 0.025) for (const v of [vu - d, vl + d]) {
      const x = Math.floor(f.ox + u * f.ux + v * f.vx), y = Math.floor(f.oy + u * f.uy + v * f.vy);
      if (x < snap.x0 || y < snap.y0 || x > snap.x1 || y > snap.y1) continue;
      const iz = t.depth[y * t.width + x]!;
      if (iz <= 0 || isEyeball(iz, u, bounds)) continue;
      px.push(snap.color[(y - snap.y0) * w + (x - snap.x0)]!);
    }
  }
  if (px.length < 12) return null;
  px.sort((p, q) => lumaOf(p) - lumaOf(q));
  const light = px.slice(px.length >> 1);
  return [0, 8, 16].map((sh) => { const a = light.map((p) => (p >>> sh) & 255).sort((p, q) => p - q); return a[a.length >> 1]!; }) as [number, number, number];
}

/** How much a pixel (packed RGBA, before the passes) is a white beside lid skin of luma `ls`: neutral and at least about as light. */
export function whiteness(p: number, ls: number): number {
  return (1 - smoothstep(NEUTRAL_SAT[0], NEUTRAL_SAT[1], saturation(p & 255, (p >>> 8) & 255, (p >>> 16) & 255)))
    * smoothstep(WHITE_LIGHT[0], WHITE_LIGHT[1], lumaOf(p) / ls);
}

/**
 * The colour of a pixel the passes took from `before` to `after` (packed RGBA), given the lid skin `skin`:
 * `after` moved toward the skin's chroma at after's luma, by HUE_SHARE x how much light it lost x
 * `white` (whiteness; 0 beside the iris: a white fleck inside the iris or on its rim keeps its own colour).
 */
export function lidHued(before: number, after: number, skin: readonly [number, number, number], white: number): number {
  const lb = lumaOf(before), la = lumaOf(after), ls = luma601(skin);
  if (!(lb > 0) || !(ls > 0)) return after;
  const k = HUE_SHARE * smoothstep(DARKEN[0], DARKEN[1], 1 - la / lb) * white;
  if (k <= 0) return after;
  const out = [after & 255, (after >>> 8) & 255, (after >>> 16) & 255].map((a, c) => Math.max(0, Math.min(255, Math.round(a + k * (skin[c]! * (la / ls) - a)))));
  return ((after & 0xff000000) | (out[2]! << 16) | (out[1]! << 8) | out[0]!) >>> 0;
}

/** After the mid-blink passes: every pixel in the snapshot's box they darkened, lid-hued (lidHued), in place. */
export function hueSlit(t: RasterTarget, snap: SlitSnapshot, f: EyeFrame, upper: Line, lower: Line, bounds: Float32Array): void {
  const skin = lidSkinColour(t, snap, f, upper, lower, bounds);
  if (!skin) return;
  const ls = luma601(skin);
  const w = snap.x1 - snap.x0 + 1, h = snap.y1 - snap.y0 + 1;
  // the iris's own pixels (eyeball, cooler than neutral: a blue or grey-green iris) by which a white fleck keeps its colour
  const iris = new Uint8Array(w * h);
  for (let y = snap.y0; y <= snap.y1; y++) for (let x = snap.x0; x <= snap.x1; x++) {
    const k = (y - snap.y0) * w + (x - snap.x0), [u] = toEye(f, x + 0.5, y + 0.5), p = snap.color[k]!;
    if (isEyeball(t.depth[y * t.width + x]!, u, bounds)) iris[k] = (((p >>> 16) & 255) - (p & 255)) / Math.max(1, lumaOf(p)) > IRIS_COOL ? 1 : 0;
  }
  for (let y = snap.y0; y <= snap.y1; y++) for (let x = snap.x0; x <= snap.x1; x++) {
    const i = y * t.width + x, k = (y - snap.y0) * w + (x - snap.x0), before = snap.color[k]!, after = t.color[i]!;
    if (before === after) continue;
    const [u] = toEye(f, x + 0.5, y + 0.5);
    if (u < -PAD_U || u > 1 + PAD_U) continue;
    let byIris = false;
    for (let dy = -1; dy <= 1 && !byIris; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x - snap.x0 + dx, yy = y - snap.y0 + dy;
      if (xx >= 0 && yy >= 0 && xx < w && yy < h && iris[yy * w + xx]) { byIris = true; break; }
    }
    const least = byIris ? 0 : whiteness(before, ls);
    t.color[i] = lidHued(before, after, skin, least);
  }
}
