// The baked shut eye of a portrait as the fit sees it, per eye: the photo on the patch grid | the
// baked lid | its mask, with the fit's lines (crease blue, shut edge red, mask top/bottom green), for
// finding where a ring or outline on a shut lid comes from. Never asserts.
//   node --import tsx bench/closedEyePatch.ts out.png lp_s9.jpg,lp_s10.jpg [--dir photos]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellRow, cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from '../src/render/closedEye/lids.ts';
import { blurRgb, cellColumn as cellColumnOf } from '../src/render/closedEye/grid.ts';
import { maskTopEdge, maskBottomEdge } from '../src/render/closedEye/mask.ts';
import { labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { whiteOutOfFillSetting } from '../src/render/closedEye/whiteOutOfFill.ts';
import { luminance } from '../src/math/colour.ts';
import { browBoneLightSetting } from '../src/render/closedEye/browBoneLight.ts';
import { lidSkinToneSetting, ringSkin, bodyWeights, weightedLowPass } from '../src/render/closedEye/lidSkinTone.ts';
import { lineAt } from '../src/render/closedEye/library.ts';
import { creaseValleySetting } from '../src/render/closedEye/creaseValley.ts';
import { skinInMaskSetting } from '../src/render/closedEye/skinInMask.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/closedEyePatch.ts out.png a.jpg,b.png [--dir photos]');
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));

function toImage(rgb: Float32Array, channels: 1 | 3, lines: [Float32Array, number][]): RgbaImage {
  const data = new Uint8ClampedArray(PATCH_W * PATCH_H * 4);
  for (let k = 0; k < PATCH_W * PATCH_H; k++) {
    for (let ch = 0; ch < 3; ch++) data[k * 4 + ch] = channels === 3 ? rgb[k * 3 + ch]! : 255 * rgb[k]!;
    data[k * 4 + 3] = 255;
  }
  for (const [line, colour] of lines) {
    for (let c = 0; c < PATCH_W; c++) {
      const r = Math.round(cellRow(line[c]!));
      if (r < 0 || r >= PATCH_H) continue;
      const k = (r * PATCH_W + c) * 4;
      data[k] = (colour >> 16) & 255; data[k + 1] = (colour >> 8) & 255; data[k + 2] = colour & 255;
    }
  }
  return { width: PATCH_W, height: PATCH_H, data };
}

/**
 * The pale-blue figure of a baked lid (sliver37): the share of its cells under the mask (> .5) lighter
 * than the lid's median luma and bluer (blue - red) by PALE_BLUE than its median: a photo's white or
 * iris carried into the shut lid. A clean lid is its skin and a darker lash line: near 0.
 */
const PALE_BLUE = 12;
function paleBlueShare(rgb: Float32Array, mask: Float32Array): number {
  const l: number[] = [], b: number[] = [];
  for (let k = 0; k < PATCH_W * PATCH_H; k++) if (mask[k]! > 0.5) { l.push(luminance(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!)); b.push(rgb[k * 3 + 2]! - rgb[k * 3]!); }
  const med = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
  const lm = med(l), bm = med(b);
  return l.filter((x, i) => x > lm && b[i]! > bm + PALE_BLUE).length / Math.max(1, l.length);
}

// --both: each portrait twice, whiteOutOfFill off (before) then on
// --brow-dark (s37, lidpatch37): the fill's shade over the crease as baked (browBoneLight off, before s37)
if (process.argv.includes('--brow-dark')) browBoneLightSetting.on = false;
// --tone-both (s38, shutlid38): each portrait twice, lidSkinTone off (before) then on; the rows' state is that option's
const TONE = process.argv.includes('--tone-both');
// --valley-off (s38, socket38): the band over the crease without creaseValley.ts
if (process.argv.includes('--valley-off')) creaseValleySetting.on = false;
// --skin-hold-off (s39, shutlid39): the fill held outside the mask only, as before s39 (skinInMask.ts off)
if (process.argv.includes('--skin-hold-off')) skinInMaskSetting.on = false;
// (s37, lidpatch37) the skin of a band of a patch, the photo's own upper lid and the baked lid's middle (moved here from
// render/closedEye/lidChroma.ts when s39 removed that lid tint, measured worse in s37)
type Rgb = [number, number, number];

