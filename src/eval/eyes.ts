// Eye measures read back from a face mesh (real or rendered): how open each eye is, and crops of
// the eye region for zoomed sheets. Used by the blink read-back (bench/blink.ts, test/eyes.test.ts).
import type { RgbaImage } from '../types.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../rig/topology.ts';

type Landmarks = ArrayLike<ArrayLike<number>>;

/**
 * Opening of one eye: the mean gap between the three middle upper/lower lid pairs over the
 * corner-to-corner width (a shut eye reads about 0.03-0.08 on the face mesh, an open one 0.25-0.4).
 */
function opening(lm: Landmarks, upper: number[], lower: number[]): number {
  const p = (i: number) => lm[i]!;
  const c0 = p(upper[0]!), c1 = p(upper[upper.length - 1]!);
  const width = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!) || 1;
  let gap = 0;
  for (const q of [3, 4, 5]) {
    const u = p(upper[q]!), l = p(lower[q]!);
    gap += Math.hypot(l[0]! - u[0]!, l[1]! - u[1]!);
  }
  return gap / 3 / width;
}

/** Opening of the image-right eye (subject's left) and image-left eye (subject's right). */
export function eyeOpenings(lm: Landmarks): { left: number; right: number } {
  return { left: opening(lm, EYE_L_UPPER, EYE_L_LOWER), right: opening(lm, EYE_R_UPPER, EYE_R_LOWER) };
}

/** Distance from point p to the segment a-b. */
function pointSegment(p: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): number {
  const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
  return Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
}

/** Distance from point p to the polyline through `ids` of lm. */
function pointPolyline(lm: Landmarks, p: ArrayLike<number>, ids: number[]): number {
  let best = Infinity;
  for (let k = 0; k + 1 < ids.length; k++) best = Math.min(best, pointSegment(p, lm[ids[k]!]!, lm[ids[k + 1]!]!));
  return best;
}

/**
 * Lid gap of one eye that ignores how the mesh spaces its points ALONG the lids: the mean distance
 * from each of the three middle lower-lid points to the upper lid's polyline, and from each middle
 * upper-lid point to the lower lid's polyline, over the corner-to-corner width. On an open eye it
 * is about the pair measure (`opening`); on a shut eye whose paired points slid apart along the
 * lash line (both lids on one line) it reads the gap across the line, near zero.
 */
function lidGap(lm: Landmarks, upper: number[], lower: number[]): number {
  const c0 = lm[upper[0]!]!, c1 = lm[upper[upper.length - 1]!]!;
  const width = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!) || 1;
  let gap = 0;
  for (const q of [3, 4, 5]) gap += pointPolyline(lm, lm[lower[q]!]!, upper) + pointPolyline(lm, lm[upper[q]!]!, lower);
  return gap / 6 / width;
}

/** The sliding-robust lid gap (`lidGap`) of the image-right eye (subject's left) and the image-left eye. */
export function eyeLidGaps(lm: Landmarks): { left: number; right: number } {
  return { left: lidGap(lm, EYE_L_UPPER, EYE_L_LOWER), right: lidGap(lm, EYE_R_UPPER, EYE_R_LOWER) };
}

/** Bounding box [x, y, w, h] of both eyes and brows, padded, clamped to the image. */
export function eyeRegion(lm: Landmarks, width: number, height: number): [number, number, number, number] {
  const ids = [33, 133, 263, 362, 70, 300, 105, 334, 145, 374, 46, 276];
  const xs = ids.map((i) => lm[i]![0]!), ys = ids.map((i) => lm[i]![1]!);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const pw = (x1 - x0) * 0.12, ph = (y1 - y0) * 0.35;
  const x = Math.max(0, Math.floor(x0 - pw)), y = Math.max(0, Math.floor(y0 - ph));
  return [x, y, Math.min(width - x, Math.ceil(x1 - x0 + 2 * pw)), Math.min(height - y, Math.ceil(y1 - y0 + 2 * ph))];
}

