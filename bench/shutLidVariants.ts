// The baked shut eye per eye at the patch grid, beside variants (s59 lids59 look tool): per portrait a row per eye,
// photo | the product | each `--vs` variant (bench/settingSpec.ts, read at the bake), zoomed Z (env, 4) nearest.
// Figures: bench/shutLidProfile.ts (outline ring, top step, band) with the same --set. Never asserts.
//   node --import tsx bench/shutLidVariants.ts out.png lp_s11.jpg,lp_s5.jpg --vs render/closedEye/lidLitDome.ts:lidLitDomeSetting.on=false
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { applySettingSpec } from './settingSpec.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { ClosedEyes, eyesMovedBySide, grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import { PATCH_W, PATCH_H, toImage } from '../src/render/closedEye/frame.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { cellU, cellV, sampleRgba } from '../src/render/closedEye/grid.ts';

const args = process.argv.slice(2);
const [out, list] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--vs');
const VS = args.flatMap((a, i) => (a === '--vs' ? [args[i + 1]!] : []));
const Z = Number(process.env.Z ?? 4), W = PATCH_W * Z, H = PATCH_H * Z, N = 2 + VS.length;
const rows: Buffer[] = [];
for (const portrait of list!.split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, portrait)));
  const crop = avatar.analysis?.crop;
  const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
  const mk = () => new ClosedEyes({ texture: avatar.texture, xy, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis) });
  const ces = [mk()];
  for (const v of VS) { const undo = await applySettingSpec(v); ces.push(mk()); undo(); }
  const grow = shutEyeGrowBySide(avatar.analysis), geo = eyeGeometry(xy).map((g, side) => grownGeometry(g, grow[side]!));
  const px = new Float32Array(3);
  for (let side = 0; side < 2; side++) {
    const img = Buffer.alloc(W * N * H * 3);
    const g = geo[side]!;
    const photo = new Float32Array(PATCH_W * PATCH_H * 3);
    for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
      const [x, y] = toImage(g.frame, cellU(c), cellV(r));
      sampleRgba(avatar.texture, x, y, px, 0);
      for (let ch = 0; ch < 3; ch++) photo[(r * PATCH_W + c) * 3 + ch] = px[ch]!;
    }
    for (let p = 0; p < N; p++) {
      const eye = p ? (ces[p - 1] as any).eyes[side] : null;
      const comp = new Float32Array(photo);
      if (eye) for (let k = 0; k < PATCH_W * PATCH_H; k++) for (let ch = 0; ch < 3; ch++) comp[k * 3 + ch] = eye.mask[k] * eye.rgb[k * 3 + ch] + (1 - eye.mask[k]) * photo[k * 3 + ch]!;
      for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
        const k = r * PATCH_W + c;
        for (let dy = 0; dy < Z; dy++) for (let dx = 0; dx < Z; dx++) {
          const o = ((r * Z + dy) * W * N + p * W + c * Z + dx) * 3;
          for (let ch = 0; ch < 3; ch++) img[o + ch] = Math.round(Math.max(0, Math.min(255, comp[k * 3 + ch]!)));
        }
      }
    }
    rows.push(await sharp(img, { raw: { width: W * N, height: H, channels: 3 } }).png().toBuffer());
  }
}
await sharp({ create: { width: W * N, height: H * rows.length, channels: 3, background: '#000' } }).composite(rows.map((input, i) => ({ input, left: 0, top: i * H }))).png().toFile(out!);
console.log(out);
