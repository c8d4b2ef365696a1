// What the driver fit reads at a driver's rounded frames (O, pucker), issue #13/#14 (tallO26). Per
// driver clip (first --upto frames at 25 fps, as the critic's 8 s ruler clips) and picked frame:
//   width  the fit's mouth width over the driver's neutral (rig/mouthPrior.ts mouthWidthRatio: what the
//          priors read), and over the driver's shut-lip rest (the median width at its shut frames);
//   raw    the fit's own weights (before each control's rest and gain): pucker, funnel, smile, stretch,
//          dimple, cheekPuff;
//   motion the smoothed MotionFrame (framesFromRaw.ts): jaw, pucker, funnel, smile, stretch, dimple,
//          mouthDark, and the renderer's rounding (pucker + funnel / 2).
// Never asserts.
//   node --import tsx bench/roundDrivers.ts [--upto 200] [lp_d11.mp4:65,90,165,187 lp_d6.mp4:83,191 ...]
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { removePoseBias } from '../src/rig/poseBias.ts';
import { mouthWidthRatio, openingAspect } from '../src/rig/mouthPrior.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { shutLipFrames } from '../src/motion/shutRest.ts';
import { percentile } from '../src/motion/restFace.ts';
import { cachedTrack } from './driverTracks.ts';

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const upto = Number(opt('--upto', '200'));
/** the critic25 ruler's O / pucker frames (frames.json), and lp_d10's narrowest of its first 8 s */
const DEFAULT = ['lp_d6.mp4:83,85,190,191', 'WDA_KatieHill_000.mp4:36,73', 'lp_d11.mp4:65,90,165,187', 'lp_d14.mp4:45', 'lp_d10.mp4:'];
const picksArg = argv.filter((a, k) => a.includes('.mp4') && argv[k - 1] !== '--upto');
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);

for (const spec of picksArg.length ? picksArg : DEFAULT) {
  const [video, list] = spec.split(':') as [string, string];
  const raw = (await cachedTrack(video, 25)).slice(0, upto);
  const valid = usableFrames(raw);
  const lms = raw.map((r, i) => (valid[i] && r?.lm ? landmarkList(r.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l), 1, { silhouetteFade: true });
  const have = lms.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
  const width = new Float64Array(raw.length), aspect = new Float64Array(raw.length), fits: (Record<string, number> | null)[] = raw.map(() => null);
  for (const i of have) {
    const lm = lms[i]!, fit = fitRig(lm, { neutral, robust: true, puckerWidthPrior: true, funnelWidthPrior: true, silhouetteFade: true });
    const head = toCanonical(lm, fit);
    width[i] = mouthWidthRatio(head, neutral);
    aspect[i] = openingAspect(head);
    fits[i] = removePoseBias(fit.weights, fit.pose) as Record<string, number>;
  }
  const gaps = raw.map((r) => r?.m.lipGap ?? 0);
  const shut = shutLipFrames(gaps, have) ?? have;
  const shutWidth = percentile(shut.map((i) => width[i]!), 50), p10 = percentile(have.map((i) => width[i]!), 10);
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const before = motionFramesFromRaw(raw, 25, true, { fit: { tallNoGrin: false } }).frames;
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark));
  // no frames named: the 6 narrowest open and shut frames, 10 apart
  const picks = list ? list.split(',').map(Number) : narrowest(have, width, gaps);
  console.log(`\n${video}: ${have.length}/${raw.length} usable, ${shut.length} shut; width over neutral p10 ${p10.toFixed(2)} median ${percentile(have.map((i) => width[i]!), 50).toFixed(2)} shut-median ${shutWidth.toFixed(2)}`);
  console.log('frame | gap   tall w/neutral w/shut | raw pk   fn   smL  smR  stL  stR  dpL  dpR  puff | motion jaw  pk   fn   sm   st   dp   dark round | smile, dimple before (tallNoGrin off)');
  for (const i of picks) {
    const w = fits[i], f = frames[i];
    if (!w || !f) { console.log(`f${i}: no face`); continue; }
    const m = f.w as Record<string, number>;
    const round = Math.max(0, m.mouthPucker ?? 0) + 0.5 * Math.max(0, m.mouthFunnel ?? 0);
    const b = before[i]!.w as Record<string, number>, mean2 = (x: Record<string, number>, a: string, c: string) => (((x[a] ?? 0) + (x[c] ?? 0)) / 2).toFixed(2);
    console.log(`f${String(i).padEnd(4)}| ${gaps[i]!.toFixed(3)} ${aspect[i]!.toFixed(2)} ${width[i]!.toFixed(2)}      ${(width[i]! / shutWidth).toFixed(2)}   | ${[w.mouthPucker, w.mouthFunnel, w.mouthSmileLeft, w.mouthSmileRight, w.mouthStretchLeft, w.mouthStretchRight, w.mouthDimpleLeft, w.mouthDimpleRight, w.cheekPuff].map(f2).join(' ')} | ${[m.jawOpen, m.mouthPucker, m.mouthFunnel, ((m.mouthSmileLeft ?? 0) + (m.mouthSmileRight ?? 0)) / 2, ((m.mouthStretchLeft ?? 0) + (m.mouthStretchRight ?? 0)) / 2, ((m.mouthDimpleLeft ?? 0) + (m.mouthDimpleRight ?? 0)) / 2, dark?.[i], round].map(f2).join(' ')} | ${mean2(b, 'mouthSmileLeft', 'mouthSmileRight')} ${mean2(b, 'mouthDimpleLeft', 'mouthDimpleRight')}`);
  }
}

/** The 6 frames with the narrowest mouth over the neutral, at least 10 frames apart. */
function narrowest(have: number[], width: Float64Array, _gaps: number[]): number[] {
  const order = [...have].sort((a, b) => width[a]! - width[b]!), out: number[] = [];
  for (const i of order) if (out.length < 6 && out.every((j) => Math.abs(j - i) >= 10)) out.push(i);
  return out.sort((a, b) => a - b);
}
