// What narrows the photo's eyes at a driver's squint peaks (issue #14: st_art_1's eyes at lp_d0's grin
// read 0.83-0.84 of rest whatever the squint's size): the driver's 6 strongest squint frames (by its
// own fit, as bench/expressionGain.ts picks them) rendered in full and with one part of the frame taken
// back to the photo's (the squints, the smile, the blink, the head pose, the gaze), each read back by
// the face mesh as the eye opening over the photo's rest render's. Prints means; never asserts.
//   node --import tsx bench/squintSplit.ts [--photo st_art_1.png] [--video lp_d0.mp4]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'st_art_1.png'), video = arg('--video', 'lp_d0.mp4');
const FPS = 10;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
const n = r.neutralFrame();
const open = async (f: MotionFrame) => {
  const img = r.render(f);
  const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  if (!g) return NaN;
  const e = eyeOpenings(g.landmarks as Landmarks);
  return (e.left + e.right) / 2;
};
const rest = await open(n);
const raw = await cachedTrack(video, FPS);
const { frames } = motionFramesFromRaw(raw, FPS, true);
const lms = raw.map((x) => (x?.lm ? landmarkList(x.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
const eyes = lms.map((lm) => (lm ? eyeOpenings(lm) : null));
const p80 = (() => { const v = eyes.filter((e) => e).map((e) => (e!.left + e!.right) / 2).sort((a, b) => a - b); return v[Math.round(0.8 * (v.length - 1))]!; })();
const score = lms.map((lm, i) => {
  if (!lm || !eyes[i] || (eyes[i]!.left + eyes[i]!.right) / 2 < 0.45 * p80) return -1;
  const w = fitRig(lm, { neutral }).weights as Record<string, number>;
  return (w.eyeSquintLeft! + w.eyeSquintRight!) / 2;
});
const picks = score.map((s, i) => [i, s] as const).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([i]) => i);
const SQUINTS = ['eyeSquintLeft', 'eyeSquintRight', 'cheekSquintLeft', 'cheekSquintRight'];
const variants: [string, (f: MotionFrame) => MotionFrame][] = [
  ['full', (f) => f],
  ['no squints', (f) => ({ ...f, w: { ...f.w, ...Object.fromEntries(SQUINTS.map((c) => [c, n.w[c] ?? 0])) } })],
  ['no smile', (f) => ({ ...f, w: { ...f.w, mouthSmileLeft: n.w.mouthSmileLeft ?? 0, mouthSmileRight: n.w.mouthSmileRight ?? 0 } })],
  ['no blink', (f) => ({ ...f, blink: 0, w: { ...f.w, eyeBlinkLeft: n.w.eyeBlinkLeft ?? 0, eyeBlinkRight: n.w.eyeBlinkRight ?? 0 } })],
  ['photo pose', (f) => ({ ...f, pose: n.pose })],
  ['no gaze', (f) => ({ ...f, gaze: n.gaze })],
  ['photo weights, motion pose+gaze', (f) => ({ ...n, pose: f.pose, gaze: f.gaze })],
];
const driverShare = picks.reduce((s, i) => s + (eyes[i]!.left + eyes[i]!.right) / 2 / p80, 0) / picks.length;
console.log(`${photo} <- ${video}: frames ${picks.map((i) => (i / FPS).toFixed(1)).join(', ')} s; driver's eye opening there ${driverShare.toFixed(2)} of its rest (80th pct)`);
const w = (c: string) => picks.reduce((s, i) => s + (frames[i]!.w[c] ?? 0), 0) / picks.length;
console.log(`motion there: eyeSquint ${((w('eyeSquintLeft') + w('eyeSquintRight')) / 2).toFixed(2)} cheekSquint ${((w('cheekSquintLeft') + w('cheekSquintRight')) / 2).toFixed(2)} smile ${((w('mouthSmileLeft') + w('mouthSmileRight')) / 2).toFixed(2)} blinkL/R ${w('eyeBlinkLeft').toFixed(2)}/${w('eyeBlinkRight').toFixed(2)} blink ${(picks.reduce((s, i) => s + frames[i]!.blink, 0) / picks.length).toFixed(2)} pitch ${(picks.reduce((s, i) => s + frames[i]!.pose.pitch, 0) / picks.length).toFixed(1)}`);
for (const [name, f] of variants) {
  let s = 0, k = 0;
  for (const i of picks) { const o = await open(f(frames[i]!)); if (Number.isFinite(o)) { s += o / rest; k++; } }
  console.log(`  ${name.padEnd(34)} eye opening / rest ${(s / k).toFixed(2)}`);
}
