// The cut along a turned cheek's oval (issue #15, session 19): at yaw +-25, on the side the turn shows,
// the median luminance step across the face oval from the cheekbone to the jaw (2.5 px inside minus
// 2.5 px outside, along the outward normal, rendered over the plate). Lit skin ending on the oval's
// straight run of landmarks against the photo's own shaded rim (lp_s12 at +25) measures high.
// Never asserts.
//   node --import tsx bench/cheekCut.ts [--root DIR] [--yaws -25,25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { ovalStep, SHOWN_SIDE_OVAL } from '../src/eval/ovalStep.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const yaws = flag('--yaws', '-25,25').split(',').map(Number);
const names = args.length ? args : ['lp_s12.jpg', 'lp_s10.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png'];
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const cells = yaws.map((yaw) => {
    const frame = { ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const step = ovalStep(r.render(frame), r.landmarks(frame), SHOWN_SIDE_OVAL(yaw));
    return `${yaw > 0 ? '+' : ''}${yaw}: ${step.toFixed(1)}`;
  });
  console.log(name.padEnd(14), cells.join('  '));
}
process.exit(0);
