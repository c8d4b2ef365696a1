// lp_s10 +25's ghost nose (issue #15, session 31): the far cheek beside the nose, zoomed, as rendered |
// mirror off | the mirror's texture alone (share 1 wherever reach > 0). Shows which layer draws the arc.
//   node --import tsx bench/farNoseGhost.ts [name] [yaw] [--box x,y,w,h] [--out file]
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const box = flag('--box', '150,190,110,110').split(',').map(Number) as [number, number, number, number];
const out = flag('--out', '/tmp/farNoseGhost.png');
const [name = 'lp_s10.jpg', yawArg = '25'] = args;
const yaw = Number(yawArg);
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
const avatar = buildAvatar(portrait);
const render = (a: Avatar): RgbaImage => {
  const r = createRenderer(a, { width: a.size, height: a.size });
  return r.render({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
};
const full = render(avatar);
const noMirror = render({ ...avatar, mirrorReach: new Float32Array(avatar.vertexCount) });
const mirrorOnly = render({ ...avatar, mirrorReach: avatar.mirrorReach.map((r) => (r > 0 ? 1 : 0)) });
const scale = 4, [bx, by, bw, bh] = box;
const cells = await Promise.all([full, noMirror, mirrorOnly].map((img) => sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } })
  .extract({ left: bx, top: by, width: bw, height: bh }).resize(bw * scale, bh * scale, { kernel: 'nearest' }).png().toBuffer()));
await sharp({ create: { width: 3 * bw * scale + 8, height: bh * scale, channels: 4, background: '#ffffff' } })
  .composite(cells.map((input, k) => ({ input, left: k * (bw * scale + 4), top: 0 }))).png().toFile(out);
console.log(`${name} yaw ${yaw}: rendered | mirror off | mirror alone -> ${out}`);
