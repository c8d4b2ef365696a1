// The far seam on a driver's turned frames (issue #15, edges25; held out): Katie's motion (10 fps track)
// drives each portrait; at the driver's frames of largest |yaw| (relative to the photo), the far oval's
// ramp width and step (src/eval/ovalStep.ts) per checkout, over the plate. Never asserts.
//   node --import tsx bench/farSeamDriver.ts [--root BEFORE] [--root AFTER] [names...]
import path from 'node:path';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { cachedTrack } from './driverTracks.ts';
import { turnRenderers } from './turnBench.ts';
import { ovalRampWidth, ovalStep, SHOWN_SIDE_OVAL } from '../src/eval/ovalStep.ts';

const args = process.argv.slice(2), roots: string[] = [], names: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else names.push(args[i]!);
}
if (roots.length === 0) roots.push(path.resolve(import.meta.dirname, '..'));
if (names.length === 0) names.push('mt_man.png', 'st_art_1.png', 'lp_s42.jpg');
const raw = await cachedTrack('WDA_KatieHill_000.mp4', 10);
const { frames } = motionFramesFromRaw(raw, 10, true, { expressions: 'rig' });
// the three most turned frames each way
const byYaw = frames.map((f, k) => ({ k, yaw: f.pose.yaw })).sort((a, b) => a.yaw - b.yaw);
const picked = [...byYaw.slice(0, 3), ...byYaw.slice(-3)];
console.log('frames (yaw):', picked.map((p) => `f${p.k} (${p.yaw.toFixed(1)})`).join(' '));
for (const name of names) {
  for (const root of roots) {
    for await (const r of turnRenderers(root, [name])) {
      const cells = picked.map(({ k, yaw }) => {
        const frame = frames[k]!, img = r.render(frame), lm = r.landmarks(frame), ids = SHOWN_SIDE_OVAL(yaw);
        return `f${k}: ${ovalRampWidth(img, lm, ids).toFixed(1)}/${ovalStep(img, lm, ids).toFixed(1)}`;
      });
      console.log(name.padEnd(13), path.basename(root).padEnd(10), 'ramp/step', cells.join('  '));
    }
  }
}
process.exit(0);
