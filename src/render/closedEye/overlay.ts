// A real shut eye over a closing lid. The mesh lid slides down (eyes.ts), but stretched lid skin
// with a drawn lash line does not read as a shut eye, to a viewer or to a face tracker. So as a
// blink completes, a real closed eye from the library (library.ts), fitted to this photo, is
// blended over each eye:
// - fitted once per renderer (bake): in the photo's eye frame, the library lid's edge is laid on
//   the photo's lower lid line and its crease on the photo's crease; its light is the photo's own
//   skin (above the crease, below the lower lid) times the library's shading (its luminance over
//   its own skin there), with its lash line as dark as the photo's; softened to the photo's
//   resolution, with the photo's grain. Chroma comes from the photo, so grey photos stay grey.
// - drawn every frame (draw): warped by the eye's corners as rendered (so it turns with the head),
//   with a feathered mask covering the open eye, weighted by the blink's completion, under
//   anything in front of the eye (depth test).
import { PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H, EYE_SIDES, eyeFrame, toImage, toEye } from './frame.ts';
import { closedEyeLibrary, eyeGeometry, lineAt, type ClosedEyePatch } from './library.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';

/** Blink completion (blinkCompletion in ../eyes.ts) where the real shut eye starts / is full. */
const SHOW_FROM = 0.6, SHOW_FULL = 0.97;
/**
 * Mask margins in eye widths: below the photo's crease, below its lower lid, past the outer corner,
 * past the inner one; feather width. The outer margin covers an open eye's lashes and liner that
 * run on past the corner (left showing, they read as the open eye's corner: 0.16 -> 0.24 took the
 * read-back of 10 other people from 9 to 10 of 10 and lowered 8 of the 14 portraits).
 */
const MASK_ABOVE = 0.02, MASK_BELOW = 0.08, MASK_OUTER = 0.24, MASK_INNER = 0.1, FEATHER = 0.1;
/** The mask's top is also at least this far above the upper lid (near the corners the crease ring meets the lid). */
const MASK_CORNER_UP = 0.2;
/** Top edge (v) of the mask at u, from the photo's lines. */
/**
 * How far (eye widths) the mask reaches above the photo's crease ring, at most this share of the
 * way to the brow's lower contour: an open eye's lid fold (a dark arc, often with liner or paint)
 * unfolds when the lid comes down; left in place it frames the shut lid as an almond, an open eye.
 */
const FOLD = 0.1, FOLD_SHARE = 0.5;
const maskTop = (g: { lid: Line; crease: Line; brow: Line }, uc: number): number => {
  const crease = Math.min(lineAt(g.lid, uc) - 0.05, lineAt(g.crease, uc));
  const room = Math.max(0, crease - lineAt(g.brow, uc));
  return Math.min(crease + MASK_ABOVE - Math.min(FOLD, FOLD_SHARE * room), lineAt(g.lid, uc) - MASK_CORNER_UP);
};
type Line = { u: number[]; v: number[] };
/**
 * Where the shut lid's edge lies: this share of the way from the photo's lower lid line up to its
 * upper lid line. 0: the upper lid comes down onto the lower lid line, as in a real blink; a lash
 * line drawn higher leaves the photo's lower lid below it and reads as a narrow open eye (the
 * read-back of 24 faces: 0.15 -> 0 lowered the shut openings on most, never raised them much).
 */
const SHUT_LINE = 0;
/** Bounds of the contrast given to the library's shading (1 = its own). */
const GAMMA_MIN = 0.6, GAMMA_MAX = 1.8;

export interface BakedEye {
  /** RGB of the fitted shut eye, PATCH_W x PATCH_H in the photo's eye frame */
  rgb: Float32Array;
  /** mask 0..1, same grid */
  mask: Float32Array;
  /** per patch column (v in the eye frame): the fixed crease, the shut lid's edge, the mask's bottom */
  creaseV: Float32Array;
  shutV: Float32Array;
  bottomV: Float32Array;
}

