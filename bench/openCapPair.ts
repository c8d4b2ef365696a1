// s57 (stare57): a driven pair's named frames with openCap.ts's relative bound off and on — per frame the motion's
// eyeWide L/R, the driver's own opening over its clip median (face mesh, head frame, as bench/wideOpen.ts --drivers) and
// ours as drawn (the mesh, renderer.landmarks) over our rest frame, before | after; and a sheet: driver | before | after,
// the eyes 3x (top row) and the face 1x (bottom row) per frame. Never asserts.
//   node --import tsx bench/openCapPair.ts --portrait lp_s10.jpg --motion m.json --video lp_d10.mp4 --frames 5,64 --out x.png
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { toCanonical } from '../src/rig/canonical.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { openCapSetting } from '../src/render/openCap.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (n: string, d = '') => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const frames = opt('--frames').split(',').map(Number);
const video = opt('--video'), out = opt('--out');
const motion: MotionFrame[] = JSON.parse(readFileSync(opt('--motion'), 'utf8')).frames;
type P = ArrayLike<ArrayLike<number>>;
/** Both eyes' openings [rig left, rig right] in outer-corner distances along the eye line's normal (bench/wideOpen.ts). */
function openings(l: P): [number, number] {
  const ax = l[263]![0]! - l[33]![0]!, ay = l[263]![1]! - l[33]![1]!, iod2 = ax * ax + ay * ay;
  const v = (i: number) => (-l[i]![0]! * ay + l[i]![1]! * ax) / iod2;
  return [v(374) - v(386), v(145) - v(159)];
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };
const f2 = (v: number) => v.toFixed(2);

// the driver: face mesh in the head frame over the clip's median opening
const raw = await cachedTrack(video, 25);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l && l.length >= 478));
const drvOpen = (i: number) => {
  const lm = lms[i];
  if (!lm) return [NaN, NaN];
  const c = toCanonical(lm, fitRig(lm, { neutral, robust: true }));
  return openings(Array.from({ length: c.length / 3 }, (_, q) => [c[q * 3]!, c[q * 3 + 1]!]));
};
const all = lms.slice(0, 600).map((_l, i) => drvOpen(i)).filter((o) => Number.isFinite(o[0]));
const drvRest = [median(all.map((o) => o[0]!)), median(all.map((o) => o[1]!))];

// ours: one renderer, the setting off for the "before" calls (raiseCapper reads it per frame)
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait'))));
const rOn = createRenderer(avatar, { width: 512, height: 512 });
const off = <T>(fn: () => T): T => { const was = openCapSetting.on; openCapSetting.on = false; try { return fn(); } finally { openCapSetting.on = was; } };
const rOff = { landmarks: (m: MotionFrame) => off(() => rOn.landmarks(m)), render: (m: MotionFrame) => off(() => rOn.render(m)) };
const rest = openings(rOn.landmarks(rOn.neutralFrame()));
// the driver's frames as the tracker read them (bench/driverTracks.ts: long side 720)
const videoFrames = new Map<number, RgbaImage>();
let k = 0;
const videoFile = path.isAbsolute(video) ? video : path.join(process.env.REAL3D_DATA ?? '/work/shared/data', 'video', video);
for await (const f of decodeVideoFrames(videoFile, { fps: 25, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) {
  if (frames.includes(k)) videoFrames.set(k, { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) });
  k++;
}

/** A crop of `img` round landmarks `pts` (x0..x1 with `pad` of their span), resized to `w` px wide. */
async function crop(img: RgbaImage, pts: number[][], pad: number, w: number, aspect: number): Promise<Buffer> {
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const span = (Math.max(...xs) - Math.min(...xs)) * (1 + 2 * pad);
  const cw = Math.max(8, Math.round(span)), ch = Math.max(8, Math.round(span / aspect));
  const left = Math.max(0, Math.min(img.width - cw, Math.round(cx - cw / 2))), top = Math.max(0, Math.min(img.height - ch, Math.round(cy - ch / 2)));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: Math.min(cw, img.width - left), height: Math.min(ch, img.height - top) }).resize(w, Math.round(w / aspect), { kernel: 'nearest' }).png().toBuffer();
}
const EYES = [33, 133, 159, 145, 263, 362, 386, 374, 105, 334];
const FACE = [234, 454, 10, 152];
const CW = 330, tiles: OverlayOptions[] = [];
let y = 0;
for (const f of frames) {
  const m = motion[f]!;
  const d = drvOpen(f);
  const o0 = openings(rOff.landmarks(m)), o1 = openings(rOn.landmarks(m));
  console.log(`f${f} eyeWide ${f2(m.w.eyeWideLeft ?? 0)}/${f2(m.w.eyeWideRight ?? 0)} | driver ${f2(d[0]! / drvRest[0]!)}/${f2(d[1]! / drvRest[1]!)} | ours before ${f2(o0[0] / rest[0])}/${f2(o0[1] / rest[1])} after ${f2(o1[0] / rest[0])}/${f2(o1[1] / rest[1])}`);
  if (!out) continue;
  const vf = videoFrames.get(f)!, vl = lms[f]!;
  const copy = (i: RgbaImage): RgbaImage => ({ width: i.width, height: i.height, data: new Uint8ClampedArray(i.data) });
  const before = copy(rOff.render(m)), bl = rOff.landmarks(m), after = copy(rOn.render(m));
  const imgs: [RgbaImage, number[][]][] = [[vf, vl], [before, bl], [after, rOn.landmarks(m)]];
  for (let k = 0; k < 3; k++) {
    const [img, l] = imgs[k]!;
    tiles.push({ input: await crop(img, EYES.map((i) => l[i]!), 0.15, CW, 2.6), left: k * (CW + 4), top: y });
    tiles.push({ input: await crop(img, FACE.map((i) => l[i]!), 0.1, CW, 0.85), left: k * (CW + 4), top: y + Math.round(CW / 2.6) + 4 });
  }
  y += Math.round(CW / 2.6) + Math.round(CW / 0.85) + 12;
}
if (out) await sharp({ create: { width: 3 * (CW + 4), height: y, channels: 4, background: '#111' } }).composite(tiles).png().toFile(out);
