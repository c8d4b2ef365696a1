// The driver's brows straight off the face mesh against the motion's brow channels (issue #14, s47
// browread47): per frame, each side's inner head over the inner eye corner and outer tail over the
// outer corner, and the inner heads' gap (head frame, canonical units ~ IOD), each against the clip's
// median (and the inner/outer rise against its 25th percentile, the raise rest), beside the product's
// browInnerUp / browOuterUp L,R / browDown L,R. `--labels f:tag,...` prints only those frames with the
// tag (raise / worried / frown / rest) and a per-tag summary; `was` = the channels without browKnit.ts. Never asserts.
//   node --import tsx bench/browRead.ts --video /path/clip.mp4 [--frames 80-110] [--every 2] [--labels 90:worried,...]
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { browShapeOf, type BrowShape } from '../src/motion/browShape.ts';
import { percentile } from '../src/motion/restFace.ts';
import { fitRig, toCanonical } from '../src/rig/fit.ts';
import { cachedTrack } from './driverTracks.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = arg('--video', 'lp_d6.mp4');
const FPS = Number(arg('--fps', '25'));
const raw = await cachedTrack(video, FPS);
const motion = motionFramesFromRaw(raw, FPS, true);
// the same without the worried-knit read (browKnit.ts): the before
const before = motionFramesFromRaw(raw, FPS, true, { fit: { worriedKnit: false } });
const shapes: (BrowShape | null)[] = raw.map((r) => {
  if (!r?.lm) return null;
  const lm = landmarkList(r.lm);
  return browShapeOf(toCanonical(lm, fitRig(lm)));
});
const got = shapes.filter((s): s is BrowShape => !!s);
const series: Record<string, (s: BrowShape) => number> = { inL: (s) => s.inner[0], inR: (s) => s.inner[1], outL: (s) => s.outer[0], outR: (s) => s.outer[1], gap: (s) => s.gap };
const med = Object.fromEntries(Object.entries(series).map(([k, f]) => [k, percentile(got.map(f), 50)]));
const low = Object.fromEntries(Object.entries(series).map(([k, f]) => [k, percentile(got.map(f), 25)]));
const labels = new Map(arg('--labels', '').split(',').filter(Boolean).map((p) => { const [f, t] = p.split(':'); return [Number(f), t!] as const; }));
let frames: number[];
if (labels.size) frames = [...labels.keys()].sort((a, b) => a - b);
else {
  const [a, b] = arg('--frames', `0-${raw.length - 1}`).split('-').map(Number);
  const every = Number(arg('--every', '1'));
  frames = [];
  for (let i = a!; i <= Math.min(b!, raw.length - 1); i += every) frames.push(i);
}
const c = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
console.log(`${video} @${FPS}: rest median in L/R ${med.inL!.toFixed(3)}/${med.inR!.toFixed(3)} out ${med.outL!.toFixed(3)}/${med.outR!.toFixed(3)} gap ${med.gap!.toFixed(3)}`);
console.log('frame tag      | inner L,R over median (over p25) | outer L,R over median | gap over median | innerUp outUpL,R downL,R | was innerUp downL,R');
const byTag = new Map<string, number[][]>();
for (const i of frames) {
  const s = shapes[i], f = motion.frames[i], b = before.frames[i];
  if (!s || !f) { console.log(`${i} no face`); continue; }
  const w = (k: string) => f.w[k] ?? 0;
  const vals = [s.inner[0] - med.inL!, s.inner[1] - med.inR!, s.outer[0] - med.outL!, s.outer[1] - med.outR!, s.gap - med.gap!, w('browInnerUp'), w('browOuterUpLeft'), w('browOuterUpRight'), w('browDownLeft'), w('browDownRight'), b?.w.browInnerUp ?? 0, b?.w.browDownLeft ?? 0, b?.w.browDownRight ?? 0];
  const tag = labels.get(i) ?? '';
  if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), vals]);
  console.log(`${String(i).padStart(4)} ${tag.padEnd(9)} | ${c(vals[0]!)} ${c(vals[1]!)} (${c(s.inner[0] - low.inL!)} ${c(s.inner[1] - low.inR!)}) | ${c(vals[2]!)} ${c(vals[3]!)} | ${c(vals[4]!)} | ${vals.slice(5, 10).map((v) => v.toFixed(2)).join(' ')} | ${vals.slice(10).map((v) => v.toFixed(2)).join(' ')}`);
}
for (const [tag, rows] of byTag) {
  const m = rows[0]!.map((_, k) => rows.reduce((t, r) => t + r[k]!, 0) / rows.length);
  console.log(`mean ${tag.padEnd(9)} (${rows.length}) | inner ${c(m[0]!)} ${c(m[1]!)} | outer ${c(m[2]!)} ${c(m[3]!)} | gap ${c(m[4]!)} | innerUp ${m[5]!.toFixed(2)} outUp ${m[6]!.toFixed(2)}/${m[7]!.toFixed(2)} down ${m[8]!.toFixed(2)}/${m[9]!.toFixed(2)} | was innerUp ${m[10]!.toFixed(2)} down ${m[11]!.toFixed(2)}/${m[12]!.toFixed(2)}`);
}
// how far browKnit.ts moved the brow channels over the whole clip (a driver without worried knits should barely move)
const BROWS = ['browInnerUp', 'browDownLeft', 'browDownRight'];
let moved = 0, maxUp = 0, maxDown = 0;
motion.frames.forEach((f, i) => {
  const d = BROWS.map((k) => (f.w[k] ?? 0) - (before.frames[i]?.w[k] ?? 0));
  if (d.some((v) => Math.abs(v) > 0.05)) moved++;
  maxUp = Math.max(maxUp, d[0]!);
  maxDown = Math.max(maxDown, -d[1]!, -d[2]!);
});
console.log(`whole clip: ${moved}/${motion.frames.length} frames moved > 0.05 (browInnerUp up to +${maxUp.toFixed(2)}, browDown down to -${maxDown.toFixed(2)})`);
