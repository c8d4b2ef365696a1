// The nose flank a turn shows (issue #15, s46 turn46: lp_s12 +25's grey-brown smear beside the nose): per
// portrait and yaw, from each checkout, on the rendered frame's band between the nose's ridge and 0.2
// eye-corner distances toward the side the turn shows (rows from just under the inner eye corner to 0.08
// above the tip, render/flankLift.ts's band), the band's median luma and its darkest tenth (p10) over the
// same side's cheek skin (median of a patch around landmark 205 / 425), and its saturation over the cheek's.
// [reference]: the rest frame's near (lit) flank of the same photo, i.e. a flank facing the camera in this
// light. Never asserts.
//   node --import tsx bench/flankShade.ts [--root DIR] [--yaws -25,0,13,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { flankBandStats } from '../src/eval/flankShade.ts';

const { root, yaws, names } = turnArgs('-25,0,13,25', ['lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png']);
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.flatMap((yaw) => {
    const frame = turnedFrame(r, yaw);
    const img = r.render(frame), lm = r.landmarks(frame);
    const sides: (-1 | 1)[] = yaw > 0 ? [-1] : yaw < 0 ? [1] : [-1, 1];
    return sides.map((side) => {
      const s = flankBandStats(img, lm, side);
      return `${yaw > 0 ? '+' : ''}${yaw}${side < 0 ? 'L' : 'R'}: med ${s.median.toFixed(2)} p10 ${s.p10.toFixed(2)} sat ${s.saturation.toFixed(2)}`;
    });
  });
  console.log(root.split('/').pop()!.padEnd(10), r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);
