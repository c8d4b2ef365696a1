// Frowns read at lowered driver heads (issue #14, browtilt25; motion/pitchTrust.ts): per driver (10 fps
// cached tracks, bench/driverTracks.ts), the retarget's frown (both browDown channels' mean) by the
// head's pitch from the driver's median pitch (the fit's pitch, negative is down), with frownPitchTrust
// off | on, the mean over the clip, chosen times and the frame it cut most. Prints figures; never asserts.
//   node --import tsx bench/pitchFrowns.ts [--at lp_d10.mp4:10.6,lp_d11.mp4:4.4] [videos...]
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { landmarkList, retargetFromLandmarks } from '../src/motion/retarget.ts';
import { estimateNeutral, fitRig, type Landmarks } from '../src/rig/fit.ts';
import type { RigControl } from '../src/rig/controls.ts';

const argAt = process.argv.indexOf('--at');
const at = (argAt > 0 ? process.argv[argAt + 1]! : 'lp_d10.mp4:10.6,lp_d11.mp4:4.4,lp_d6.mp4:11.4').split(',').map((s) => s.split(':') as [string, string]);
const names = process.argv.slice(2).filter((a, k, all) => a !== '--at' && all[k - 1] !== '--at');
const frown = (c: Map<RigControl, Float64Array>, i: number) => (c.get('browDownLeft')![i]! + c.get('browDownRight')![i]!) / 2;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);

for (const video of names.length ? names : DRIVERS) {
  const lms = (await cachedTrack(video, 10)).map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const have = lms.flatMap((l, i) => (l ? [i] : []));
  const neutral = estimateNeutral(have.map((i) => lms[i]!) as Landmarks[], 1, {});
  const pitch = new Map(have.map((i) => [i, fitRig(lms[i]!, { neutral, robust: true, silhouetteFade: true }).pose.pitch]));
  const usual = median([...pitch.values()]);
  const off = retargetFromLandmarks(lms, { frownPitchTrust: false }), on = retargetFromLandmarks(lms);
  const bins = new Map<number, number[]>();
  for (const i of have) { const b = Math.max(-8, Math.min(8, 2 * Math.round((pitch.get(i)! - usual) / 2))); (bins.get(b) ?? bins.set(b, []).get(b)!).push(i); }
  console.log(`${video}: ${have.length} frames, median pitch ${usual.toFixed(1)} deg; mean frown ${mean(have.map((i) => frown(off, i))).toFixed(3)} -> ${mean(have.map((i) => frown(on, i))).toFixed(3)}`);
  console.log('  frown by pitch from the median (deg: off -> on, frames): ' + [...bins.keys()].sort((a, b) => a - b)
    .map((b) => `${b}: ${mean(bins.get(b)!.map((i) => frown(off, i))).toFixed(2)} -> ${mean(bins.get(b)!.map((i) => frown(on, i))).toFixed(2)} (${bins.get(b)!.length})`).join(', '));
  const cut = have.reduce((best, i) => (frown(off, i) - frown(on, i) > frown(off, best) - frown(on, best) ? i : best), have[0]!);
  const show = (i: number, what: string) => console.log(`  ${what} ${(i / 10).toFixed(1)} s: pitch ${(pitch.get(i)! - usual).toFixed(1)}, frown ${frown(off, i).toFixed(2)} -> ${frown(on, i).toFixed(2)}`);
  for (const [v, t] of at) if (v === video && pitch.has(Math.round(Number(t) * 10))) show(Math.round(Number(t) * 10), 'at');
  show(cut, 'cut most at');
}
