// The white a hard glance uncovers, in the tone and grain of the photo's own white (critic44 worst #2: lp_s10 <- lp_d14b
// f22-30, lp_s12 <- lp_d0 f18-60, "an ink-blob iris beside a glaring grey-white sclera"). The white behind a moved iris
// (scleraBehind.ts rowWhiteBehind) goes across the disc from the row's white on one side to the other's: where one side
// of the iris is a shaded corner (lp_s10's image-right eye: white 220-240 toward the nose, 50-90 toward the temple;
// lp_s12: 20-140 in the inner corners), the middle of the disc is a smooth mid grey (lifted to a flat floor), with no
// grain. At a hard glance the iris leaves most of that disc: a flat grey slab beside it, reading as one blob with the
// iris (lp_s10) or as a pale sticker (lp_s12). On the render the non-iris opening's luma spread fell to .36-.55 of the
// same frame at gaze 0 and its mean to .69-.90 [driver: spread .8-.95, mean 1.25-1.5 at these glances].
// Here, per eye once: each fill texel inside the opening gets a sample of the photo's own white (a texel of the opening
// outside the iris, of the whiter half by whiteness, from the rows nearest its own: their mean colour, with one of
// their texels' grain, its luma off its 3 x 3 box (picked by a fixed hash of its position: no streaks; a shade across
// the row is not grain: taken as grain, it speckled lp_s7's cartoon white and lp_s0's)), faded in from the disc's edge (the fill meets the photo there) and
// kept out of the lid's shade under the upper lid. Per frame the gaze shader mixes it over the fill by how far aside the
// iris is (glanceIris.ts glanceShare: none at rest and at small looks).
import { distanceToOutline, insidePolygon, rowCrossings } from '../math/polygon.ts';
import { smooth01, smoothstep } from '../math/smooth.ts';
import { whiteness } from './mouth/eyeWhite.ts';
import type { TextureSource } from './textureSample.ts';

/** The photo's white: opening texels past this share of the iris radius from its centre, and 1 px in from the outline. */
const CLEAR = 1.1;
/** ...of those, these whiteness ranks (whitest first): no glints, no lashes, limbus or pink corner. */
const RANKS = [0.05, 0.6] as const;
/** A fill texel samples the whites within this many rows of its own (more rows if fewer than MIN_ROW_WHITES there). */
const ROW_REACH = 1, MIN_ROW_WHITES = 3;
/** A sample's grain (its luma off its 3 x 3 box's mean) is clipped to this (0-255; 10 left dark specks on lp_s12's white at 6x). */
const GRAIN_CLIP = 6;
const lumOf = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
/** The sample comes in over this share of the iris radius inside the disc's edge. */
const EDGE_RAMP = 0.5;
/** ...and over this share of the iris radius below the opening's top (the lid's shade kept: scleraBehind LID_SHADOW). */
const LID_SHADE = 0.4;
/** At a full glance the fill goes this far to the sample. */
export const GLANCE_WHITE = 0.85;
/** On: a hard glance uncovers the photo's own white (off: the row fill alone, as before s45). */
export const glanceWhiteSetting = { on: true };
/**
 * The white's shade (s48): the rows' tone is the opening's whiter half across the whole row, flat from corner to corner
 * and up to the lid (lp_s10's near eye: the uncovered white 218 luma, spread .08, where the photo's white is 186, .35,
 * in shade toward the temple and under the lid). Each fill texel is darkened to the photo's own white near it: the
 * opening's texels outside the iris, weighted by a Gaussian of SHADE_SIGMA iris radii (across, and in depth under the lid), their mean luma over the
 * tone's, within [SHADE_FLOOR, 1] (a white, never as dark as an iris). `shade: false`: the flat tone, as before s48.
 */
