// s56 (stare56): one driver's frames eye by eye — the mesh's opening shares (over rest and over the clip median), the
// shows over the irises, yaw/pitch, and the motion's closure (foldBlink), eyeBlink, eyeSquint and eyeWide per eye, as
// the product makes them and with driver-fit options off (`--off a,b`, one column group each). Weights only.
//   node --import tsx bench/eyeTrace.ts /path/clip.mp4 80 95 [--fps 25] [--off alikeEyes,twoEyedStare]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { eyeWidthsPx, farEyes } from '../src/motion/farEye.ts';

const args = process.argv.slice(2);
const arg = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const [video, a, b] = args;
const FPS = Number(arg('--fps') ?? 25);
const offs = (arg('--off') ?? '').split(',').filter(Boolean);
const ons = (arg('--on') ?? '').split(',').filter(Boolean);
const raw = await cachedTrack(video!, FPS);
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
const far = farEyes(raw);
const runs = [['prod', {}], ...offs.map((k) => [`-${k}`, { [k]: false }]), ...ons.map((k) => [`+${k}`, { [k]: true }])] as [string, Record<string, boolean>][];
const out = runs.map(([n, fit]) => [n, motionFramesFromRaw(raw, FPS, true, { fit }).frames] as const);
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '  -');
console.log('f yaw pitch | px L/R far trust | share L/R | show L/R | per run: closure L/R blink eyeBlink L/R squint L/R wide L/R');
for (let i = Number(a); i <= Math.min(Number(b), raw.length - 1); i++) {
  const r = raw[i];
  const s = valid[i] && r ? eyeSharesOf(r.m, rest) : [NaN, NaN];
  const sh = r?.lm ? scleraShows(landmarkList(r.lm)) : [NaN, NaN];
  const cols = out.map(([n, fr]) => {
    const f = fr[i]!, w = f.w;
    return `${n} ${f2(foldBlink(f.blink, w.eyeBlinkLeft ?? 0))}/${f2(foldBlink(f.blink, w.eyeBlinkRight ?? 0))} b${f2(f.blink)} eb${f2(w.eyeBlinkLeft ?? 0)}/${f2(w.eyeBlinkRight ?? 0)} sq${f2(w.eyeSquintLeft ?? 0)}/${f2(w.eyeSquintRight ?? 0)} wd${f2(w.eyeWideLeft ?? 0)}/${f2(w.eyeWideRight ?? 0)}`;
  });
  const px = r?.lm ? eyeWidthsPx(r.lm) : [NaN, NaN], fe = far[i];
  console.log(`f${i} ${f2(r?.angles.yaw ?? NaN)} ${f2(r?.angles.pitch ?? NaN)} | ${px.map((v) => v.toFixed(0)).join("/")} ${fe ? (fe.eye ? "R" : "L") + f2(fe.trust) : "-"} | ${f2(s[0]!)}/${f2(s[1]!)} | ${f2(sh[0]!)}/${f2(sh[1]!)} px${f2(r?.whiteShow?.[0] ?? NaN)}/${f2(r?.whiteShow?.[1] ?? NaN)} | ${cols.join(' | ')}`);
}