export interface ClosedEyeInput {
  /** photo pixels (the avatar's texture) */
  texture: { width: number; height: number; data: Uint8ClampedArray };
  /** landmark i's position in the texture */
  xy: (i: number) => readonly [number, number];
  /** library entry (default: the first) */
  entry?: number;
}

export class ClosedEyes {
  private readonly eyes: BakedEye[];

  constructor(input: ClosedEyeInput) {
    const lib = closedEyeLibrary();
    const geo = eyeGeometry(input.xy);
    const entry = input.entry ?? 0;
    // one library eye serves both sides (the eye frame mirrors it); both get the darker of the
    // photo's two lash lines, so one eye in shadow or mislocated lids do not give a faint line
    const sampled = geo.map((g) => sampleEye(input.texture, g, lib[entry % lib.length]!));
    const lashDark = Math.min(...sampled.map((x) => x.photoDark));
    this.eyes = sampled.map((x, side) => finishEye(x, geo[side]!, lashDark));
  }

  /**
   * Blends the shut eyes into the rendered frame. closure[side]: the blink's completion 0..1
   * (side 0 = image-left eye); sx/sy/siz: projected landmark positions and 1/z.
   */
  draw(target: RasterTarget, closure: readonly [number, number], sx: Float32Array, sy: Float32Array, siz: Float32Array): void {
    for (let side = 0; side < 2; side++) {
      const c = closure[side]!;
      const show = smoothstep(SHOW_FROM, SHOW_FULL, c);
      if (show <= 0) continue;
      const s = EYE_SIDES[side]!;
      const down: [number, number] = [(sx[13]! + sx[14]!) / 2 - (sx[33]! + sx[263]!) / 2, (sy[13]! + sy[14]!) / 2 - (sy[33]! + sy[263]!) / 2];
      const f = eyeFrame([sx[s.outer]!, sy[s.outer]!], [sx[s.inner]!, sy[s.inner]!], down);
      // nearest eye-region surface: corners and lid; a surface clearly nearer (the nose of a turned head) stays
      let iz = 0;
      for (const i of [...s.upper, ...s.lower]) iz = Math.max(iz, siz[i]!);
      // the closing mesh lid's edge as rendered: while the shut eye fades in, its lid edge rides on
      // it (one lash line, not the mesh lid's and the library's a little apart: a double image)
      const pts = s.upper.map((i) => toEye(f, sx[i]!, sy[i]!));
      const lidNow = { u: pts.map((p) => p[0]), v: pts.map((p) => p[1]) };
      drawEye(target, this.eyes[side]!, f, show, iz * 1.025, lidNow);
    }
  }
}

type EyeGeometry = ReturnType<typeof eyeGeometry>[number];

/** The fit of a library eye to one photo eye (lashDark: the lash darkness to match; default this eye's own). */
export function bakeEye(tex: ClosedEyeInput['texture'], g: EyeGeometry, lib: ClosedEyePatch, lashDark?: number): BakedEye {
  const s = sampleEye(tex, g, lib);
  return finishEye(s, g, lashDark ?? s.photoDark);
}

