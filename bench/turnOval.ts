// Where a turn puts the face oval: per portrait and yaw (relative to the photo), the rendered
// landmarks' half-widths either side of the nose tip and the oval's width (face widths, 234 to 454),
// with the renderer's reveal flattening and without it (the avatar's own depth turned rigidly),
// beside what a symmetric rigid head would give for the oval's width at the same absolute yaw
// (cos(photo yaw + yaw) / cos(photo yaw)). Tells a turn that fails in geometry (the oval does not
// narrow/shift) from one that fails in texture or silhouette (turn-s14: lp_s12 at +30). Never asserts.
//   node --import tsx bench/turnOval.ts [--yaws -30,-15,0,15,30] [names...]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cachedPortrait } from './portraitCache.ts';
import { bandWidthRatio } from '../src/eval/turnBand.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const yaws = flag('--yaws', '-30,-15,0,15,30').split(',').map(Number);
const names = args.length ? args : ['lp_s12.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png'];
const deg = Math.PI / 180;

for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const fw = avatar.head.faceWidth, photoYaw = avatar.rig.angles.yaw;
  const renderers = [createRenderer(avatar, { width: avatar.size, height: avatar.size }), createRenderer(avatar, { width: avatar.size, height: avatar.size, revealFlatten: 0 })];
  console.log(`${name}: photo yaw ${photoYaw.toFixed(1)}°, face width ${fw.toFixed(0)} px; per yaw: image-left | image-right half-width from the nose tip, oval width (face widths)`);
  for (const yaw of yaws) {
    const cells = renderers.map((r) => {
      const lm = r.landmarks({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
      const x = (i: number) => lm[i]![0] / fw;
      return `${(x(1) - x(234)).toFixed(2)} | ${(x(454) - x(1)).toFixed(2)}, ${(x(454) - x(234)).toFixed(2)}`;
    });
    const rigid = Math.cos((photoYaw + yaw) * deg) / Math.cos(photoYaw * deg);
    // the side turning away: image-right on +yaw
    const band = yaw === 0 ? '' : `   band beyond ${yaw > 0 ? 454 : 234} x${bandWidthRatio(avatar, yaw > 0 ? 454 : 234, yaw).toFixed(2)}`;
    console.log(`  ${String(yaw).padStart(4)} (abs ${(photoYaw + yaw).toFixed(0).padStart(3)}): rendered ${cells[0]}   unflattened ${cells[1]}   symmetric head width x${rigid.toFixed(2)}${band}`);
  }
}
