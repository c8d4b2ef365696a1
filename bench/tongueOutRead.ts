// What a driver's opening reads as a tongue out (issue #13, tongueread45): per frame of a tracked driver (its cached track),
// the mouth at 4x beside the middle box (mouthMiddle.ts) painted as driverCavity.ts openingMiddle reads it — lit (the tongue's
// run counts these: magenta), dark (blue), teeth (cyan), and the inner-lip contour (yellow) — and the readings the
// tongue-out share takes (motion/driverMouthReads.ts), with the lip gap in IOD and pixels.
//   node --import tsx bench/tongueOutRead.ts --video lp_d6.mp4 --fps 25 --frames 58,66,163 --out x.png
// (--video: a name in shared/data/video or a path). Never asserts.
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { DARK_OF_LIP } from '../src/motion/driverCavity.ts';
import { forEachMiddlePixel, middleBox } from '../src/motion/mouthMiddle.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { execFileSync } from 'node:child_process';
import { ffmpegPath, ffprobePath } from '../src/io/ffmpeg.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', 'lp_d6.mp4'), fps = Number(opt('--fps', '25')), TILE = 200;
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const raw = await cachedTrack(video, fps);
const motion = raw.map(() => ({ w: {} as Record<string, number>, mouthDark: undefined as number | undefined }));
withDriverMouthReads(motion as never, raw);
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
const f2 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '--' : v.toFixed(2));
const rows: Buffer[] = [];
/** the whole frame (openLowerLipFigures.ts videoFrameAt squares it: a tall video's landmarks then miss) */
function frameAt(file: string, seconds: number): RgbaImage {
  const [w, h] = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim().split(',').map(Number) as [number, number];
  const raw = execFileSync(ffmpegPath(), ['-loglevel', 'error', '-ss', String(seconds), '-i', file, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 28 });
  return { width: w, height: h, data: new Uint8ClampedArray(raw.subarray(0, w * h * 4)) } as RgbaImage;
}
/** the frame as the tracker read it (driverTracks.ts: maxSide 720), so the track's landmarks fall on it */
async function trackScale(img: RgbaImage): Promise<RgbaImage> {
  const k = 720 / Math.max(img.width, img.height);
  if (k >= 1) return img;
  const width = Math.round(img.width * k), height = Math.round(img.height * k);
  const data = await sharp(Buffer.from(img.data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } }).resize(width, height).raw().toBuffer();
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) } as RgbaImage;
}
for (const f of frames) {
  const t = raw[f];
  if (!t?.lm) { console.log(`f${f}: no face`); continue; }
  const img = await trackScale(frameAt(file, f / fps + 0.001)), lm = t.lm;
  const box = middleBox(img, lm), over = Uint8ClampedArray.from(img.data), d = img.data;
  if (box) forEachMiddlePixel(box, img, (_q, i, tongue) => {
    const l = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
    const kind = !tongue && isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, box.lipLight, box.lipSat) ? [0, 255, 255] : l < DARK_OF_LIP * box.lipLight ? [0, 0, 255] : [255, 0, 255];
    over.set(kind, i);
  });
  if (box) { const xs: number[] = []; for (let y = box.y0; y <= box.y1; y++) { rowCrossings(box.poly, y, xs); for (const x of xs) { const i = (y * img.width + Math.round(x)) * 4; over.set([255, 255, 0], i); } } }
  const iodPx = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!), w = motion[f]!.w;
  const label = `f${f} gap ${f2(t.m.lipGap)} (${(t.m.lipGap * iodPx).toFixed(0)}px) run ${f2(t.tongue)} cav ${f2(t.cavity)} teeth ${f2(t.teethShare)} | out ${f2(w.driverTongueOut)}`;
  console.log(`${label} | smoothed run ${f2(w.driverTongue)} cav ${f2(w.driverCavity)} teeth ${f2(w.driverTeeth)} under ${f2(w.driverUnder)} (raw ${f2(t.under)})`);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, cy = (lm[13 * 3 + 1]! + lm[14 * 3 + 1]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) * 0.7;
  const side = Math.round(2 * half), left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half / 2));
  const crop = async (data: Uint8ClampedArray) => sharp(Buffer.from(data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: Math.min(side, img.width - left), height: Math.min(Math.round(side / 2), img.height - top) }).resize(TILE * 2, TILE, { kernel: 'nearest' }).png().toBuffer();
  const svg = Buffer.from(`<svg width="${TILE * 4}" height="20"><rect width="100%" height="100%" fill="black"/><text x="4" y="15" fill="yellow" font-size="13">${path.basename(video)} ${label}</text></svg>`);
  rows.push(await sharp({ create: { width: TILE * 4, height: TILE + 20, channels: 3, background: '#000' } })
    .composite([{ input: svg, left: 0, top: 0 }, { input: await crop(img.data as Uint8ClampedArray), left: 0, top: 20 }, { input: await crop(over), left: TILE * 2, top: 20 }]).png().toBuffer());
}
const out = opt('--out', '');
if (out && rows.length) {
  await sharp({ create: { width: TILE * 4, height: rows.length * (TILE + 24), channels: 3, background: '#222' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 24) }))).png().toFile(out);
  console.log(`wrote ${out}`);
}
