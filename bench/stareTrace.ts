// s55 (stare55): per frame, each eye's eyeWide with the video path's stare rules as they are and with each one
// turned off, beside the driver's readings (mesh show above the iris, the pixels' white, each eye's opening over
// its median): which rule makes a wide eye the video does not show. Weights only, never asserts.
//   node --import tsx bench/stareTrace.ts /path/clip.mp4 115 140 [--fps 25]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { faceMeasures } from '../src/motion/measures.ts';

const [video, a, b] = process.argv.slice(2);
const fi = process.argv.indexOf('--fps');
const FPS = fi > 0 ? Number(process.argv[fi + 1]) : 25;
const from = Number(a), to = Number(b);
const raw = await cachedTrack(video!, FPS);
const OFF = ['wideShowLesser', 'wideFromShow', 'twoEyedStare', 'oneEyedStare', 'stareOverMedian', 'stareFromWhite', 'wideShowCap', 'wideWithinOpening', 'farEyeAsNear'];
const runs: [string, ReturnType<typeof motionFramesFromRaw>['frames']][] = [['all', motionFramesFromRaw(raw, FPS, true, {}).frames]];
for (const k of OFF) runs.push([`-${k}`, motionFramesFromRaw(raw, FPS, true, { fit: { [k]: false } }).frames]);
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '  -');
const opens = raw.map((f) => (f?.lm ? (({ eyeLeft, eyeRight }) => [eyeLeft, eyeRight])(faceMeasures(landmarkList(f.lm))) : [NaN, NaN]));
const med = [0, 1].map((e) => { const s = opens.map((o) => o[e]!).filter(Number.isFinite).sort((x, y) => x - y); return s[s.length >> 1]!; });
console.log('f | show L/R | white L/R | open/med L/R | eyeWide L/R: ' + runs.map(([n]) => n).join(' '));
for (let i = from; i <= Math.min(to, raw.length - 1); i++) {
  const lm = raw[i]?.lm, sh = lm ? scleraShows(landmarkList(lm)) : [NaN, NaN], px = raw[i]?.whiteShow ?? [NaN, NaN];
  const w = runs.map(([, fr]) => `${f2(fr[i]!.w.eyeWideLeft ?? 0)}/${f2(fr[i]!.w.eyeWideRight ?? 0)}`);
  console.log(`f${i} ${f2(sh[0]!)}/${f2(sh[1]!)} ${f2(px[0]!)}/${f2(px[1]!)} ${f2(opens[i]![0]! / med[0]!)}/${f2(opens[i]![1]! / med[1]!)} | ${w.join(' ')}`);
}
