// A side glance read off the picture, per eye (image-left | image-right), ours (a saved motion rendered as the product
// does) against the driver's frame (its cached track's landmarks): along the opening's middle row between the lids,
// the white level (p90), the iris's darkness (1 - the darkest 3-column mean over the white level), where the dark lies
// (darkness-weighted x, half widths from the corners' middle, + image right), the opening's middle height (px) and for
// ours the motion's gaze x, blink and squint of that eye. Never asserts.
//   node --import tsx bench/glanceRead.ts lp_s2.jpg m.motion.json lp_d0_cut.mp4 32,60 [--fps 25] [--zero eyeBlinkRight,eyeSquintRight]
// (the video "" for ours alone; the driver's frame is taken by time, so a 30 fps cut matches its 25 fps track)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { lineAt } from '../src/render/gazeCorner.ts';

const FFMPEG = path.join(process.cwd(), 'node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, motionPath, video, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FR = frameList!.split(',').map(Number);
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file!))), { width: 512, height: 512 });
const track = video ? await cachedTrack(video, Number(arg('--fps') ?? 25)) : [];
// image-left eye first: EYE_R (33-133), then EYE_L (263-362)
const EYES = [[EYE_R_UPPER, EYE_R_LOWER, 'Right'], [EYE_L_UPPER, EYE_L_LOWER, 'Left']] as const;

type Img = { width: number; height: number; data: Uint8Array | Uint8ClampedArray; ch: number };
function read(img: Img, lm: (i: number) => [number, number], upper: readonly number[], lower: readonly number[]): string {
  const up = upper.map(lm), lo = lower.map(lm);
  const xa = Math.min(up[0]![0], up.at(-1)![0]), xb = Math.max(up[0]![0], up.at(-1)![0]), mid = (xa + xb) / 2, half = (xb - xa) / 2;
  const cols: { x: number; l: number; h: number }[] = [];
  for (let x = Math.ceil(xa + 1); x <= xb - 1; x++) {
    const t = lineAt(up, x), b = lineAt(lo, x);
    if (!(b - t > 1)) continue;
    const y = (t + b) / 2, x0 = Math.floor(x), y0 = Math.floor(y - 0.5), fy = y - 0.5 - y0;
    const at = (yy: number) => { const o = (yy * img.width + x0) * img.ch; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
    cols.push({ x, l: (1 - fy) * at(y0) + fy * at(y0 + 1), h: b - t });
  }
  if (cols.length < 5) return 'shut';
  const ls = cols.map((c) => c.l).sort((a, b) => a - b), white = ls[Math.floor(0.9 * (ls.length - 1))]!;
  let darkest = Infinity, wsum = 0, xsum = 0;
  for (let k = 1; k < cols.length - 1; k++) darkest = Math.min(darkest, (cols[k - 1]!.l + cols[k]!.l + cols[k + 1]!.l) / 3);
  for (const c of cols) { const d = Math.max(0, white - c.l - 0.25 * (white - darkest)); wsum += d; xsum += d * c.x; }
  const hMid = cols[Math.floor(cols.length / 2)]!.h;
  // fill: at the darkest 3 columns, the share of the opening's height (between the lids) darker than half way
  // from the darkest to the white (s44 glance44: a faint iris is a dark band under the lid over a pale disc)
  let kd = 1;
  for (let k = 1; k < cols.length - 1; k++) if ((cols[k - 1]!.l + cols[k]!.l + cols[k + 1]!.l) / 3 === darkest) kd = k;
  let inside = 0, darkPx = 0;
  for (let k = kd - 1; k <= kd + 1; k++) {
    const x = cols[k]!.x, t = lineAt(up, x), b = lineAt(lo, x);
    for (let y = Math.ceil(t); y < b; y++) {
      const o = (y * img.width + Math.floor(x)) * img.ch;
      inside++; if (0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]! < (darkest + white) / 2) darkPx++;
    }
  }
  return `white ${white.toFixed(0)} iris dark ${(1 - darkest / white).toFixed(2)} at x ${wsum > 0 ? ((xsum / wsum - mid) / half).toFixed(2) : ' -- '} open ${hMid.toFixed(1)}px fill ${(darkPx / Math.max(1, inside)).toFixed(2)}`;
}
for (const f of FR) {
  // --zero a,b: those weights taken back to 0 (which lever hides the iris)
  const zero = Object.fromEntries((arg('--zero') ?? '').split(',').filter(Boolean).map((k) => [k, 0]));
  const fr = { ...frames[f]!, w: { ...frames[f]!.w, ...zero } };
  const img = r.render(fr), lms = r.landmarks(fr);
  const ours = EYES.map(([u, l, side]) => `${read({ ...img, ch: 4 }, (i) => [lms[i]![0], lms[i]![1]], u, l)} | blink ${fr.w[`eyeBlink${side}`]!.toFixed(2)} sq ${fr.w[`eyeSquint${side}`]!.toFixed(2)}`);
  console.log(`f${f} gaze ${fr.gaze?.[0]?.toFixed(2)} ours  L: ${ours[0]}  ||  R: ${ours[1]}`);
  const t = track[f];
  if (video && t?.lm) {
    const raw = execFileSync(FFMPEG, ['-loglevel', 'error', '-i', video, '-vf', `select=gte(t\\,${(f / Number(arg('--fps') ?? 25)).toFixed(4)})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 });
    const w = Math.round(Math.sqrt(raw.length / 3));
    const lm = (i: number): [number, number] => [t.lm![i * 3]!, t.lm![i * 3 + 1]!];
    const drv = EYES.map(([u, l]) => read({ width: w, height: raw.length / 3 / w, data: raw, ch: 3 }, lm, u, l));
    // the mesh's iris centre: half widths from the corners' middle
    const irisX = EYES.map(([u]) => {
      const a = lm(u[0]!), b = lm(u.at(-1)!), m = (a[0] + b[0]) / 2;
      const c = [lm(468), lm(473)].sort((p, q) => Math.abs(p[0] - m) - Math.abs(q[0] - m))[0]!; return ((c[0] - (a[0] + b[0]) / 2) / (Math.abs(b[0] - a[0]) / 2)).toFixed(2); });
    console.log(`      driver L: ${drv[0]} (mesh iris ${irisX[0]})  ||  R: ${drv[1]} (mesh iris ${irisX[1]})`);
  }
}
