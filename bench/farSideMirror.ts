// Which texture draws a turned far side (issue #15, edges25): one portrait at one yaw, a 120 px square
// around (cx, cy) shown 3x, rendered as built | with the mirror off (mirrorReach 0: the photo's own
// texels only) | with the mirror full on every face point (photoFacing 0). A feature that stays with
// the mirror off is the face mesh's own texture mapping, not the mirror. Never asserts.
//   node --import tsx bench/farSideMirror.ts lp_s10.jpg 25 185 210 /tmp/mirror.png
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const [name, yawS, cxS, cyS, out] = process.argv.slice(2);
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name!));
const a: any = buildAvatar(portrait);
const none = { ...a, mirrorReach: new Float32Array(a.mirrorReach.length) };
const full = { ...a, mirrorReach: a.mirrorReach.map((r: number, i: number) => (i < 478 ? 1 : r)), photoFacing: a.photoFacing.map((f: number, i: number) => (i < 478 ? 0 : f)) };
const crops: Buffer[] = [];
const X = Number(cxS), Y = Number(cyS), S = 120;
for (const av of [a, none, full]) {
  const r = createRenderer(av, { width: a.size, height: a.size });
  const img = r.render({ ...r.neutralFrame(), pose: { yaw: Number(yawS), pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
  crops.push(await sharp(Buffer.from(img.data), { raw: { width: a.size, height: a.size, channels: 4 } }).extract({ left: X - S / 2, top: Y - S / 2, width: S, height: S }).resize(3 * S, 3 * S, { kernel: 'nearest' }).png().toBuffer());
}
await sharp({ create: { width: 3 * (3 * S + 4), height: 3 * S, channels: 3, background: '#fff' } }).composite(crops.map((input, k) => ({ input, left: k * (3 * S + 4), top: 0 }))).png().toFile(out!);
process.exit(0);
