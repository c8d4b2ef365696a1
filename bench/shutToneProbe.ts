// The shut lid's body chroma through the bake (s50, shuttone50): per eye, the chroma (channel over luma) of the cheek
// under the eye, the skin ring round the patch, the lidSkinTone target and the baked lid's body (lidSkinTone's body
// share over .5, its 40-90 % luma mean), with its luma over the cheek's. Never asserts.
// the skin over the crease (lidNoPaler.ts), the body's top (.2-.45 from the crease to the shut line) and bottom (.55-.8).
//   node --import tsx bench/shutToneProbe.ts lp_s5.jpg,mt_man.png [--across] [--rows]  (--rows: luma|photo luma|mask and r/l per .04 row down the middle)
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { lidSkinToneSetting, bodyWeights, cheekSkin, ringSkin, skinOf, targetSkin, type Rgb } from '../src/render/closedEye/lidSkinTone.ts';
import { luminance } from '../src/math/colour.ts';
import { overCreaseSkin } from '../src/render/closedEye/lidNoPaler.ts';
import { SHARED_DATA } from './sharedData.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { lineAt } from '../src/render/closedEye/library.ts';

const list = process.argv[2]!.split(',');
if (process.argv.includes('--across')) lidSkinToneSetting.across = true;
const ch = (c: Rgb | undefined) => (c ? `l ${luminance(...c).toFixed(0)} r/l ${(c[0] / luminance(...c)).toFixed(3)} b/l ${(c[2] / luminance(...c)).toFixed(3)}` : 'unread');
for (const file of list) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
  const xy = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const geo = eyeGeometry(xy);
  const lib = closedEyeLibrary()[0]!;
  const moved = eyesMovedBySide(avatar.analysis);
  const sampled = geo.map((g, side) => sampleEye(avatar.texture, g, lib, moved[side]));
  const lashDark = Math.min(...sampled.map((s) => s.photoDark));
  sampled.forEach((s, side) => {
    const g = geo[side]!, crop = avatar.analysis?.crop;
    const baked = finishEye(s, g, lashDark, crop ? crop.size / crop.side : 1);
    const cheek = cheekSkin(s.photo, g), ring = ringSkin(s.photo, baked.mask);
    const w = bodyWeights(g, baked.mask);
    const body = skinOf(baked.rgb, (k) => w[k]! > 0.5);
    const share = (k: number) => { const uc = clamp01(cellU(k % PATCH_W)), cr = creaseAt(g, uc), sh = shutAt(g, uc); return (cellV(Math.floor(k / PATCH_W)) - cr) / (sh - cr); };
    const top = skinOf(baked.rgb, (k) => w[k]! > 0.3 && share(k) < 0.45), bottom = skinOf(baked.rgb, (k) => w[k]! > 0.3 && share(k) > 0.55);
    const over = overCreaseSkin(s.photo, g);
    console.log(`${file} eye ${side}\n  cheek ${ch(cheek)}\n  ring  ${ch(ring)}\n  target ${ring ? ch(targetSkin(ring, cheek)) : '-'}\n  over  ${ch(over)}\n  top   ${ch(top)}\n  bottom ${ch(bottom)}\n  body  ${ch(body)}  body/cheek ${body && cheek ? (luminance(...body) / luminance(...cheek)).toFixed(2) : '-'}`);
    if (process.argv.includes('--rows')) {
    // luma rows down the middle (u .4-.6), v relative to the shut line, baked | photo | mask
    const rows: string[] = [];
    for (let dv = -0.6; dv <= 0.3; dv += 0.04) {
      let sb = 0, sp = 0, sm = 0, n = 0, rb = 0, rp = 0;
      for (let c = 0; c < PATCH_W; c++) { const u = cellU(c); if (u < 0.4 || u > 0.6) continue; const sh = shutAt(g, clamp01(u));
        for (let r = 0; r < PATCH_H; r++) { if (Math.abs(cellV(r) - sh - dv) > 0.02) continue; const k = r * PATCH_W + c; sb += luminance(baked.rgb[k*3]!, baked.rgb[k*3+1]!, baked.rgb[k*3+2]!); sp += luminance(s.photo[k*3]!, s.photo[k*3+1]!, s.photo[k*3+2]!); sm += baked.mask[k]!; n++; rb += baked.rgb[k*3]! / Math.max(1, luminance(baked.rgb[k*3]!, baked.rgb[k*3+1]!, baked.rgb[k*3+2]!)); rp += s.photo[k*3]! / Math.max(1, luminance(s.photo[k*3]!, s.photo[k*3+1]!, s.photo[k*3+2]!)); } }
      rows.push(`${dv.toFixed(2)}: ${(sb/n).toFixed(0)}|${(sp/n).toFixed(0)}|${(sm/n).toFixed(2)} r/l ${(rb/n).toFixed(2)}|${(rp/n).toFixed(2)}`);
    }
    const u5 = 0.5; console.log(`  crease ${(creaseAt(g,u5)-shutAt(g,u5)).toFixed(2)} openLid ${(lineAt(g.lid,u5)-shutAt(g,u5)).toFixed(2)} (v - shut)
  ` + rows.join('  '));
    }
  });
}
