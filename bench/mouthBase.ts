// The driver's mouth weights against the photo's own fit, in self-reenactment (photo = frame 0):
// per mouth control, the photo's fitted weight, the video motion's weight at frames 0, 1, 10 and its
// mean over 5 s (the mouth's shape as signed changes from the driver's rest, added to the photo's own: rig/mouthBase.ts).
// Tracks are cached in $REAL3D_TRACKS (default /tmp/real3d-tracks) (25 fps, 5 s, the eval's own settings); bench/firstFrame.ts uses them.
//   node --import tsx bench/mouthBase.ts obama2 mt_sun katie ...
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { trackVideo, motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, toCanonical, deform, meanFace, IDENTITY_AMBIGUOUS } from '../src/rig/fit.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { weightsToVector } from '../src/rig/controls.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { SHARED_DATA } from './sharedData.ts';
const D = SHARED_DATA;
const TRACKS = process.env.REAL3D_TRACKS ?? '/tmp/real3d-tracks';
export const VIDEOS: Record<string, string> = { katie: `${D}/video/WDA_KatieHill_000.mp4`, mt_sun: `${D}/video/mt_sun.mp4`, obama2: `${D}/train/clips/styletalk_Obama_clip2.mp4`, feifei1: `${D}/train/clips/styletalk_feifeili_clip1.mp4`, lp_d0: `${D}/video/lp_d0.mp4`, lp_d6: `${D}/video/lp_d6.mp4`, lp_d10: `${D}/video/lp_d10.mp4`, lp_d11: `${D}/video/lp_d11.mp4`, lp_d14: `${D}/video/lp_d14.mp4`, infinitetalk: `${D}/train/clips/infinitetalk_ref.mp4` };
export async function track(c: string): Promise<(RawFaceFrame | null)[]> {
  const f = `${TRACKS}/${c}.json`;
  mkdirSync(TRACKS, { recursive: true });
  if (existsSync(f)) return JSON.parse(await readFile(f, 'utf8')).map((r: any) => r && { ...r, lm: Float32Array.from(r.lm) });
  const raw = await trackVideo(VIDEOS[c]!, { fps: 25, maxSide: 720, maxSeconds: 5 });
  await writeFile(f, JSON.stringify(raw.map((r) => r && { ...r, lm: Array.from(r.lm!) })));
  return raw;
}
export function photoFit(lm: any) {
  const fit0 = fitRig(lm, { exclude: IDENTITY_AMBIGUOUS });
  const canon = toCanonical(lm, fit0);
  const expr = deform(new Float64Array(LANDMARK_COUNT * 3), buildBasis(meanFace()), weightsToVector(fit0.weights));
  const neutral = new Float64Array(LANDMARK_COUNT * 3);
  for (let j = 0; j < neutral.length; j++) neutral[j] = canon[j]! - expr[j]!;
  return fitRig(lm, { neutral, exclude: IDENTITY_AMBIGUOUS }).weights;
}
const MOUTH = ['mouthSmileLeft','mouthSmileRight','mouthPress','mouthPucker','mouthFunnel','mouthRollUpper','mouthRollLower','mouthStretchLeft','mouthStretchRight','mouthUpperUp','mouthLowerDown','mouthShrugUpper','mouthShrugLower','mouthFrownLeft','mouthFrownRight','mouthDimpleLeft','mouthDimpleRight','cheekPuff','cheekSquintLeft','cheekSquintRight','noseSneerLeft','noseSneerRight'];
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const c of process.argv.slice(2)) {
    const raw = await track(c);
    const pw = photoFit(landmarkList(raw[0]!.lm!)) as Record<string, number>;
    const { frames } = motionFramesFromRaw(raw, 25, true);
    const mean = (k: string) => frames.reduce((s, f) => s + (f.w[k] ?? 0), 0) / frames.length;
    console.log(`\n${c}: control photo | motion f0 f1 f10 | mean`);
    for (const k of MOUTH) console.log(k.padEnd(18), (pw[k] ?? 0).toFixed(2), '|', [0, 1, 10].map((i) => (frames[i]!.w[k] ?? 0).toFixed(2)).join(' '), '|', mean(k).toFixed(2));
  }
}
