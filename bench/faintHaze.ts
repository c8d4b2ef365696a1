// Faint translucent haze beside a turned head (issue #15, session 24; src/eval/faintHaze.ts): per
// portrait and yaw, the pixels of a render without a backdrop, within the face oval's box grown by
// 35% a side, at alpha 3-191 of 255 and more than 3 px from the solid person (stretched sheet texels on
// the matte's last ramp: radial streaks past lp_s10's far cheek). The rest frame's count is the
// photo's own soft tail. Never asserts.
//   node --import tsx bench/faintHaze.ts [--root DIR] [--yaws -25,0,12,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { faintHaze } from '../src/eval/faintHaze.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

const { root, yaws, names } = turnArgs('-25,0,12,25', ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s11.jpg', 'lp_s42.jpg', 'mt_man.png', 'st_art_1.png']);
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => {
    const frame = turnedFrame(r, yaw);
    const lm = r.landmarks(frame);
    const xs = FACE_OVAL.map((i) => lm[i]![0]!), ys = FACE_OVAL.map((i) => lm[i]![1]!);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const gx = 0.35 * (x1 - x0), gy = 0.35 * (y1 - y0);
    const n = faintHaze(r.render(frame, { background: null }), { x0: x0 - gx, y0: y0 - gy, x1: x1 + gx, y1: y1 + gy });
    return `${yaw > 0 ? '+' : ''}${yaw}: ${n}`;
  });
  console.log(r.name.padEnd(14), cells.join('  '));
}
process.exit(0);
