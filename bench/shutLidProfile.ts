// The shut lid's light profile (s55 lidrim55, #14 "shut lids as patches"): real shut eyes (a video frame, the face mesh's
// eye frame) beside our baked blink-1 lid (closedEye bake composited over the photo by its mask), on the same patch grid,
// luma over the cheek's (the median of v .16-.32 under the shut line, u .1-.9). Per eye: `byT` across the lid at u
// .35-.65 in shares t of crease (0) -> shut line (1), steps of .1 from t -1; `along` the lid's middle (t .3-.7) in u steps
// of .1 from -.2; `under` the band .04-.1 under the shut line. Real shut lids run flat from the crease to t .7 and fall
// only over the last quarter into the lash line. `outline` (s56 lidpatch56): the step across the shut eye's mask outline
// (mask.ts on the real eye's own lines; ours its baked mask), inside minus outside over the cheek, 4 cells (.08 eye widths)
// each side of the half line: `top` (u .2-.8), `outer` / `inner` ends (rows over the corners' line) and `ring` the mean
// |step| along the whole outline over the corners' line; `grain` the lid body's fine detail (luma minus its 3x3 mean, RMS
// over the cheek) over the same of the skin just outside the top. A closed contour of contrast = a patch. Never asserts.
// `dome/top` (s59 lids59): the lid's light at t .5-.8 over its top's (t -.2-0), u .35-.65.
// `at the face mesh's mask` (s57 lidlens57): the same steps at mask.ts's own mask (no fold raise, no band lift: the place
// real eyes are read at) and `band`, the dark band over the lid's top (bandDepth).
//   node --import tsx bench/shutLidProfile.ts [--real lp_d0.mp4:66,...] [--ours lp_s5.jpg,...] [--set render/x.ts:xSetting.k=v]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA, SHARED_PORTRAITS } from './sharedData.ts';
import { applySettingSpec } from './settingSpec.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { videoFrameAt } from '../src/io/decodeVideo.ts';
import { detectFaces } from '../src/face/detect.ts';
import { ClosedEyes, eyesMovedBySide, grownGeometry, shutEyeGrowBySide } from '../src/render/closedEye/overlay.ts';
import { PATCH_W, PATCH_H, toImage } from '../src/render/closedEye/frame.ts';
import { eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { cellU, cellV, cellRow, sampleRgba } from '../src/render/closedEye/grid.ts';
import { maskColumn } from '../src/render/closedEye/mask.ts';
import type { BakedEye } from '../src/render/closedEye/bake.ts';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
for (let i = 0; i < args.length; i++) if (args[i] === '--set') await applySettingSpec(args[i + 1]!);
const REAL = arg('--real', 'lp_d0.mp4:66,lp_d14.mp4:165,lp_d11.mp4:148,dfrf_french.mp4:78,videoretalking_4.mp4:106,styletalk_andrew_clip_1.mp4:105').split(',').filter(Boolean);
const OURS = arg('--ours', 'lp_s5.jpg,lp_s12.jpg,lp_s11.jpg,lp_s10.jpg,lp_s7.jpg,lp_s1.jpg').split(',').filter(Boolean);
const lum = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / Math.max(1, a.length);

/** The profiles of one eye's luma field L (patch grid) with its crease and shut line per u (0..1). */
function profile(name: string, L: Float32Array, crease: (u: number) => number, shut: (u: number) => number, mask?: Float32Array, geoMask?: Float32Array): void {
  const vals = (pred: (u: number, d: number, t: number) => boolean) => {
    const a: number[] = [];
    for (let c = 0; c < PATCH_W; c++) {
      const u = cellU(c), uc = Math.min(1, Math.max(0, u)), cr = crease(uc), sh = shut(uc);
      for (let r = 0; r < PATCH_H; r++) { const v = cellV(r); if (pred(u, v - sh, (v - cr) / (sh - cr))) a.push(L[r * PATCH_W + c]!); }
    }
    return a;
  };
  const cheekCells = vals((u, d) => u > 0.1 && u < 0.9 && d > 0.16 && d < 0.32).sort((x, y) => x - y);
  const cheek = cheekCells[cheekCells.length >> 1] ?? NaN;
  const q = (a: number[]) => (a.length ? (mean(a) / cheek).toFixed(2) : '   -');
  const steps = (from: number, n: number, pred: (x0: number) => (u: number, d: number, t: number) => boolean) =>
    Array.from({ length: n }, (_, i) => q(vals(pred(from + i * 0.1)))).join(' ');
  console.log(`${name.padEnd(36)} cheek ${cheek.toFixed(0)}`);
  console.log(`   byT   t -1..0.9: ${steps(-1, 20, (t0) => (u, d, t) => u > 0.35 && u < 0.65 && t >= t0 && t < t0 + 0.1)}`);
  // (s59 lids59) the dome over the lid's top: t .5-.8 over t -.2-0 at u .35-.65 (real shut lids .87-1.02: flat or lighter at
  // the top; a lit dome under a darker top is the "pale disc in a grey ring")
  const mid = (a: number, b: number) => mean(vals((u, d, t) => u > 0.35 && u < 0.65 && t >= a && t < b));
  console.log(`   dome/top ${(mid(0.5, 0.8) / mid(-0.2, 0)).toFixed(2)}`);
  console.log(`   along u -.2..1.1: ${steps(-0.2, 14, (u0) => (u, d, t) => u >= u0 && u < u0 + 0.1 && t > 0.3 && t < 0.7)}`);
  console.log(`   under u -.2..1.1: ${steps(-0.2, 14, (u0) => (u, d) => u >= u0 && u < u0 + 0.1 && d > 0.04 && d < 0.1)}`);
  if (mask) console.log(`   outline ${outline(L, mask, cheek, shut)}`);
  if (geoMask) console.log(`   at the face mesh's mask: ${outline(L, geoMask, cheek, shut)}  band ${bandDepth(L, geoMask, cheek).toFixed(2)}`);
}

/** The steps across the mask's half line (inside minus outside, over the cheek) and the body's grain over the skin's above it. */
function outline(L: Float32Array, mask: Float32Array, cheek: number, shut: (u: number) => number): string {
  const D = 4, at = (r: number, c: number) => L[Math.min(PATCH_H - 1, Math.max(0, r)) * PATCH_W + Math.min(PATCH_W - 1, Math.max(0, c))]!;
  const m = (r: number, c: number) => mask[r * PATCH_W + c]!;
  const top: number[] = [], outer: number[] = [], inner: number[] = [], grainIn: number[] = [], grainOut: number[] = [];
  const hp = (r: number, c: number) => { let s = 0; for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) s += at(r + i, c + j); return at(r, c) - s / 9; };
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    let rT = -1;
    for (let r = 0; r < PATCH_H; r++) if (m(r, c) >= 0.5) { rT = r; break; }
    if (rT < 0) continue;
    if (u > 0.2 && u < 0.8) {
      top.push((at(rT + D, c) - at(rT - D, c)) / cheek);
      for (let r = rT - 6; r < rT - 1; r++) grainOut.push(hp(r, c) / cheek);
      const sh = cellRowOf(shut(u));
      for (let r = rT + D + 2; r < sh - 3; r++) grainIn.push(hp(r, c) / cheek);
    }
  }
  // the ends: per row over the corners' line, the first / last column the mask is half
  const cornerRow = Math.min(cellRowOf(shut(0)), cellRowOf(shut(1))) - 1;
  for (let r = 0; r < cornerRow; r++) {
    let cL = -1, cR = -1;
    for (let c = 0; c < PATCH_W; c++) if (m(r, c) >= 0.5) { if (cL < 0) cL = c; cR = c; }
    if (cL < 0 || cR - cL < 2 * D + 2) continue;
    outer.push((at(r, cL + D) - at(r, cL - D)) / cheek);
    inner.push((at(r, cR - D) - at(r, cR + D)) / cheek);
  }
  const f = (a: number[]) => (a.length ? (mean(a) >= 0 ? '+' : '') + mean(a).toFixed(2) : '  -');
  const abs = (a: number[]) => a.map(Math.abs);
  const rms = (a: number[]) => Math.sqrt(mean(a.map((x) => x * x)));
  return `top ${f(top)} outer ${f(outer)} inner ${f(inner)} ring ${mean(abs([...top, ...outer, ...inner])).toFixed(2)}  grain body/over-top ${(rms(grainIn) / Math.max(1e-6, rms(grainOut))).toFixed(2)} (${rms(grainIn).toFixed(3)})`;
}

