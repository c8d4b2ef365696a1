// What the eyeWide cap (lidsDecide.ts wideWithinOpening, eyes30) takes per driver: the motion's eyeWide per
// eye without and with it (mean, p90, max, frames over .2), and the frames it moved most with the eye's
// opening share of rest (restFace.ts). Weights only. Never asserts.
// --off OPTION compares another driver-fit option (retargetOptions.ts) off vs on, e.g. twoEyedStare (s32).
//   node --import tsx bench/wideCap.ts /path/a.mp4 /path/b.mp4 ... [--seconds 8] [--off wideWithinOpening]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';

const si = process.argv.indexOf('--seconds'), oi = process.argv.indexOf('--off');
const seconds = si > 0 ? Number(process.argv[si + 1]) : 8;
const off = oi > 0 ? process.argv[oi + 1]! : 'wideWithinOpening';
const drivers = process.argv.slice(2).filter((a, k, all) => !['--seconds', '--off'].includes(a) && !['--seconds', '--off'].includes(all[k - 1]!));
const FPS = 25;
const pct = (a: number[], p: number) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))] ?? NaN; };
const f2 = (v: number) => v.toFixed(2);
for (const d of drivers) {
  const raw = (await cachedTrack(d, FPS)).slice(0, seconds * FPS);
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
  const before = motionFramesFromRaw(raw, FPS, true, { fit: { [off]: false } }).frames;
  const after = motionFramesFromRaw(raw, FPS, true).frames;
  console.log(`\n${d.replace(/.*\//, '')} (${raw.length} frames)`);
  for (const [side, name] of [['L', 'eyeWideLeft'], ['R', 'eyeWideRight']] as const) {
    const b = before.map((f) => f.w[name] ?? 0), a = after.map((f) => f.w[name] ?? 0);
    const s = (v: number[]) => `mean ${f2(v.reduce((x, y) => x + y, 0) / v.length)} p90 ${f2(pct(v, 90))} max ${f2(Math.max(...v))} >.2 ${v.filter((x) => x > 0.2).length}`;
    console.log(`  ${side}: without ${s(b)} | with ${s(a)}`);
  }
  const moved = before.map((f, i) => ({ i, d: Math.max(Math.abs((f.w.eyeWideLeft ?? 0) - (after[i]!.w.eyeWideLeft ?? 0)), Math.abs((f.w.eyeWideRight ?? 0) - (after[i]!.w.eyeWideRight ?? 0))) }))
    .sort((x, y) => y.d - x.d).slice(0, 6).filter((m) => m.d > 0.05);
  const changed = before.filter((f, i) => Object.keys({ ...f.w, ...after[i]!.w }).some((c) => Math.abs((f.w[c] ?? 0) - (after[i]!.w[c] ?? 0)) > 0.005)).length;
  console.log(`  frames whose weights moved by > .005 with ${off}: ${changed}/${before.length}`);
  for (const { i } of moved.sort((x, y) => x.i - y.i)) {
    const sh = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : [NaN, NaN];
    console.log(`  f${i}: share ${f2(sh[0]!)}/${f2(sh[1]!)} eyeWide ${f2(before[i]!.w.eyeWideLeft ?? 0)}/${f2(before[i]!.w.eyeWideRight ?? 0)} -> ${f2(after[i]!.w.eyeWideLeft ?? 0)}/${f2(after[i]!.w.eyeWideRight ?? 0)}`);
  }
}
