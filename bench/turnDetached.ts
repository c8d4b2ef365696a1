// Detached band beside a turned far cheek (issue #15, session 17): at each yaw, the rows from the far
// eye's outer corner to the chin where a band of sheet stands apart from the cheek (a pale crescent
// past a clear crack, src/eval/detachedBand.ts), over a transparent background. Never asserts.
//   node --import tsx bench/turnDetached.ts [--root DIR] [--yaws 12,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { detachedRows } from '../src/eval/detachedBand.ts';

const { root, yaws, names } = turnArgs('-25,-12,12,25', ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png']);
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => {
    const frame = turnedFrame(r, yaw);
    const lm = r.landmarks(frame);
    // +yaw shows the image-left side; from the far eye's outer corner (33 image-left, 263 right) to the chin
    const { rows, scanned } = detachedRows(r.render(frame, { background: null }), lm[yaw > 0 ? 33 : 263]![1], lm[152]![1], lm[4]![0], yaw > 0);
    return `${yaw > 0 ? '+' : ''}${yaw}: ${rows}/${scanned}`;
  });
  console.log(r.name.padEnd(14), cells.join('  '));
}
process.exit(0);
