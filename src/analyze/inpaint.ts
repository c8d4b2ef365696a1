// Background plate: the crop with the person removed and the hole filled from the surrounding
// background: texture by exemplar synthesis (synthesis.ts), its shading matched to the real backdrop
// (plateShading.ts: border ring, broad membrane, and near the border on plain walls, where copied
// ramps drew a ghost outline of the person). No person colour survives: the hole covers the soft
// matte edge with margin.
import type { RgbaImage, GrayImage } from '../types.ts';
import { boxBlur, dilate } from './raster.ts';
import { mulberry32 } from '../math/random.ts';
import { synthesize } from './synthesis.ts';
import { seamCorrect, broadShadingFromMembrane, borderShadingFromMembrane } from './plateShading.ts';
import { backdropMembrane, nearBackdropGuide } from './plateGuide.ts';
import { backdropMargin } from './backdropMargin.ts';

export { seamCorrect, broadShadingFromMembrane, borderShadingFromMembrane };

export interface InpaintOptions {
  /** matte above this counts as person before dilation */
  threshold?: number;
  /** dilation radius in pixels (default ~1.6% of the side + 2) */
  margin?: number;
  seed?: number;
  /** 1 = pixel invented (past the photo's edges): never copied from */
  invented?: Uint8Array;
  /** steer the fill to sources of the broad colour of the backdrop right around the hole (plateGuide.ts); default on */
  nearBackdrop?: boolean;
  /** 1 = never copied from (text and watermark strokes, thinStrokes.ts); absent = none */
  keepOut?: Uint8Array;
  /** from this row down (the chin's), the hole's margin the photo shows as plain backdrop stays the photo's (backdropMargin.ts); absent = none kept */
  backdropFromRow?: number;
}

/** Person hole: matte above the threshold, dilated. */
export function personHole(matte: GrayImage, opts: InpaintOptions = {}): Uint8Array {
  const { width, height } = matte;
  const mask = new Uint8Array(width * height);
  const threshold = opts.threshold ?? 0.02;
  for (let i = 0; i < mask.length; i++) mask[i] = matte.data[i]! > threshold ? 1 : 0;
  const margin = opts.margin ?? Math.round(Math.max(width, height) * 0.016) + 2;
  return dilate(mask, width, height, margin);
}

/**
 * The background plate: the person's hole filled by exemplar synthesis (synthesis.ts) from the
 * real background only (never from `invented` pixels, the crop past the photo's edges), with a
 * weak preference for sources at the same height so sky stays up and floor down.
 */
export function inpaintBackground(img: RgbaImage, matte: GrayImage, opts: InpaintOptions = {}): RgbaImage {
  const hole = personHole(matte, opts);
  // the margin the photo shows as plain backdrop stays the photo's (backdropMargin.ts: lp_s11's thin green strip by the shoulders)
  if (opts.backdropFromRow !== undefined) {
    const blocked = opts.invented || opts.keepOut ? Uint8Array.from(hole, (_, i) => (opts.invented?.[i] || opts.keepOut?.[i] ? 1 : 0)) : undefined;
    const kept = backdropMargin(img, matte, hole, opts.threshold ?? 0.02, opts.backdropFromRow, blocked);
    for (let i = 0; i < hole.length; i++) if (kept[i]) hole[i] = 0;
  }
  // sources keep clear of the hole: the matte often misses a sliver of the person near its edge
  const nearHole = dilate(hole, img.width, img.height, Math.round(img.width / 80));
  const source = new Uint8Array(hole.length);
  for (let i = 0; i < hole.length; i++) source[i] = nearHole[i] || opts.invented?.[i] || opts.keepOut?.[i] ? 0 : 1;
  const known = Uint8Array.from(hole, (v, i) => (v || opts.invented?.[i] ? 0 : 1));
  // the membrane's border values include the invented padding outside the hole: the viewer sees it
  // beside the fill, so the fill must meet it (st_happy: a step at the hole's edge drew a dark patch)
  const backdrop = opts.nearBackdrop === false ? null : backdropMembrane(img, Uint8Array.from(hole, (v) => 1 - v));
  const guide = (backdrop && nearBackdropGuide(img, hole, known, backdrop)) || undefined;
  const colour = synthesize({ width: img.width, height: img.height, colour: toColour(img), hole, source, guide, guideChannels: guide ? 3 : undefined }, { seed: opts.seed ?? 1, positionWeight: 0.15 });
  seamCorrect(colour, img, hole);
  const membrane = backdrop ?? toColour(fillHole(img, hole, opts.seed ?? 1, false));
  broadShadingFromMembrane(colour, img, hole, hole, source, opts.seed ?? 1, membrane);
  borderShadingFromMembrane(colour, img, hole, source, membrane);
  return fromColour(colour, img.width, img.height);
}

