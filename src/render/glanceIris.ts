// A hard side glance on a photo whose iris is faint below: the moved iris drawn solid (critic43 worst #2, lp_s0 <- lp_d14
// f68-88: "the image-right eye milky"). The gaze shader moves everything within the iris core whole (irisCore.ts), so
// on a photo whose iris is a dark band under the upper lid with a pale band below it (lp_s0, a Sargent: the
// lower half of the painted iris is near the white's own light) the pale band went along with the iris: at the
// corner a dark sliver at the top of the opening over a pale lavender disc, beside the white it left. A real iris
// at a glance fills the opening's height at the corner (the driver's, lp_d14 f80-88). Here, per eye, once:
//   - the texels of the mesh's iris ring inside the opening that are light (not darker than the white behind by
//     IRIS_CONTRAST: a pixel's "light" share), and their share of the ring (lightShare);
//   - a solid iris patch: each of those texels taken toward the iris's own colour (the mean of the ring's dark
//     texels) by its light share, so the catchlight-free dark texels keep their colour;
//   - its strength: none on an iris the photo shows whole (its lower part light under LIGHT_LO), all on a faint
//     one (LIGHT_HI), and only where little of the ring is fully dark (FAINT_FROM / FAINT_TO).
// Per frame the patch is mixed in by how far aside the iris is (glanceShare): nothing at rest and small looks.
import { packedLuminance } from '../math/colour.ts';
import { smoothstep } from '../math/smooth.ts';
import { bilinearInto, packRounded, type TextureSource } from './textureSample.ts';

/** A ring this share light (or less) is an iris the photo shows: no fill. */
export const LIGHT_LO = 0.05;
/** ...this share (or more): a faint iris, filled whole at a glance. */
export const LIGHT_HI = 0.15;
/**
 * ...and only on an iris the photo paints faint: the share of the ring (in the opening) that is fully dark from
 * FAINT_FROM (none) down to FAINT_TO (all). lp_s0 .67/.51, lp_s9 .61/.59, st_full_body_1 .59/.59 (faint); mt_man
 * .74/.76, lp_s2 .74/.81, lp_s42 .88/.75, st_happy .84, lp_s1 .88-.91 (a dark iris whose ring takes some lower white in:
 * filled and darkened, mt_man's iris went an ink-black slab at lp_d0 f24).
 */
export const FAINT_FROM = 0.735, FAINT_TO = 0.68;
/** A texel is all light when at most this share darker than the white behind (all dark from IRIS_CONTRAST .3). */
const LIGHT_CONTRAST = 0.3;
/** A texel's light share times this (at most 1) is how far its colour goes to the iris's. */
const FILL_GAIN = 2;
/** The light share is read on the ring below its centre, within this share of its radius across. */
const LOW_SIDE = 0.6;
/** The fill comes in between these shares of the eye's open reach aside (gazeCorner.ts openReach). */
export const GLANCE_FROM = 0.3, GLANCE_TO = 0.8;

/** One eye's solid iris: colours on the disc's patch (x0, y0, size as IrisDisc's), and how strongly it is used. */
export interface SolidIris { colour: Uint32Array; fill: Float32Array; strength: number; lightShare: number; darkShare: number }


/** How light a texel of luma l is over a white of luma w: 0 when IRIS_CONTRAST darker, 1 when as light. */
export function lightOf(l: number, w: number): number {
  return w > 0 ? 1 - Math.min(1, Math.max(0, (w - l) / (LIGHT_CONTRAST * w))) : 0;
}

/** The fill's strength for a ring this share fully dark. */
export function faintStrength(darkShare: number): number {
  return 1 - smoothstep(FAINT_TO, FAINT_FROM, darkShare);
}

/** The fill's strength for a ring this share light. */
export function solidStrength(lightShare: number): number {
  return smoothstep(LIGHT_LO, LIGHT_HI, lightShare);
}

/**
 * On a faint iris the glance comes in earlier, between these shares of the open reach: its pale lower part stays
 * behind under the darkness matte at any shift (lp_s0: the pale share over the ring .19 at rest, .25 at gaze .05), so
 * at audio glance amplitudes (gaze .2-.25: .5-.65 of lp_s0's short reach, fill .4-.7 on the .3-.8 ramp) the moved
 * iris was a dark top band over a milky one (critic48). Micro-saccades (gaze under .05: under .15 of the reach) stay
 * about as they were.
 */
export const FAINT_GLANCE_FROM = 0.15, FAINT_GLANCE_TO = 0.55;

/** Whether a faint iris's glance ramp (FAINT_GLANCE_*) is used (off: every iris on GLANCE_FROM / GLANCE_TO). */
export const faintGlanceSetting = { on: true };

