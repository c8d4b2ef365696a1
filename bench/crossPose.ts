// Why a driver fails AED: the same cross-reenactment as bench/cross.ts, each frame also rendered with the
// pose zeroed (expression kept) and with the expression zeroed (pose kept), scored per control by the same
// rig fit. If "expression zeroed" scores like the result, the error comes from the pose, not the expression.
//   node --import tsx bench/crossPose.ts [WDA_KatieHill_000.mp4]   (writes /tmp/aedx/crossPose-<driver>.json)
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks, type FitOptions } from '../src/rig/fit.ts';
import { RIG_CONTROLS, weightsToVector } from '../src/rig/controls.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
const DATA = SHARED_DATA;
const video = process.argv[2] ?? 'WDA_KatieHill_000.mp4';
const portrait = await cachedPortrait(path.join(DATA, 'portraits', 'lp_s42.jpg'));
const avatar = buildAvatar(portrait);
const size = portrait.image.width;
const renderer = createRenderer(avatar, { width: size, height: size });
const photoLm = (await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks;
const vec = (lm: Landmarks, n: FitOptions['neutral']) => weightsToVector(fitRig(lm, { neutral: n }).weights);
const photoW = vec(photoLm, photoLm);
const raw = await cachedTrack(video, 10);
const { frames } = motionFramesFromRaw(raw, 10, true, { expressions: 'rig' });
const drvLm = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const drvNeutral = estimateNeutral(drvLm.filter((l): l is Landmarks => !!l));
const K = RIG_CONTROLS.length;
const variants = ['normal', 'poseZero', 'exprZero'] as const;
const per: Record<string, Float64Array> = Object.fromEntries([...variants, 'base'].map((v) => [v, new Float64Array(K)]));
const rows: unknown[] = [];
let n = 0;
for (let i = 0; i < frames.length; i++) {
  const d = drvLm[i]; if (!d) continue;
  const dw = vec(d, drvNeutral);
  const f = frames[i]!;
  const row: Record<string, unknown> = { i, yaw: f.pose.yaw, pitch: f.pose.pitch, roll: f.pose.roll, drv: Array.from(dw) };
  let ok = true;
  const ws: Record<string, Float64Array> = {};
  for (const v of variants) {
    const fr = v === 'normal' ? f : v === 'poseZero' ? { ...f, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } } : { ...f, w: {}, blink: 0, gaze: [0, 0] as [number, number] };
    const g = (await detectFaces(renderer.render(fr), { embedding: false }))[0];
    if (!g) { ok = false; break; }
    ws[v] = vec(g.landmarks as Landmarks, photoLm);
  }
  if (!ok) continue;
  for (const v of variants) { for (let k = 0; k < K; k++) per[v]![k]! += Math.abs(ws[v]![k]! - dw[k]!); row[v] = Array.from(ws[v]!); }
  for (let k = 0; k < K; k++) per.base![k]! += Math.abs(photoW[k]! - dw[k]!);
  rows.push(row); n++;
}
const aed = (a: Float64Array) => { let s = 0; for (let k = 0; k < 21; k++) s += a[k]!; return s / 21 / n; };
console.log(video, 'frames', n, 'AED21', Object.fromEntries(Object.entries(per).map(([k, a]) => [k, aed(a).toFixed(4)])));
const order = [...RIG_CONTROLS.keys()].sort((a, b) => per.normal![b]! - per.normal![a]!).slice(0, 14);
for (const k of order) console.log(RIG_CONTROLS[k]!.padEnd(20), ['normal', 'poseZero', 'exprZero', 'base'].map((v) => `${v} ${(per[v]![k]! / n).toFixed(3)}`).join('  '));
await mkdir('/tmp/aedx', { recursive: true });
await writeFile(`/tmp/aedx/crossPose-${path.parse(video).name}.json`, JSON.stringify({ controls: RIG_CONTROLS, rows }));