/**
 * The skin colour of a band: the mean RGB of its cells (columns u .25-.75, rows band(u)) whose luma
 * lies between the band's 40th and 90th percentile (below: lashes, liner, fold; above: glints).
 */
function bandSkin(rgb: Float32Array, band: (u: number) => [number, number]): Rgb | undefined {
  const cells: number[] = [], lums: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.25 || u > 0.75) continue;
    const [v0, v1] = band(u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v < v0 || v > v1) continue;
      const k = (r * PATCH_W + c) * 3;
      cells.push(k); lums.push(luminance(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!));
    }
  }
  if (cells.length < 8) return undefined;
  const sorted = [...lums].sort((a, b) => a - b);
  const lo = sorted[Math.floor(0.4 * (sorted.length - 1))]!, hi = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  cells.forEach((k, i) => {
    if (lums[i]! < lo || lums[i]! > hi) return;
    for (let ch = 0; ch < 3; ch++) sum[ch]! += rgb[k + ch]!;
    n++;
  });
  return n ? (sum.map((s) => s / n) as Rgb) : undefined;
}

/** The photo's own upper-lid skin, the eye open (the band lidRelief.ts reads its tone in). */
const ownLidSkin = (photo: Float32Array, g: EyeGeometry): Rgb | undefined =>
  bandSkin(photo, (u) => [creaseAt(g, u) + 0.01, lineAt(g.lid, u) - 0.04]);

/** The baked lid's middle (shares .2-.7 of the way from the crease to the shut line). */
const bakedLidSkin = (rgb: Float32Array, g: EyeGeometry): Rgb | undefined =>
  bandSkin(rgb, (u) => { const cr = creaseAt(g, u), sh = shutAt(g, u); return [cr + 0.2 * (sh - cr), cr + 0.7 * (sh - cr)]; });

