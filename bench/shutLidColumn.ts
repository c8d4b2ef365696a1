// One shut eye's light down its middle (s59 lids59 look tool): per patch row (v, eye widths) the photo's luma, the baked
// lid's, the composite's (lid over photo by its mask) and the mask, mean over u .35-.65, with the crease and the shut line
// marked, and the warmth ((R - B) / luma) of the photo and the composite; `--vs` a variant (bench/settingSpec.ts) adds its composite. Never asserts.
//   node --import tsx bench/shutLidColumn.ts lp_s11.jpg [--vs render/closedEye/x.ts:xSetting.k=v]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { applySettingSpec } from './settingSpec.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { ClosedEyes, eyesMovedBySide, grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import type { BakedEye } from '../src/render/closedEye/bake.ts';
import { PATCH_W, PATCH_H, toImage } from '../src/render/closedEye/frame.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { cellU, cellV, sampleRgba } from '../src/render/closedEye/grid.ts';
import { luminance as lum } from '../src/math/colour.ts';

const args = process.argv.slice(2);
const portrait = args[0]!, vs = args.includes('--vs') ? args[args.indexOf('--vs') + 1] : undefined;
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, portrait)));
const crop = avatar.analysis?.crop;
const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
const mk = () => new ClosedEyes({ texture: avatar.texture, xy, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis) });
const ces = [mk()];
if (vs) { const undo = await applySettingSpec(vs); ces.push(mk()); undo(); }
const grow = shutEyeGrowBySide(avatar.analysis), geo = eyeGeometry(xy).map((g, side) => grownGeometry(g, grow[side]!));
const px = new Float32Array(3);
const cols = Array.from({ length: PATCH_W }, (_, c) => c).filter((c) => cellU(c) >= 0.35 && cellU(c) <= 0.65);
for (let side = 0; side < 2; side++) {
  const g = geo[side]!, eyes = ces.map((ce) => (ce as unknown as { eyes: BakedEye[] }).eyes[side]!);
  const mc = cols[Math.floor(cols.length / 2)]!;
  console.log(`${portrait} eye${side}  crease v ${eyes[0]!.creaseV[mc]!.toFixed(2)}  shut v ${eyes[0]!.shutV[mc]!.toFixed(2)}`);
  console.log('     v   photo   lid  comp  mask  warm(photo) warm(comp)' + (vs ? '  comp(vs) mask(vs)' : ''));
  for (let r = 0; r < PATCH_H; r += 2) {
    let p = 0, wp = 0, wc = 0; const lid = eyes.map(() => 0), comp = eyes.map(() => 0), m = eyes.map(() => 0);
    for (const c of cols) {
      const k = r * PATCH_W + c, [x, y] = toImage(g.frame, cellU(c), cellV(r));
      sampleRgba(avatar.texture, x, y, px, 0);
      const pl = lum(px[0]!, px[1]!, px[2]!); p += pl; wp += (px[0]! - px[2]!) / Math.max(1, pl);
      const e0 = eyes[0]!, m0 = e0.mask[k]!, cr = m0 * e0.rgb[k * 3]! + (1 - m0) * px[0]!, cb = m0 * e0.rgb[k * 3 + 2]! + (1 - m0) * px[2]!, cg = m0 * e0.rgb[k * 3 + 1]! + (1 - m0) * px[1]!;
      wc += (cr - cb) / Math.max(1, lum(cr, cg, cb));
      eyes.forEach((e, i) => { const l = lum(e.rgb[k * 3]!, e.rgb[k * 3 + 1]!, e.rgb[k * 3 + 2]!); lid[i] += l; comp[i] += e.mask[k]! * l + (1 - e.mask[k]!) * pl; m[i] += e.mask[k]!; });
    }
    const n = cols.length, f = (x: number) => (x / n).toFixed(0).padStart(6);
    const v = cellV(r), mark = Math.abs(v - eyes[0]!.creaseV[mc]!) < 0.021 ? ' <crease' : Math.abs(v - eyes[0]!.shutV[mc]!) < 0.021 ? ' <shut' : '';
    console.log(`${v.toFixed(2).padStart(6)}${f(p)}${f(lid[0]!)}${f(comp[0]!)}${(m[0]! / n).toFixed(2).padStart(6)}${(wp / n).toFixed(2).padStart(8)}${(wc / n).toFixed(2).padStart(11)}${vs ? f(comp[1]!) + (m[1]! / n).toFixed(2).padStart(7) : ''}${mark}`);
  }
}