/** The photo and the warped library on the patch grid, the mask, both skin references and lash darknesses. */
function sampleEye(tex: ClosedEyeInput['texture'], g: EyeGeometry, lib: ClosedEyePatch) {
  const n = PATCH_W * PATCH_H;
  const mask = new Float32Array(n);
  const warped = new Float32Array(n * 3);
  const photo = new Float32Array(n * 3);
  // how much of each patch point is the person (the texture's alpha, its matte): a far eye at the
  // face's silhouette (lp_s10) has background inside its patch
  const person = new Float32Array(n);
  // per column: the photo's lines (eye frame) and the library's
  for (let c = 0; c < PATCH_W; c++) {
    const u = PATCH_U0 + (c + 0.5) / PATCH_PPW;
    const uc = Math.min(1, Math.max(0, u));
    const up = lineAt(g.lid, uc), low = lineAt(g.lower, uc), crease = Math.min(up - 0.05, lineAt(g.crease, uc));
    const shut = low - SHUT_LINE * (low - up);
    const aLid = lineAt(lib.lid, uc), aCrease = Math.min(aLid - 0.05, lineAt(lib.crease, uc));
    const stretch = Math.min(1.6, Math.max(0.6, (aLid - aCrease) / (shut - crease)));
    // mask: from just below the crease to below the lower lid, past the corners, feathered
    const side = u < 0 ? MASK_OUTER + u : u > 1 ? MASK_INNER - (u - 1) : Math.min(MASK_OUTER + u, MASK_INNER + 1 - u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = PATCH_V0 + (r + 0.5) / PATCH_PPW;
      const k = r * PATCH_W + c;
      const inside = Math.min(v - maskTop(g, uc), low + MASK_BELOW - v, side);
      mask[k] = smoothstep(0, FEATHER, inside + FEATHER / 2);
      // the library's point for this photo point: the shut lines coincide; above them the lid is
      // stretched so the creases coincide too
      const va = v >= shut ? aLid + (v - shut) : aLid + (v - shut) * stretch;
      const ua = u;
      sample(lib.rgb, PATCH_W, PATCH_H, (ua - PATCH_U0) * PATCH_PPW, (va - PATCH_V0) * PATCH_PPW, warped, k * 3);
      const [x, y] = toImage(g.frame, u, v);
      person[k] = sampleRgba(tex, x, y, photo, k * 3) / 255;
    }
  }
  // light: the photo's skin just above its crease and just below its lower lid (3 bins along the
  // eye each), against the library's at the same places; between the bands both are interpolated
  const upperBand = (u: number) => { const t = maskTop(g, clamp01(u)) - FEATHER / 2; return [t - 0.1, t]; };
  const lowerBand = (u: number) => { const l = lineAt(g.lower, clamp01(u)); return [l + 0.08, l + 0.22]; };
  // the skin under the shut lid continues the photo's skin around the mask at every point of its
  // edge (a membrane fill), so no oval outline frames it; the library's own skin the same way
  const photoRef = membraneField(photo, mask, bandField(photo, upperBand, lowerBand), person);
  const libRef = membraneField(warped, mask, bandField(warped, upperBand, lowerBand));
  // contrast: the shut lash line as dark against the skin as the photo's own lash line (a painting
  // without lashes gets a soft line, a made-up eye a dark one)
  const photoDark = darkness(photo, photoRef, (u) => { const l = lineAt(g.lid, clamp01(u)); return [l - 0.06, l + 0.04]; });
  const libDark = darkness(warped, libRef, (u) => { const l = lineAt(g.lower, clamp01(u)); const sh = l - SHUT_LINE * (l - lineAt(g.lid, clamp01(u))); return [sh - 0.05, sh + 0.05]; });
  return { mask, warped, photo, photoRef, libRef, photoDark, libDark, person };
}

function finishEye(s: ReturnType<typeof sampleEye>, g: EyeGeometry, lashDark: number): BakedEye {
  const { warped, photo, photoRef, libRef, libDark, person } = s;
  // nothing is drawn over the background past the silhouette
  const mask = s.mask.map((m, k) => (person[k]! >= 1 ? m : m * smoothstep(0.3, 0.7, person[k]!)));
  const n = PATCH_W * PATCH_H;
  const gamma = Math.min(GAMMA_MAX, Math.max(GAMMA_MIN, Math.log(lashDark) / Math.log(libDark)));
  const rgb = new Float32Array(n * 3);
  const pr = [0, 0, 0], lr = [0, 0, 0];
  for (let k = 0; k < n; k++) {
    const u = PATCH_U0 + ((k % PATCH_W) + 0.5) / PATCH_PPW, v = PATCH_V0 + (Math.floor(k / PATCH_W) + 0.5) / PATCH_PPW;
    photoRef(u, v, pr); libRef(u, v, lr);
    const raw = lum(warped[k * 3]!, warped[k * 3 + 1]!, warped[k * 3 + 2]!) / Math.max(1, lum(lr[0]!, lr[1]!, lr[2]!));
    // the contrast darkens the lash line; it must not brighten the lid's highlight above it
    // (raised to a power > 1 it turned into a pale band, a sliver of white over the lash line)
    const ratio = raw > 1 ? Math.pow(raw, Math.min(1, gamma)) : Math.pow(raw, gamma);
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, pr[ch]! * ratio));
  }
  // resolution: soften to the photo's own pixel size (the library has PATCH_PPW px per width)
  const sigma = 0.5 * Math.max(0, PATCH_PPW / Math.max(1, g.frame.width) - 1);
  if (sigma > 0.2) blurRgb(rgb, PATCH_W, PATCH_H, sigma);
  addPhotoGrain(rgb, photo, mask, g);
  const creaseV = new Float32Array(PATCH_W), shutV = new Float32Array(PATCH_W), bottomV = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const uc = clamp01(PATCH_U0 + (c + 0.5) / PATCH_PPW);
    const up = lineAt(g.lid, uc), low = lineAt(g.lower, uc);
    creaseV[c] = Math.min(up - 0.05, lineAt(g.crease, uc));
    shutV[c] = low - SHUT_LINE * (low - up);
    bottomV[c] = low + MASK_BELOW + FEATHER;
  }
  return { rgb, mask, creaseV, shutV, bottomV };
}

