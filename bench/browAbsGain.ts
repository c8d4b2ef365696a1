// Brow raise in absolute terms against the raise channels we give: per driver, each frame's brow rise
// over the eye corners (head frame, canonical = outer-eye-corner distances, over the brows' rest:
// browRetarget.ts browRestOf riseFrom) and the retarget's browInnerUp / browOuterUp there (before the
// motion's smoothing). Prints the rise percentiles, and at the driver's top-rise frames (and --at frames)
// the rise, the channels, and what raiseFromRise (the absolute mapping) gives. Never asserts.
//   node --import tsx bench/browAbsGain.ts [--fps 25] [--only vrt4_6.mp4,...] [--at vrt4_6.mp4:43]
import { retargetFromLandmarks, landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { toCanonical } from '../src/rig/canonical.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { browRestOf, raiseFromRise } from '../src/motion/browRetarget.ts';
import { percentile } from '../src/motion/restFace.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { browHeight } from './browMeasure.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const fps = Number(arg('--fps', '25'));
const only = process.argv.includes('--only') ? arg('--only', '').split(',') : [...DRIVERS, 'vrt4_6.mp4', 'noem_6.mp4'];
const at = arg('--at', '').split(',').filter(Boolean).map((s) => s.split(':'));
const TOP = 8;
const f3 = (v: number) => v.toFixed(3), f2 = (v: number) => v.toFixed(2);
for (const video of only) {
  // any fingerprint: the brows read the landmarks only (the tracker changes since are in mouth readings)
  const raw = await cachedTrack(video, fps, { cache: process.env.REAL3D_CACHE! });
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const good = lms.filter((l): l is Landmarks => !!l && l.length >= 478);
  const neutral = estimateNeutral(good);
  const have: number[] = [], n = lms.length;
  const brows = [new Float64Array(n), new Float64Array(n)], pitch = new Float64Array(n);
  lms.forEach((lm, i) => {
    if (!lm || lm.length < 478) return;
    const fit = fitRig(lm, { neutral, robust: true });
    [brows[0]![i], brows[1]![i]] = browHeights(toCanonical(lm, fit));
    pitch[i] = fit.pose.pitch; have.push(i);
  });
  const rest = browRestOf(brows, have, pitch);
  const from = rest.riseFrom ?? rest.frown;
  const rise = (i: number) => (brows[0]![i]! - from[0]! + brows[1]![i]! - from[1]!) / 2;
  // before (raiseAbsolute off) and after (the defaults)
  const chs = [retargetFromLandmarks(lms, { raiseAbsolute: false }, { fps }), retargetFromLandmarks(lms, {}, { fps })];
  const inners = chs.map((ch) => ch.get('browInnerUp')!), outers = chs.map((ch) => [ch.get('browOuterUpLeft')!, ch.get('browOuterUpRight')!]);
  const inner = inners[0]!, [oL, oR] = outers[0]! as [Float64Array, Float64Array];
  const raiseW = (i: number) => (inner[i]! + (oL[i]! + oR[i]!) / 2) / 2;
  const raiseAfter = (i: number) => (inners[1]![i]! + (outers[1]![0]![i]! + outers[1]![1]![i]!) / 2) / 2;
  const rises = have.map(rise);
  const restH = (from[0]! + from[1]!) / 2;
  // the image-frame measure (brows over the upper lids, eye-corner distances) against its median, for comparison
  const img = new Float64Array(n);
  for (const i of have) img[i] = browHeight(lms[i]!);
  const imgRest = percentile(have.map((i) => img[i]!), 50), pitchRest = percentile(have.map((i) => pitch[i]!), 50);
  console.log(`${video.padEnd(22)} rest ${f3(restH)} rise p50 ${f3(percentile(rises, 50))} p90 ${f3(percentile(rises, 90))} p98 ${f3(percentile(rises, 98))} max ${f3(Math.max(...rises))} | raise ch p90 ${f2(percentile(have.map(raiseW), 90))} -> ${f2(percentile(have.map(raiseAfter), 90))} max ${f2(Math.max(...have.map(raiseW)))} -> ${f2(Math.max(...have.map(raiseAfter)))}`);
  const top = [...have].sort((a, b) => rise(b) - rise(a)).slice(0, TOP);
  const mean = (f: (i: number) => number, is: number[]) => is.reduce((s, i) => s + f(i), 0) / is.length;
  const line = (label: string, is: number[]) => console.log(`   ${label.padEnd(14)} rise ${f3(mean(rise, is))} (${f2(mean(rise, is) / restH * 100)}% of rest) | inner ${f2(mean((i) => inner[i]!, is))} -> ${f2(mean((i) => inners[1]![i]!, is))} outer ${f2(mean((i) => (oL[i]! + oR[i]!) / 2, is))} -> ${f2(mean((i) => (outers[1]![0]![i]! + outers[1]![1]![i]!) / 2, is))} | raiseFromRise ${f2(mean((i) => raiseFromRise(rise(i)), is))} | image: rest ${f3(imgRest)} rise ${f3(mean((i) => img[i]! - imgRest, is))} | pitch ${f2(mean((i) => pitch[i]!, is) - pitchRest)} over p50`);
  line(`top${TOP} f${top.slice(0, 3).join('/')}`, top);
  for (const [v, f] of at) if (v === video) line(`f${f}`, [Number(f)]);
  // frames with the strongest raise channel
  const topW = [...have].sort((a, b) => raiseW(b) - raiseW(a)).slice(0, TOP);
  line(`topW f${topW.slice(0, 3).join('/')}`, topW);
}
