// Why a driver's lower row reads 0 (issue #13, s50 lowerrow50): per frame of a tracked driver (its cached track), the mouth
// at 4x beside the same crop with the middle box's pixels lowerTeeth.ts counts as lower teeth (cyan; green where the
// pale-tongue row drops them) and the pale-tongue row (red), and the figures: the track's lowerShow / depth, the lower
// row's show as read before s50 (dropped under the pale-tongue row), read through it (lowerTeeth.ts THROUGH_PALE), and the lower mass's figures (paleTongue.ts).
//   node --import tsx bench/lowerRowRead.ts --video lp_d11.mp4 --frames 76,98,165 [--out x.png]
// Never asserts.
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { isLowerToothPixel, lowerRowShow } from '../src/motion/lowerTeeth.ts';
import { lowerShowWithSides, lowerSideShow } from '../src/motion/lowerSide.ts';
import { forEachMiddlePixel, middleBox } from '../src/motion/mouthMiddle.ts';
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { lowerMass, paleTongueWeight } from '../src/motion/paleTongue.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', 'lp_d11.mp4'), fps = Number(opt('--fps', '25')), TILE = 160;
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const raw = await cachedTrack(video, fps, { cache: process.env.REAL3D_CACHE ?? '' });
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
const f2 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '--' : v.toFixed(3));
const wanted = new Map<number, RgbaImage>();
{
  let k = 0;
  for await (const img of decodeVideoFrames(file, { fps, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) { if (frames.includes(k)) wanted.set(k, img); k++; }
}
const rows: Buffer[] = [];
for (const f of frames) {
  const t = raw[f], img = wanted.get(f);
  if (!t?.lm || !img) { console.log(`f${f}: no face`); continue; }
  const lm = t.lm, box = middleBox(img, lm);
  if (!box) { console.log(`f${f}: shut`); continue; }
  const free = { ...box, tongueFrom: Infinity };
  const m = lowerMass(img, box.poly, (r, g, b) => isTeethPixel(r, g, b, box.lipLight, box.lipSat), box.lipLight);
  const now = lowerShowWithSides(lowerRowShow(img, box, undefined, false), lowerSideShow(img, box, undefined, false), t.teethDepth);
  const ign = lowerShowWithSides(lowerRowShow(img, free), lowerSideShow(img, free), t.teethDepth);
  const label = `f${f} gap ${f2(t.m.lipGap)} track low ${f2(t.lowerShow)} depth ${f2(t.teethDepth)} share ${f2(t.teethShare)} | pale-drop mid ${f2(lowerRowShow(img, box, undefined, false))} side ${f2(lowerSideShow(img, box, undefined, false))} -> ${f2(now)} | through mid ${f2(lowerRowShow(img, free))} side ${f2(lowerSideShow(img, free))} -> ${f2(ign)} | pale w ${f2(paleTongueWeight(m))} n ${m.lower} tex ${f2(m.texture)} sat ${f2(m.lowerSat)} up ${m.upper} ${f2(m.upperSat)} from ${Number.isFinite(box.tongueFrom) ? (box.tongueFrom - box.y0).toFixed(0) : '-'}/${box.y1 - box.y0}`;
  console.log(label);
  const over = Uint8ClampedArray.from(img.data), d = img.data;
  forEachMiddlePixel(box, img, (_q, i, tongue) => {
    if (isLowerToothPixel(d[i]!, d[i + 1]!, d[i + 2]!, box.lipLight, box.lipSat)) over.set(tongue ? [0, 255, 0] : [0, 255, 255], i);
    else if (tongue) over.set([255, 0, 0], i);
  });
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, cy = (lm[13 * 3 + 1]! + lm[14 * 3 + 1]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) * 0.7;
  const side = Math.round(2 * half), left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half / 2));
  const crop = async (data: Uint8ClampedArray) => sharp(Buffer.from(data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: Math.min(side, img.width - left), height: Math.min(Math.round(side / 2), img.height - top) }).resize(TILE * 2, TILE, { kernel: 'nearest' }).png().toBuffer();
  const svg = Buffer.from(`<svg width="${TILE * 4}" height="16"><rect width="100%" height="100%" fill="black"/><text x="4" y="12" fill="yellow" font-size="9">${label.replace(/[<>&]/g, ' ')}</text></svg>`);
  rows.push(await sharp({ create: { width: TILE * 4, height: TILE + 16, channels: 3, background: '#000' } })
    .composite([{ input: svg, left: 0, top: 0 }, { input: await crop(d as Uint8ClampedArray), left: 0, top: 16 }, { input: await crop(over), left: TILE * 2, top: 16 }]).png().toBuffer());
}
const out = opt('--out', '');
if (out && rows.length) {
  await sharp({ create: { width: TILE * 4, height: rows.length * (TILE + 20), channels: 3, background: '#222' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 20) }))).png().toFile(out);
  console.log(`wrote ${out}`);
}
