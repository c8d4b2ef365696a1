// The part of the iris the photo's lids hide, for the gaze shader (gazeIris.ts). A look down or aside
// moves the iris's disc by its shift, and the texels that come into the opening under the upper lid
// take their iris from above the photo's lid line, where the photo shows lid, not iris: the disc's
// matte is 0 there, so they showed the white behind it, which under the lid goes grey (the fill's lid
// shadow, scleraBehind.ts): a grey cap over the iris, notched where a sideways shift moved the lid's
// curve (gaze28: half way from the iris to the white, lp_s12 <- lp_d14 f58-f65). A real iris's top
// under a lid is its own colour in the lid's shadow, clipped by the lid line. Here the hidden part is
// the completed iris (wideEyeModel.ts irisColourAt: the visible iris mirrored, else its ring's colour),
// drawn at the moved place darkened by the photo's lid shadow at that depth under the lid.
import { mixPacked } from './gazeIris.ts';
import { discAlpha, openingShare } from './irisDisc.ts';
import { irisColourAt, type RaisedEye } from './wideEyeModel.ts';
import { shadeAt } from './wideEyes.ts';
import { bilinearInto, packRounded } from './textureSample.ts';

/** One eye's hidden iris on a square patch of the eye texture (texture px from x0, y0). */
export interface HiddenIris {
  x0: number; y0: number; size: number;
  /** how much of each texel is iris the photo hides (outside the opening, inside the completed iris) */
  alpha: Float32Array;
  /** the completed iris there, unshadowed (packed RGBA) */
  colour: Uint32Array;
  /** the lid line's y per column from `col0` (NaN off the opening), and the lid's shadow on the iris (irisShadow) */
  col0: number; tops: Float64Array; shadow: number[];
}

type Tex = { width: number; height: number; data: Uint8ClampedArray };

/** The hidden iris of one eye (null without an iris in the opening). `poly` the opening, texture px. */
export function hiddenIris(tex: Tex, model: RaisedEye, poly: [number, number][]): HiddenIris | null {
  const disc = model.iris;
  if (!disc || !model.columns.length) return null;
  const x0 = Math.floor(disc.cx - disc.r) - 1, y0 = Math.floor(disc.cy - disc.r) - 1;
  const size = Math.ceil(disc.cx + disc.r) + 2 - x0;
  const alpha = new Float32Array(size * size), colour = new Uint32Array(size * size);
  const c = new Float64Array(4);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const dx = x0 + i + 0.5 - disc.cx, dy = y0 + j + 0.5 - disc.cy;
    const a = discAlpha(Math.hypot(dx, dy), disc.r + 0.5) * (1 - openingShare(poly, x0 + i + 0.5, y0 + j + 0.5));
    if (a <= 0) continue;
    irisColourAt(tex, model, dx, dy, c);
    alpha[j * size + i] = a;
    colour[j * size + i] = (Math.round(c[0]!) | (Math.round(c[1]!) << 8) | (Math.round(c[2]!) << 16) | (255 << 24)) >>> 0;
  }
  const col0 = model.columns[0]!.x;
  const tops = new Float64Array(model.columns.at(-1)!.x - col0 + 1).fill(NaN);
  for (const col of model.columns) tops[col.x - col0] = col.top;
  return { x0, y0, size, alpha, colour, col0, tops, shadow: irisShadow(tex, model) };
}

/** Iris columns this share of the radius either side of the centre give the iris's shadow profile. */
const SHADOW_COLUMNS = 0.7;
/** The darkest share the lid's shadow on the iris may take. */
const IRIS_SHADOW_FLOOR = 0.35;

/**
 * The lid's shadow on the iris as the photo shows it: at each px of depth under the lid line, the median
 * over the iris's middle columns of the pixel's luminance over its ring's colour (wideEyeModel irisRings),
 * kept rising, 1 where the white's shadow ends. The white's profile (model.shadow) is too dark here: on a
 * light white the lash line's dark counts fully (st_art_1: a black, colourless cap, 12 against the iris's 31).
 */
export function irisShadow(tex: Tex, model: RaisedEye): number[] {
  const disc = model.iris!;
  const lum = (c: ArrayLike<number>) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
  const out: number[] = [];
  for (let t = 0; t < model.shadowEnd; t++) {
    const ratios: number[] = [];
    for (const col of model.columns) {
      if (Math.abs(col.x + 0.5 - disc.cx) > SHADOW_COLUMNS * disc.r) continue;
      const y = Math.floor(col.top + t + 0.5), d = Math.hypot(col.x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (y >= col.bottom || d >= disc.r || y < 0 || y >= tex.height) continue;
      const o = (y * tex.width + col.x) * 4;
      ratios.push(lum([tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!]) / Math.max(1, lum(model.irisRings[Math.min(model.irisRings.length - 1, Math.floor(d))]!)));
    }
    ratios.sort((a, b) => a - b);
    out.push(ratios.length ? ratios[ratios.length >> 1]! : model.shadow[t]!);
  }
  for (let t = 0; t < out.length; t++) out[t] = Math.min(1, Math.max(IRIS_SHADOW_FLOOR, t ? Math.max(out[t - 1]!, out[t]!) : out[t]!));
  out.push(1);
  return out;
}

/**
 * The hidden iris moved to texture point (u, v) by the shift (sx, sy): its share there (0 where the
 * moved point's source is the photo's own opening) and its colour, shaded by the photo's lid shadow at
 * (u, v)'s depth under the lid, into `out` (RGBA). Returns the share.
 */
export function hiddenIrisAt(h: HiddenIris, u: number, v: number, sx: number, sy: number, out: Float64Array): number {
  const fx = u - sx - h.x0 - 0.5, fy = v - sy - h.y0 - 0.5;
  if (fx < 0 || fy < 0 || fx > h.size - 1 || fy > h.size - 1) return 0;
  const ix = fx | 0, iy = fy | 0, ax = fx - ix, ay = fy - iy;
  const ix1 = Math.min(h.size - 1, ix + 1), iy1 = Math.min(h.size - 1, iy + 1);
  const a = (1 - ay) * ((1 - ax) * h.alpha[iy * h.size + ix]! + ax * h.alpha[iy * h.size + ix1]!) + ay * ((1 - ax) * h.alpha[iy1 * h.size + ix]! + ax * h.alpha[iy1 * h.size + ix1]!);
  if (a <= 0) return 0;
  bilinearInto(h.colour, h.size, h.size, fx, fy, out);
  // texels outside the hidden part are 0 (transparent black): undo their weight in the colour
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! * (255 / Math.max(1, out[3]!));
  const col = Math.floor(u) - h.col0;
  const top = col >= 0 && col < h.tops.length ? h.tops[col]! : NaN;
  const shade = Number.isNaN(top) ? h.shadow[0]! : shadeAt(h.shadow, v - top);
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! * shade;
  out[3] = 255;
  return a;
}

/** Over `base`: the photo's moved iris `seen` (share `over`) and the hidden iris `colour` (RGBA, share `hidden`), the two sharing one alpha. */
export function withHiddenIris(base: number, seen: number, over: number, hidden: number, colour: Float64Array): number {
  if (over > 0) {
    const t = over / (over + hidden);
    for (let ch = 0, sh = 0; ch < 3; ch++, sh += 8) colour[ch] = t * ((seen >>> sh) & 255) + (1 - t) * colour[ch]!;
  }
  colour[3] = (base >>> 24) & 255;
  return mixPacked(base, packRounded(colour), Math.min(1, over + hidden));
}