/** Per cell of a column's light profile `l` (top to bottom), its water level: the lower of the highest cells over and under it
 * (s57 lidlens57's, from closedEye/foldBand.ts, removed in s59). */
function waterLevel(l: ArrayLike<number>): Float32Array {
  const n = l.length, up = new Float32Array(n), down = new Float32Array(n), out = new Float32Array(n);
  for (let i = 0, m = -Infinity; i < n; i++) { m = Math.max(m, l[i]!); up[i] = m; }
  for (let i = n - 1, m = -Infinity; i >= 0; i--) { m = Math.max(m, l[i]!); down[i] = m; }
  for (let i = 0; i < n; i++) out[i] = Math.min(up[i]!, down[i]!);
  return out;
}

/**
 * (s57 lidlens57) The dark band over the lid's top: per column u .2-.8, the deepest cell under its water level (the lower of
 * the lightest cells over and under it; waterLevel above) from BAND_OVER eye widths over the mask's half line to
 * BAND_UNDER under it, over the cheek; the mean over the columns. A real shut lid runs flat into the skin over it (~0).
 */
function bandDepth(L: Float32Array, mask: Float32Array, cheek: number): number {
  const depths: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u <= 0.2 || u >= 0.8) continue;
    let rT = -1;
    for (let r = 0; r < PATCH_H; r++) if (mask[r * PATCH_W + c]! >= 0.5) { rT = r; break; }
    if (rT < 0) continue;
    const prof: number[] = [];
    for (let r = Math.max(0, rT - Math.round(BAND_OVER * 48)); r <= Math.min(PATCH_H - 1, rT + Math.round(BAND_UNDER * 48)); r++) prof.push(L[r * PATCH_W + c]!);
    const level = waterLevel(prof);
    depths.push(Math.max(...prof.map((l, i) => level[i]! - l)) / cheek);
  }
  return mean(depths);
}
const BAND_OVER = 0.3, BAND_UNDER = 0.15;

