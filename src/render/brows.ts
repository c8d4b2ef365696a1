// Forehead folds: raised brows push the forehead skin together, so the wrinkles the photo shows
// deepen; lowered brows smooth them. The mesh moves the forehead with the brows; this deepens (or
// softens) the photo's own horizontal grooves in the renderer's skin texture. A groove is where the
// skin is darker than its vertical neighbourhood (the photo minus its vertical blur): horizontal
// lines only, so the brows' own edges (excluded by a margin), hair strands and vertical shading
// are left alone. Nothing is invented where the photo shows a smooth forehead.
import { CONTROL_INDEX } from '../rig/controls.ts';
import { insidePolygon } from '../math/polygon.ts';
import { smooth01 } from '../math/smooth.ts';

/** The forehead's outline: the top of the face oval, then the brows' upper edges (image right to left). */
const TOP = [54, 103, 67, 109, 10, 338, 297, 332, 284];
const BROW_TOPS = [300, 293, 334, 296, 336, 107, 66, 105, 63, 70];
/** Grooves this much darker than their surroundings or more count (relative luminance). */
const MIN_GROOVE = 0.015;
/** Darker than this is a hair strand or a mole, not a fold (wrinkles are shallow). */
const MAX_GROOVE = 0.2;
/** At a full brow raise a groove is 1 + FOLD times as deep; lowered brows smooth it by up to SMOOTH. */
const FOLD = 1.2, SMOOTH = 0.5;

const INNER = CONTROL_INDEX.browInnerUp, OUTER_L = CONTROL_INDEX.browOuterUpLeft, OUTER_R = CONTROL_INDEX.browOuterUpRight;
const DOWN_L = CONTROL_INDEX.browDownLeft, DOWN_R = CONTROL_INDEX.browDownRight;

export class ForeheadFolds {
  private readonly pixels: Int32Array;
  private readonly photo: Uint8ClampedArray;
  /** the groove's relative darkness (negative), per pixel */
  private readonly groove: Float32Array;
  private raise = 0;

  /**
   * data: the renderer's working skin texture (written by update); xy: landmark i in it; iod: the
   * inter-ocular distance in texture pixels.
   */
  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: (i: number) => readonly [number, number], iod: number) {
    // the brows' edges lifted by a margin, so their own dark edge is not taken for a groove
    const lift = 0.06 * iod;
    const poly = [...TOP.map(xy), ...BROW_TOPS.map((i) => [xy(i)[0], xy(i)[1] - lift] as const)] as [number, number][];
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
    const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
    const bw = Math.max(0, x1 - x0 + 1), bh = Math.max(0, y1 - y0 + 1);
    // luminance of the box and its vertical blur (Gaussian, a wrinkle's spacing)
    const lum = new Float32Array(bw * bh);
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      const o = ((y + y0) * width + x + x0) * 4;
      lum[y * bw + x] = 0.3 * data[o]! + 0.59 * data[o + 1]! + 0.11 * data[o + 2]!;
    }
    const blurred = verticalBlur(lum, bw, bh, Math.max(1, 0.04 * iod));
    const px: number[] = [], gv: number[] = [];
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      if (!insidePolygon(x + x0 + 0.5, y + y0 + 0.5, poly)) continue;
      const k = y * bw + x;
      const g = (lum[k]! - blurred[k]!) / Math.max(8, blurred[k]!);
      if (g > -MIN_GROOVE || g < -MAX_GROOVE) continue;
      px.push(((y + y0) * width + x + x0) * 4);
      gv.push(g + MIN_GROOVE);
    }
    this.pixels = Int32Array.from(px);
    this.groove = Float32Array.from(gv);
    this.photo = new Uint8ClampedArray(px.length * 3);
    px.forEach((o, k) => { this.photo[k * 3] = data[o]!; this.photo[k * 3 + 1] = data[o + 1]!; this.photo[k * 3 + 2] = data[o + 2]!; });
  }

  /** Deepens or softens the grooves for this frame's brows (relative to the photo's); cheap when unchanged. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    const d = (c: number) => weights[c]! - photoWeights[c]!;
    const up = Math.max(d(INNER), (d(OUTER_L) + d(OUTER_R)) / 2);
    const down = (d(DOWN_L) + d(DOWN_R)) / 2;
    const raise = Math.max(-1, Math.min(1, up - down));
    if (Math.abs(raise - this.raise) < 0.01) return;
    this.raise = raise;
    const data = this.data, px = this.pixels, g = this.groove, p = this.photo;
    for (let k = 0; k < px.length; k++) {
      // the groove's darkening scaled by 1 + FOLD * raise (never brighter than the surroundings)
      const f = Math.max(0.3, 1 + (raise > 0 ? FOLD : SMOOTH) * raise * g[k]! / (1 + g[k]!));
      const o = px[k]!;
      data[o] = p[k * 3]! * f; data[o + 1] = p[k * 3 + 1]! * f; data[o + 2] = p[k * 3 + 2]! * f;
    }
  }
}

function verticalBlur(a: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const rad = Math.ceil(2.5 * sigma);
  const k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const out = new Float32Array(a.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let acc = 0, wsum = 0;
    for (let i = -rad; i <= rad; i++) {
      const yy = y + i;
      if (yy < 0 || yy >= h) continue;
      acc += k[i + rad]! * a[yy * w + x]!; wsum += k[i + rad]!;
    }
    out[y * w + x] = acc / wsum;
  }
  return out;
}

/**
 * Raised brows uncover the skin between the brow and the lid crease (it was folded under the
 * brow). The mesh stretches that band from its thin strip of the photo, which holds the brow's
 * lower hair and the socket's shadow, so a full raise drew a dark band. Here the band's pixels
 * blend toward clean skin in proportion to how much of the band is newly uncovered: the skin's
 * colour is taken per column from the forehead above the brow and from just above the crease.
 */
