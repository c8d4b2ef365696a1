// What each driver's first usable frame looks like (issue #13/#14, startlook30): the start-frame controls that
// keepPhotoSmile reads (rig/mouthBase.ts), beside the photo's own fit of that frame (self-reenactment) and the clip's
// smile range, so a lopsided resting mouth (lp_d6) can be told from a real two-sided smile (Katie). Reads the track
// bench/mouthBoxFrames.ts caches in $REAL3D_CACHE/mouthbox (run it first for each clip).
//   node --import tsx bench/startLook.ts lp_d6 katie lp_d14 mt_sun lp_d0 lp_d10 lp_d11
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { startLook, cornersUp } from '../src/rig/startLook.ts';
import { startCornerLift } from '../src/motion/startCorners.ts';
import { photoFit } from './mouthBase.ts';

const CACHE = path.join(process.env.REAL3D_CACHE ?? '/tmp/real3d-cache', 'mouthbox');
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
const pair = (w: Record<string, number>, base: string) => `${f2(w[`${base}Left`])}/${f2(w[`${base}Right`])}`;

console.log('clip | start smile L/R | corner lift L/R (f0) | start corner lift (median 5) | smile? | photo fit smile L/R (bench photoFit, not the avatar\'s) | cheekSquint L/R | eyeSquint L/R | dimple L/R | stretch L/R | jaw | teeth | smile p10/p50/p90 (L;R) | two-sided share');
for (const clip of process.argv.slice(2)) {
  const stored = JSON.parse(await readFile(path.join(CACHE, `${clip}-5s-track.json`), 'utf8')) as any[];
  const raw = stored.map((r) => r && { ...r, lm: Float32Array.from(r.lm) }) as (RawFaceFrame | null)[];
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const first = raw.findIndex((r) => r);
  const w = frames[first]!.w;
  const photo = photoFit(landmarkList(raw[first]!.lm!)) as Record<string, number>;
  const q = (side: string, p: number) => {
    const s = frames.map((f) => f.w[`mouthSmile${side}`] ?? 0).sort((a, b) => a - b);
    return f2(s[Math.min(s.length - 1, Math.floor(p * s.length))]);
  };
  const look = startLook(w.mouthSmileLeft ?? 0, w.mouthSmileRight ?? 0);
  const m0 = raw[first]!.m, lift = startCornerLift(raw.filter((r): r is RawFaceFrame => !!r).map((r) => r.m));
  console.log([clip, pair(w, 'mouthSmile'), `${m0.cornerLiftLeft.toFixed(3)}/${m0.cornerLiftRight.toFixed(3)}`, lift.toFixed(3), cornersUp(lift) ? 'up' : 'not up', pair(photo, 'mouthSmile'), pair(w, 'cheekSquint'), pair(w, 'eyeSquint'), pair(w, 'mouthDimple'), pair(w, 'mouthStretch'),
    f2(w.jawOpen), f2(w.driverTeeth), `${q('Left', 0.1)}/${q('Left', 0.5)}/${q('Left', 0.9)}; ${q('Right', 0.1)}/${q('Right', 0.5)}/${q('Right', 0.9)}`, f2(look)].join(' | '));
}