/** The nearest patch row of eye-frame v. */
const cellRowOf = (v: number) => Math.round(cellRow(v));

for (const pick of REAL) {
  const [clip, f] = pick.split(':');
  const file = [path.join(SHARED_DATA, 'video'), path.join(SHARED_DATA, 'train/clips')].map((d) => path.join(d, clip!)).find(existsSync);
  if (!file) { console.log(`${pick}: no such clip`); continue; }
  const img = await videoFrameAt(file, Number(f));
  const face = (await detectFaces(img, { embedding: false }))[0];
  if (!face) { console.log(`${pick}: no face`); continue; }
  eyeGeometry((i) => [face.landmarks[i]![0]!, face.landmarks[i]![1]!] as const).forEach((g, side) => {
    const L = new Float32Array(PATCH_W * PATCH_H);
    for (let c = 0; c < PATCH_W; c++) for (let r = 0; r < PATCH_H; r++) {
      const [x, y] = toImage(g.frame, cellU(c), cellV(r));
      const o = (Math.min(img.height - 1, Math.max(0, Math.round(y))) * img.width + Math.min(img.width - 1, Math.max(0, Math.round(x)))) * 4;
      L[r * PATCH_W + c] = lum(img.data[o]!, img.data[o + 1]!, img.data[o + 2]!);
    }
    const M = new Float32Array(PATCH_W * PATCH_H);
    for (let c = 0; c < PATCH_W; c++) { const mc = maskColumn(g, cellU(c)); for (let r = 0; r < PATCH_H; r++) M[r * PATCH_W + c] = mc(cellV(r)); }
    profile(`real ${pick} eye${side}`, L, (u) => Math.min(lineAt(g.lid, u) - 0.05, lineAt(g.crease, u)), (u) => lineAt(g.lower, u), M, M);
  });
}

for (const portrait of OURS) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, portrait)));
  const crop = avatar.analysis?.crop;
  const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
  const ce = new ClosedEyes({ texture: avatar.texture, xy, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis) });
  const grow = shutEyeGrowBySide(avatar.analysis), geo = eyeGeometry(xy).map((g, side) => grownGeometry(g, grow[side]!));
  for (let side = 0; side < 2; side++) {
    // the baked eye is private to ClosedEyes: read for the bench only
    const eye = (ce as unknown as { eyes: BakedEye[] }).eyes[side]!, g = geo[side]!;
    const L = new Float32Array(PATCH_W * PATCH_H), px = new Float32Array(3);
    for (let c = 0; c < PATCH_W; c++) for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c, m = eye.mask[k]!;
      const [x, y] = toImage(g.frame, cellU(c), cellV(r));
      sampleRgba(avatar.texture, x, y, px, 0);
      const mix = (ch: number) => m * eye.rgb[k * 3 + ch]! + (1 - m) * px[ch]!;
      L[k] = lum(mix(0), mix(1), mix(2));
    }
    const col = (u: number) => Math.min(PATCH_W - 1, Math.max(0, Math.round((u + 0.3) * 48 - 0.5)));
    // the face mesh's mask (mask.ts, no fold raise nor band lift), as the real eyes get: the same place on every bake
    const M0 = new Float32Array(PATCH_W * PATCH_H);
    for (let c = 0; c < PATCH_W; c++) { const mc = maskColumn(g, cellU(c)); for (let r = 0; r < PATCH_H; r++) M0[r * PATCH_W + c] = mc(cellV(r)); }
    profile(`ours ${portrait} eye${side}`, L, (u) => eye.creaseV[col(u)]!, (u) => eye.shutV[col(u)]!, eye.mask, M0);
  }
}
