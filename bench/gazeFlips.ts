// Does the driver's gaze x flip side to side frame to frame, and is it the driver or a mis-read? (s49 gazeflip49)
// Per cached driver track (driverTracks.ts): the landmark gaze x (measures.ts eyeGazes, both eyes' mean, minus the
// clip's median like measuredChannels.ts), an independent pixel read of the same frames (the dark iris's
// centroid inside each eye's lid ellipse, relative to the corners), and the motion's smoothed gaze x
// (motionFramesFromRaw). Prints per track: frame-to-frame sign reversals (both sides past --min, default .15
// half eye widths; the motion's in its own unit past --min x 2) for each read, and frames where the landmark and
// pixel reads disagree in sign (a mis-read). `--from A --to B` a frame range; `--sheet out.png` eye crops 3x with
// both reads written on them; `--list` each frame's reads.
//   node --import tsx bench/gazeFlips.ts lp_d14.mp4 --fps 25 --from 150 --to 199 --sheet /tmp/d14.png
import path from 'node:path';
import { createRequire } from 'node:module';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { decodeVideoFrames } from '../src/io/decodeVideo.ts';
import { eyeGazes } from '../src/motion/measures.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import type { RgbaImage } from '../src/types.ts';

const sharp = createRequire(import.meta.url)('sharp');
const arg = (k: string, d?: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1]! : d; };
const fps = Number(arg('--fps', '25'));
const from = Number(arg('--from', '0'));
const to = Number(arg('--to', '1e9'));
const minMag = Number(arg('--min', '0.15'));
const sheet = arg('--sheet');
const VALUED = ['--fps', '--from', '--to', '--min', '--sheet'];
const args = process.argv.slice(2);
const videos = args.filter((a, k) => !a.startsWith('--') && !VALUED.includes(args[k - 1] ?? ''));

type Pt = [number, number];
const P = (lm: Float32Array, k: number): Pt => [lm[k * 3]!, lm[k * 3 + 1]!];