function drawEye(t: RasterTarget, eye: BakedEye, f: ReturnType<typeof eyeFrame>, show: number, nearIz: number, lidNow: Line): void {
  // per column: where the library's shut edge is drawn (the rendered lid's edge, reaching the
  // library's own place as the fade completes)
  const ride = 1 - smoothstep(RIDE_UNTIL[0], RIDE_UNTIL[1], show);
  const edgeV = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const now = lineAt(lidNow, clamp01(PATCH_U0 + (c + 0.5) / PATCH_PPW));
    const shut = eye.shutV[c]!;
    // only upward of the shut edge and below the crease (a lid that is not yet down)
    const e = Math.min(shut, Math.max(eye.creaseV[c]! + 0.02, now));
    edgeV[c] = shut + ride * (e - shut);
  }
  const corners = [[PATCH_U0, PATCH_V0], [PATCH_U0 + PATCH_W / PATCH_PPW, PATCH_V0], [PATCH_U0, PATCH_V0 + PATCH_H / PATCH_PPW], [PATCH_U0 + PATCH_W / PATCH_PPW, PATCH_V0 + PATCH_H / PATCH_PPW]].map(([u, v]) => toImage(f, u!, v!));
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0])))), x1 = Math.min(t.width - 1, Math.ceil(Math.max(...corners.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1])))), y1 = Math.min(t.height - 1, Math.ceil(Math.max(...corners.map((p) => p[1]))));
  const color = t.color, depth = t.depth, W = t.width;
  const px = new Float32Array(3);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const row = y * W + x;
      const dz = depth[row]!;
      if (dz > nearIz) continue;
      const [u, v] = toEye(f, x + 0.5, y + 0.5);
      const gx = (u - PATCH_U0) * PATCH_PPW;
      const col = Math.min(PATCH_W - 1, Math.max(0, Math.floor(gx)));
      const gy = (warpV(v, eye.creaseV[col]!, edgeV[col]!, eye.shutV[col]!, eye.bottomV[col]!) - PATCH_V0) * PATCH_PPW;
      if (gx < 0.5 || gy < 0.5 || gx > PATCH_W - 0.5 || gy > PATCH_H - 0.5) continue;
      const m = sampleScalar(eye.mask, PATCH_W, PATCH_H, gx, gy) * show;
      if (m <= 0.002) continue;
      sample(eye.rgb, PATCH_W, PATCH_H, gx, gy, px, 0);
      // premultiplied "over": also fills any pinhole the closing lid's triangles left
      const c = color[row]!;
      const j = 1 - m;
      const r = (c & 255) * j + px[0]! * m, g = ((c >>> 8) & 255) * j + px[1]! * m, b = ((c >>> 16) & 255) * j + px[2]! * m;
      const a = (c >>> 24) * j + 255 * m;
      color[row] = ((Math.round(a) << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
    }
  }
}