const states = TONE ? [false, true] : process.argv.includes('--both') ? [false, true] : [whiteOutOfFillSetting.on];
const rows: GridCell[][] = [];
for (const file of list.split(',')) for (const state of states) {
  if (TONE) lidSkinToneSetting.on = state; else whiteOutOfFillSetting.on = state;
  const avatar = buildAvatar(await cachedPortrait(path.join(dir, file)));
  const xy = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const geo = eyeGeometry(xy);
  const lib = closedEyeLibrary()[0]!;
  const moved = eyesMovedBySide(avatar.analysis);
  const sampled = geo.map((g, side) => sampleEye(avatar.texture, g, lib, moved[side]));
  const lashDark = Math.min(...sampled.map((s) => s.photoDark));
  const row: GridCell[] = [];
  sampled.forEach((s, side) => {
    const g = geo[side]!;
    const crop = avatar.analysis?.crop;
    const baked = finishEye(s, g, lashDark, crop ? crop.size / crop.side : 1);
    const col = (f: (uc: number) => number) => Float32Array.from({ length: PATCH_W }, (_, c) => f(clamp01(cellU(c))));
    const lines: [Float32Array, number][] = [[baked.creaseV, 0x3070ff], [baked.shutV, 0xff3030], [col((uc) => maskTopEdge(g, uc)), 0x30ff30], [col((uc) => maskBottomEdge(g, uc)), 0x30ff30], [col((uc) => creaseAt(g, uc)), 0x3070ff]];
    const pale = paleBlueShare(baked.rgb, baked.mask);
    // (s37, lidpatch37) the shut lid's middle against the photo's own upper lid (eye open): luma ratio, r/l and b/l
    const chroma = (c: Rgb | undefined) => (c ? `l ${luminance(...c).toFixed(0)} r/l ${(c[0] / luminance(...c)).toFixed(3)} b/l ${(c[2] / luminance(...c)).toFixed(3)}` : 'unread');
    console.log(`${file} eye ${side} own lid ${chroma(ownLidSkin(s.photo, g))} | shut lid ${chroma(bakedLidSkin(baked.rgb, g))}`);
    console.log(`${file} eye ${side} whiteOutOfFill ${state ? 'on' : 'off'}: pale-blue share of the lid ${pale.toFixed(3)}`);
    row.push({ label: `${file} eye ${side} photo`, image: toImage(s.photo, 3, lines) });
    row.push({ label: `baked lid (${state ? 'on' : 'off'}) pale-blue ${pale.toFixed(3)}`, image: toImage(baked.rgb, 3, []) });
    row.push({ label: 'photo skin fill', image: toImage(fieldImage(s.photoRef), 3, []) });
    // the step a viewer sees at the crease: the shut lid's middle against the photo's skin just above the crease (where the patch shows the photo)
    const above = bandSkin(s.photo, (u) => [creaseAt(g, u) - 0.1, creaseAt(g, u) - 0.02]), mid = bakedLidSkin(baked.rgb, g);
    if (above && mid) console.log(`${file} eye ${side} crease step: shut lid middle l ${luminance(...mid).toFixed(0)} / photo skin above the crease l ${luminance(...above).toFixed(0)} = ${(luminance(...mid) / luminance(...above)).toFixed(2)}`);
    // the patch's top ring (over the brow bone: mask over .1, above the crease): drawn minus photo, mean luma and its 90th percentile
    const ring: number[] = [];
    for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, m = baked.mask[k]!;
      if (m < 0.1 || cellV(r) > creaseAt(g, clamp01(cellU(c))) - 0.02) continue;
      ring.push(m * (luminance(baked.rgb[k * 3]!, baked.rgb[k * 3 + 1]!, baked.rgb[k * 3 + 2]!) - luminance(s.photo[k * 3]!, s.photo[k * 3 + 1]!, s.photo[k * 3 + 2]!)));
    }
    ring.sort((a, b) => a - b);
    console.log(`${file} eye ${side} top ring (browBoneLight ${browBoneLightSetting.on ? 'on' : 'off'}): drawn - photo luma mean ${(ring.reduce((a, b) => a + b, 0) / Math.max(1, ring.length)).toFixed(1)}, p90 ${(ring[Math.floor(0.9 * (ring.length - 1))] ?? NaN).toFixed(1)} over ${ring.length} cells`);
    console.log(`${file} eye ${side} lidSkinTone ${lidSkinToneSetting.on ? 'on' : 'off'}: ${toneFigures(baked.rgb, baked.mask, s.photo, g)}`);
    if (process.argv.includes('--profile')) console.log(profileFigures(baked.rgb, baked.mask, s.photo, g, `${file} eye ${side}`));
    if (process.argv.includes('--step')) row.push({ label: 'drawn - photo (grey 0, x3)', image: toImage(drawnStep(baked.rgb, baked.mask, s.photo), 3, lines) });
  });
  rows.push(row);
}

/**
 * (s38, shutlid38) The shut lid's tone against the skin round it: the lid's middle (bakedLidSkin) over
 * the photo's skin ring round the patch (lidSkinTone.ts ringSkin: what its edge meets), over the photo's
 * own upper-lid skin (eye open) and over the cheek under the lower lid: luma ratio and chroma distance
 * (|channel/luma - ring's| summed over r, g, b, x100); `smudge`: over the lid's body, the 90th percentile of
 * its low-pass's chroma distance from its own median's (a local tint) and its 10th-percentile luma
 * over the median (a dark blot, low).
 */
