// A big painted iris's eye reaches below the face mesh's lower lid (iristear49, critic48 #1: lp_s7's torn irises in
// glances). The mesh's lower lid landmarks sit 2-6 texels above lp_s7's painted lower lid: the strip between holds the
// painted iris's bottom and a line of white, and is skin, drawn from the photo whatever the gaze. A moved iris left that
// bottom behind (a blue crescent under it) and its own bottom rows were cut along the mesh's lid line (the pupil cut by
// a straight edge at the lower corner). Here, for a big iris only (bigIris.ts), the opening is taken down to the
// painted lid: the lower lid's points moved down the photo's painted white/iris to just above its lid line; the eye
// texture there holds the photo (not the eye texture's extension below the mesh lid); the gaze disc is built on that
// opening (irisDisc.ts); and the strip's skin is drawn with the eye's gaze shader while the gaze moves (rasterize.ts).
import { luminance } from '../math/colour.ts';
import { distanceToOutline, insidePolygon } from '../math/polygon.ts';
import { EYE_L_LOOP, EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOOP, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';
import { bigIrisForEye } from './bigIris.ts';
import { mixPacked, sampleTexture } from './gazeIris.ts';
import type { TextureSource } from './textureSample.ts';
import type { PixelShader } from './rasterInputs.ts';

type Tex = { width: number; height: number; data: Uint8ClampedArray };

/** Off: the mesh's opening as before (lp_s7's crescent and cut pupil). */
export const paintedBandSetting = { on: true };

/** At most this share of the iris radius below the mesh's lower lid is taken as painted eye (lp_s7: 2-6 texels of 16). */
const MAX_DROP = 0.5;
/** A lid line texel: this much darker than the white (luma share) and red (r - b over RED_LID). */
const LID_DARK = 0.78, RED_LID = 35;

/** Whether the photo's texel (r, g, b) is the painted lid line under a white of luma `white`: dark and red, unlike the iris (blue) or white. */
export function isLidLine(r: number, g: number, b: number, white: number): boolean {
  return luminance(r, g, b) < LID_DARK * white && r - b > RED_LID;
}

/**
 * How far (texels) below the lower lid point (x, y) the painted eye runs on the photo `tex`: down the column while no
 * lid-line texel is met, at most MAX_DROP of the iris radius `iris`; 0 when the lid line is met at once or never
 * (no painted lid within reach: the mesh's lid is the painting's).
 */
export function dropTo(tex: Tex, x: number, y: number, iris: number, white: number): number {
  const max = Math.max(0, Math.floor(MAX_DROP * iris)), xi = Math.floor(x);
  for (let d = 1; d <= max + 1; d++) {
    const yi = Math.floor(y) + d;
    if (yi < 0 || yi >= tex.height || xi < 0 || xi >= tex.width) return 0;
    const o = (yi * tex.width + xi) * 4;
    if (isLidLine(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!, white)) return Math.max(0, d - 1);
  }
  return 0;
}

/** The lower lid's points (corner to corner) moved down to the painted lid (corners stay). */
export function paintedLowerLid(tex: Tex, lower: [number, number][], iris: number, white: number): [number, number][] {
  return lower.map((p, k) => (k === 0 || k === lower.length - 1 ? p : [p[0], p[1] + dropTo(tex, p[0], p[1], iris, white)]));
}

/**
 * The painted strip of one eye over a box: `share` how much of each texel is in the painted opening, below the eye's
 * middle (the skin drawn over the strip shows the eye by it: the skin triangles lie outside the mesh's opening, and a
 * share of the strip alone left a dotted seam along the mesh's lid line), `strip` how much is in it and outside the
 * mesh's (the eye texture's texels taken from the photo).
 */
export interface PaintedBand { x0: number; y0: number; w: number; h: number; share: Float32Array; strip: Float32Array; poly: [number, number][] }

/** The strip between the mesh's opening `loop` and the painted one `painted` (both polygons, texture px). */
export function paintedBand(loop: [number, number][], painted: [number, number][]): PaintedBand {
  const xs = painted.map((p) => p[0]), ys = painted.map((p) => p[1]);
  const x0 = Math.floor(Math.min(...xs)) - 1, y0 = Math.floor(Math.min(...ys)) - 1;
  const w = Math.ceil(Math.max(...xs)) + 2 - x0, h = Math.ceil(Math.max(...ys)) + 2 - y0;
  const share = new Float32Array(w * h), strip = new Float32Array(w * h);
  const inShare = (poly: [number, number][], x: number, y: number) => {
    const d = distanceToOutline(x, y, poly);
    return Math.min(1, Math.max(0, 0.5 + (insidePolygon(x, y, poly) ? d : -d)));
  };
  // (over the upper half the strip alone: the upper lid's skin at the opening's edge is not the eye's)
  const midY = loop.reduce((a, p) => a + p[1], 0) / loop.length;
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
    const x = x0 + i + 0.5, y = y0 + j + 0.5, inPainted = inShare(painted, x, y);
    strip[j * w + i] = Math.max(0, inPainted - inShare(loop, x, y));
    share[j * w + i] = y > midY ? inPainted : strip[j * w + i]!;
  }
  return { x0, y0, w, h, share, strip, poly: painted };
}

/** The strip's share at texture point (u, v); 0 outside its box. */
export function bandShareAt(band: PaintedBand, u: number, v: number): number {
  const i = Math.floor(u) - band.x0, j = Math.floor(v) - band.y0;
  return i >= 0 && j >= 0 && i < band.w && j < band.h ? band.share[j * band.w + i]! : 0;
}