/** The shut eye's edge rides on the closing lid until the fade (0..1) reaches RIDE_UNTIL[0], then settles by RIDE_UNTIL[1]. */
const RIDE_UNTIL = [0.7, 1] as const;

/**
 * Where to sample the baked eye (v) for drawn position v, when its shut edge (shut) is drawn at
 * edge: crease..edge maps to crease..shut, edge..bottom to shut..bottom; outside unchanged.
 */
function warpV(v: number, crease: number, edge: number, shut: number, bottom: number): number {
  if (edge === shut || v <= crease || v >= bottom) return v;
  if (v <= edge) return crease + ((v - crease) * (shut - crease)) / Math.max(1e-4, edge - crease);
  return shut + ((v - edge) * (bottom - shut)) / Math.max(1e-4, bottom - edge);
}

/** Share of the photo's own fine texture (pores, film grain, brush marks) given to the shut lid. */
const GRAIN = 1;
/** Height (eye widths) of the skin bands the grain is mirrored from. */
const GRAIN_BAND = 0.12;

/**
 * The library eye is smooth (a video frame, upsampled); a photo has grain. The photo's fine detail
 * (the photo minus its blur) is mirrored into the lid from the skin just past the mask's upper and
 * lower edges, so the shut lid carries the photo's own texture, not a flat patch.
 */
function addPhotoGrain(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): void {
  const blurred = Float32Array.from(photo);
  blurRgb(blurred, PATCH_W, PATCH_H, 1.2);
  for (let c = 0; c < PATCH_W; c++) {
    const u = PATCH_U0 + (c + 0.5) / PATCH_PPW, uc = clamp01(u);
    const top = maskTop(g, uc) - FEATHER / 2, bottom = lineAt(g.lower, uc) + MASK_BELOW + FEATHER / 2;
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c;
      if (mask[k]! <= 0) continue;
      const v = PATCH_V0 + (r + 0.5) / PATCH_PPW;
      // the nearer edge's band, mirrored back and forth
      const fromTop = v - top, fromBottom = bottom - v;
      const d = Math.max(0, Math.min(fromTop, fromBottom)) % (2 * GRAIN_BAND);
      const m = d < GRAIN_BAND ? d : 2 * GRAIN_BAND - d;
      const vs = fromTop <= fromBottom ? top - m : bottom + m;
      const rs = Math.round((vs - PATCH_V0) * PATCH_PPW - 0.5);
      if (rs < 0 || rs >= PATCH_H) continue;
      const ks = rs * PATCH_W + c;
      let detail = 0;
      for (let ch = 0; ch < 3; ch++) detail += photo[ks * 3 + ch]! - blurred[ks * 3 + ch]!;
      detail = Math.max(-20, Math.min(20, (GRAIN * detail) / 3));
      for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, rgb[k * 3 + ch]! + detail));
    }
  }
}

/**
 * How dark a line is against the skin: the 10th-percentile luminance within v0..v1 (u 0.15..0.85)
 * over the skin reference's there, in (0.05, 0.95).
 */
function darkness(rgb: Float32Array, ref: ReturnType<typeof bandField>, band: (u: number) => number[]): number {
  const rel: number[] = [];
  const r = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = PATCH_U0 + (c + 0.5) / PATCH_PPW;
    if (u < 0.15 || u > 0.85) continue;
    const [v0, v1] = band(u);
    for (let row = 0; row < PATCH_H; row++) {
      const v = PATCH_V0 + (row + 0.5) / PATCH_PPW;
      if (v < v0! || v > v1!) continue;
      const k = row * PATCH_W + c;
      ref(u, v, r);
      rel.push(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!) / Math.max(1, lum(r[0]!, r[1]!, r[2]!)));
    }
  }
  if (!rel.length) return 0.5;
  rel.sort((a, b) => a - b);
  return Math.min(0.95, Math.max(0.05, rel[Math.floor(rel.length * 0.1)]!));
}

// ---- small math ----

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const lum = (r: number, g: number, b: number) => 0.3 * r + 0.59 * g + 0.11 * b;

