// Where a driver's expression is lost between its landmarks and the motion's weights, stage by stage,
// at each driver's strongest frames of an expression (picked by the scorer's fit, as bench/cross.ts):
//   fit    the driver's frame fitted against its own neutral (the AED scorer's reading, pose bias kept)
//   rt     retargetFromLandmarks with every cap off (rest percentile removed, gain applied)
//   caps   with the brow caps (frownWithinDrop / raiseWithinRise)
//   turn   with turnTrust (oneSidedTurn)
//   lids   with lidsDecide / wideOverSquint (= the retarget's output)
//   motion the smoothed motion frame (motionFramesFromRaw), what the renderer gets
// Prints one line per driver and expression (mean over the top frames); never asserts.
//   node --import tsx bench/expressionLoss.ts [--top 3] [--only lp_d6.mp4,...]
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList, retargetFromLandmarks, type DriverFitOptions } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import type { RigControl } from '../src/rig/controls.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const TOP = Number(arg('--top', '3'));
const only = process.argv.includes('--only') ? arg('--only', '').split(',') : DRIVERS;
const FPS = 10;

const GROUPS: [string, RigControl[]][] = [
  ['frown', ['browDownLeft', 'browDownRight']],
  ['brows up', ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight']],
  ['smile', ['mouthSmileLeft', 'mouthSmileRight']],
  ['cheekSq', ['cheekSquintLeft', 'cheekSquintRight']],
  ['squint', ['eyeSquintLeft', 'eyeSquintRight']],
  ['pucker', ['mouthPucker']],
];
const STAGES: [string, DriverFitOptions][] = [
  ['rt', { frownWithinDrop: false, raiseWithinRise: false, oneSidedTurn: false, wideOverSquint: false, lidsDecide: false }],
  ['caps', { oneSidedTurn: false, wideOverSquint: false, lidsDecide: false }],
  ['turn', { wideOverSquint: false, lidsDecide: false }],
  ['lids', {}],
];

for (const video of only) {
  const raw = await cachedTrack(video, FPS);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
  const drv = lms.map((lm) => (lm ? (fitRig(lm, { neutral }).weights as Record<string, number>) : null));
  const staged = STAGES.map(([, o]) => retargetFromLandmarks(lms, o));
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  console.log(`${video}`);
  for (const [name, ks] of GROUPS) {
    const mean = (get: (c: RigControl) => number) => ks.reduce((s, c) => s + get(c), 0) / ks.length;
    const picks = drv.map((w, i) => [i, w ? mean((c) => w[c]!) : -1] as const).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([i]) => i);
    const avg = (get: (i: number) => number) => picks.reduce((s, i) => s + get(i), 0) / picks.length;
    const cols = [`fit ${avg((i) => mean((c) => drv[i]![c]!)).toFixed(2)}`];
    STAGES.forEach(([s], k) => cols.push(`${s} ${avg((i) => mean((c) => staged[k]!.get(c)?.[i] ?? 0)).toFixed(2)}`));
    cols.push(`motion ${avg((i) => mean((c) => (frames[i]!.w as Record<string, number>)[c] ?? 0)).toFixed(2)}`);
    console.log(`  ${name.padEnd(9)} t=${picks.map((i) => (i / FPS).toFixed(1)).join(',').padEnd(14)} ${cols.join('  ')}`);
  }
}
