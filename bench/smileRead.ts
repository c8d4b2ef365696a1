// How a driver's smile is read: per frame, the landmark measures against the driver's rest (corner
// lift, mouth width, lip gap), the rig fit's raw smile/stretch/jaw/upper-lip weights, the retargeted
// ones (rest percentile + calibrated gain, motion/retarget.ts) and the motion's final weights.
// Prints the per-control rest/high/gain, then the frames with the largest corner lift.
//   node --import tsx bench/smileRead.ts [WDA_KatieHill_000.mp4] [--all]
import { motionFramesFromRaw, estimateRest } from '../src/motion/fromVideo.ts';
import { landmarkList, retargetFromLandmarks, driverWeights } from '../src/motion/retarget.ts';
import { estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { cachedTrack } from './driverTracks.ts';

const video = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'WDA_KatieHill_000.mp4';
const FPS = 10;
const raw = await cachedTrack(video, FPS);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const good = lms.filter((l): l is Landmarks => !!l);
const neutral = estimateNeutral(good);
const rest = estimateRest(raw.filter((r) => !!r).map((r) => r!.m));
const rawW = lms.map((lm) => (lm ? driverWeights(lm, neutral) : null));
const ret = retargetFromLandmarks(lms);
const { frames } = motionFramesFromRaw(raw, FPS, true);
const C = ['mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight', 'jawOpen', 'mouthUpperUp', 'mouthLowerDown', 'mouthPucker', 'mouthFunnel', 'mouthDimpleLeft', 'mouthDimpleRight', 'cheekSquintLeft', 'cheekSquintRight'] as const;
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.round((p / 100) * (s.length - 1))]!; };
console.log(`${video}: ${good.length} frames. rest measures: lift L ${rest.cornerLiftLeft.toFixed(3)} R ${rest.cornerLiftRight.toFixed(3)} width ${rest.mouthWidth.toFixed(3)} gap ${rest.lipGap.toFixed(3)}`);
const lifts = raw.map((r) => (r ? (r.m.cornerLiftLeft + r.m.cornerLiftRight) / 2 : NaN)).filter(Number.isFinite);
const widths = raw.map((r) => (r ? r.m.mouthWidth : NaN)).filter(Number.isFinite);
console.log(`measure percentiles (10/50/90): lift ${[10, 50, 90].map((p) => pct(lifts, p).toFixed(3)).join('/')} width ${[10, 50, 90].map((p) => pct(widths, p).toFixed(3)).join('/')}`);
console.log('driver fit (pose removed as motion/retarget.ts does) per control: p10 / p50 / p98 ; mean retargeted ; mean final');
for (const c of C) {
  const v = rawW.filter((w) => w).map((w) => w![c]);
  const r = ret.get(c as any);
  const fin = frames.map((f) => f.w[c] ?? 0);
  console.log(`  ${c.padEnd(18)} ${pct(v, 10).toFixed(2)} / ${pct(v, 50).toFixed(2)} / ${pct(v, 98).toFixed(2)} ; ${r ? (r.reduce((a, b) => a + b, 0) / r.length).toFixed(2) : '  - '} ; ${(fin.reduce((a, b) => a + b, 0) / fin.length).toFixed(2)}`);
}
const order = raw.map((r, i) => [i, r ? (r.m.cornerLiftLeft + r.m.cornerLiftRight) / 2 : -9] as const).sort((a, b) => b[1] - a[1]);
const all = process.argv.includes('--all');
const picks = all ? raw.map((_, i) => i) : order.slice(0, 12).map(([i]) => i).sort((a, b) => a - b);
const f2 = (x: number) => x.toFixed(2);
console.log('t     | measures: dLift L/R  width/rest gap-rest | raw fit: smL smR stL stR jaw uUp | retarget smL smR stL stR uUp | final smL smR stL stR jaw uUp lDn');
for (const i of picks) {
  const r = raw[i], w = rawW[i];
  if (!r || !w) continue;
  const fw = frames[i]!.w, g = (c: string) => ret.get(c as any)![i]!;
  console.log(`${(i / FPS).toFixed(1).padStart(5)} | ${f2(r.m.cornerLiftLeft - rest.cornerLiftLeft).padStart(5)} ${f2(r.m.cornerLiftRight - rest.cornerLiftRight).padStart(5)}  ${f2(r.m.mouthWidth / rest.mouthWidth)}  ${f2(r.m.lipGap - rest.lipGap)} | ${[w.mouthSmileLeft, w.mouthSmileRight, w.mouthStretchLeft, w.mouthStretchRight, w.jawOpen, w.mouthUpperUp].map(f2).join(' ')} | ${['mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight', 'mouthUpperUp'].map((c) => f2(g(c))).join(' ')} | ${['mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight', 'jawOpen', 'mouthUpperUp', 'mouthLowerDown'].map((c) => f2(fw[c] ?? 0)).join(' ')}`);
}
