// Figures for bench/openLowerLip.ts: a mouth's geometry over the eye-corner IOD, the centre column's
// colours from the upper lip to the chin, and real frames cut square around the face.
import { execFileSync } from 'node:child_process';
import type { RgbaImage } from '../src/types.ts';
import { ffmpegPath, ffprobePath } from '../src/io/ffmpeg.ts';

export type Lm = ArrayLike<ArrayLike<number>>;
const dist = (lm: Lm, a: number, b: number) => Math.hypot(lm[a]![0]! - lm[b]![0]!, lm[a]![1]! - lm[b]![1]!);

export interface Geometry { iod: number; gap: number; upper: number; lower: number; chin: number; width: number }

/** lip gap 13-14, upper lip 0-13, lower lip 14-17, chin 17-152, width 61-291, over the eye-corner IOD (33-263) */
export function geometry(lm: Lm): Geometry {
  const iod = dist(lm, 33, 263);
  return { iod, gap: dist(lm, 13, 14) / iod, upper: dist(lm, 0, 13) / iod, lower: dist(lm, 14, 17) / iod, chin: dist(lm, 17, 152) / iod, width: dist(lm, 61, 291) / iod };
}

export const fmtGeometry = (g: Geometry) => `gap ${g.gap.toFixed(3)} up ${g.upper.toFixed(3)} low ${g.lower.toFixed(3)} chin ${g.chin.toFixed(3)} w ${g.width.toFixed(3)}`;

/**
 * The column through the lips' middle (between 13/14 and 0/17), from the outer upper lip (0) to
 * past the outer lower lip (17), sampled in 12 steps of the 0-17 distance: luma/redness (R-G over
 * luma) per step, with marks where 13, 14 and 17 fall.
 */
export function centreColumn(d: ArrayLike<number>, width: number, lm: Lm): string {
  const x0 = lm[0]![0]!, y0 = lm[0]![1]!, x1 = lm[17]![0]!, y1 = lm[17]![1]!;
  const len = Math.hypot(x1 - x0, y1 - y0), ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  const at = (i: number) => ((lm[i]![0]! - x0) * ux + (lm[i]![1]! - y0) * uy) / len;
  const marks = [[13, at(13)], [14, at(14)], [17, 1]] as const;
  const cells: string[] = [];
  const STEPS = 14;
  for (let k = 0; k <= STEPS; k++) {
    const t = (k / (STEPS - 2)), x = Math.round(x0 + ux * t * len), y = Math.round(y0 + uy * t * len);
    const o = (y * width + x) * 4, l = 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
    const mark = marks.filter(([, m]) => Math.abs(m - t) < 0.5 / (STEPS - 2)).map(([i]) => `[${i}]`).join('');
    cells.push(`${mark}${Math.round(l)}/${((d[o]! - d[o + 1]!) / Math.max(1, l)).toFixed(2)}`);
  }
  return cells.join(' ');
}

/** Every `every`-th frame of a video between `from` and `to` seconds (RGBA, full frame). */
export function videoFramesAt(file: string, from: number, to: number, every: number): RgbaImage[] {
  const [w, h] = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',').map(Number) as [number, number];
  const raw = execFileSync(ffmpegPath(), ['-loglevel', 'error', '-ss', String(from), '-t', String(to - from), '-i', file, '-vf', `select=not(mod(n\\,${every}))`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
  const frames: RgbaImage[] = [];
  for (let o = 0; o + w * h * 4 <= raw.length; o += w * h * 4) frames.push(squareOf({ width: w, height: h, data: new Uint8ClampedArray(raw.subarray(o, o + w * h * 4)) } as RgbaImage));
  return frames;
}

/** The largest centred square of a frame (interiorStats takes square frames); the face is found again in it. */
function squareOf(img: RgbaImage): RgbaImage {
  const s = Math.min(img.width, img.height);
  if (img.width === img.height) return img;
  const left = (img.width - s) >> 1, top = Math.min(img.height - s, Math.max(0, Math.round(img.height * 0.1)));
  const data = new Uint8ClampedArray(s * s * 4);
  for (let y = 0; y < s; y++) data.set(img.data.subarray(((y + top) * img.width + left) * 4, ((y + top) * img.width + left + s) * 4), y * s * 4);
  return { width: s, height: s, data } as RgbaImage;
}

/**
 * The opening's middle (columns within `half` of the half-width of the lips' centre), cut into
 * `n` bands from the upper lip line down to the lower one (per column, the inner-lip mask's own
 * top and bottom): per band the share of teeth (over 1.05 of the skin's luma, pale), dark cavity
 * (under 0.35 of it) and lip-red surface (tongue or lip: bench/tongueFigures tongueLike's test).
 */
export function openingBands(d: ArrayLike<number>, size: number, lm: Lm, mask: Uint8Array, skin: number, lip: { l: number; red: number }, n = 4, half = 0.4): Band[] {
  const cx = (lm[13]![0]! + lm[14]![0]!) / 2, hw = Math.abs(lm[308]![0]! - lm[78]![0]!) / 2;
  const bands = Array.from({ length: n }, () => ({ t: 0, d: 0, r: 0, all: 0 }));
  for (let x = Math.round(cx - half * hw); x <= Math.round(cx + half * hw); x++) {
    let top = -1, bot = -1;
    for (let y = 0; y < size; y++) if (mask[y * size + x]) { if (top < 0) top = y; bot = y; }
    if (top < 0 || bot - top < 2) continue;
    for (let y = top; y <= bot; y++) {
      const o = (y * size + x) * 4, r = d[o]!, g = d[o + 1]!, b = d[o + 2]!, l = 0.299 * r + 0.587 * g + 0.114 * b;
      const mx = Math.max(r, g, b), mn = Math.min(r, g, b), k = Math.min(n - 1, Math.floor(((y - top + 0.5) / (bot - top + 1)) * n));
      const band = bands[k]!;
      band.all++;
      if (l > 1.05 * skin && mx - mn < 0.35 * mx) band.t++;
      else if (l < 0.35 * skin) band.d++;
      else if (l >= 0.3 * lip.l && l <= 1.25 * lip.l && (lip.red <= 0.1 || (r - g) / Math.max(1, l) >= 0.45 * lip.red)) band.r++;
    }
  }
  return bands.map((b) => ({ teeth: b.t / Math.max(1, b.all), dark: b.d / Math.max(1, b.all), red: b.r / Math.max(1, b.all) }));
}

export interface Band { teeth: number; dark: number; red: number }
const f2 = (v: number) => v.toFixed(2).replace(/^0/, '');
export const fmtBands = (bs: Band[]) => bs.map((b) => `T${f2(b.teeth)} D${f2(b.dark)} R${f2(b.red)}`).join(' | ');
/** per band, the median of each share over frames */
export function medianBands(all: Band[][]): Band[] {
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;
  return all[0] ? all[0].map((_, k) => ({ teeth: med(all.map((b) => b[k]!.teeth)), dark: med(all.map((b) => b[k]!.dark)), red: med(all.map((b) => b[k]!.red)) })) : [];
}

/** The frame at `seconds` of a video, its largest centred square (RGBA). */
export function videoFrameAt(file: string, seconds: number): RgbaImage {
  const [w, h] = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',').map(Number) as [number, number];
  const raw = execFileSync(ffmpegPath(), ['-loglevel', 'error', '-ss', String(seconds), '-i', file, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 28 });
  return squareOf({ width: w, height: h, data: new Uint8ClampedArray(raw.subarray(0, w * h * 4)) } as RgbaImage);
}