/**
 * How much of the solid iris a shift sx shows, `reach` the open reach on that side (texture px); `faint` the eye's
 * solid strength (0: a dark iris, GLANCE_FROM / GLANCE_TO; 1: FAINT_GLANCE_FROM / _TO; between: the ramp between).
 */
export function glanceShare(sx: number, reach: number, faint = 0): number {
  if (!(reach > 0)) return 0;
  const f = faintGlanceSetting.on ? Math.min(1, Math.max(0, faint)) : 0;
  return smoothstep(GLANCE_FROM + f * (FAINT_GLANCE_FROM - GLANCE_FROM), GLANCE_TO + f * (FAINT_GLANCE_TO - GLANCE_TO), Math.abs(sx) / reach);
}

/**
 * The solid iris of one eye: `patch` the disc's white-behind patch (x0, y0, size, white), (cx, cy) the iris centre,
 * `ring` the mesh's iris radius, `inside(x, y)` how much of the texel at (x, y) (centre) lies in the opening.
 */
export function solidIris(tex: TextureSource, patch: { x0: number; y0: number; size: number; white: Uint32Array }, cx: number, cy: number, ring: number, inside: (x: number, y: number) => number): SolidIris {
  const { x0, y0, size, white } = patch;
  const light = new Float32Array(size * size), colour = new Uint32Array(size * size), fill = new Float32Array(size * size);
  let n = 0, lit = 0;
  const sum = [0, 0, 0], dark = { n: 0 }, all = { n: 0, lit: 0 };
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const x = x0 + i, y = y0 + j, k = j * size + i;
    if (x < 0 || y < 0 || x >= tex.width || y >= tex.height) continue;
    const p = tex.data32[y * tex.width + x]!;
    colour[k] = p;
    const share = inside(x + 0.5, y + 0.5);
    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > ring || share < 0.5) continue;
    const a = lightOf(packedLuminance(p), packedLuminance(white[k]!));
    light[k] = a; fill[k] = 1; all.n++; all.lit += a;
    // the share is read below the centre, within LOW_SIDE of the ring across: a faint iris's pale lower part, not the
    // white a ring wider than the iris takes in at its sides, nor a catchlight (above the centre)
    if (y + 0.5 > cy && Math.abs(x + 0.5 - cx) < LOW_SIDE * ring) { n++; lit += a; }
    if (a < 0.1) { dark.n++; for (let ch = 0; ch < 3; ch++) sum[ch]! += (p >>> (ch * 8)) & 255; }
  }
  const lightShare = n > 0 ? lit / n : 0;
  const darkShare = all.n > 0 ? dark.n / all.n : 1;
  const strength = solidStrength(lightShare) * faintStrength(darkShare);
  if (dark.n === 0) return { colour, fill, strength: 0, lightShare, darkShare };
  const mean = sum.map((s) => s / dark.n);
  for (let k = 0; k < size * size; k++) {
    // half light is iris-coloured already at full: a faint band reads near the white's light at only .5-.7
    const a = Math.min(1, FILL_GAIN * light[k]!);
    if (!(a > 0)) continue;
    const p = colour[k]!;
    let out = (p & 0xff000000) >>> 0;
    for (let ch = 0; ch < 3; ch++) { const v = (p >>> (ch * 8)) & 255; out |= Math.round(v + a * (mean[ch]! - v)) << (ch * 8); }
    colour[k] = out >>> 0;
  }
  return { colour, fill, strength, lightShare, darkShare };
}

/**
 * At a full glance the solid iris is this much darker than the photo's (its colour times 1 - GLANCE_DARKEN): a driver's
 * iris reads darker against the white at a glance than at rest (lp_d14, 1 - iris / white: .18-.23 at rest, .10-.16 at
 * f68-88), ours stayed at the photo's rest contrast (lp_s0 .40: a grey iris on a grey white).
 */
export const GLANCE_DARKEN = 0.15;

/** A packed RGBA colour with its RGB times (1 - GLANCE_DARKEN * t). */
export function darkenPacked(c: number, t: number): number {
  const k = 1 - GLANCE_DARKEN * t;
  let out = (c & 0xff000000) >>> 0;
  for (let sh = 0; sh < 24; sh += 8) out |= Math.round(((c >>> sh) & 255) * k) << sh;
  return out >>> 0;
}

const solidTexel = new Float64Array(4);
/** Bilinear sample of a packed RGBA patch (size x size) at patch coordinates (x, y) (texel centres at + 0.5), clamped. */
export function solidColourAt(colour: Uint32Array, size: number, x: number, y: number): number {
  bilinearInto(colour, size, size, Math.min(size - 1, Math.max(0, x - 0.5)), Math.min(size - 1, Math.max(0, y - 0.5)), solidTexel);
  return packRounded(solidTexel);
}
