// The face mesh's texture folds on a turn (issue #15, session 26; src/eval/uvFold.ts): per portrait
// and yaw, the face-mesh pixels whose triangle draws the photo mirrored (texture winding against the
// screen's: the photo a second time beside itself, lp_s10's ghost nose at +25) and those of
// collapsed triangles (one photo column as a streak), out of the face's pixels. With --map DIR, each
// portrait's render at each yaw with folded pixels magenta and streaks cyan (the face box 3x). Never asserts.
//   node --import tsx bench/uvFold.ts [--root CHECKOUT] [--yaws -25,-12.5,12.5,25] [--map DIR] [names...]
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { uvFoldAtYaw } from '../src/eval/uvFold.ts';
import { ovalBox } from './headCells.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', path.resolve(import.meta.dirname, '..')));
const yaws = flag('--yaws', '-25,-12.5,12.5,25').split(',').map(Number);
const mapDir = flag('--map', '');
const names = args.length ? args : ['lp_s10.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s42.jpg', 'lp_s12.jpg', 'st_happy.png'];
const DATA = SHARED_PORTRAITS;
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));

console.log(`${root}\nportrait      yaw: folded px / streak px (face px)`);
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const renderer = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const cells: string[] = [];
  for (const yaw of yaws) {
    const f = uvFoldAtYaw(avatar, renderer, yaw);
    cells.push(`${yaw}: ${f.folded} / ${f.streak} (${f.face})`);
    if (!mapDir) continue;
    const frame = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const box = ovalBox(renderer.landmarks(frame));
    const img = renderer.render(frame);
    const data = Uint8ClampedArray.from(img.data);
    for (let i = 0; i < f.map.length; i++) {
      if (f.map[i] === 2) data.set([255, 0, 255], i * 4);
      else if (f.map[i] === 3) data.set([0, 255, 255], i * 4);
    }
    const side = Math.round(1.1 * box.extent), S = avatar.size;
    const left = Math.max(0, Math.min(S - side, Math.round(box.cx - side / 2))), top = Math.max(0, Math.min(S - side, Math.round(box.cy - side / 2)));
    const out = path.join(mapDir, `${path.parse(name).name}_${yaw}.png`);
    await sharp(Buffer.from(data.buffer), { raw: { width: S, height: S, channels: 4 } }).extract({ left, top, width: side, height: side })
      .resize(side * 3, side * 3, { kernel: 'nearest' }).removeAlpha().png().toFile(out);
  }
  console.log(`${name.padEnd(13)} ${cells.join('   ')}`);
}
process.exit(0);