export const SHADE_SIGMA = [1, 0.5] as const;
export const SHADE_FLOOR = 0.6;
export const glanceShadeSetting = { on: true, whole: true };
/**
 * The whole white's shade (s51 wedge51): s48's Gaussian is the seen white nearest the fill, and beside a glancing iris
 * that is often one lit patch (lp_s10 <- lp_d0 f45: the painting's cream on the nose side carried across where the
 * iris was: the uncovered white 211 luma, spread .07, where the photo's whole white is 186, .35, shaded toward the
 * temple and the lid). With `whole` the shade is a surface fitted to the whole seen white instead (wholeShade): luma
 * quadratic across the eye (a lit centre and shaded corners, or one side darker) plus a slope down from the lid, so the
 * white the iris leaves takes the eyeball's shade at its place between the lit and the shaded sides.
 * The brightest WHOLE_GLINT of the seen white (glints, a painted highlight's top) are left out of the fit.
 */
export const WHOLE_GLINT = 0.05;
/**
 * The fit darkens the white from a shift of FIT_SHIFT[0] iris radii to all of it at FIT_SHIFT[1]: below, the white
 * under the disc shows only as the ring of the iris's soft edge and the rim band (a driver's tiny vergence, a blink's
 * still eye), kept as before.
 */
export const FIT_SHIFT = [0.15, 0.5] as const;

/** How much of the whole white's fit a shift of `d` texture px takes on an iris of radius `iris` (0 below FIT_SHIFT[0]). */
export function fitShiftShare(d: number, iris: number): number {
  return iris > 0 ? smoothstep(FIT_SHIFT[0], FIT_SHIFT[1], d / iris) : 0;
}

/** One eye's glance white on the disc's patch (x0, y0, size as IrisDisc's): the sampled colour and how much of it each texel takes. */
export interface GlanceWhite {
  colour: Uint32Array; share: Float32Array;
  /** s51: the whole white's fitted luma at each texel (0: none) and how much of it a texel takes (the disc's edge ramp) */
  fit?: { luma: Float32Array; share: Float32Array; iris: number };
}

/** A fixed hash of a texel's position to [0, 1). */
export function texelHash(x: number, y: number): number {
  let h = (Math.imul(x | 0, 73856093) ^ Math.imul(y | 0, 19349663)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

/** The opening's white texels (packed RGBA with their row), of the whiter RANKS by whiteness. */
export function photoWhites(tex: TextureSource, poly: [number, number][], cx: number, cy: number, iris: number): { c: number; y: number; g: number }[] {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const all: { c: number; y: number; w: number; g: number }[] = [];
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < 1) continue;
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= CLEAR * iris) continue;
      const c = tex.data32[y * tex.width + x]!;
      all.push({ c, y, w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]), g: grainOf(tex, x, y) });
    }
  }
  all.sort((a, b) => b.w - a.w);
  return all.slice(Math.floor(RANKS[0] * all.length), Math.round(RANKS[1] * all.length)).map(({ c, y, g }) => ({ c, y, g }));
}

/** The opening's top (its uppermost crossing) at x; NaN off it. */
export function topAt(poly: [number, number][], x: number): number {
  const ys = rowCrossings(poly.map(([a, b]) => [b, a] as [number, number]), x);
  return ys.length >= 2 ? ys[0]! : NaN;
}

/** A seen white texel: its centre's x, its depth under the opening's top, its luma. */
export interface SeenTexel { x: number; d: number; l: number }

/** The opening's texels the photo shows outside the iris (1 px in from the outline, past CLEAR iris radii). */
export function seenWhite(tex: TextureSource, poly: [number, number][], cx: number, cy: number, iris: number): SeenTexel[] {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]), out: SeenTexel[] = [];
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < 1) continue;
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= CLEAR * iris) continue;
      const c = tex.data32[y * tex.width + x]!;
      out.push({ x: x + 0.5, d: y + 0.5 - topAt(poly, x + 0.5), l: lumOf(c & 255, (c >>> 8) & 255, (c >>> 16) & 255) });
    }
  }
  return out;
}

/**
 * The shade at x, `d` under the opening's top: the seen white's luma round it (Gaussian, SHADE_SIGMA iris radii across
 * and in depth under the lid: the lid's shade is a band along it, not a row) over the tone's, within [SHADE_FLOOR, 1].
 */