/** The dark iris's centroid x inside the lid ellipse of one eye, relative to the corners (1 = half the eye's width). */
export function pixelIrisX(img: RgbaImage, outer: Pt, inner: Pt, top: Pt, bottom: Pt): number | null {
  const cx = (outer[0] + inner[0]) / 2, cy = (top[1] + bottom[1]) / 2;
  const a = Math.abs(inner[0] - outer[0]) / 2 * 0.92, b = Math.max(1, Math.abs(bottom[1] - top[1]) / 2 * 0.7);
  const lum: number[] = [], xs: number[] = [];
  for (let y = Math.floor(cy - b); y <= Math.ceil(cy + b); y++) for (let x = Math.floor(cx - a); x <= Math.ceil(cx + a); x++) {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
    if (((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 > 1) continue;
    const o = (y * img.width + x) * 4;
    lum.push(0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!);
    xs.push(x);
  }
  if (lum.length < 12) return null;
  const sorted = [...lum].sort((p, q) => p - q);
  const lo = sorted[0]!, hi = sorted[Math.floor(sorted.length * 0.9)]!;
  const thr = lo + (hi - lo) * 0.35;
  let sw = 0, sx = 0;
  lum.forEach((l, k) => { if (l < thr) { const w = thr - l; sw += w; sx += w * xs[k]!; } });
  return sw > 0 ? (sx / sw - cx) / (Math.abs(inner[0] - outer[0]) / 2) : null;
}

const median = (v: number[]) => { const s = v.filter(Number.isFinite).sort((p, q) => p - q); return s.length ? s[Math.floor(s.length / 2)]! : 0; };

/** Frame pairs (i-1, i) whose values lie on opposite sides of 0, both at least `min` away: the second frame of each. */
function reversals(v: (number | null)[], lo: number, hi: number, min: number): number[] {
  const at: number[] = [];
  for (let i = Math.max(1, lo + 1); i <= hi; i++) { const p = v[i - 1], q = v[i]; if (p != null && q != null && Math.abs(p) >= min && Math.abs(q) >= min && Math.sign(p) !== Math.sign(q)) at.push(i); }
  return at;
}

/** Pearson r over the frames where both are read. */
function pearson(a: (number | null)[], b: (number | null)[]): number {
  const k = a.map((_v, i) => i).filter((i) => a[i] != null && b[i] != null);
  const ma = k.reduce((s, i) => s + a[i]!, 0) / k.length, mb = k.reduce((s, i) => s + b[i]!, 0) / k.length;
  let sab = 0, saa = 0, sbb = 0;
  for (const i of k) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
}

for (const video of videos) {
  const raw = await cachedTrack(video, fps);
  const hi = Math.min(raw.length - 1, to);
  const lmGaze = raw.map((r) => (r?.lm ? eyeGazes(Array.from({ length: r.lm.length / 3 }, (_, k) => [r.lm![k * 3]!, r.lm![k * 3 + 1]!, r.lm![k * 3 + 2]!]) as never) : null));
  const lmX0 = lmGaze.map((g) => (g ? (g[0][0] + g[1][0]) / 2 : null));
  const restLm = median(lmX0.filter((v): v is number => v != null));
  const lmX = lmX0.map((v) => (v == null ? null : v - restLm));
  const pxX0: (number | null)[] = new Array(raw.length).fill(null);
  const crops: { i: number; buf: Buffer }[] = [];
  let i = 0;
  for await (const img of decodeVideoFrames(path.resolve(SHARED_DATA, 'video', video), { fps, maxSide: 720 })) {
    const lm = raw[i]?.lm;
    // an eye less than .3 half-widths open shows too little iris for the pixel read (a blink)
    const open = (o: number, n: number, t: number, b: number) => lm && Math.abs(lm[b * 3 + 1]! - lm[t * 3 + 1]!) / (Math.abs(lm[n * 3]! - lm[o * 3]!) / 2 || 1) >= 0.3;
    if (lm && i >= from && i <= hi && open(263, 362, 386, 374) && open(33, 133, 159, 145)) {
      // renderer eye order: [image right (263/362 outer/inner, lids 386/374), image left (33/133, 159/145)]
      const r = pixelIrisX(img, P(lm, 263), P(lm, 362), P(lm, 386), P(lm, 374));
      const l = pixelIrisX(img, P(lm, 33), P(lm, 133), P(lm, 159), P(lm, 145));
      pxX0[i] = r != null && l != null ? (r + l) / 2 : r ?? l;
      if (sheet && crops.length < 60) {
        const xs = [33, 133, 263, 362].map((k) => lm[k * 3]!), ys = [159, 145, 386, 374].map((k) => lm[k * 3 + 1]!);
        const x0 = Math.max(0, Math.floor(Math.min(...xs) - 12)), x1 = Math.min(img.width, Math.ceil(Math.max(...xs) + 12));
        const yc = (Math.min(...ys) + Math.max(...ys)) / 2, h = 40;
        const y0 = Math.max(0, Math.round(yc - h / 2));
        const buf = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
          .extract({ left: x0, top: y0, width: x1 - x0, height: Math.min(h, img.height - y0) }).resize(Math.round((x1 - x0) * 3), h * 3, { kernel: 'nearest' }).png().toBuffer();
        crops.push({ i, buf });
      }
    }
    i++;
    if (i > hi) break;
  }
  const restPx = median(pxX0.filter((v): v is number => v != null));
  const pxX = pxX0.map((v) => (v == null ? null : v - restPx));
  const motion = motionFramesFromRaw(raw, fps, true).frames.map((f) => f.gaze[0]);
  // a landmark reversal the pixels do not make (their step under .1 or the other way) is a suspected mis-read
  const lmRev = reversals(lmX, from, hi, minMag);
  const unconfirmed = lmRev.filter((k) => { const p0 = pxX[k - 1], p1 = pxX[k]; return p0 != null && p1 != null && (Math.sign(p1 - p0) !== Math.sign(lmX[k]! - lmX[k - 1]!) || Math.abs(p1 - p0) < 0.1); });
  const frames = hi - Math.max(0, from) + 1;
  const lmOpen = lmX.map((v, k) => (pxX[k] == null ? null : v));
  console.log(`${video} ${fps} fps f${from}-${hi} (${frames}): reversals landmark ${lmRev.length} (open eyes ${reversals(lmOpen, from, hi, minMag).length}), pixel ${reversals(pxX, from, hi, minMag).length}, motion gx ${reversals(motion, from, hi, 2 * minMag).length}; landmark reversals the pixels do not make ${unconfirmed.length}${unconfirmed.length ? ` (f${unconfirmed.join(' f')})` : ''}; r(landmark, pixel) ${pearson(lmX.slice(from, hi + 1), pxX.slice(from, hi + 1)).toFixed(3)}`);
  if (process.argv.includes('--list')) for (let k = from; k <= hi; k++) console.log(`  f${k} lm ${lmX[k]?.toFixed(2)} px ${pxX[k]?.toFixed(2)} motion ${motion[k]?.toFixed(2)}`);
  if (sheet && crops.length) {
    const W = Math.max(...await Promise.all(crops.map(async (c) => (await sharp(c.buf).metadata()).width as number))), H = 120 + 22;
    const tiles = await Promise.all(crops.map(async ({ i: k, buf }) => {
      const label = `f${k} lm ${lmX[k]?.toFixed(2)} px ${pxX[k]?.toFixed(2)} mo ${motion[k]?.toFixed(2)}`;
      const svg = Buffer.from(`<svg width="${W}" height="22"><rect width="${W}" height="22" fill="black"/><text x="4" y="16" font-size="15" fill="yellow" font-family="sans-serif">${label}</text></svg>`);
      return sharp({ create: { width: W, height: H, channels: 3, background: '#222' } }).composite([{ input: svg, left: 0, top: 0 }, { input: buf, left: 0, top: 22 }]).png().toBuffer();
    }));
    const cols = 3, rows = Math.ceil(tiles.length / cols);
    await sharp({ create: { width: cols * W, height: rows * H, channels: 3, background: '#222' } })
      .composite(tiles.map((t, k) => ({ input: t, left: (k % cols) * W, top: Math.floor(k / cols) * H }))).png().toFile(sheet);
  }
}
