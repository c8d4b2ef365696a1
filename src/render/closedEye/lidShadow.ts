// The closing lid's shadow on the eye it uncovers less and less. Mid-blink (completion ~.2-.5) the
// mesh lid has come down but the real shut eye has not begun to show (overlay.ts SHOW_UPPER from
// .6 since s17, .45 before): the gap under the lid showed the photo's open-eye white at full light, a pale sliver under a
// lid half down (Obama's half blink, critic s13 #82). A real lid and its lashes shade the eye under
// them, most just under the lash line. So the rendered opening (between the lid's edge as rendered
// and the lower lid) is darkened with the blink's completion, more toward the lid's edge.
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { isEyeball } from './eyeballDepth.ts';
import { openingBox } from './lidLine.ts';

/** Completion over which the shadow comes in (full by the time the shut eye's lid starts to show). */
const SHADOW_IN = [0.3, 0.75] as const;
/** The whole gap's darkening at full shadow (share of its light taken). */
const SHADOW_GAP = 0.3;
/** Just under the lid's edge, darkening on top of SHADOW_GAP, fading over SHADOW_EDGE_REACH eye widths below it. */
const SHADOW_EDGE = 0.15, SHADOW_EDGE_REACH = 0.06;
/**
 * A narrow slit is in the lid's and lashes' shadow as a whole: where the opening (upper to lower lid
 * line as rendered) is under SLIT[1] eye widths, up to SLIT_DARK more of its light is taken, all of
 * it under SLIT[0]. Without it the white in a slit at blink .75-.9 kept 55-70 % of its light, a pale
 * jagged line between the lash line and the lower lid (Katie f62, sliver21); the iris stays in it.
 */
const SLIT = [0.05, 0.14] as const, SLIT_DARK = 0.3;
/** Completion over which the slit's shadow comes in: none at a half blink (the corners' narrow ends keep their light), whole by .8. */
const SLIT_IN = [0.55, 0.8] as const;
/** Samples of the lid lines across the eye (u 0..1). */
const COLUMNS = 64;

/**
 * The share of light left at depth d (eye widths) under the lid's edge, for shadow strength s (0..1),
 * in an opening `gap` eye widths tall there (default: wide open).
 */
export function lidShadowLight(d: number, s: number, gap = 1, slitStrength = 0): number {
  const slit = slitStrength * SLIT_DARK * (1 - smoothstep(SLIT[0], SLIT[1], gap));
  const light = 1 - s * (SHADOW_GAP + SHADOW_EDGE * (1 - smoothstep(0, SHADOW_EDGE_REACH, d))) - slit;
  // a slit strength over 1 (closingSlitSetting) can take more than the light left: held at SLIT_FLOOR
  return slitStrength > 1 ? Math.max(SLIT_FLOOR, light) : light;
}

/**
 * The last of a blink (s52 shutlid52): at completion .85-.95 the slit's own shadow grows by up to
 * `extra` more (a slit that narrow is mostly under the lashes). Without it lp_s7 + eng f160 (blink .9)
 * kept .4 of its white's light under the lash line, a grey band between the lid and the red rim where
 * the frame after shows a dark lash line. Blink 1 is untouched (overlay.ts fades the slit's shadow out
 * as the shut eye comes in). 0: before s52.
 */
export const closingSlitSetting = { extra: 1 };
const CLOSING = [0.8, 0.95] as const;
/** The least light a slit keeps under its shadows (the lid's and lashes' shadow is not black). */
const SLIT_FLOOR = 0.12;

/** How strong a narrow slit's own shadow is at this blink completion (1 from .8, up to 1 + closingSlitSetting.extra by .95). */
export function slitShadowStrength(closure: number): number {
  return smoothstep(SLIT_IN[0], SLIT_IN[1], closure) + closingSlitSetting.extra * smoothstep(CLOSING[0], CLOSING[1], closure);
}

/** How strong the lid's shadow is at this blink completion. */
export function lidShadowStrength(closure: number): number {
  return smoothstep(SHADOW_IN[0], SHADOW_IN[1], closure);
}

/** A lid line (eye frame, u increasing outer -> inner) sampled at COLUMNS even u steps. */
function sampleLine(u: readonly number[], v: readonly number[]): Float32Array {
  const out = new Float32Array(COLUMNS);
  for (let c = 0; c < COLUMNS; c++) {
    const x = c / (COLUMNS - 1);
    let k = 0;
    while (k + 2 < u.length && x > u[k + 1]!) k++;
    const t = Math.max(0, Math.min(1, (x - u[k]!) / (u[k + 1]! - u[k]! || 1)));
    out[c] = v[k]! + t * (v[k + 1]! - v[k]!);
  }
  return out;
}

/**
 * Darkens, in place, the eyeball's pixels (1/z at most eyeballIz) within the opening's box (upper and
 * lower lid lines as rendered, eye frame f, u ascending; eyeballIz one bound or per column, eyeballDepth.ts) at shadow strength s, by their depth under
 * the upper lid line, and where the opening is a narrow slit at strength `slit` (slitShadowStrength).
 */
export function drawLidShadow(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, s: number, eyeballIz: number | Float32Array, slit = 0): void {
  if (s <= 0 && slit <= 0) return;
  const up = sampleLine(upper.u, upper.v), low = sampleLine(lower.u, lower.v);
  // the pixel box of the opening
  const [x0, x1, y0, y1] = openingBox(f, upper, lower, t.width, t.height);
  const color = t.color, depth = t.depth, W = t.width;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const row = y * W + x;
    // the eyeball only: it lies behind the lids (set back and depth-biased, avatar/mesh.ts
    // addEyeballs, ../eyes.ts EYEBALL_DEPTH_BIAS); the lid skin and its lash line keep their light
    const iz = depth[row]!;
    if (iz <= 0) continue;
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    if (typeof eyeballIz === 'number' ? iz > eyeballIz : !isEyeball(iz, u, eyeballIz)) continue;
    const c = Math.min(COLUMNS - 1, Math.max(0, Math.round(u * (COLUMNS - 1))));
    const d = Math.max(0, v - up[c]!);
    const light = lidShadowLight(d, s, low[c]! - up[c]!, slit);
    const p = color[row]!;
    const r = (p & 255) * light, g = ((p >>> 8) & 255) * light, b = ((p >>> 16) & 255) * light;
    color[row] = ((p & 0xff000000) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
  }
}
