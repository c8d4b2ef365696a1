// The mouth region of a reenactment: a box around the REAL frame's lips (where the generated
// mouth must match), and the most open real frames kept as mouth close-ups (real beside ours).
import type { RgbaImage } from '../types.ts';
import type { Landmarks } from './metrics/landmarks.ts';
import { interOcular } from './metrics/landmarks.ts';
import { createImage } from '../io/image.ts';
import { drawScaled } from '../pipeline/layout.ts';

/** Outer lip contour (both lips, corner to corner). */
const LIPS_OUTER = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 146, 91, 181, 84, 17, 314, 405, 321, 375];

/** [x0, y0, x1, y1]: the lips' bounding box grown by `pad` mouth widths on every side. */
export type Box = [number, number, number, number];

export function lipBox(lm: Landmarks, pad = 0.2): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const i of LIPS_OUTER) {
    const p = lm[i]!;
    if (p[0]! < x0) x0 = p[0]!;
    if (p[0]! > x1) x1 = p[0]!;
    if (p[1]! < y0) y0 = p[1]!;
    if (p[1]! > y1) y1 = p[1]!;
  }
  const m = pad * (x1 - x0);
  return [x0 - m, y0 - m, x1 + m, y1 + m];
}

/** A width*height mask of the pixels whose centres are inside the box. */
export function boxMask(box: Box, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const x0 = Math.max(0, Math.ceil(box[0] - 0.5)), x1 = Math.min(width - 1, Math.floor(box[2] - 0.5));
  const y0 = Math.max(0, Math.ceil(box[1] - 0.5)), y1 = Math.min(height - 1, Math.floor(box[3] - 0.5));
  for (let y = y0; y <= y1; y++) if (x1 >= x0) mask.fill(1, y * width + x0, y * width + x1 + 1);
  return mask;
}

/** Inner-lip gap (13-14) over the inter-ocular distance. */
export function lipGap(lm: Landmarks): number {
  return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / (interOcular(lm) || 1);
}

/** A square `side` x `side` close-up of `img` around the box (its longer side, centred). */
export function closeUp(img: RgbaImage, box: Box, side: number): RgbaImage {
  const s = Math.max(box[2] - box[0], box[3] - box[1]);
  const cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2;
  // draw the whole image scaled so the box fills the tile, offset so the box is centred
  const k = side / s;
  const out = createImage(side, side);
  drawScaled(out, img, Math.round(side / 2 - cx * k), Math.round(side / 2 - cy * k), Math.round(img.width * k), Math.round(img.height * k));
  return out;
}

export interface OpenFrame {
  frame: number;
  gap: number;
  real: RgbaImage;
  generated: RgbaImage;
}

/**
 * Keeps the `count` most open frames, at least `spacing` frames apart (a held-open mouth would
 * otherwise fill the sheet with near-duplicates).
 */
export class MostOpenFrames {
  private readonly kept: OpenFrame[] = [];
  constructor(private readonly count: number, private readonly spacing: number) {}

  /** Whether a frame with this gap would be kept (so close-ups are only made when needed). */
  wants(frame: number, gap: number): boolean {
    const near = this.kept.find((k) => Math.abs(k.frame - frame) < this.spacing);
    if (near) return gap > near.gap;
    return this.kept.length < this.count || gap > this.kept[this.kept.length - 1]!.gap;
  }

  offer(f: OpenFrame): void {
    if (!this.wants(f.frame, f.gap)) return;
    const i = this.kept.findIndex((k) => Math.abs(k.frame - f.frame) < this.spacing);
    if (i >= 0) this.kept.splice(i, 1);
    this.kept.push(f);
    this.kept.sort((a, b) => b.gap - a.gap);
    if (this.kept.length > this.count) this.kept.length = this.count;
  }

  /** In frame order. */
  frames(): OpenFrame[] {
    return [...this.kept].sort((a, b) => a.frame - b.frame);
  }
}
