// The shut lid's grain as streaks (s52 lidgrain52, #14 lp_s0's "grey smear with horizontal streaks"): per eye, on the
// bake's patch grid, the grain lidBodyGrain.ts adds to the lid's body (luma of the bake with it on minus off), over the
// body (lidSkinTone's body share over .9, crease -> shut share .05-.75, where the grain is whole):
//   `streak`  the added grain's energy across the lid's rows over its energy along them (mean squared step to the next
//             cell down over to the next cell along): ~1 for a grain, > 1 for streaks along the eye;
//   `line`    the share of its energy in the means of bands of the crease -> shut share (.05 wide: the curves a line
//             parallel to the lower lid is copied onto), the rest being the grain: ~the grain's size over a band's length
//             for a grain, toward 1 for lines;
//   `dark`    the darkest band's mean (luma levels, a dark line's depth);
//   `grain`   the body's high-pass spread (sigma 1.2 cells) with the grain off -> on, and the photo's cheek under the eye.
// `--vs spec` (repeatable, as shutSeam.ts: render/x.ts:xSetting.k=v, `a+b` for two): a variant beside the product. Never asserts.
//   node --import tsx bench/lidStreak.ts lp_s0.jpg,lp_s12.jpg [--vs render/closedEye/lidBodyGrain.ts:lidBodyGrainSetting.alongU=0]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { bodyWeights } from '../src/render/closedEye/lidSkinTone.ts';
import { lidBodyGrainSetting, lumaDetail, spread } from '../src/render/closedEye/lidBodyGrain.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { applySettingSpec } from './settingSpec.ts';

const args = process.argv.slice(2);
const specs = args.flatMap((a, i) => (a === '--vs' ? [args[i + 1]!] : []));

const applySpec = (spec: string) => applySettingSpec(spec);

const BAND = 0.05, T0 = 0.05, T1 = 0.75;
/** The figures of the grain a bake added (on - off luma) over the body cells. */
export function streakFigures(off: Float32Array, on: Float32Array, body: Uint8Array, t: Float32Array) {
  const a = new Float32Array(PATCH_W * PATCH_H);
  for (let k = 0; k < a.length; k++) a[k] = lum(on[k * 3]!, on[k * 3 + 1]!, on[k * 3 + 2]!) - lum(off[k * 3]!, off[k * 3 + 1]!, off[k * 3 + 2]!);
  let across = 0, along = 0, nAcross = 0, nAlong = 0;
  const bands = new Map<number, number[]>();
  const vals: number[] = [];
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const k = r * PATCH_W + c;
    if (!body[k]) continue;
    if (c + 1 < PATCH_W && body[k + 1]) { along += (a[k + 1]! - a[k]!) ** 2; nAlong++; }
    if (r + 1 < PATCH_H && body[k + PATCH_W]) { across += (a[k + PATCH_W]! - a[k]!) ** 2; nAcross++; }
    const b = Math.floor(t[k]! / BAND);
    (bands.get(b) ?? bands.set(b, []).get(b)!).push(a[k]!);
    vals.push(a[k]!);
  }
  const mean = vals.reduce((p, q) => p + q, 0) / Math.max(1, vals.length);
  const total = vals.reduce((p, q) => p + (q - mean) ** 2, 0);
  let inBands = 0, dark = 0;
  for (const b of bands.values()) {
    const m = b.reduce((p, q) => p + q, 0) / b.length;
    inBands += b.length * (m - mean) ** 2;
    if (b.length >= 8) dark = Math.min(dark, m);
  }
  return { streak: nAlong && nAcross && along > 0 ? (across / nAcross) / (along / nAlong) : NaN, line: total > 0 ? inBands / total : NaN, dark, added: Math.sqrt(total / Math.max(1, vals.length)) };
}

const fmt = (x: number, d = 2) => (Number.isNaN(x) ? '-' : x.toFixed(d));
const rows: Record<string, number[][]> = {};
for (const file of args[0]!.split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
  const geo = eyeGeometry((i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!, moved = eyesMovedBySide(avatar.analysis);
  const crop = avatar.analysis?.crop, photoPixel = crop ? crop.size / crop.side : 1;
  const sampled = geo.map((g, side) => sampleEye(avatar.texture, g, lib, moved[side]));
  const lashDark = Math.min(...sampled.map((s) => s.photoDark));
  for (const variant of ['product', ...specs]) {
    const undo = variant === 'product' ? () => {} : await applySpec(variant);
    const name = variant === 'product' ? 'product' : variant.replace(/render\/|closedEye\/|\.ts|Setting|lidBodyGrain:/g, '');
    sampled.forEach((s, side) => {
      const g = geo[side]!;
      const bake = (on: boolean) => {
        const was = lidBodyGrainSetting.on;
        lidBodyGrainSetting.on = on;
        try { return finishEye(s, g, lashDark, photoPixel); } finally { lidBodyGrainSetting.on = was; }
      };
      const off = bake(false), on = bake(true);
      const w = bodyWeights(g, off.mask), body = new Uint8Array(PATCH_W * PATCH_H), t = new Float32Array(PATCH_W * PATCH_H);
      const cheek: number[] = [], dPhoto = lumaDetail(s.photo, 1.2);
      for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
        const k = r * PATCH_W + c, u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc);
        t[k] = (cellV(r) - crease) / Math.max(1e-3, shutAt(g, uc) - crease);
        body[k] = w[k]! > 0.9 && t[k]! >= T0 && t[k]! <= T1 ? 1 : 0;
        const under = cellV(r) - lineAt(g.lower, uc);
        if (u > 0.15 && u < 0.85 && under >= 0.12 && under <= 0.32) cheek.push(dPhoto[k]!);
      }
      const f = streakFigures(off.rgb, on.rgb, body, t);
      const grain = (rgb: Float32Array) => { const d = lumaDetail(rgb, 1.2), v: number[] = []; body.forEach((b, k) => { if (b) v.push(d[k]!); }); return spread(v); };
      const gOff = grain(off.rgb), gOn = grain(on.rgb);
      if (s.moved) { console.log(`${file} eye ${side} ${name}: moved eye (no grain)`); return; }
      console.log(`${file.padEnd(10)} eye ${side} ${name.padEnd(18)} streak ${fmt(f.streak)}  line ${fmt(f.line)}  dark ${fmt(f.dark, 1)}  added rms ${fmt(f.added)}  grain ${fmt(gOff)} -> ${fmt(gOn)} [cheek ${fmt(spread(cheek))}]`);
      (rows[name] ??= []).push([f.streak, f.line, f.dark, f.added, gOn / Math.max(1e-6, spread(cheek))]);
    });
    undo();
  }
}
for (const [k, r] of Object.entries(rows)) {
  const col = (i: number) => { const v = r.map((x) => x[i]!).filter((x) => !Number.isNaN(x)); return v.reduce((p, q) => p + q, 0) / Math.max(1, v.length); };
  console.log(`mean over eyes ${k.padEnd(18)} streak ${fmt(col(0))}  line ${fmt(col(1))}  dark ${fmt(col(2), 1)}  added rms ${fmt(col(3))}  grain on/cheek ${fmt(col(4))}`);
}
