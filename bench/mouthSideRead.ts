// asym43: a driver's one-sided mouth read from its cached track, in the canonical (pose-free) frame, per frame:
// the mouth's sideways shift, each side's corner height, upper-lip raise and lower-lip drop (IOD, + = image right / up),
// each against the clip's median. Driver side only (no render).
//   node --import tsx bench/mouthSideRead.ts [--fps 25] [--frames 56,64,120-136] lp_d6.mp4
import { cachedTrack } from './driverTracks.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { sideReadings } from '../src/motion/mouthSide.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const fps = Number(opt('--fps', '25'));
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const videos = args.filter((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--'));
const f2 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
for (const v of videos) {
  const raw = await cachedTrack(v, fps);
  const r = sideReadings(raw.map((f) => (f?.lm ? landmarkList(f.lm) : null)));
  console.log(`${v} @${fps}: frames ${raw.length}`);
  console.log('frame  shift  cornerL cornerR  upperL upperR  lowerL lowerR   yaw');
  const list = frames.length ? frames : raw.map((_f, i) => i).filter((i) => i % 5 === 0);
  for (const i of list) {
    const s = r[i];
    if (!s) { console.log(String(i).padStart(5), '-'); continue; }
    console.log(String(i).padStart(5), f2(s.shift), ' ', f2(s.corner[0]), f2(s.corner[1]), ' ', f2(s.upper[0]), f2(s.upper[1]), ' ', f2(s.lower[0]), f2(s.lower[1]), ' ', (raw[i]?.angles.yaw ?? NaN).toFixed(1));
  }
}
