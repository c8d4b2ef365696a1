// Detached band beside a turned far cheek (issue #15, session 17): at each yaw, the rows from the far
// eye's outer corner to the chin where a band of sheet stands apart from the cheek (a pale crescent
// past a clear crack, src/eval/detachedBand.ts), over a transparent background. Never asserts.
//   node --import tsx bench/turnDetached.ts [--root DIR] [--yaws 12,25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { detachedRows } from '../src/eval/detachedBand.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const yaws = flag('--yaws', '-25,-12,12,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png'];
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const cells = yaws.map((yaw) => {
    const frame = { ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const lm = r.landmarks(frame);
    // +yaw shows the image-left side; from the far eye's outer corner (33 image-left, 263 right) to the chin
    const { rows, scanned } = detachedRows(r.render(frame, { background: null }), lm[yaw > 0 ? 33 : 263]![1], lm[152]![1], lm[4]![0], yaw > 0);
    return `${yaw > 0 ? '+' : ''}${yaw}: ${rows}/${scanned}`;
  });
  console.log(name.padEnd(14), cells.join('  '));
}
process.exit(0);
