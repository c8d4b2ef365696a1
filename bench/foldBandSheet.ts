// foldBand per eye at the patch grid (s58 shutlid58 look tool, kept by foldhue58): per portrait a row of both eyes, photo | the product (foldBand off) |
// foldBand on, zoomed Z (env, 4) nearest; BROW=0 leaves foldBrow off. Prints each eye's fold share. Never asserts.
//   node --import tsx bench/foldBandSheet.ts out.png lp_s5.jpg,lp_s1.jpg
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { ClosedEyes, eyesMovedBySide, grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import { PATCH_W, PATCH_H, toImage } from '../src/render/closedEye/frame.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { cellU, cellV, sampleRgba } from '../src/render/closedEye/grid.ts';
import { foldBandSetting } from '../src/render/closedEye/foldBand.ts';
import { foldBrowSetting, foldShares } from '../src/render/closedEye/foldBrow.ts';

import { sampleEye } from '../src/render/closedEye/bake.ts';
import { closedEyeLibrary } from '../src/render/closedEye/library.ts';
const [out, list] = process.argv.slice(2);
const Z = Number(process.env.Z ?? 4), W = PATCH_W * Z, H = PATCH_H * Z;
const rows: Buffer[] = [];
for (const portrait of list!.split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, portrait)));
  const crop = avatar.analysis?.crop;
  const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
  const mk = (on: boolean) => { foldBandSetting.on = on; foldBrowSetting.on = process.env.BROW !== "0"; return new ClosedEyes({ texture: avatar.texture, xy, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis) }); };
  const ces = [mk(false), mk(true)];
  const grow = shutEyeGrowBySide(avatar.analysis), geo = eyeGeometry(xy).map((g, side) => grownGeometry(g, grow[side]!));
  for (let side = 0; side < 2; side++) { foldBandSetting.on = true; const sm = sampleEye(avatar.texture, geo[side]!, closedEyeLibrary()[0]!); console.log(portrait, "eye" + side, "fold", sm.fold.toFixed(2)); }
  const img = Buffer.alloc(W * 6 * H * 3);
  const px = new Float32Array(3);
  for (let side = 0; side < 2; side++) for (let p = 0; p < 3; p++) {
    const g = geo[side]!, eye = p ? (ces[p - 1] as any).eyes[side] : null;
    for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
      const [x, y] = toImage(g.frame, cellU(c), cellV(r));
      sampleRgba(avatar.texture, x, y, px, 0);
      const k = r * PATCH_W + c, m = eye ? eye.mask[k] : 0;
      const col = [0, 1, 2].map((ch) => Math.round(m * (eye ? eye.rgb[k * 3 + ch] : 0) + (1 - m) * px[ch]!));
      for (let dy = 0; dy < Z; dy++) for (let dx = 0; dx < Z; dx++) {
        const X = (side * 3 + p) * W + c * Z + dx, Y = r * Z + dy, o = (Y * W * 6 + X) * 3;
        img[o] = col[0]!; img[o + 1] = col[1]!; img[o + 2] = col[2]!;
      }
    }
  }
  rows.push(await sharp(img, { raw: { width: W * 6, height: H, channels: 3 } }).png().toBuffer());
}
await sharp({ create: { width: W * 6, height: H * rows.length, channels: 3, background: '#000' } }).composite(rows.map((input, i) => ({ input, left: 0, top: i * H }))).png().toFile(out!);
console.log(out);
