// A driver's controls frame by frame at three stages: the rig fit against the driver's neutral (with the
// mouth prior) | the retarget (retargetFromLandmarks: rest, gain, caps) | the smoothed motion frame, with the
// mouth's width over the neutral (the prior's input). For finding where an expression is lost. Never asserts.
//   node --import tsx bench/controlStages.ts lp_d6.mp4 29-37 mouthPucker,mouthSmileLeft,mouthDimpleLeft
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList, retargetFromLandmarks } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { cachedTrack } from './driverTracks.ts';
const video = process.argv[2]!; const [a, b] = process.argv[3]!.split('-').map(Number);
const C = process.argv[4]!.split(',');
const raw = await cachedTrack(video, 10);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
const ret = retargetFromLandmarks(lms);
const { frames } = motionFramesFromRaw(raw, 10, true);
for (let i = a!; i <= b!; i++) {
  const lm = lms[i]; if (!lm) continue;
  const fit = fitRig(lm, { neutral, robust: true, puckerWidthPrior: true });
  const w = mouthWidthRatio(toCanonical(lm, fit), neutral);
  console.log(`#${i} W ${w.toFixed(2)} | ` + C.map((c) => `${c.replace('mouth', '')} ${(fit.weights as any)[c]?.toFixed(2)}/${ret.get(c as any)?.[i]?.toFixed(2) ?? '-'}/${(frames[i]!.w[c] ?? 0).toFixed(2)}`).join(' '));
}
