// Pure image kernels for the last step before encoding: backgrounds, paste-back into the full
// photo, and the side-by-side debug layout. Typed arrays only, no per-pixel objects.
import type { RgbaImage } from '../types.ts';
import { createImage } from '../io/image.ts';
import { InputError } from '../errors.ts';
import { smooth01 } from '../math/smooth.ts';

/** Parses "#rrggbb" (or "#rgb") into [r, g, b]; null when the text is not a colour. */
export function parseHexColour(text: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

export function solidImage(width: number, height: number, rgb: [number, number, number]): RgbaImage {
  const img = createImage(width, height);
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = rgb[0];
    img.data[i + 1] = rgb[1];
    img.data[i + 2] = rgb[2];
    img.data[i + 3] = 255;
  }
  return img;
}

/** Bilinear sample of `src` at (x, y) into out[o..o+3]; edges clamp. */
function sampleBilinear(src: RgbaImage, x: number, y: number, out: Float32Array): void {
  const w = src.width;
  const h = src.height;
  const x0 = Math.max(0, Math.min(w - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(h - 1, Math.floor(y)));
  const x1 = Math.min(w - 1, x0 + 1);
  const y1 = Math.min(h - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const d = src.data;
  const a = (y0 * w + x0) * 4;
  const b = (y0 * w + x1) * 4;
  const c = (y1 * w + x0) * 4;
  const e = (y1 * w + x1) * 4;
  for (let k = 0; k < 4; k++) {
    const top = d[a + k]! + (d[b + k]! - d[a + k]!) * fx;
    const bottom = d[c + k]! + (d[e + k]! - d[c + k]!) * fx;
    out[k] = top + (bottom - top) * fy;
  }
}

/**
 * Pastes `patch` (scaled to side x side) into `dest` at (x, y), blending with a feather of
 * `feather` pixels along the patch border so no seam shows. Parts outside dest are clipped.
 */
export function pasteFeathered(dest: RgbaImage, patch: RgbaImage, x: number, y: number, side: number, feather: number): void {
  const px = new Float32Array(4);
  const scale = patch.width / side;
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(dest.width, Math.ceil(x + side));
  const y1 = Math.min(dest.height, Math.ceil(y + side));
  for (let dy = y0; dy < y1; dy++) {
    const v = dy - y;
    for (let dx = x0; dx < x1; dx++) {
      const u = dx - x;
      // distance to the nearest patch edge that lies inside the destination (edges on the image border need no feather)
      let edge = Infinity;
      if (x > 0) edge = Math.min(edge, u);
      if (y > 0) edge = Math.min(edge, v);
      if (x + side < dest.width) edge = Math.min(edge, side - u);
      if (y + side < dest.height) edge = Math.min(edge, side - v);
      const weight = feather > 0 ? smooth01(edge / feather) : 1;
      if (weight <= 0) continue;
      sampleBilinear(patch, (u + 0.5) * scale - 0.5, (v + 0.5) * scale - 0.5, px);
      const o = (dy * dest.width + dx) * 4;
      const a = weight * (px[3]! / 255);
      for (let k = 0; k < 3; k++) dest.data[o + k] = dest.data[o + k]! + (px[k]! - dest.data[o + k]!) * a;
      dest.data[o + 3] = 255;
    }
  }
}

/** Scales `src` into `dest` at (x, y) with size w x h (bilinear), overwriting. */
export function drawScaled(dest: RgbaImage, src: RgbaImage, x: number, y: number, w: number, h: number): void {
  const px = new Float32Array(4);
  const sx = src.width / w;
  const sy = src.height / h;
  for (let j = 0; j < h; j++) {
    const dy = y + j;
    if (dy < 0 || dy >= dest.height) continue;
    for (let i = 0; i < w; i++) {
      const dx = x + i;
      if (dx < 0 || dx >= dest.width) continue;
      sampleBilinear(src, (i + 0.5) * sx - 0.5, (j + 0.5) * sy - 0.5, px);
      const o = (dy * dest.width + dx) * 4;
      dest.data[o] = px[0]!;
      dest.data[o + 1] = px[1]!;
      dest.data[o + 2] = px[2]!;
      dest.data[o + 3] = px[3]!;
    }
  }
}

/** Scales an image to cover a w x h frame (centre crop), as CSS background-size: cover. */
export function coverResize(src: RgbaImage, w: number, h: number): RgbaImage {
  const out = createImage(w, h);
  const scale = Math.max(w / src.width, h / src.height);
  const sw = src.width * scale;
  const sh = src.height * scale;
  drawScaled(out, src, Math.round((w - sw) / 2), Math.round((h - sh) / 2), Math.round(sw), Math.round(sh));
  return out;
}

/** Draws small filled dots (landmarks) onto an image. */
export function drawDots(img: RgbaImage, points: ArrayLike<readonly number[]>, rgb: [number, number, number], radius = 1): void {
  for (let p = 0; p < points.length; p++) {
    const cx = Math.round(points[p]![0]!);
    const cy = Math.round(points[p]![1]!);
    for (let y = cy - radius; y <= cy + radius; y++) {
      if (y < 0 || y >= img.height) continue;
      for (let x = cx - radius; x <= cx + radius; x++) {
        if (x < 0 || x >= img.width) continue;
        const o = (y * img.width + x) * 4;
        img.data[o] = rgb[0];
        img.data[o + 1] = rgb[1];
        img.data[o + 2] = rgb[2];
        img.data[o + 3] = 255;
      }
    }
  }
}

/** A strip plot of recent values of one series (the driving signal in debug mode), newest on the right. */
export function drawSeries(img: RgbaImage, values: ArrayLike<number>, current: number, rgb: [number, number, number]): void {
  const w = img.width;
  const h = img.height;
  const span = 100; // frames shown
  for (let x = 0; x < w; x++) {
    const f = Math.round(current - span / 2 + (x / w) * span);
    if (f < 0 || f >= values.length) continue;
    const v = Math.max(0, Math.min(1, values[f]!));
    const top = Math.round(h * 0.9 - v * h * 0.8);
    for (let y = top; y < h * 0.9; y++) {
      const o = (y * w + x) * 4;
      img.data[o] = rgb[0];
      img.data[o + 1] = rgb[1];
      img.data[o + 2] = rgb[2];
      img.data[o + 3] = 255;
    }
  }
  // the current frame: a white vertical line in the middle
  const mid = Math.round(w / 2);
  for (let y = 0; y < h; y++) {
    const o = (y * w + mid) * 4;
    img.data[o] = img.data[o + 1] = img.data[o + 2] = img.data[o + 3] = 255;
  }
}

/** The panels of debug mode placed side by side into one frame. */
export function sideBySide(panels: RgbaImage[], out: RgbaImage): void {
  const w = out.width / panels.length;
  panels.forEach((p, i) => drawScaled(out, p, Math.round(i * w), 0, Math.round(w), out.height));
}

/** Fails early when a background option cannot be used with the output container. */
export function assertBackgroundFits(bg: string, containerHasAlpha: boolean): void {
  if (bg === 'transparent' && !containerHasAlpha) {
    throw new InputError('--bg transparent needs an output that keeps alpha: name the output .webm (VP9) or .mov (ProRes 4444).');
  }
}

/**
 * The whole photo as the canvas for --crop full, scaled so that its longer side is --size (up or
 * down), both sides even (H.264 needs them): a 474x266 photo at --size 512 gives 512x288. The server's
 * work budget sizes crop=full jobs with it too.
 */
export function fullFrameSize(width: number, height: number, longSide: number): { width: number; height: number } {
  const fit = longSide / Math.max(width, height);
  const even = (v: number) => Math.max(2, Math.round(v / 2) * 2);
  return { width: even(width * fit), height: even(height * fit) };
}