/**
 * A smooth colour field from two bands of a patch (v ranges per u): the median colour of each
 * band in 3 bins along the eye, linear between bin centres along u and between the bands along v.
 */
function bandField(rgb: Float32Array, upper: (u: number) => number[], lower: (u: number) => number[]): (u: number, v: number, out: number[]) => void {
  const BINS = [[-0.15, 0.35], [0.35, 0.65], [0.65, 1.15]] as const;
  const centres = BINS.map(([a, b]) => (a + b) / 2);
  const medianOf = (band: (u: number) => number[], [a, b]: readonly [number, number]) => {
    const px: number[][] = [];
    for (let c = 0; c < PATCH_W; c++) {
      const u = PATCH_U0 + (c + 0.5) / PATCH_PPW;
      if (u < a || u >= b) continue;
      const [v0, v1] = band(u);
      for (let r = 0; r < PATCH_H; r++) {
        const v = PATCH_V0 + (r + 0.5) / PATCH_PPW;
        if (v >= v0! && v <= v1!) px.push([rgb[(r * PATCH_W + c) * 3]!, rgb[(r * PATCH_W + c) * 3 + 1]!, rgb[(r * PATCH_W + c) * 3 + 2]!]);
      }
    }
    if (!px.length) return [128, 128, 128];
    px.sort((p, q) => lum(p[0]!, p[1]!, p[2]!) - lum(q[0]!, q[1]!, q[2]!));
    return px[px.length >> 1]!;
  };
  const up = BINS.map((b) => medianOf(upper, b)), lo = BINS.map((b) => medianOf(lower, b));
  const alongU = (bins: number[][], u: number, ch: number) => {
    if (u <= centres[0]!) return bins[0]![ch]!;
    if (u >= centres[2]!) return bins[2]![ch]!;
    const q = u < centres[1]! ? 0 : 1, t = (u - centres[q]!) / (centres[q + 1]! - centres[q]!);
    return bins[q]![ch]! + t * (bins[q + 1]![ch]! - bins[q]![ch]!);
  };
  return (u, v, out) => {
    const [a0, a1] = upper(u), [b0, b1] = lower(u);
    const t = smoothstep((a0! + a1!) / 2, (b0! + b1!) / 2, v);
    for (let ch = 0; ch < 3; ch++) out[ch] = alongU(up, u, ch) + t * (alongU(lo, u, ch) - alongU(up, u, ch));
  };
}

/**
 * The colour a patch would have inside the mask if it were the smooth continuation of what lies
 * around it: a membrane (Laplace) fill of the patch colours held fixed where the mask is ~0, so
 * the fill meets the surrounding skin at every point of the mask's edge (no outline), started from
 * the band field (guess). Boundary colours are lightly blurred first so one dark pixel does not bleed in.
 */
function membraneField(rgb: Float32Array, mask: Float32Array, guess: ReturnType<typeof bandField>, person?: Float32Array): (u: number, v: number, out: number[]) => void {
  // held fixed: outside the mask, on the person (the background past a silhouette is filled too)
  const free = (k: number) => mask[k]! >= 0.02 || (person !== undefined && person[k]! < 0.5);
  const w = PATCH_W, h = PATCH_H;
  const soft = Float32Array.from(rgb);
  blurRgb(soft, w, h, 1.5);
  const fill = new Float32Array(w * h * 3);
  const g = [0, 0, 0];
  for (let k = 0; k < w * h; k++) {
    if (!free(k)) { for (let ch = 0; ch < 3; ch++) fill[k * 3 + ch] = soft[k * 3 + ch]!; continue; }
    guess(PATCH_U0 + ((k % w) + 0.5) / PATCH_PPW, PATCH_V0 + (Math.floor(k / w) + 0.5) / PATCH_PPW, g);
    for (let ch = 0; ch < 3; ch++) fill[k * 3 + ch] = g[ch]!;
  }
  // successive over-relaxation; the patch's outer edge is reflecting (80 sweeps: within 1 grey level of 200 on shut frames)
  for (let it = 0; it < 80; it++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = y * w + x;
        if (!free(k)) continue;
        const l = x > 0 ? k - 1 : k + 1, r = x < w - 1 ? k + 1 : k - 1, t = y > 0 ? k - w : k + w, b = y < h - 1 ? k + w : k - w;
        for (let ch = 0; ch < 3; ch++) {
          const avg = (fill[l * 3 + ch]! + fill[r * 3 + ch]! + fill[t * 3 + ch]! + fill[b * 3 + ch]!) / 4;
          fill[k * 3 + ch] = fill[k * 3 + ch]! + 1.9 * (avg - fill[k * 3 + ch]!);
        }
      }
    }
  }
  return (u, v, out) => {
    const x = Math.min(w - 1, Math.max(0, Math.round((u - PATCH_U0) * PATCH_PPW - 0.5))), y = Math.min(h - 1, Math.max(0, Math.round((v - PATCH_V0) * PATCH_PPW - 0.5)));
    for (let ch = 0; ch < 3; ch++) out[ch] = fill[(y * w + x) * 3 + ch]!;
  };
}

