// The far seam of a turned face (issue #15, edges25): on the side the turn shows, from the cheekbone to
// the jaw, the median width (px) of the 10-90 % luminance ramp across the face oval (src/eval/ovalStep.ts
// ovalRampWidth; a z-buffer cut reads ~1 px) and the median step across it (cheekCut's figure), per
// checkout, portrait and yaw, rendered over the plate. Every --root is built in this one process.
// Never asserts.
//   node --import tsx bench/farSeam.ts [--root BEFORE] [--root AFTER] [--yaws -25,-12,12,25] [names...]
import path from 'node:path';
import { turnedFrame, turnRenderers } from './turnBench.ts';
import { ovalRampWidth, ovalStep, SHOWN_SIDE_OVAL } from '../src/eval/ovalStep.ts';

const args = process.argv.slice(2);
const roots: string[] = [];
let yaws = [-25, -12, 12, 25];
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
  else names.push(args[i]!);
}
if (roots.length === 0) roots.push(path.resolve(import.meta.dirname, '..'));
if (names.length === 0) names.push('mt_man.png', 'lp_s10.jpg', 'st_art_1.png', 'lp_s12.jpg', 'lp_s42.jpg');
for (const name of names) {
  for (const root of roots) {
    for await (const r of turnRenderers(root, [name])) {
      const cells = yaws.map((yaw) => {
        const frame = turnedFrame(r, yaw);
        const img = r.render(frame), lm = r.landmarks(frame), ids = SHOWN_SIDE_OVAL(yaw);
        return `${yaw > 0 ? '+' : ''}${yaw}: ramp ${ovalRampWidth(img, lm, ids).toFixed(1)} step ${ovalStep(img, lm, ids).toFixed(1)}`;
      });
      console.log(name.padEnd(13), path.basename(root).padEnd(10), cells.join('  '));
    }
  }
}
process.exit(0);