export function shadeFactor(seen: SeenTexel[], x: number, d: number, iris: number, toneLum: number): number {
  const sx = SHADE_SIGMA[0] * iris, sy = SHADE_SIGMA[1] * iris;
  let sw = 0, sl = 0;
  for (const p of seen) {
    const w = Math.exp(-0.5 * (((p.x - x) / sx) ** 2 + ((p.d - d) / sy) ** 2));
    sw += w; sl += w * p.l;
  }
  return sw > 1e-6 && toneLum > 0 ? Math.min(1, Math.max(SHADE_FLOOR, sl / sw / toneLum)) : 1;
}

/** A fitted shade: luma = k0 + k1 t + k2 t^2 + k3 e (t = (x - cx) / iris across, e = depth under the top / iris). */
export interface WholeShade {
  cx: number; iris: number; k: [number, number, number, number];
  /** the seen white's span in t: the surface is read inside it (no extrapolation past the white the photo shows) */
  span: [number, number];
}

/** Solves the 4 x 4 system m k = v (Gaussian elimination with pivoting); null when singular. */
function solve4(m: number[][], v: number[]): [number, number, number, number] | null {
  const a = m.map((r, i) => [...r, v[i]!]);
  for (let c = 0; c < 4; c++) {
    let p = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < 1e-9) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 5; k++) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
    }
  }
  return [0, 1, 2, 3].map((i) => a[i]![4]! / a[i]![i]!) as [number, number, number, number];
}

/** The whole seen white's shade (least squares, the brightest WHOLE_GLINT left out); null with too few texels to fit. */
export function wholeShade(seen: SeenTexel[], cx: number, iris: number): WholeShade | null {
  const kept = [...seen].sort((a, b) => b.l - a.l).slice(Math.floor(WHOLE_GLINT * seen.length)).filter((p) => Number.isFinite(p.d));
  if (kept.length < 8 || !(iris > 0)) return null;
  // each side of the iris weighs the same: a wide lit side does not outvote a narrow shaded one
  const nose = kept.filter((p) => p.x < cx).length, side = [nose, kept.length - nose];
  const m = [0, 1, 2, 3].map(() => [0, 0, 0, 0]), v = [0, 0, 0, 0];
  for (const p of kept) {
    const t = (p.x - cx) / iris, f = [1, t, t * t, p.d / iris], w = 1 / side[p.x < cx ? 0 : 1]!;
    for (let i = 0; i < 4; i++) {
      v[i] = v[i]! + w * f[i]! * p.l;
      for (let j = 0; j < 4; j++) m[i]![j] = m[i]![j]! + w * f[i]! * f[j]!;
    }
  }
  const k = solve4(m, v);
  const ts = kept.map((p) => (p.x - cx) / iris);
  return k ? { cx, iris, k, span: [Math.min(...ts), Math.max(...ts)] } : null;
}

/** The fitted luma at x, `d` under the opening's top. */
export function wholeLuma(s: WholeShade, x: number, d: number): number {
  const t = Math.min(s.span[1], Math.max(s.span[0], (x - s.cx) / s.iris));
  return s.k[0] + s.k[1] * t + s.k[2] * t * t + (s.k[3] * d) / s.iris;
}

/** The fitted shade at x, `d` under the opening's top, over the tone's luma, within [SHADE_FLOOR, 1]. */
export function wholeShadeFactor(s: WholeShade, x: number, d: number, toneLum: number): number {
  return toneLum > 0 ? Math.min(1, Math.max(SHADE_FLOOR, wholeLuma(s, x, d) / toneLum)) : 1;
}

/**
 * A white texel (packed RGBA) no brighter than the whole white's fitted luma `fit` there: darkened by `share` of the way
 * to it, never below SHADE_FLOOR of its own luma (a white, never an iris), never lightened.
 */
export function dimToFit(c: number, fit: number, share: number): number {
  const r = c & 255, g = (c >>> 8) & 255, b = (c >>> 16) & 255, l = lumOf(r, g, b);
  if (!(share > 0) || !(l > fit)) return c;
  const f = 1 - share * (1 - Math.max(SHADE_FLOOR, fit / l));
  return ((c & 0xff000000) | (Math.round(r * f) | (Math.round(g * f) << 8) | (Math.round(b * f) << 16))) >>> 0;
}