/** Bilinear RGB sample of a float grid at grid position (gx, gy) (pixel centres at +0.5), into out[o..o+2]. */
function sample(rgb: Float32Array, w: number, h: number, gx: number, gy: number, out: Float32Array, o: number): void {
  const fx = Math.min(w - 1, Math.max(0, gx - 0.5)), fy = Math.min(h - 1, Math.max(0, gy - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy;
  const p = (iy * w + ix) * 3, q = p + w * 3;
  for (let ch = 0; ch < 3; ch++) {
    out[o + ch] = (1 - ay) * ((1 - ax) * rgb[p + ch]! + ax * rgb[p + 3 + ch]!) + ay * ((1 - ax) * rgb[q + ch]! + ax * rgb[q + 3 + ch]!);
  }
}

function sampleScalar(a: Float32Array, w: number, h: number, gx: number, gy: number): number {
  const fx = Math.min(w - 1, Math.max(0, gx - 0.5)), fy = Math.min(h - 1, Math.max(0, gy - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy, p = iy * w + ix;
  return (1 - ay) * ((1 - ax) * a[p]! + ax * a[p + 1]!) + ay * ((1 - ax) * a[p + w]! + ax * a[p + w + 1]!);
}

/** Bilinear RGB sample into out[o..o+2]; returns the alpha there (0..255). */
function sampleRgba(img: ClosedEyeInput['texture'], x: number, y: number, out: Float32Array, o: number): number {
  const w = img.width, h = img.height;
  const fx = Math.min(w - 1, Math.max(0, x - 0.5)), fy = Math.min(h - 1, Math.max(0, y - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy, d = img.data;
  const p = (iy * w + ix) * 4, q = p + w * 4;
  for (let ch = 0; ch < 3; ch++) out[o + ch] = (1 - ay) * ((1 - ax) * d[p + ch]! + ax * d[p + 4 + ch]!) + ay * ((1 - ax) * d[q + ch]! + ax * d[q + 4 + ch]!);
  return (1 - ay) * ((1 - ax) * d[p + 3]! + ax * d[p + 7]!) + ay * ((1 - ax) * d[q + 3]! + ax * d[q + 7]!);
}

/** Separable Gaussian blur of an RGB float grid, in place. */
function blurRgb(rgb: Float32Array, w: number, h: number, sigma: number): void {
  const rad = Math.ceil(sigma * 2.5);
  const k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const tmp = new Float32Array(rgb.length);
  for (let pass = 0; pass < 2; pass++) {
    const src = pass === 0 ? rgb : tmp, dst = pass === 0 ? tmp : rgb;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let ch = 0; ch < 3; ch++) {
          let acc = 0;
          for (let i = -rad; i <= rad; i++) {
            const xx = pass === 0 ? Math.min(w - 1, Math.max(0, x + i)) : x, yy = pass === 0 ? y : Math.min(h - 1, Math.max(0, y + i));
            acc += k[i + rad]! * src[(yy * w + xx) * 3 + ch]!;
          }
          dst[(y * w + x) * 3 + ch] = acc / sum;
        }
      }
    }
  }
}