function toneFigures(rgb: Float32Array, mask: Float32Array, photo: Float32Array, g: Parameters<typeof bakedLidSkin>[1]): string {
  const mid = bakedLidSkin(rgb, g), ring = ringSkin(photo, mask), own = ownLidSkin(photo, g);
  const cheek = bandSkin(photo, (u) => [lineAt(g.lower, u) + 0.08, lineAt(g.lower, u) + 0.22]);
  const dist = (a: Rgb, b: Rgb) => 100 * [0, 1, 2].reduce((acc, ch) => acc + Math.abs(a[ch]! / luminance(...a) - b[ch]! / luminance(...b)), 0);
  const vs = (name: string, ref: Rgb | undefined) => (mid && ref ? `${name} l ${(luminance(...mid) / luminance(...ref)).toFixed(2)} dC ${dist(mid, ref).toFixed(1)}` : `${name} unread`);
  const w = bodyWeights(g, mask), low = weightedLowPass(rgb, w, 4);
  const cells: Rgb[] = [];
  for (let k = 0; k < w.length; k++) if (w[k]! > 0.5) cells.push([low.rgb[k * 3]!, low.rgb[k * 3 + 1]!, low.rgb[k * 3 + 2]!]);
  const ls = cells.map((c) => luminance(...c)).sort((a, b) => a - b), medL = ls[ls.length >> 1] ?? 1;
  const medC = [0, 1, 2].map((ch) => cells.map((c) => c[ch]! / luminance(...c)).sort((a, b) => a - b)[cells.length >> 1] ?? 1);
  const ds = cells.map((c) => 100 * [0, 1, 2].reduce((acc, ch) => acc + Math.abs(c[ch]! / luminance(...c) - medC[ch]!), 0)).sort((a, b) => a - b);
  const p = (a: number[], q: number) => a[Math.floor(q * (a.length - 1))] ?? NaN;
  return `mid vs ${vs('ring', ring)} | ${vs('own lid', own)} | ${vs('cheek', cheek)} | smudge dC p90 ${p(ds, 0.9).toFixed(1)} blot l p10 ${(p(ls, 0.1) / medL).toFixed(2)}`;
}

/**
 * (s38, socket38) The shut lid as seen over the photo (drawn by its mask) across the patch's edge: a vertical luma
 * profile at the eye's middle (u .45-.55 averaged) from above the mask's top down to the shut line, and a horizontal
 * one through the body (halfway crease -> shut); per profile the composite's luma every 2 cells with the mask ('|' at
 * mask .5); grain: high-pass (luma minus its 2-cell
 * blur) rms over the body vs the photo's skin ring round the patch (mask .02-.35, not the darkest 30 %).
 */
