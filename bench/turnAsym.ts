// Turn-induced one-sided expression: real talking people turning their heads, read through the video
// path (motionFramesFromRaw, as the product does), and how much one-sided reading (|left - right| over
// the paired controls, plus the pucker and the cheek puff) grows with the head's yaw. A person's own
// asymmetry does not depend on which way they turn, so the signed left - right correlating with the
// yaw, and the one-sided reading growing from frontal frames to turned ones, is the turn's doing.
// Prints per clip and pooled; never asserts.
//   node --import tsx bench/turnAsym.ts [--fit-off oneSidedTurn] [--at styletalk_Obama_clip2:4.4] [clip ...]
// Clips are paths under ../shared/data (video/... or train/clips/...); tracks are cached as bench/driverTracks.ts does.
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import type { DriverFitOptions } from '../src/motion/retarget.ts';
import { cachedTrack } from './driverTracks.ts';

const FPS = 10;
const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const fitOff = arg('--fit-off')?.split(',') ?? [];
const fit: DriverFitOptions = Object.fromEntries(fitOff.map((k) => [k, false]));
const at = (arg('--at') ?? 'styletalk_Obama_clip2:4.4').split(',').map((s) => s.split(':') as [string, string]);
// Obama clip2, Katie and Fei-Fei were looked at while building turnTrust.ts; the others are held out (other speakers)
const DEFAULT_CLIPS = [
  'train/clips/styletalk_Obama_clip2.mp4', 'video/WDA_KatieHill_000.mp4', 'train/clips/styletalk_feifeili_clip1.mp4',
  'train/clips/styletalk_andrew_clip_1.mp4', 'train/clips/styletalk_reagan_clip1.mp4', 'train/clips/styletalk_KristiNoem.mp4',
  'train/clips/pcavs_Pose_Source_00473.mp4', 'train/clips/pcavs_Pose_Source_517600055.mp4', 'train/clips/pcavs_Pose_Source_620900105.mp4',
  'train/clips/edtalk_pose_source2.mp4', 'train/clips/videoretalking_1.mp4', 'train/clips/dfrf_french.mp4',
];
const clips = argv.filter((a, k) => !a.startsWith('--') && !argv[k - 1]?.startsWith('--'));
export const PAIRS = ['mouthSmile', 'mouthStretch', 'mouthFrown', 'mouthDimple', 'noseSneer', 'cheekSquint', 'eyeSquint', 'eyeWide', 'browDown', 'browOuterUp'];
const ONE_SIDED_WATCH = ['mouthStretchLeft', 'mouthStretchRight', 'mouthPucker', 'mouthFrownLeft', 'mouthFrownRight', 'cheekPuff', 'noseSneerLeft', 'noseSneerRight', 'eyeWideLeft', 'eyeWideRight', 'mouthSmileLeft', 'mouthSmileRight'];
const BINS = [0, 5, 10, 15, 90];

/** Sum over the pairs of |left - right| (the frame's one-sided reading). */
function oneSided(w: Record<string, number>): number {
  return PAIRS.reduce((s, p) => s + Math.abs((w[`${p}Left`] ?? 0) - (w[`${p}Right`] ?? 0)), 0);
}
/** Pearson correlation. */
function corr(a: number[], b: number[]): number {
  const n = a.length, ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
}
const pooled = BINS.slice(1).map(() => ({ n: 0, one: 0, puck: 0 }));
const corrs: number[] = [];
console.log(`one-sided reading (sum |L-R| over ${PAIRS.length} pairs) | pucker+cheekPuff, by |yaw - clip median yaw| (deg); corr = mean over pairs of corr(L-R, yaw)${fitOff.length ? `; off: ${fitOff}` : ''}`);
for (const clip of clips.length ? clips : DEFAULT_CLIPS) {
  const raw = await cachedTrack(`../${clip}`, FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, false, { fit });
  const yaws = frames.map((f) => f.pose.yaw);
  const mid = [...yaws].sort((a, b) => a - b)[yaws.length >> 1]!;
  const bins = BINS.slice(1).map(() => ({ n: 0, one: 0, puck: 0 }));
  frames.forEach((f, i) => {
    const d = Math.abs(yaws[i]! - mid);
    const b = BINS.findIndex((lo, k) => d >= lo && d < BINS[k + 1]!);
    const w = f.w as Record<string, number>;
    for (const t of [bins[b]!, pooled[b]!]) { t.n++; t.one += oneSided(w); t.puck += (w.mouthPucker ?? 0) + (w.cheekPuff ?? 0); }
  });
  const c = PAIRS.map((p) => corr(frames.map((f) => (f.w[`${p}Left`] ?? 0) - (f.w[`${p}Right`] ?? 0)), yaws.map((y) => y - mid))).filter(Number.isFinite);
  const cm = c.reduce((s, v) => s + Math.abs(v), 0) / c.length;
  corrs.push(cm);
  const name = clip.split('/').pop()!.replace('.mp4', '');
  console.log(`${name.padEnd(28)} yaw ${mid.toFixed(0).padStart(3)} ±${Math.sqrt(yaws.reduce((s, y) => s + (y - mid) ** 2, 0) / yaws.length).toFixed(1).padStart(4)}  ` +
    bins.map((t, k) => `${BINS[k]}-${BINS[k + 1]}: ${t.n ? `${(t.one / t.n).toFixed(2)} | ${(t.puck / t.n).toFixed(2)} (${t.n})` : '-'}`).join('   ') + `   |corr| ${cm.toFixed(2)}`);
  for (const [c, t] of at) {
    if (!clip.includes(c)) continue;
    const i = Math.round(Number(t) * FPS);
    const w = frames[i]?.w as Record<string, number> | undefined;
    if (w) console.log(`  at ${t} s (yaw ${frames[i]!.pose.yaw.toFixed(1)}): ` + ONE_SIDED_WATCH.map((k) => `${k} ${(w[k] ?? 0).toFixed(2)}`).join(', '));
  }
}
console.log(`pooled: ` + pooled.map((t, k) => `${BINS[k]}-${BINS[k + 1]}: ${(t.one / t.n).toFixed(3)} | ${(t.puck / t.n).toFixed(3)} (${t.n})`).join('   ') + `   mean |corr| ${(corrs.reduce((s, v) => s + v, 0) / corrs.length).toFixed(3)}`);
