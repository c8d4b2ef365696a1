// The shut lid's grain against the photo's own lid skin (s52 shutlid52, #14 "shut lids as patches"): per eye, on the bake's
// patch grid, the robust spread of the luma high-pass (sigma 1.2 cells, ~the photo's pixel) of: the cheek band under the
// mask that shading.ts addPhotoGrain deals its grain from (`dealt from`), the photo's lid skin over the crease (the skin a
// shut lid continues, lidNoPaler.ts overCreaseSkin's band, `lid skin`), and the baked lid's body (lidSkinTone's body share
// over .5, `baked body`); and the body's luma over the lid skin's. Never asserts.
//   node --import tsx bench/lidGrainProbe.ts lp_s5.jpg,lp_s7.jpg [--set render/x.ts:xSetting.key=value]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { bodyWeights } from '../src/render/closedEye/lidSkinTone.ts';
import { lumaDetail, spread } from '../src/render/closedEye/lidBodyGrain.ts';
import { maskBottomEdge } from '../src/render/closedEye/mask.ts';
import { creaseAt } from '../src/render/closedEye/lids.ts';
import { lineAt } from "../src/render/closedEye/library.ts";
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { luminance } from '../src/math/colour.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
  const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
  const m = await import(pathToFileURL(path.join(import.meta.dirname, '../src', mod!)).href);
  m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
}
const median = (a: number[]) => { const s = [...a].sort((p, q) => p - q); return s.length ? s[s.length >> 1]! : NaN; };
for (const file of args[0]!.split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
  const geo = eyeGeometry((i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!, moved = eyesMovedBySide(avatar.analysis);
  const sampled = geo.map((g, side) => sampleEye(avatar.texture, g, lib, moved[side]));
  const lashDark = Math.min(...sampled.map((s) => s.photoDark));
  sampled.forEach((s, side) => {
    const g = geo[side]!, crop = avatar.analysis?.crop;
    const baked = finishEye(s, g, lashDark, crop ? crop.size / crop.side : 1);
    const pd = lumaDetail(s.photo, 1.2), bd = lumaDetail(baked.rgb, 1.2), w = bodyWeights(g, baked.mask);
    const own: number[] = [], dealt: number[] = [], lid: number[] = [], body: number[] = [], lidL: number[] = [], bodyL: number[] = [];
    for (let k = 0; k < PATCH_W * PATCH_H; k++) {
      const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W)), uc = clamp01(u);
      if (u >= 0 && u <= 1) { const b = maskBottomEdge(g, u); if (v >= b + 0.08 && v <= b + 0.2) dealt.push(pd[k]!); }
      const over = creaseAt(g, uc) - v;
      if (u >= 0.15 && u <= 0.85 && over >= 0.04 && over <= 0.16) { lid.push(pd[k]!); lidL.push(luminance(s.photo[k * 3]!, s.photo[k * 3 + 1]!, s.photo[k * 3 + 2]!)); }
      if (u >= 0.15 && u <= 0.85 && v > creaseAt(g, uc) + 0.01 && v < lineAt(g.lid, uc) - 0.04) own.push(pd[k]!);
      if (w[k]! > 0.5) { body.push(bd[k]!); bodyL.push(luminance(baked.rgb[k * 3]!, baked.rgb[k * 3 + 1]!, baked.rgb[k * 3 + 2]!)); }
    }
    console.log(`${file} eye ${side}: grain dealt from ${spread(dealt).toFixed(2)}  lid skin ${spread(lid).toFixed(2)}  own lid ${spread(own).toFixed(2)} (n ${own.length})  baked body ${spread(body).toFixed(2)}  (body/lid ${(spread(body) / spread(lid)).toFixed(2)})  flecks ${(100 * body.filter((x) => Math.abs(x) > 3 * spread(dealt)).length / Math.max(1, body.length)).toFixed(1)}% p99 ${[...body].map(Math.abs).sort((p, q) => p - q)[Math.floor(0.99 * (body.length - 1))]!.toFixed(1)}  luma body ${median(bodyL).toFixed(0)} lid skin ${median(lidL).toFixed(0)}`);
  });
}
