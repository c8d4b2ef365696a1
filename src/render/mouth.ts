// The mouth interior seen when the jaw opens past the photo's: a dark oral cavity with soft
// shading, upper teeth hanging from the upper lip (fixed to the skull), lower teeth riding on the
// lower lip (moving with the jaw). Procedural, per pixel, with crisp anti-aliased tooth edges.
// When the photo's own mouth is open its interior texture is used instead (blended by `amount`).
import type { TextureSource } from './raster.ts';

const pack = (r: number, g: number, b: number) => ((r < 0 ? 0 : r > 255 ? 255 : r | 0) | ((g < 0 ? 0 : g > 255 ? 255 : g | 0) << 8) | ((b < 0 ? 0 : b > 255 ? 255 : b | 0) << 16) | (255 << 24)) >>> 0;

export class MouthShader {
  /** per output column: y of the inner upper lip and inner lower lip (NaN outside the mouth) */
  readonly upperY: Float32Array;
  readonly lowerY: Float32Array;
  centreX = 0;
  halfWidth = 1;
  /** inter-ocular distance in output pixels (sets tooth sizes) */
  unit = 1;
  /** 0 = photo texture only, 1 = procedural only */
  amount = 0;
  /** lighting of the photo: procedural colours are scaled and desaturated to match */
  brightness = 1;
  saturation = 1;
  tint: [number, number, number] = [1, 1, 1];
  texture: TextureSource | null = null;
  readonly shade: (x: number, y: number, u: number, v: number) => number;

  constructor(width: number) {
    this.upperY = new Float32Array(width);
    this.lowerY = new Float32Array(width);
    this.shade = (x, y, u, v) => this.shadePixel(x, y, u, v);
  }

  /** Fills the lip-line tables from the projected inner-lip contours (xs/ys of upper and lower, corner to corner). */
  setLips(upX: ArrayLike<number>, upY: ArrayLike<number>, loX: ArrayLike<number>, loY: ArrayLike<number>): void {
    this.upperY.fill(NaN);
    this.lowerY.fill(NaN);
    fillColumns(this.upperY, upX, upY);
    fillColumns(this.lowerY, loX, loY);
  }

  private shadePixel(x: number, y: number, u: number, v: number): number {
    let r = 0, g = 0, b = 0;
    const k = this.amount;
    if (k < 1 && this.texture) {
      const t = this.texture;
      const ix = Math.min(t.width - 1, Math.max(0, Math.round(u - 0.5))), iy = Math.min(t.height - 1, Math.max(0, Math.round(v - 0.5)));
      const p = t.data32[iy * t.width + ix]!;
      r = (p & 255) * (1 - k); g = ((p >>> 8) & 255) * (1 - k); b = ((p >>> 16) & 255) * (1 - k);
    }
    if (k > 0) {
      const cx = x + 0.5, cy = y + 0.5;
      let top = this.upperY[x]!, bottom = this.lowerY[x]!;
      if (top !== top) top = cy; // NaN: column outside the table
      if (bottom !== bottom) bottom = cy;
      const unit = this.unit;
      const lateral = Math.min(1, Math.abs(cx - this.centreX) / Math.max(1, this.halfWidth));
      const open = Math.max(1, bottom - top);
      const depthT = Math.min(1, Math.max(0, (cy - top) / open));
      // cavity: dark red-brown, darkest in the middle depth and at the corners; tongue hint low
      const shadow = 0.55 + 0.45 * Math.abs(depthT - 0.5) * 2;
      let cr = 70 * shadow * (1 - 0.5 * lateral), cg = 24 * shadow * (1 - 0.5 * lateral), cb = 28 * shadow * (1 - 0.5 * lateral);
      const tongue = Math.max(0, (depthT - 0.62) / 0.38) * (1 - lateral * lateral);
      cr += (150 - cr) * tongue * 0.55; cg += (62 - cg) * tongue * 0.55; cb += (66 - cb) * tongue * 0.55;
      // teeth, only across the front of the mouth; narrower toward the corners (the arch turns away)
      const dx = (cx - this.centreX) / Math.max(1, this.halfWidth);
      const arch = dx * (1 + 0.35 * dx * dx); // tooth index grows faster sideways
      const toothW = (0.085 * unit) / Math.max(1, this.halfWidth);
      const q = arch / toothW;
      const frac = q - Math.floor(q);
      const localW = (0.085 * unit) / (1 + 1.05 * dx * dx);
      const gapPx = Math.min(frac, 1 - frac) * localW; // distance to the nearest tooth boundary, px
      const gapShade = 0.84 + 0.16 * Math.min(1, gapPx / 0.8);
      const teethSpan = 1 - smooth(0.62, 0.9, lateral);
      const edge = (2 * frac - 1) ** 4;
      const upperH = 0.095 * unit * (1 - 0.06 * edge);
      const lowerH = 0.06 * unit * (1 - 0.08 * edge);
      const upCov = clamp01(top + upperH - cy + 0.5) * teethSpan;
      const loCov = clamp01(cy - (bottom - lowerH) + 0.5) * teethSpan * (1 - upCov);
      const side = 1 - 0.55 * lateral * lateral;
      if (upCov > 0) {
        const vert = 0.8 + 0.2 * clamp01((cy - top) / Math.max(1, upperH));
        const s = side * vert * gapShade;
        cr += (226 * s - cr) * upCov; cg += (219 * s - cg) * upCov; cb += (204 * s - cb) * upCov;
      }
      if (loCov > 0) {
        const vert = 0.78 + 0.22 * clamp01((bottom - cy) / Math.max(1, lowerH));
        const s = side * 0.9 * vert * gapShade;
        cr += (214 * s - cr) * loCov; cg += (206 * s - cg) * loCov; cb += (190 * s - cb) * loCov;
      }
      // soft shadow under the upper lip
      const lipShadow = 1 - 0.35 * clamp01(1 - (cy - top) / (0.03 * unit + 1));
      // match the photo: its exposure, and grey for black-and-white photos
      const bright = this.brightness, sat = this.saturation;
      const grey = 0.3 * cr + 0.59 * cg + 0.11 * cb;
      cr = grey + (cr - grey) * sat; cg = grey + (cg - grey) * sat; cb = grey + (cb - grey) * sat;
      const tint = this.tint;
      r += cr * lipShadow * k * bright * tint[0]; g += cg * lipShadow * k * bright * tint[1]; b += cb * lipShadow * k * bright * tint[2];
    }
    return pack(r + 0.5, g + 0.5, b + 0.5);
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function smooth(e0: number, e1: number, x: number): number {
  const t = clamp01((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

/** Piecewise-linear y(x) written into the columns the polyline spans. */
function fillColumns(table: Float32Array, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  const W = table.length;
  for (let i = 0; i + 1 < xs.length; i++) {
    let xa = xs[i]!, ya = ys[i]!, xb = xs[i + 1]!, yb = ys[i + 1]!;
    if (xb < xa) { [xa, xb] = [xb, xa]; [ya, yb] = [yb, ya]; }
    const c0 = Math.max(0, Math.floor(xa - 1)), c1 = Math.min(W - 1, Math.ceil(xb + 1));
    for (let c = c0; c <= c1; c++) {
      const t = xb - xa > 1e-6 ? clamp01((c + 0.5 - xa) / (xb - xa)) : 0.5;
      const y = ya + (yb - ya) * t;
      const prev = table[c]!;
      table[c] = prev !== prev ? y : (prev + y) / 2;
    }
  }
}
