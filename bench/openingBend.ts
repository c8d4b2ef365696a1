// The opening's bend from the mesh alone (s45 crescent45, #13: critic44's lp_s5 "sticker crescent"): per frame the
// upper inner line's middle (13) and the lower's (14) under the inner corners' chord (78-308), over the inner width,
// their mean (rowRimFigures.ts's `bend`), the gap and the inner width over IOD; on a driver's own frames (face mesh
// read back) and on each --root's mesh for a motion's frames (no render: fast). Never asserts.
//   node --import tsx bench/openingBend.ts --photo lp_s5.jpg --motion m.json --frames 32,40 [--video lp_d10.mp4] [--root before,after]
// s46 (angular46): --jaw .48 with --motion also prints each root's mesh at rest (every control 0, head level) and
// with jawOpen alone: where the photo's own seam puts the corners (lp_s7 / lp_s5: the seam's middle .03 IOD over the
// corners' chord, mt_man / st_happy .03 under it) and so how high in the opening the corners ride.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { driverPicks } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';

const opt = (n: string, d: string) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s5.jpg'), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '32').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
type L = ArrayLike<ArrayLike<number>>;
interface Bend { up: number; lo: number; mid: number; gap: number; width: number }

export function openingBend(lm: L): Bend {
  const x0 = Math.min(lm[78]![0]!, lm[308]![0]!), x1 = Math.max(lm[78]![0]!, lm[308]![0]!), w = Math.max(1, x1 - x0);
  const cy = 0.5 * (lm[78]![1]! + lm[308]![1]!), iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const up = (lm[13]![1]! - cy) / w, lo = (lm[14]![1]! - cy) / w;
  return { up, lo, mid: 0.5 * (up + lo), gap: Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod, width: w / iod };
}
const text = (b: Bend) => `upper ${b.up.toFixed(3)} lower ${b.lo.toFixed(3)} bend ${b.mid.toFixed(3)} | gap ${b.gap.toFixed(3)} width ${b.width.toFixed(3)} IOD`;
const mean = (bs: Bend[]): Bend => {
  const m = (k: keyof Bend) => bs.reduce((s, b) => s + b[k], 0) / Math.max(1, bs.length);
  return { up: m('up'), lo: m('lo'), mid: m('mid'), gap: m('gap'), width: m('width') };
};

if (video) {
  const bs: Bend[] = [];
  for await (const { k, lm } of driverPicks(video, picks)) if (lm) { const b = openingBend(lm); bs.push(b); console.log(`driver     f${k}: ${text(b)}`); }
  console.log(`mean driver     ${text(mean(bs))}`);
}
if (motionPath) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, 512), tag = path.basename(root).padEnd(10), bs: Bend[] = [];
    for (const i of picks) {
      const b = openingBend(r.landmarks(motion.frames[Math.min(motion.frames.length - 1, i)]!));
      bs.push(b);
      console.log(`${tag} f${i}: ${text(b)}`);
    }
    console.log(`mean ${tag} ${text(mean(bs))}`);
    const jaw = Number(opt('--jaw', 'NaN'));
    if (jaw === jaw) {
      const f0 = motion.frames[0]!, zero = Object.fromEntries(Object.keys(f0.w).map((k) => [k, 0]));
      const level = { ...f0, w: zero, pose: { ...f0.pose, pitch: 0, yaw: 0, roll: 0 } } as MotionFrame;
      console.log(`${tag} rest:      ${text(openingBend(r.landmarks(level)))}`);
      console.log(`${tag} jaw ${jaw.toFixed(2)}:  ${text(openingBend(r.landmarks({ ...level, w: { ...zero, jawOpen: jaw } } as MotionFrame)))}`);
    }
  }
}