/** Marks the lid contours of `lm` on a copy of `img` (upper lid green, lower lid red), for looking at what the face mesh read. */
export function markLids(img: RgbaImage, lm: Landmarks): RgbaImage {
  const out: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  const dot = (x: number, y: number, rgb: [number, number, number]) => {
    const xi = Math.round(x), yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return;
    const o = (yi * img.width + xi) * 4;
    out.data[o] = rgb[0]; out.data[o + 1] = rgb[1]; out.data[o + 2] = rgb[2]; out.data[o + 3] = 255;
  };
  for (const [ids, rgb] of [[[...EYE_L_UPPER, ...EYE_R_UPPER], [0, 255, 0]], [[...EYE_L_LOWER, ...EYE_R_LOWER], [255, 0, 0]]] as const) {
    for (const i of ids) dot(lm[i]![0]!, lm[i]![1]!, rgb as unknown as [number, number, number]);
  }
  return out;
}

/** Square box [x, y, side, side] around points, `pad` times their larger extent, kept inside a w x h image (for zoomed crops). */
export function squareBox(pts: ArrayLike<number>[], pad: number, w: number, h: number): [number, number, number, number] {
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const side = Math.min(w, h, Math.round(pad * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return [Math.max(0, Math.min(w - side, Math.round(cx - side / 2))), Math.max(0, Math.min(h - side, Math.round(cy - side / 2))), side, side];
}

/** A copy of a rectangle of an image. */
export function cropImage(img: RgbaImage, [x, y, w, h]: [number, number, number, number]): RgbaImage {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let r = 0; r < h; r++) out.set(img.data.subarray(((y + r) * img.width + x) * 4, ((y + r) * img.width + x + w) * 4), r * w * 4);
  return { width: w, height: h, data: out };
}

export interface GridCell { label: string; image: RgbaImage }

/**
 * A labelled grid PNG: rows of cells, every image scaled to cellW x cellH (nearest-neighbour when
 * enlarging, so zoomed pixels stay honest).
 */
export async function labelledGrid(rows: GridCell[][], opts: { title: string; cellW: number; cellH: number; rowLabels?: string[]; fill?: boolean }): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const labelW = opts.rowLabels ? 110 : 0, head = 30, capH = 16, gap = 4;
  const cols = Math.max(...rows.map((r) => r.length));
  const width = labelW + cols * (opts.cellW + gap);
  const height = head + rows.length * (opts.cellH + capH + gap);
  const layers: import('sharp').OverlayOptions[] = [];
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
  const texts = [`<text x="6" y="20" font-size="15" font-family="sans-serif" fill="#fff">${esc(opts.title)}</text>`];
  for (let r = 0; r < rows.length; r++) {
    const top = head + r * (opts.cellH + capH + gap);
    if (opts.rowLabels) texts.push(`<text x="4" y="${top + opts.cellH / 2}" font-size="12" font-family="sans-serif" fill="#fff">${esc(opts.rowLabels[r] ?? '')}</text>`);
    for (let c = 0; c < rows[r]!.length; c++) {
      const cell = rows[r]![c]!;
      const left = labelW + c * (opts.cellW + gap);
      const png = await sharp(Buffer.from(cell.image.data.buffer, cell.image.data.byteOffset, cell.image.data.byteLength), { raw: { width: cell.image.width, height: cell.image.height, channels: 4 } })
        .resize(opts.cellW, opts.cellH, { fit: opts.fill ? 'fill' : 'contain', kernel: 'nearest', background: { r: 0, g: 0, b: 0, alpha: 1 } }).png().toBuffer();
      layers.push({ input: png, left, top });
      texts.push(`<text x="${left + 2}" y="${top + opts.cellH + 12}" font-size="11" font-family="sans-serif" fill="#ccc">${esc(cell.label)}</text>`);
    }
  }
  layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${texts.join('')}</svg>`), left: 0, top: 0 });
  return sharp({ create: { width, height, channels: 4, background: { r: 24, g: 24, b: 30, alpha: 1 } } }).composite(layers).png().toBuffer();
}
