// The cut along a turned cheek's oval (issue #15, session 19): at yaw +-25, on the side the turn shows,
// the median luminance step across the face oval from the cheekbone to the jaw (2.5 px inside minus
// 2.5 px outside, along the outward normal, rendered over the plate). Lit skin ending on the oval's
// straight run of landmarks against the photo's own shaded rim (lp_s12 at +25) measures high.
// Also (session 24) the jaw's pen line: the median depth of a dark line across the oval from the mouth
// corner to the chin on the same side (ovalLineDepth: lit skin, a thin dark rim, then the background).
// Never asserts.
//   node --import tsx bench/cheekCut.ts [--root DIR] [--yaws -25,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { ovalStep, ovalLineDepth, SHOWN_SIDE_OVAL, SHOWN_SIDE_JAW } from '../src/eval/ovalStep.ts';

const { root, yaws, names } = turnArgs('-25,25', ['lp_s12.jpg', 'lp_s10.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png']);
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => {
    const frame = turnedFrame(r, yaw);
    const img = r.render(frame), lm = r.landmarks(frame);
    const step = ovalStep(img, lm, SHOWN_SIDE_OVAL(yaw)), jawLine = ovalLineDepth(img, lm, SHOWN_SIDE_JAW(yaw));
    return `${yaw > 0 ? '+' : ''}${yaw}: step ${step.toFixed(1)} jaw line ${jawLine.toFixed(1)}`;
  });
  console.log(r.name.padEnd(14), cells.join('  '));
}
process.exit(0);