function profileFigures(rgb: Float32Array, mask: Float32Array, photo: Float32Array, g: Parameters<typeof shutAt>[0], name: string): string {
  const n = PATCH_W * PATCH_H;
  const comp = new Float32Array(n), ph = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    ph[k] = luminance(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!);
    comp[k] = ph[k]! + mask[k]! * (luminance(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!) - ph[k]!);
  }
  const col = (u: number) => Math.round(cellColumnOf(u)), row = (v: number) => Math.round(cellRow(v));
  const lines: string[] = [];
  // vertical
  const shut = shutAt(g, 0.5), top = maskTopEdge(g, 0.5) - 0.15;
  const vv: number[] = [], vm: number[] = [];
  for (let r = Math.max(0, row(top)); r <= row(shut - 0.03); r++) {
    let s = 0, m = 0, k = 0;
    for (let c = col(0.45); c <= col(0.55); c++) { s += comp[r * PATCH_W + c]!; m += mask[r * PATCH_W + c]!; k++; }
    vv.push(s / k); vm.push(m / k);
  }
  const fmt = (vals: number[], ms: number[]) => vals.map((x, i) => (i % 2 ? '' : `${ms[i]! >= 0.5 && (i < 2 || ms[i - 2]! < 0.5) ? '|' : ''}${x.toFixed(0)}`)).filter(Boolean).join(' ');
  lines.push(`${name} vertical (brow -> shut line): ${fmt(vv, vm)}`);
  if (process.argv.includes('--profile-parts')) {
    const part = (f: (k: number) => number) => { const o: string[] = []; for (let r = Math.max(0, row(top)); r <= row(shut - 0.03); r += 2) { const k = r * PATCH_W + col(0.5); o.push(f(k).toFixed(r === row(top) ? 0 : 0)); } return o.join(' '); };
    lines.push(`${name}   mask x100: ${part((k) => 100 * mask[k]!)}`);
    lines.push(`${name}   photo:     ${part((k) => ph[k]!)}`);
    lines.push(`${name}   drawn:     ${part((k) => luminance(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!))}`);
  }
  // horizontal, both ends
  const hv: number[] = [], hm: number[] = [];
  for (let c = col(-0.25); c <= col(1.25); c++) {
    const u = clamp01(cellU(c)), v = (creaseAt(g, u) + shutAt(g, u)) / 2, r = row(v);
    hv.push(comp[r * PATCH_W + c]!); hm.push(mask[r * PATCH_W + c]!);
  }
  lines.push(`${name} horizontal (body): ${fmt(hv, hm)}`);
  // grain
  const blurred = new Float32Array(n * 3), drawn = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) drawn.fill(luminance(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!), k * 3, k * 3 + 3);
  blurred.set(drawn); blurRgb(blurred, PATCH_W, PATCH_H, 2);
  const pb = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) pb.fill(ph[k]!, k * 3, k * 3 + 3);
  const pbb = Float32Array.from(pb); blurRgb(pbb, PATCH_W, PATCH_H, 2);
  let bs = 0, bn = 0;
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), v = cellV(r), k = r * PATCH_W + c;
    if (u < 0.15 || u > 0.85 || mask[k]! < 0.95) continue;
    const t = (v - creaseAt(g, clamp01(u))) / Math.max(1e-3, shutAt(g, clamp01(u)) - creaseAt(g, clamp01(u)));
    if (t < 0.2 || t > 0.7) continue;
    bs += (drawn[k * 3]! - blurred[k * 3]!) ** 2; bn++;
  }
  const ringHp: number[] = [], ringL: number[] = [];
  for (let k = 0; k < n; k++) if (mask[k]! > 0.02 && mask[k]! < 0.35) { ringHp.push(pb[k * 3]! - pbb[k * 3]!); ringL.push(ph[k]!); }
  const cut = [...ringL].sort((a, b) => a - b)[Math.floor(0.3 * ringL.length)] ?? 0;
  const kept = ringHp.filter((_, i) => ringL[i]! >= cut);
  const rms = (a: number[]) => Math.sqrt(a.reduce((s, x) => s + x * x, 0) / Math.max(1, a.length));
  lines.push(`${name} grain (high-pass rms): body ${Math.sqrt(bs / Math.max(1, bn)).toFixed(2)} vs skin ring ${rms(kept).toFixed(2)}`);
  return lines.join('\n');
}

/** (s37, lidpatch37) The shut eye as drawn over the photo (by its mask) minus the photo, luma x3 about grey: where the patch shows an edge. */
function drawnStep(rgb: Float32Array, mask: Float32Array, photo: Float32Array): Float32Array {
  const out = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let k = 0; k < PATCH_W * PATCH_H; k++) {
    const l = (a: Float32Array) => luminance(a[k * 3]!, a[k * 3 + 1]!, a[k * 3 + 2]!);
    out.fill(128 + 3 * mask[k]! * (l(rgb) - l(photo)), k * 3, k * 3 + 3);
  }
  return out;
}

/** A colour field sampled on the patch grid. */
function fieldImage(f: (u: number, v: number, out: number[]) => void): Float32Array {
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3), o = [0, 0, 0];
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    f(cellU(c), cellV(r), o);
    rgb.set(o, (r * PATCH_W + c) * 3);
  }
  return rgb;
}
await writeFile(out, await labelledGrid(rows, { title: 'shut-eye fit per eye: photo on the patch grid (crease blue, shut edge red, mask mid-feather green) | baked lid | skin fill', cellW: 230, cellH: Math.round((230 * PATCH_H) / PATCH_W) }));
console.log(`sheet: ${out}`);