/** The eye texture with the strip's texels taken from the photo `photo` (a copy; `eye` unchanged). */
export function withPaintedBand(eye: Tex, photo: Tex, bands: (PaintedBand | null)[]): Tex {
  const data = new Uint8ClampedArray(eye.data);
  for (const b of bands) if (b) for (let j = 0; j < b.h; j++) for (let i = 0; i < b.w; i++) {
    const s = b.strip[j * b.w + i]!, x = b.x0 + i, y = b.y0 + j;
    if (s <= 0 || x < 0 || y < 0 || x >= eye.width || y >= eye.height) continue;
    const o = (y * eye.width + x) * 4;
    for (let c = 0; c < 4; c++) data[o + c] = Math.round(data[o + c]! + s * (photo.data[o + c]! - data[o + c]!));
  }
  return { width: eye.width, height: eye.height, data };
}

/** The white's luma: this rank of the opening's texel lumas on the photo. */
const WHITE_RANK = 0.9;

/**
 * Per eye (0 = EYE_L): for a big painted iris only, the mesh's uv with its lower lid moved down to the painted lid,
 * the strip between, and the eye texture holding the photo there; null when no eye has a big iris.
 */
export function paintedOpenings(uv: ArrayLike<number>, eye: Tex, photo: Tex): { uv: Float32Array; bands: (PaintedBand | null)[]; eyeTexture: Tex } | null {
  const out = Float32Array.from(uv);
  const bands = ([[EYE_L_LOOP, EYE_L_UPPER, EYE_L_LOWER, 468], [EYE_R_LOOP, EYE_R_UPPER, EYE_R_LOWER, 473]] as const).map(([loop, upper, lower]) => {
    const at = (i: number): [number, number] => [uv[i * 2]!, uv[i * 2 + 1]!];
    const poly = loop.map(at);
    const centre = [468, 473].find((i) => insidePolygon(uv[i * 2]!, uv[i * 2 + 1]!, poly));
    if (centre === undefined) return null;
    // (the mesh's iris centre and its four rim points, as the gaze disc reads the eye)
    const big = bigIrisForEye(eye, poly, { centre: at(centre), rim: [1, 2, 3, 4].map((k) => at(centre + k)) }, upper.map(at));
    if (!big) return null;
    const moved = paintedLowerLid(photo, lower.map(at), big.r, openingWhite(photo, poly));
    lower.forEach((i, k) => { out[i * 2 + 1] = moved[k]![1]; });
    return paintedBand(poly, loop.map((i) => [out[i * 2]!, out[i * 2 + 1]!] as [number, number]));
  });
  return bands.some((b) => b) ? { uv: out, bands, eyeTexture: withPaintedBand(eye, photo, bands) } : null;
}

/** The white's luma in the opening `poly` on the photo (WHITE_RANK of its texels' lumas). */
export function openingWhite(tex: Tex, poly: [number, number][]): number {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]), l: number[] = [];
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    if (x < 0 || y < 0 || x >= tex.width || y >= tex.height || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const o = (y * tex.width + x) * 4;
    l.push(luminance(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!));
  }
  l.sort((a, b) => a - b);
  return l.length ? l[Math.min(l.length - 1, Math.floor(WHITE_RANK * l.length))]! : 255;
}

/** Which eye's strip (index into `bands`) the triangle (a, b, c) may cover, by its rest uv's box; -1 for none. */
export function bandOf(bands: (PaintedBand | null)[], uv: ArrayLike<number>, a: number, b: number, c: number): number {
  for (let e = 0; e < bands.length; e++) {
    const band = bands[e];
    if (!band) continue;
    const u0 = Math.min(uv[a * 2]!, uv[b * 2]!, uv[c * 2]!), u1 = Math.max(uv[a * 2]!, uv[b * 2]!, uv[c * 2]!);
    const v0 = Math.min(uv[a * 2 + 1]!, uv[b * 2 + 1]!, uv[c * 2 + 1]!), v1 = Math.max(uv[a * 2 + 1]!, uv[b * 2 + 1]!, uv[c * 2 + 1]!);
    if (u1 >= band.x0 && u0 <= band.x0 + band.w && v1 >= band.y0 && v0 <= band.y0 + band.h) return e;
  }
  return -1;
}

/**
 * The skin over a strip: the photo's skin (by a turn's `gain`, 1/128), and inside the strip the eye's gaze shader by
 * the strip's share times `weight` (stripWeight: the closing lid's passes shade the mesh's opening, not the strip).
 */
export function stripShader(band: PaintedBand, skin: TextureSource, eye: PixelShader, gain = 128, weight = 1): PixelShader {
  return (x, y, u, v) => {
    const skinAt = gain === 128 ? sampleTexture(skin, u, v) : gained(sampleTexture(skin, u, v), gain), s = weight * bandShareAt(band, u, v);
    return s > 0 ? mixPacked(skinAt, eye(x, y, u, v), s) : skinAt;
  };
}

/** Packed RGBA with r, g, b scaled by gain / 128 (alpha kept), as the rasterizer shades a turned head's skin. */
export function gained(c: number, gain: number): number {
  const ch = (sh: number) => Math.min(255, Math.round((((c >>> sh) & 255) * gain) / 128)) << sh;
  return (ch(0) | ch(8) | ch(16) | (c & 0xff000000)) >>> 0;
}

/** A blink's completion from which the strip goes back to the photo's skin, and at which it is all skin: the shut-eye passes shade the mesh's opening only (lp_s7 + eng f128-133: a light-blue block in the slit otherwise); a held glance's slight lowering (.13-.15) keeps it. */
const STRIP_FADE: [number, number] = [0.2, 0.45];

/** How much of the strip the eye's shader draws at blink completion `closure`. */
export function stripWeight(closure: number): number {
  return 1 - Math.min(1, Math.max(0, (closure - STRIP_FADE[0]) / (STRIP_FADE[1] - STRIP_FADE[0])));
}
