// Why a driver's visible teeth read 0 (issue #13, teethread46): per frame of a tracked driver (its cached track), the mouth at
// 4x beside the same crop with the inner-lip contour's pixels painted as the tracker's teeth share reads them (mouthDark.ts
// teethShare: cyan = isTeethPixel) and as the soft-teeth read takes them (softTeeth.ts: green = only soft, white = both),
// with the lips' light and saturation, the opening's pixel figures (luma over the lips', saturation; p50/p90 of the opening's
// brightest quarter) and the shares old / soft / what the track carries.
//   node --import tsx bench/teethRead.ts --video lp_d6.mp4 --fps 25 --frames 58,66,163 --out x.png [--stats]
// (--video: a name in shared/data/video or a path). Never asserts.
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { isTeethPixel, lipReference, teethShare } from '../src/motion/mouthDark.ts';
import { softTeethRead } from '../src/motion/softTeeth.ts';
import { saturation } from '../src/math/colour.ts';
import { quantile } from '../src/math/stats.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', 'lp_d6.mp4'), fps = Number(opt('--fps', '25')), TILE = 200;
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
// (`--base-cache DIR`: that cache's newest track of the clip, e.g. one made before s46: this checkout's tracks carry the soft read)
const baseCache = opt('--base-cache', '');
const raw = await cachedTrack(video, fps, baseCache ? { cache: baseCache } : undefined);
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
const f2 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '--' : v.toFixed(2));
const rows: Buffer[] = [];
// the frames as the tracker decoded them (fromVideo.ts trackVideo: decodeVideoFrames at fps, maxSide 720), so its landmarks fall on them
const wanted = new Map<number, RgbaImage>();
{
  let k = 0;
  for await (const img of decodeVideoFrames(file, { fps, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) { if (frames.includes(k)) wanted.set(k, img); k++; }
}
for (const f of frames) {
  const t = raw[f];
  if (!t?.lm || !wanted.has(f)) { console.log(`f${f}: no face`); continue; }
  const img = wanted.get(f)!, lm = t.lm, d = img.data;
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const ref = lipReference(img, lm), soft = softTeethRead(img, lm);
  const over = Uint8ClampedArray.from(d), xs: number[] = [], Ls: number[] = [], Ss: number[] = [];
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x < Math.min(img.width, xs[k + 1]!); x++) {
        const i = (y * img.width + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
        Ls.push((0.299 * r + 0.587 * g + 0.114 * b) / ref.light); Ss.push(saturation(r, g, b));
        const a = isTeethPixel(r, g, b, ref.light, ref.sat), s = !!soft && x >= soft.x0 && y >= soft.y0 && x < soft.x0 + soft.w && y < soft.y0 + soft.h && soft.crest[(y - soft.y0) * soft.w + x - soft.x0] === 1;
        if (a || s) over.set(a && s ? [255, 255, 255] : a ? [0, 255, 255] : [0, 255, 0], i);
      }
    for (const x of xs) over.set([255, 255, 0], (y * img.width + Math.max(0, Math.min(img.width - 1, Math.round(x)))) * 4);
  }
  // the opening's brightest quarter: its luma over the lips' and its saturation
  const order = Ls.map((_, k) => k).sort((a, b) => Ls[b]! - Ls[a]!).slice(0, Math.max(1, Math.ceil(Ls.length / 4)));
  const bl = order.map((k) => Ls[k]!), bs = order.map((k) => Ss[k]!);
  const iodPx = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!);
  const label = `f${f} iod ${iodPx.toFixed(0)}px gap ${f2(t.m.lipGap)} n ${Ls.length} lip L ${ref.light.toFixed(0)} s ${f2(ref.sat)} | top L/lip ${f2(quantile(bl, 0.5))}/${f2(quantile(bl, 0.9))} s ${f2(quantile(bs, 0.5))} | min L/lip ${f2(Ls.length ? Math.min(...Ls) : NaN)} | teeth ${f2(teethShare(img, lm))} soft ${f2(soft?.share)} track ${f2(t.teethShare)}`;
  console.log(label);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, cy = (lm[13 * 3 + 1]! + lm[14 * 3 + 1]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) * 0.7;
  const side = Math.round(2 * half), left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half / 2));
  const crop = async (data: Uint8ClampedArray) => sharp(Buffer.from(data.buffer), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: Math.min(side, img.width - left), height: Math.min(Math.round(side / 2), img.height - top) }).resize(TILE * 2, TILE, { kernel: 'nearest' }).png().toBuffer();
  const svg = Buffer.from(`<svg width="${TILE * 4}" height="20"><rect width="100%" height="100%" fill="black"/><text x="4" y="15" fill="yellow" font-size="12">${path.basename(video)} ${label.replace(/[<>&]/g, ' ')}</text></svg>`);
  rows.push(await sharp({ create: { width: TILE * 4, height: TILE + 20, channels: 3, background: '#000' } })
    .composite([{ input: svg, left: 0, top: 0 }, { input: await crop(d as Uint8ClampedArray), left: 0, top: 20 }, { input: await crop(over), left: TILE * 2, top: 20 }]).png().toBuffer());
}
const out = opt('--out', '');
if (out && rows.length) {
  const per = Number(opt('--per', '12'));
  for (let s = 0; s < rows.length; s += per) {
    const part = rows.slice(s, s + per), name = rows.length > per ? out.replace(/\.png$/, `_${s / per}.png`) : out;
    await sharp({ create: { width: TILE * 4, height: part.length * (TILE + 24), channels: 3, background: '#222' } })
      .composite(part.map((input, q) => ({ input, left: 0, top: q * (TILE + 24) }))).png().toFile(name);
    console.log(`wrote ${name}`);
  }
}