export class UnderBrowSkin {
  private readonly sides: { pixels: Int32Array; photo: Uint8ClampedArray; target: Float32Array; profile: Float32Array; raise: number }[] = [];

  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: (i: number) => readonly [number, number], iod: number) {
    for (const side of UNDER_BROW_SIDES) {
      const lower = side.browLower.map(xy), lid = side.lid.map(xy), top = side.browTop.map(xy);
      // y of a row at x (linear along the row, flat past its ends)
      const rowY = (row: (readonly [number, number])[], x: number) => {
        const s = [...row].sort((a, b) => a[0] - b[0]);
        if (x <= s[0]![0]) return s[0]![1];
        for (let q = 1; q < s.length; q++) if (x <= s[q]![0]) { const t = (x - s[q - 1]![0]) / Math.max(1e-6, s[q]![0] - s[q - 1]![0]); return s[q - 1]![1] + t * (s[q]![1] - s[q - 1]![1]); }
        return s[s.length - 1]![1];
      };
      const xs = lower.map((p) => p[0]);
      // past the brow's ends as far as the rig's taper (UNDER_BROW_TAPER, in eye-corner widths), feathered over it
      const reach = TAPER * iod;
      const x0 = Math.max(0, Math.ceil(Math.min(...xs) - reach)), x1 = Math.min(width - 1, Math.floor(Math.max(...xs) + reach));
      const px: number[] = [], prof: number[] = [], tgt: number[] = [];
      const sample = (x: number, y: number, ch: number) => data[(Math.min(height - 1, Math.max(0, Math.round(y))) * width + x) * 4 + ch]!;
      // clean skin per column, smoothed along x (single pixels would streak): the forehead a little
      // above the brow's top edge, and the lid skin just above the crease (toward the lid the band turns into it)
      const cols = Math.max(0, x1 - x0 + 1);
      const fore = new Float32Array(cols * 3), lidSkin = new Float32Array(cols * 3);
      for (let x = x0; x <= x1; x++) {
        const yB = rowY(lower, x), yL = rowY(lid, x), yT = rowY(top, x);
        for (let ch = 0; ch < 3; ch++) {
          let f = 0, l = 0;
          for (let q = 0; q < 5; q++) {
            f += sample(x, yT - (0.12 + 0.015 * q) * iod, ch) / 5;
            l += sample(x, yL - (0.15 + 0.05 * q) * Math.max(0, yL - yB), ch) / 5;
          }
          fore[(x - x0) * 3 + ch] = f; lidSkin[(x - x0) * 3 + ch] = l;
        }
      }
      const foreS = boxAlongX(fore, cols, Math.round(0.05 * iod)), lidS = boxAlongX(lidSkin, cols, Math.round(0.05 * iod));
      // a fringe over the forehead gives hair, darker than the lid's skin: then the lid's skin serves
      for (let c = 0; c < cols; c++) {
        const lf = foreS[c * 3]! * 0.3 + foreS[c * 3 + 1]! * 0.59 + foreS[c * 3 + 2]! * 0.11;
        const ll = lidS[c * 3]! * 0.3 + lidS[c * 3 + 1]! * 0.59 + lidS[c * 3 + 2]! * 0.11;
        if (lf < ll) for (let ch = 0; ch < 3; ch++) foreS[c * 3 + ch] = lidS[c * 3 + ch]!;
      }
      for (let x = x0; x <= x1; x++) {
        const yB = rowY(lower, x), yL = rowY(lid, x);
        if (yL - yB < 2) continue;
        for (let y = Math.ceil(yB); y <= Math.floor(yL); y++) {
          // t: 1 on the brow's lower contour, 0 on the upper lid (as in the rig's UNDER_BROW_T)
          const t = (yL - y) / (yL - yB);
          // where the rig stretches the skin: none on the lid and crease, none in the brow hair
          const w = Math.min(smooth01((t - 0.12) / 0.2), smooth01((0.95 - t) / 0.25)) * smooth01(Math.min(x - x0, x1 - x) / (2 * reach));
          if (w <= 0) continue;
          px.push((y * width + x) * 4); prof.push(w);
          const c = (x - x0) * 3;
          const tf = smooth01(t / 0.6);
          for (let ch = 0; ch < 3; ch++) tgt.push(foreS[c + ch]! * tf + lidS[c + ch]! * (1 - tf));
        }
      }
      const photo = new Uint8ClampedArray(px.length * 3);
      px.forEach((o, k) => { photo[k * 3] = data[o]!; photo[k * 3 + 1] = data[o + 1]!; photo[k * 3 + 2] = data[o + 2]!; });
      this.sides.push({ pixels: Int32Array.from(px), photo, target: Float32Array.from(tgt), profile: Float32Array.from(prof), raise: 0 });
    }
  }

  /** Blends each side's band toward clean skin by how far that brow is raised beyond the photo's. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    const d = (c: number) => weights[c]! - photoWeights[c]!;
    const raises = [Math.max(0, d(INNER) * 0.75 + d(OUTER_L) * 0.6), Math.max(0, d(INNER) * 0.75 + d(OUTER_R) * 0.6)];
    this.sides.forEach((s, k) => {
      const raise = Math.min(1, raises[k]!);
      if (Math.abs(raise - s.raise) < 0.01) return;
      s.raise = raise;
      // share of the stretched band that is newly uncovered skin grows with the raise
      const f = UNCOVER * raise;
      for (let q = 0; q < s.pixels.length; q++) {
        const o = s.pixels[q]!, w = f * s.profile[q]!;
        for (let ch = 0; ch < 3; ch++) this.data[o + ch] = s.photo[q * 3 + ch]! + w * (s.target[q * 3 + ch]! - s.photo[q * 3 + ch]!);
      }
    });
  }
}

/** How far past the brow's ends the rig carries the skin under it (rig/basis/brows.ts UNDER_BROW_TAPER), in iod. */
const TAPER = 0.08;
/** At a full raise this share of the band's colour is clean skin. */
const UNCOVER = 0.75;
/** Per side (image-right eye first, the subject's left): the brow's lower contour, the upper lid, the brow's top edge. */
const UNDER_BROW_SIDES = [
  { browLower: [276, 283, 282, 295, 285], lid: [263, 466, 388, 387, 386, 385, 384, 398, 362], browTop: [300, 293, 334, 296, 336] },
  { browLower: [46, 53, 52, 65, 55], lid: [33, 246, 161, 160, 159, 158, 157, 173, 133], browTop: [70, 63, 105, 66, 107] },
];

/** Box average of per-column RGB triples along x (radius r columns, clamped at the ends). */
function boxAlongX(a: Float32Array, cols: number, r: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let x = 0; x < cols; x++) for (let ch = 0; ch < 3; ch++) {
    let s = 0, n = 0;
    for (let q = Math.max(0, x - r); q <= Math.min(cols - 1, x + r); q++) { s += a[q * 3 + ch]!; n++; }
    out[x * 3 + ch] = s / n;
  }
  return out;
}