/** A texel's grain: its luma minus the mean of its 3 x 3 box (a smooth shade across the white is no grain: a cartoon's stays clean). */
export function grainOf(tex: TextureSource, x: number, y: number): number {
  let sum = 0, n = 0;
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const xx = Math.min(tex.width - 1, Math.max(0, x + dx)), yy = Math.min(tex.height - 1, Math.max(0, y + dy)), c = tex.data32[yy * tex.width + xx]!;
    sum += lumOf(c & 255, (c >>> 8) & 255, (c >>> 16) & 255); n++;
  }
  const c = tex.data32[y * tex.width + x]!;
  return lumOf(c & 255, (c >>> 8) & 255, (c >>> 16) & 255) - sum / n;
}

/**
 * One eye's glance white: `disc` the gaze disc (centre, radius, iris radius) and its patch (x0, y0, size), `poly` the
 * opening, `tops` the opening's top per patch column (NaN off it; scleraBehind columnTops). Null when the photo shows
 * too little white.
 */
export function glanceWhite(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; radius: number; iris: number }, patch: { x0: number; y0: number; size: number }, tops: Float64Array): GlanceWhite | null {
  const whites = photoWhites(tex, poly, disc.cx, disc.cy, disc.iris);
  if (whites.length < MIN_ROW_WHITES) return null;
  const seen = glanceShadeSetting.on ? seenWhite(tex, poly, disc.cx, disc.cy, disc.iris) : [];
  const whole = seen.length && glanceShadeSetting.whole ? wholeShade(seen, disc.cx, disc.iris) : null;
  const { x0, y0, size } = patch;
  const colour = new Uint32Array(size * size), share = new Float32Array(size * size);
  const fit = whole ? { luma: new Float32Array(size * size), share: new Float32Array(size * size), iris: disc.iris } : undefined;
  for (let j = 0; j < size; j++) {
    const y = y0 + j;
    // the whites of the nearest rows: the photo's tone at this height (lighter mid-eye, darker toward the lids)
    let near = whites.filter((w) => Math.abs(w.y - y) <= ROW_REACH);
    for (let reach = ROW_REACH + 1; near.length < MIN_ROW_WHITES; reach++) near = whites.filter((w) => Math.abs(w.y - y) <= reach);
    const tone = [0, 1, 2].map((ch) => near.reduce((t, w) => t + ((w.c >>> (ch * 8)) & 255), 0) / near.length);
    const toneLum = lumOf(tone[0]!, tone[1]!, tone[2]!);
    for (let i = 0; i < size; i++) {
      const x = x0 + i, inside = disc.radius - Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (inside <= 0 || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const top = tops[i]!;
      const k = j * size + i;
      if (fit && !Number.isNaN(top)) {
        fit.luma[k] = wholeLuma(whole!, x + 0.5, y + 0.5 - top);
        fit.share[k] = Math.min(1, inside / (EDGE_RAMP * disc.iris));
      }
      share[k] = Math.min(1, inside / (EDGE_RAMP * disc.iris)) * (Number.isNaN(top) ? 0 : smooth01(Math.max(0, y + 0.5 - top) / (LID_SHADE * disc.iris)));
      // the rows' tone, with one of their texels' grain (clipped: a lash or glint beside the white is no grain)
      const grain = Math.max(-GRAIN_CLIP, Math.min(GRAIN_CLIP, near[Math.floor(texelHash(x, y) * near.length)]!.g));
      // the photo's shade there (under the lid, toward a shaded corner): the tone darkened to the white seen round it
      // (s51: and no brighter than the whole white's fitted shade there: the patch nearest may be one lit patch)
      const local = seen.length && !Number.isNaN(top) ? shadeFactor(seen, x + 0.5, y + 0.5 - top, disc.iris, toneLum) : 1;
      const f = whole && !Number.isNaN(top) ? Math.min(local, wholeShadeFactor(whole, x + 0.5, y + 0.5 - top, toneLum)) : local;
      let out = 0xff000000;
      for (let ch = 0; ch < 3; ch++) out |= Math.min(255, Math.max(0, Math.round(tone[ch]! * f + grain))) << (ch * 8);
      colour[k] = out >>> 0;
    }
  }
  return fit ? { colour, share, fit } : { colour, share };
}