/** Fills the pixels where hole[i] = 1 from the rest of the image (push-pull pyramid + matched grain). */
export function fillHole(img: RgbaImage, hole: Uint8Array, seed = 1, withDetail = true): RgbaImage {
  const { width, height } = img;
  const n = width * height;
  const out: RgbaImage = { width, height, data: new Uint8ClampedArray(img.data) };
  const base = knownColour(img, hole);
  if (!base) {
    // nothing but person: a neutral grey plate
    for (let i = 0; i < n; i++) out.data.set([128, 128, 128, 255], i * 4);
    return out;
  }
  const levels = pullPyramid(base);
  pushPyramid(levels);
  const detail = withDetail ? borrowedDetail(img, hole, seed) : new Float32Array(n * 3);
  const fill = levels[0]!;
  for (let i = 0; i < n; i++) {
    if (!hole[i]) continue;
    out.data[i * 4] = fill.r[i]! + detail[i * 3]!;
    out.data[i * 4 + 1] = fill.g[i]! + detail[i * 3 + 1]!;
    out.data[i * 4 + 2] = fill.b[i]! + detail[i * 3 + 2]!;
    out.data[i * 4 + 3] = 255;
  }
  return out;
}

/** One level of the push-pull pyramid: colour planes and how much of each pixel is known (0..1). */
interface PyramidLevel {
  w: Float32Array;
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
  width: number;
  height: number;
}

/** Level 0: the known pixels' colour with weight 1, the hole's weight 0; null when nothing is known. */
function knownColour(img: RgbaImage, hole: Uint8Array): PyramidLevel | null {
  const { width, height } = img;
  const n = width * height;
  const w = new Float32Array(n);
  const r = new Float32Array(n), g = new Float32Array(n), b = new Float32Array(n);
  let known = 0;
  for (let i = 0; i < n; i++) {
    if (hole[i]) continue;
    known++;
    w[i] = 1;
    r[i] = img.data[i * 4]!;
    g[i] = img.data[i * 4 + 1]!;
    b[i] = img.data[i * 4 + 2]!;
  }
  return known === 0 ? null : { w, r, g, b, width, height };
}

/** Pull: halve until tiny, averaging known colour (weights saturate at 1). */
function pullPyramid(base: PyramidLevel): PyramidLevel[] {
  const levels: PyramidLevel[] = [base];
  while (levels[levels.length - 1]!.width > 2 || levels[levels.length - 1]!.height > 2) {
    const p = levels[levels.length - 1]!;
    const cw = Math.max(1, Math.ceil(p.width / 2)), ch = Math.max(1, Math.ceil(p.height / 2));
    const lw = new Float32Array(cw * ch), lr = new Float32Array(cw * ch), lg = new Float32Array(cw * ch), lb = new Float32Array(cw * ch);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        let sw = 0, sr = 0, sg = 0, sb = 0;
        for (let k = 0; k < 4; k++) {
          const px = Math.min(p.width - 1, x * 2 + (k & 1)), py = Math.min(p.height - 1, y * 2 + (k >> 1));
          const j = py * p.width + px;
          const wj = p.w[j]!;
          sw += wj;
          sr += p.r[j]! * wj;
          sg += p.g[j]! * wj;
          sb += p.b[j]! * wj;
        }
        const i = y * cw + x;
        if (sw > 0) {
          lr[i] = sr / sw;
          lg[i] = sg / sw;
          lb[i] = sb / sw;
        }
        lw[i] = Math.min(1, sw);
      }
    }
    levels.push({ w: lw, r: lr, g: lg, b: lb, width: cw, height: ch });
  }
  return levels;
}

