// Where a shut lid's light comes from (s59 lids59 look tool): down the lid's middle (u .35-.65, every other patch row) the
// photo's skin fill (photoRef), the warped library eye, the library's own fill (libRef), their ratio (the library's shading
// the bake lays on the fill) and the finished lid. On lp_s11 eye 0 the ratio rises 1.00 -> 1.17 from the crease to the dome
// (the library's lid lighter than the fill of its darker corners) and the fill 91 -> 105 (toward the cheek). Never asserts.
//   node --import tsx bench/shutLidStages.ts lp_s11.jpg [side 0|1]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { luminance as lum } from '../src/math/colour.ts';
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, process.argv[2]!)));
const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
const grow = shutEyeGrowBySide(avatar.analysis), geo = eyeGeometry(xy).map((g, side) => grownGeometry(g, grow[side]!));
const side = Number(process.argv[3] ?? 0), g = geo[side]!;
const s = sampleEye(avatar.texture, g, closedEyeLibrary()[0]!);
const crop = avatar.analysis?.crop;
const b = finishEye(s, g, s.photoDark, crop ? crop.size / crop.side : 1);
const cols = Array.from({ length: PATCH_W }, (_, c) => c).filter((c) => cellU(c) >= 0.35 && cellU(c) <= 0.65);
const L = (a: Float32Array, k: number) => lum(a[k * 3]!, a[k * 3 + 1]!, a[k * 3 + 2]!);
console.log('    v  photoRef  warped  libRef  ratio  final');
for (let r = 0; r < PATCH_H; r += 2) {
  let pr = 0, w = 0, lr = 0, f = 0;
  const o = [0, 0, 0]; for (const c of cols) { const k = r * PATCH_W + c; (s.photoRef as any)(cellU(c), cellV(r), o); pr += lum(o[0]!, o[1]!, o[2]!); w += L(s.warped, k); (s.libRef as any)(cellU(c), cellV(r), o); lr += lum(o[0]!, o[1]!, o[2]!); f += L(b.rgb, k); }
  const n = cols.length;
  console.log(cellV(r).toFixed(2).padStart(6), (pr / n).toFixed(0).padStart(8), (w / n).toFixed(0).padStart(7), (lr / n).toFixed(0).padStart(7), (w / lr).toFixed(2).padStart(6), (f / n).toFixed(0).padStart(6));
}
