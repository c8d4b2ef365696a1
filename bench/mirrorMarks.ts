// Dark marks the far side's mirror draws (issue #15, session 31): per portrait and yaw, the pixels a
// turned head's render shows more than 24 levels darker than the same render with the mirror off
// (avatar.mirrorReach zeroed), both opaque. lp_s10 +25's ghost nose arc is such a mark (the near nose
// flank's shadow edge copied onto the plain lit far cheek); so is a copied crease or mouth corner.
// A mirror relit as it should be draws few. Per checkout (--root, repeatable; default this one). Never asserts.
//   node --import tsx bench/mirrorMarks.ts [--root BEFORE] [--root .] [--yaws 12.5,25,-25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { turnSheetArgs } from './headCells.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const { roots, names, yaws } = turnSheetArgs(process.argv.slice(2), '');
const list = names.length ? names : ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s42.jpg', 'st_art_1.png', 'st_happy.png', 'mt_man.png'];
const yawList = process.argv.includes('--yaws') ? yaws : [12.5, 25, -12.5, -25];
const DARKER = 24;
const lum = (d: ArrayLike<number>, i: number) => 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!;

/** Pixels opaque in both frames where `a` is more than DARKER levels darker than `b`. */
function darkerPixels(a: RgbaImage, b: RgbaImage): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data[i + 3] === 255 && b.data[i + 3] === 255 && lum(a.data, i) < lum(b.data, i) - DARKER) n++;
  return n;
}

for (const name of list) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const cells: string[] = [];
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const avatar = buildAvatar(portrait) as Avatar;
    const off = { ...avatar, mirrorReach: new Float32Array(avatar.vertexCount) };
    const draw = (a: Avatar, yaw: number): RgbaImage => {
      const r = createRenderer(a, { width: a.size, height: a.size });
      return r.render({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }, { background: null });
    };
    cells.push(yawList.map((y) => `${y > 0 ? '+' : ''}${y}: ${darkerPixels(draw(avatar, y), draw(off, y))}`).join('  '));
  }
  console.log(`${name.padEnd(14)} ${cells.join('  |  ')}`);
}
