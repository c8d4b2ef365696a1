// One-eyed lid events, driver vs motion (wink35, s35, issue #14): per driver, each eye's opening as the motion asks
// for it (the closure's share by the inverse of restFace.ts blinkFromOpening, plus eyeWide's lift WIDE_READ_SPAN)
// against the driver's mesh share of rest: r and mean abs error per eye, and the one-eyed frames: the two eyes'
// difference over WINK_GAP in the driver (found / missed by the motion) and in the motion where the driver's is
// under HALF_GAP (false). Weights only, no render. `--on a,b` / `--off a,b` set driver-fit options for the
// "after" column (the "before" is the defaults). `--frames 120-135` prints those frames. Never asserts.
//   node --import tsx bench/oneEyed.ts lp_d11.mp4 lp_d6.mp4 [--seconds 8] [--fps 25] [--frames 70-85] [--on oneEyedStare]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink, BLINK_START } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { WIDE_READ_SPAN } from '../src/motion/lidsDecide.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import type { DriverFitOptions } from '../src/motion/retargetOptions.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const seconds = Number(arg('--seconds') ?? '8');
const [from, to] = (arg('--frames') ?? '-1--1').split(/(?<=\d)-/).map(Number) as [number, number];
const flags = (name: string, v: boolean) => Object.fromEntries((arg(name) ?? '').split(',').filter(Boolean).map((k) => [k, v]));
const after: DriverFitOptions = { ...flags('--on', true), ...flags('--off', false) };
const drivers = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !['--seconds', '--frames', '--on', '--off', '--fps'].includes(all[k - 1]!));
const FPS = Number(arg('--fps') ?? '25');
/** The two eyes this far apart (share of rest) is a one-eyed frame... */
const WINK_GAP = 0.2;
/** ...and under this they are alike: the motion one-eyed there is a false one. */
const HALF_GAP = 0.1;

/** The opening share a closure renders for (blinkFromOpening's knots read backwards). */
function shareOfClosure(c: number): number {
  const k = [[1, 0.3], [0.77, 0.38], [0.69, 0.47], [0.5, 0.67], [0, BLINK_START]] as const;
  if (c >= 1) return 0.3;
  for (let i = 1; i < k.length; i++) if (c >= k[i]![0]) { const [w0, s0] = k[i - 1]!, [w1, s1] = k[i]!; return s0 + ((c - w0) / (w1 - w0)) * (s1 - s0); }
  return 1;
}
/** Each eye's opening share of rest as the motion asks for it. */
function asked(f: MotionFrame): [number, number] {
  const side = (blink: string, wide: string) => {
    const c = foldBlink(f.blink, f.w[blink] ?? 0);
    return (c > 0.005 ? shareOfClosure(c) : 1) + WIDE_READ_SPAN * (f.w[wide] ?? 0);
  };
  return [side('eyeBlinkLeft', 'eyeWideLeft'), side('eyeBlinkRight', 'eyeWideRight')];
}
function pearson(a: number[], b: number[]): number {
  const n = a.length, ma = a.reduce((x, y) => x + y, 0) / n, mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
}
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : ' -- ');
for (const d of drivers) {
  const raw = (await cachedTrack(d, FPS)).slice(0, Math.round(seconds * FPS));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
  const runs = [motionFramesFromRaw(raw, FPS, true).frames, motionFramesFromRaw(raw, FPS, true, { fit: after }).frames];
  const idx = raw.map((_r, i) => i).filter((i) => valid[i] && raw[i]);
  const drv = idx.map((i) => eyeSharesOf(raw[i]!.m, rest));
  console.log(`\n${d} (${raw.length} frames, ${idx.length} read)`);
  for (const [k, frames] of runs.entries()) {
    const ours = idx.map((i) => asked(frames[i]!));
    const stat = (e: 0 | 1) => `r ${f2(pearson(ours.map((o) => o[e]), drv.map((s) => s[e])))} mae ${f2(ours.reduce((a, o, j) => a + Math.abs(o[e] - drv[j]![e]), 0) / ours.length)}`;
    let found = 0, real = 0, falseOne = 0;
    const falses: number[] = [], missed: number[] = [];
    ours.forEach((o, j) => {
      const dd = drv[j]![0] - drv[j]![1], od = o[0] - o[1];
      if (Math.abs(dd) >= WINK_GAP) { real++; if (Math.sign(od) === Math.sign(dd) && Math.abs(od) >= WINK_GAP / 2) found++; else missed.push(idx[j]!); }
      if (Math.abs(od) >= WINK_GAP && Math.abs(dd) < HALF_GAP) { falseOne++; falses.push(idx[j]!); }
    });
    console.log(`  ${k ? 'after ' : 'before'} L ${stat(0)} | R ${stat(1)} | one-eyed driver frames ${real}, carried ${found} | false one-eyed ${falseOne}${falses.length ? ` (f${falses.slice(0, 12).join(',')})` : ''}`);
    if (missed.length) console.log(`         missed f${missed.slice(0, 30).join(",")}`);
  }
  const moved = idx.filter((i) => ['eyeWideLeft', 'eyeWideRight'].some((c) => Math.abs((runs[1]![i]!.w[c] ?? 0) - (runs[0]![i]!.w[c] ?? 0)) > 0.05));
  const most = Math.max(0, ...idx.map((i) => Math.max(...['eyeWideLeft', 'eyeWideRight'].map((c) => Math.abs((runs[1]![i]!.w[c] ?? 0) - (runs[0]![i]!.w[c] ?? 0))))));
  const blinkMoved = Math.max(0, ...idx.map((i) => Math.abs(runs[1]![i]!.blink - runs[0]![i]!.blink)));
  console.log(`  eyeWide moved > .05 on ${moved.length} frames${moved.length ? ` (f${moved.slice(0, 20).join(',')})` : ''}, most ${f2(most)}; blink most ${f2(blinkMoved)}`);
  if (from >= 0) {
    console.log('  frame | share L R | show L R | before: closure L R wide L R squint L R | after: same');
    for (let i = from; i <= Math.min(to, raw.length - 1); i++) {
      const s = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : [NaN, NaN];
      const sh = raw[i]?.lm ? scleraShows(landmarkList(raw[i]!.lm!)) : [NaN, NaN];
      const w = (f: MotionFrame) => `${f2(foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0))} ${f2(foldBlink(f.blink, f.w.eyeBlinkRight ?? 0))} ${f2(f.w.eyeWideLeft ?? 0)} ${f2(f.w.eyeWideRight ?? 0)} ${f2(f.w.eyeSquintLeft ?? 0)} ${f2(f.w.eyeSquintRight ?? 0)}`;
      console.log(`  f${i} | ${f2(s[0]!)} ${f2(s[1]!)} | ${f2(sh[0]!)} ${f2(sh[1]!)} | ${w(runs[0]![i]!)} | ${w(runs[1]![i]!)}`);
    }
  }
}
