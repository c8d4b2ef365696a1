// s57 (squint57, issue #14): a driver's squint along the product's chain, frame by frame and per eye (subject's L/R):
// the head-frame lids (lowerLid.ts lidHeights: upper over the corners' line, lower under it, as shares of each side's
// rest opening), the lower lid's rise as lowerLidRise counts it, the mesh opening share of rest (eyeShares), the
// retargeted mouthSmile, then eyeSquint / cheekSquint as the fit alone gives them (lowerLidSquint, squintWithinBlink,
// wideOverSquint off) and as the product gives them. Weights only; never asserts.
//   node --import tsx bench/squintChain.ts /path/clip.mp4 [from] [to] [--every 3] [--on a,b] [--off a,b]
import { cachedTrack } from './driverTracks.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import type { Lids } from '../src/motion/lowerLid.ts';
import { eyeRestOf } from '../src/motion/restFace.ts';
import { faceMeasures } from '../src/motion/measures.ts';
import { landmarkList } from '../src/motion/retarget.ts';

const args = process.argv.slice(2);
const arg = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const [video, a = '0', b = '9999'] = args.filter((x, k) => !x.startsWith('--') && !args[k - 1]?.startsWith('--'));
const every = Number(arg('--every') ?? 1);
const opts = (s: string | undefined, v: boolean) => Object.fromEntries((s ?? '').split(',').filter(Boolean).map((k) => [k, v]));
const extra = { ...opts(arg('--off'), false), ...opts(arg('--on'), true) };
const raw = await cachedTrack(video!, 25);
const frames = raw.map((r) => (r?.lm ? r.lm : null));
const n = frames.length;
const eyes: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
frames.forEach((f, i) => { if (f) { const m = faceMeasures(landmarkList(f)); eyes[0][i] = m.eyeLeft; eyes[1][i] = m.eyeRight; } });
const lids: ([Lids, Lids] | undefined)[] = new Array(n);
const rises: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
const prod = retargetFromLandmarks(frames, extra, { eyes, lids, lidRises: rises });
const fitOnly = retargetFromLandmarks(frames, { ...extra, lowerLidSquint: false, squintWithinBlink: false, wideOverSquint: false }, { eyes });
const have = lids.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
const rest = [0, 1].map((s) => ({ upper: eyeRestOf(have.map((i) => lids[i]![s]!.upper)), lower: eyeRestOf(have.map((i) => lids[i]![s]!.lower)) }));
const eyeRest = [0, 1].map((s) => eyeRestOf(have.map((i) => eyes[s]![i]!)));
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '   -' : v.toFixed(2).padStart(5));
const g = (c: string, i: number) => prod.get(c as never)?.[i];
const h = (c: string, i: number) => fitOnly.get(c as never)?.[i];
console.log('f | upDown L/R lowRise L/R (share of rest opening) | rise L/R (left after lowerLidSquints) | share L/R | smile L/R | fit sq L/R ch L/R wd L/R | prod sq L/R ch L/R blink L/R');
const sums = { rise: [0, 0], sq: [0, 0], k: 0 };
for (let i = Number(a); i <= Math.min(Number(b), n - 1); i += every) {
  const l = lids[i];
  if (!l) { console.log(`f${i} -`); continue; }
  const gap = (s: number) => rest[s]!.upper + rest[s]!.lower;
  const upDown = (s: number) => (rest[s]!.upper - l[s]!.upper) / gap(s), lowRise = (s: number) => (rest[s]!.lower - l[s]!.lower) / gap(s);
  console.log(`f${i} | ${f2(upDown(0))}/${f2(upDown(1))} ${f2(lowRise(0))}/${f2(lowRise(1))} | ${f2(rises[0][i])}/${f2(rises[1][i])} | ${f2(eyes[0][i]! / eyeRest[0]!)}/${f2(eyes[1][i]! / eyeRest[1]!)} | ${f2(g('mouthSmileLeft', i))}/${f2(g('mouthSmileRight', i))} | ${f2(h('eyeSquintLeft', i))}/${f2(h('eyeSquintRight', i))} ${f2(h('cheekSquintLeft', i))}/${f2(h('cheekSquintRight', i))} ${f2(h('eyeWideLeft', i))}/${f2(h('eyeWideRight', i))} | ${f2(g('eyeSquintLeft', i))}/${f2(g('eyeSquintRight', i))} ${f2(g('cheekSquintLeft', i))}/${f2(g('cheekSquintRight', i))} ${f2(g('eyeBlinkLeft', i))}/${f2(g('eyeBlinkRight', i))}`);
}
console.log(`rest lids L up ${rest[0]!.upper.toFixed(4)} low ${rest[0]!.lower.toFixed(4)}  R up ${rest[1]!.upper.toFixed(4)} low ${rest[1]!.lower.toFixed(4)}`);