/** Push: fill each level's gaps, finest last, from the (bilinearly upsampled) coarser level, in place. */
function pushPyramid(levels: PyramidLevel[]): void {
  for (let k = levels.length - 2; k >= 0; k--) {
    const fine = levels[k]!, coarse = levels[k + 1]!;
    for (let y = 0; y < fine.height; y++) {
      const cy = Math.min(coarse.height - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
      const y0 = Math.floor(cy), y1 = Math.min(coarse.height - 1, y0 + 1), fy = cy - y0;
      for (let x = 0; x < fine.width; x++) {
        const i = y * fine.width + x;
        const a = fine.w[i]!;
        if (a >= 1) continue;
        const cx = Math.min(coarse.width - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
        const x0 = Math.floor(cx), x1 = Math.min(coarse.width - 1, x0 + 1), fx = cx - x0;
        const j00 = y0 * coarse.width + x0, j01 = y0 * coarse.width + x1, j10 = y1 * coarse.width + x0, j11 = y1 * coarse.width + x1;
        const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
        const ur = coarse.r[j00]! * w00 + coarse.r[j01]! * w01 + coarse.r[j10]! * w10 + coarse.r[j11]! * w11;
        const ug = coarse.g[j00]! * w00 + coarse.g[j01]! * w01 + coarse.g[j10]! * w10 + coarse.g[j11]! * w11;
        const ub = coarse.b[j00]! * w00 + coarse.b[j01]! * w01 + coarse.b[j10]! * w10 + coarse.b[j11]! * w11;
        fine.r[i] = fine.r[i]! * a + ur * (1 - a);
        fine.g[i] = fine.g[i]! * a + ug * (1 - a);
        fine.b[i] = fine.b[i]! * a + ub * (1 - a);
        fine.w[i] = 1;
      }
    }
  }
}

/**
 * Texture for the hole: the fine detail (image minus its blur) of real background, copied block by
 * block from randomly chosen fully-known blocks, preferring nearby ones. A smooth fill plus real
 * detail reads as background; a smooth fill alone reads as a smudge, and synthetic noise as grain.
 */
function borrowedDetail(img: RgbaImage, hole: Uint8Array, seed: number): Float32Array {
  const { width, height } = img;
  const n = width * height;
  const detail = new Float32Array(n * 3);
  const block = Math.max(8, Math.round(Math.max(width, height) / 16));
  const highPass = highPassPlanes(img);
  // the blur reaches 3 px: source blocks stay clear of the hole by 4
  const nearHole = dilate(hole, width, height, 4);
  const sources = clearBlocks(nearHole, width, height, block);
  if (sources.length === 0) return detail;
  // Clip the borrowed detail to the typical texture amplitude (1.5x the robust deviation of the
  // background's detail), so copied blocks carry grain and weave but no edges of objects.
  const limits = highPass.map((plane) => {
    const sample: number[] = [];
    for (let i = 0; i < n; i += 7) if (!nearHole[i]) sample.push(Math.abs(plane[i]!));
    sample.sort((a, b) => a - b);
    return 1.5 * 1.4826 * (sample[sample.length >> 1] ?? 0);
  });
  const random = mulberry32(seed >>> 0 || 1);
  for (let by = 0; by < height; by += block) {
    for (let bx = 0; bx < width; bx += block) {
      let any = false;
      for (let y = by; y < Math.min(height, by + block) && !any; y++) for (let x = bx; x < Math.min(width, bx + block); x++) if (hole[y * width + x]) { any = true; break; }
      if (!any) continue;
      // the nearest of a few random candidates
      let sx = 0, sy = 0, best = Infinity;
      for (let k = 0; k < 6; k++) {
        const j = Math.floor(random() * (sources.length / 2)) * 2;
        const d = Math.hypot(sources[j]! - bx, sources[j + 1]! - by);
        if (d < best) { best = d; sx = sources[j]!; sy = sources[j + 1]!; }
      }
      for (let y = by; y < Math.min(height, by + block); y++) {
        for (let x = bx; x < Math.min(width, bx + block); x++) {
          const i = y * width + x;
          if (!hole[i]) continue;
          const j = (sy + y - by) * width + (sx + x - bx);
          for (let c = 0; c < 3; c++) detail[i * 3 + c] = Math.max(-limits[c]!, Math.min(limits[c]!, highPass[c]![j]!));
        }
      }
    }
  }
  return detail;
}

/** Each colour channel minus its 2-px box blur: the image's fine detail. */
function highPassPlanes(img: RgbaImage): Float32Array[] {
  const { width, height } = img;
  const n = width * height;
  const planes: Float32Array[] = [];
  for (let c = 0; c < 3; c++) {
    const plane = new Float32Array(n);
    for (let i = 0; i < n; i++) plane[i] = img.data[i * 4 + c]!;
    const smooth = boxBlur(plane, width, height, 2);
    for (let i = 0; i < n; i++) plane[i] = plane[i]! - smooth[i]!;
    planes.push(plane);
  }
  return planes;
}

/** Top-left corners (x, y pairs) of block-sized squares on a half-block grid with no `blocked` pixel. */
function clearBlocks(blocked: Uint8Array, width: number, height: number, block: number): number[] {
  const table = new Float64Array((width + 1) * (height + 1)); // summed-area table of blocked pixels
  const sat = (x: number, y: number) => table[y * (width + 1) + x]!;
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += blocked[y * width + x]!;
      table[(y + 1) * (width + 1) + x + 1] = sat(x + 1, y) + row;
    }
  }
  const corners: number[] = [];
  const step = Math.max(2, block >> 1);
  for (let y = 0; y + block <= height; y += step) {
    for (let x = 0; x + block <= width; x += step) {
      if (sat(x + block, y + block) - sat(x, y + block) - sat(x + block, y) + sat(x, y) === 0) corners.push(x, y);
    }
  }
  return corners;
}

/** RGBA bytes -> RGB floats. */
export function toColour(img: RgbaImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) out[i * 3 + c] = img.data[i * 4 + c]!;
  return out;
}

/** RGB floats -> opaque RGBA bytes. */
export function fromColour(colour: Float32Array, width: number, height: number): RgbaImage {
  const n = width * height;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) { for (let c = 0; c < 3; c++) data[i * 4 + c] = colour[i * 3 + c]!; data[i * 4 + 3] = 255; }
  return { width, height, data };
}
