// The thin dark line along a turned face's far oval (issue #15, s48 turn48: lp_s12 at +25, lit cheek | 1-px dark line |
// lighter ramp | sideburn): per portrait and yaw, on the shown side's cheek run (cheekbone to jaw, SHOWN_SIDE_OVAL) and
// jaw run (mouth corner to chin, SHOWN_SIDE_JAW), the median and 90th percentile of src/eval/ovalStep.ts ovalLineDips
// (levels a profile across the oval falls below its monotone envelope) and the share of points past 8 levels, over the
// plate. Never asserts.
//   node --import tsx bench/seamLine.ts [--root DIR] [--yaws -25,15,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { ovalLineDips, SHOWN_SIDE_OVAL, SHOWN_SIDE_JAW } from '../src/eval/ovalStep.ts';

const { root, yaws, names } = turnArgs('-25,15,25', ['lp_s12.jpg', 'lp_s42.jpg', 'mt_man.png', 'lp_s1.jpg', 'lp_s2.jpg', 'lp_s10.jpg', 'st_art_1.png']);
const q = (a: number[], f: number) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))]! : NaN; };
const fmt = (d: number[]) => `${q(d, 0.5).toFixed(1)}/${q(d, 0.9).toFixed(1)}/${Math.round((100 * d.filter((v) => v > 8).length) / Math.max(1, d.length))}%`;
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => {
    const frame = turnedFrame(r, yaw);
    const img = r.render(frame), lm = r.landmarks(frame);
    return `${yaw > 0 ? '+' : ''}${yaw}: cheek ${fmt(ovalLineDips(img, lm, SHOWN_SIDE_OVAL(yaw)))} jaw ${fmt(ovalLineDips(img, lm, SHOWN_SIDE_JAW(yaw)))}`;
  });
  console.log(r.name.padEnd(14), cells.join('   '));
}
process.exit(0);
