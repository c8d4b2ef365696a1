// Per-eye blink readings of a cached driver track, stage by stage (droop51, issue #14): each eye's opening share of
// rest, the blink from it, the lower lid's rise given back (blinksWithoutSquint), the upper lid's cap (upperLidBlink.ts),
// the lids' heights against rest in the image (upper fall, lower rise, share of the rest opening), and the motion's
// per-eye closure (foldBlink of blink and eyeBlink) with the fit's squints. Weights only; never asserts.
//   node --import tsx bench/blinkStages.ts lp_d10.mp4 --frames 34-46 [--fps 25]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { blinkFromOpening, estimateRest, eyeRestOf, foldBlink } from '../src/motion/restFace.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { measuredEyes } from '../src/motion/measuredChannels.ts';
import { lidHeights } from '../src/motion/upperLidBlink.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { Lids } from '../src/motion/lowerLid.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const fps = Number(arg('--fps') ?? '25');
const [from, to] = (arg('--frames') ?? '0-20').split('-').map(Number) as [number, number];
const video = process.argv[2]!;
const raw = await cachedTrack(video, fps);
const valid = usableFrames(raw);
const good = raw.filter((_r, i) => valid[i]) as RawFaceFrame[];
const rest = estimateRest(good.map((r) => r.m));
const n = raw.length;
const lidRises: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
const lids: ([Lids, Lids] | undefined)[] = new Array(n);
retargetFromLandmarks(raw.map((r, i) => (valid[i] ? r!.lm : null)), {}, { fps, lidRises, lids, eyes: measuredEyes(raw) });
const { frames } = motionFramesFromRaw(raw, fps, true);
const have = raw.map((r, i) => (valid[i] && r?.lm ? i : -1)).filter((i) => i >= 0);
const heights = ([0, 1] as const).map((s) => raw.map((r, i) => (valid[i] && r?.lm ? lidHeights(r.lm, s) : null)));
const restH = ([0, 1] as const).map((s) => [0, 1].map((k) => eyeRestOf(have.map((i) => heights[s][i]![k]!))));
const restC = ([0, 1] as const).map((s) => (['upper', 'lower'] as const).map((k) => eyeRestOf(have.map((i) => lids[i]![s]![k]))));
const f2 = (v: number) => (v < 0 ? '-' : ' ') + Math.abs(v).toFixed(2).replace(/^0/, '');
console.log(`${video} rest eyeL ${rest.eyeLeft.toFixed(3)} eyeR ${rest.eyeRight.toFixed(3)}; lid rest (up, low) L ${restH[0]!.map((v) => v.toFixed(3))} R ${restH[1]!.map((v) => v.toFixed(3))}`);
console.log('frame | share L R | b0 L R | rise L R | b1 L R | upFall L R | lowRise L R | head fall L R | head rise L R | motion L R (blink) | squint L R | yaw');
for (let i = from; i <= Math.min(to, n - 1); i++) {
  const r = raw[i];
  if (!r || !valid[i]) { console.log(`f${i} -`); continue; }
  const sh = [r.m.eyeLeft / rest.eyeLeft, r.m.eyeRight / rest.eyeRight];
  const b0 = sh.map(blinkFromOpening), b1 = sh.map((s, k) => blinkFromOpening(s + lidRises[k]![i]!));
  const fall = [0, 1].map((s) => { const h = heights[s]![i]!, R = restH[s]!; return (R[0]! - h[0]) / (R[0]! + R[1]!); });
  const rise = [0, 1].map((s) => { const h = heights[s]![i]!, R = restH[s]!; return (R[1]! - h[1]) / (R[0]! + R[1]!); });
  const hf = [0, 1].map((s) => { const h = lids[i]![s]!, R = restC[s]!; return (R[0]! - h.upper) / (R[0]! + R[1]!); });
  const hr = [0, 1].map((s) => { const h = lids[i]![s]!, R = restC[s]!; return (R[1]! - h.lower) / (R[0]! + R[1]!); });
  const f = frames[i]!, w = f.w;
  const cl = [foldBlink(f.blink, w.eyeBlinkLeft ?? 0), foldBlink(f.blink, w.eyeBlinkRight ?? 0)];
  console.log(`f${i} |${sh.map(f2).join('')} |${b0.map(f2).join('')} |${[lidRises[0][i]!, lidRises[1][i]!].map(f2).join('')} |${b1.map(f2).join('')} |${fall.map(f2).join('')} |${rise.map(f2).join('')} |${hf.map(f2).join('')} |${hr.map(f2).join('')} |${cl.map(f2).join('')} (${f2(f.blink)}) |${f2(w.eyeSquintLeft ?? 0)}${f2(w.eyeSquintRight ?? 0)} |${f2(r.angles.yaw)}`);
}
