// The open eye's fold band over the shut lid's top, lifted (s57 lidlens57, #14: "shut lids drawn as pale lens patches / a
// dark band over the lid's top"). bench/shutLidProfile.ts `outline` (lidpatch56): real shut lids run into the skin over
// them with a step of +.01..+.05 of the cheek; ours +.11..+.37 (lp_s5, lp_s12, lp_s1, mt_man, st_happy, lp_s0, lp_s2):
// the lid is lit, and just over the mask's top the photo keeps the open eye's fold or socket shade (lp_s5 at u .5: brow
// bone 110-120, the painted fold 37, the lid's top 67, its dome 125). When a real eye shuts the fold opens out and that
// skin takes the light of the skin round it. foldCover.ts raises the mask over a fold it can find under the face mesh's
// brow; lp_s5's fold lies on the mesh's brow line, a socket shade is no thin fold, and a fill from the raised edge drew a
// rounded cap (lidpatch56's `thin`).
//
// Here, after the bake, the composite (the lid over the photo by its mask) is read down each column from REACH over the
// mask's half line to the lid's middle: the band between two lit rims (the skin over the fold, the lid's dome) is a basin,
// its water level the lower rim (a 1-D valley fill). Cells under the level are lifted a `share` of the way to it, in the
// upper rim's colour (an added light, so the photo's own grain and lines stay: no smooth fill, no new edge), and drawn:
// the mask is raised over the lifted cells by how much they are lifted, so it meets the photo where the lift ends (the
// rim: photo and drawn the same light, no seam, no cap). Brow hair (dark and textured) is not lifted (lp_s12's low brow).
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb } from './grid.ts';
import { lineAt } from './library.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { bandMedian, skinBands, textureOf } from './skinFill.ts';
import { foldCeiling } from './foldBrow.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * on / off (the product): the photo's fold left round the lid's top. Off (s57): with the brow ceiling (overBrow) it lifts
 * little where it was asked for (lp_s5's painted fold lies over the face mesh's brow line: band .46/.38 -> .45/.38), some on
 * other faces (lp_s9 .28 -> .21, lp_s2 eye 1 .21 -> .16, st_art_1 eye 1 .36 -> .29), nothing visible at 3x on the named
 * frames; without the ceiling lp_s5 fell to .19/.23 but st_art_1's painted brow went pale (docs/eyes/sessions/s57-lidlens57.md). reach: how far over the mask's half line the
 * band and its upper rim are looked for (eye widths); share: how far toward the water level a cell is lifted; depth: a
 * column's basin is lifted whole when its deepest cell lies this share under the level (from half of it: a shallow dip is
 * the lid's own form); lid: the lift fades out over the lid from this share of crease -> shut line ([0] whole .. [1] none);
 * overBrow: the band reaches at most this far (eye widths) over the face mesh's brow contour (lp_s5's fold lies on it).
 */
export const foldBandSetting = { on: false, reach: 0.3, overBrow: 0.04, share: 0.8, depth: 0.25, lid: [0.25, 0.55] as const, even: true };

/**
 * even (s58 foldhue58): the lift in one hue along the eye, that of the skin just over the band (not each column's lightest
 * cell, often the patch's paler, greyer top: lp_s5's greyish blotch), and as strong along the eye as in its middle, tapered
 * at the corners (columns whose own basin read shallow kept their brown: the arc's ends). SKIN_ROWS: the rows over the band
 * whose colour is its hue.
 */
const SKIN_ROWS = 3;

/** The smoothing (patch cells) of the composite's light the basin is read on, and of the lift field. */
const READ_SIGMA = 1.5, LIFT_SIGMA = 1.5;
/** The band's light is read down to this far (eye widths) over the shut line: the lid's dome is its lower rim. */
const DOME_ABOVE_SHUT = 0.06;
/** Over the patch's top rows the added cover fades in (no cut edge where the patch ends). */
const EDGE_ROWS = 5;
/** The lift's extra smoothing along u (patch cells): one column's band is its neighbours' (no vertical streaks). */
const ALONG_SIGMA = 2.5;
/** A brow's hair stops the band over this many columns either side (a stray dark hair left whole in a lifted band is a streak). */
const STOP_SPREAD = 3;
/** Luma of lift at which a cell outside the mask is drawn whole (less: the mask raised by its share). */
const FULL_COVER = 6;
/** Brow hair: darker than this share of the cheek and this many times as textured ([0] none .. [1] whole). */
const HAIR_DARK = 0.8, HAIR_TEXTURE = [1.5, 3] as const;
/** Hair's warmth ((R - B) / luma) at most [0] of the cheek's is hair, from [1] none; a cheek under WARM_SKIN has no warmth to read. */
const HAIR_WARM = [0.5, 0.8] as const, WARM_SKIN = 0.15;
/** A cell this much hair stops the band upward: nothing over it is lifted (the brow kept whole). */
const HAIR_STOP = 0.5;

/** Per cell of a column's light profile `l` (top to bottom), its water level: the lower of the highest cells over and under it. */
export function waterLevel(l: ArrayLike<number>): Float32Array {
  const n = l.length, up = new Float32Array(n), down = new Float32Array(n), out = new Float32Array(n);
  for (let i = 0, m = -Infinity; i < n; i++) { m = Math.max(m, l[i]!); up[i] = m; }
  for (let i = n - 1, m = -Infinity; i >= 0; i--) { m = Math.max(m, l[i]!); down[i] = m; }
  for (let i = 0; i < n; i++) out[i] = Math.min(up[i]!, down[i]!);
  return out;
}

/** How much (0..1) a column's basin is lifted by its depth: its deepest cell's light under the level, over the level. */
export const depthShare = (deepest: number, level: number, depth = foldBandSetting.depth): number =>
  level > 0 ? smoothstep(depth / 2, depth, (level - deepest) / level) : 0;

/**
 * Per cell, how much (0..1) it is brow hair: dark against the cheek, and either more textured than it or greyer (hair is
 * less warm than skin; a fold or a socket shade is skin in shadow, as warm or warmer: lp_s5's painted fold, mt_man's grey
 * brow over his socket). The grey test only on a warm cheek (not on a grey photo, lp_s12).
 */
export function hairOf(photo: Float32Array, g: EyeGeometry): Float32Array {
  const lower = skinBands(g).lower;
  const skin = bandMedian(photo, lower, [0, 1]), skinL = Math.max(1, lum(skin[0]!, skin[1]!, skin[2]!));
  const skinWarm = (skin[0]! - skin[2]!) / skinL;
  const tex = textureOf(photo), skinTex = Math.max(1, bandMedian(tex, lower, [0, 1])[0]!);
  const out = new Float32Array(PATCH_W * PATCH_H);
  for (let k = 0; k < out.length; k++) {
    const l = Math.max(1, lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!));
    const dark = 1 - smoothstep(HAIR_DARK * 0.6, HAIR_DARK, l / skinL);
    const textured = smoothstep(HAIR_TEXTURE[0], HAIR_TEXTURE[1], tex[k * 3]! / skinTex);
    const grey = skinWarm > WARM_SKIN ? 1 - smoothstep(HAIR_WARM[0], HAIR_WARM[1], (photo[k * 3]! - photo[k * 3 + 2]!) / l / skinWarm) : 0;
    out[k] = dark * Math.max(textured, grey);
  }
  return out;
}

/**
 * Per patch column, the band's top row (-1: no band): `reach` over the mask's half line, or under the first cell of brow
 * hair up from the half line, in this column or any within STOP_SPREAD (the brow kept whole, its edge no streaks).
 */
export function bandTops(mask: Float32Array, hair: Float32Array, reach: number, ceiling?: (u: number) => number): Int32Array {
  const half = new Int32Array(PATCH_W).fill(-1), stop = new Int32Array(PATCH_W).fill(-1);
  for (let c = 0; c < PATCH_W; c++) {
    for (let r = 0; r < PATCH_H; r++) if (mask[r * PATCH_W + c]! >= 0.5) { half[c] = r; break; }
    for (let r = half[c]!; r >= 0; r--) if (hair[r * PATCH_W + c]! >= HAIR_STOP) { stop[c] = r; break; }
  }
  const out = new Int32Array(PATCH_W).fill(-1);
  for (let c = 0; c < PATCH_W; c++) {
    if (half[c]! < 0) continue;
    let top = Math.max(0, Math.round(cellRow(cellV(half[c]!) - reach)), ceiling ? Math.ceil(cellRow(ceiling(clamp01(cellU(c))))) : 0);
    for (let d = -STOP_SPREAD; d <= STOP_SPREAD; d++) { const cc = c + d; if (cc >= 0 && cc < PATCH_W && stop[cc]! >= 0) top = Math.max(top, stop[cc]! + 1); }
    out[c] = top;
  }
  return out;
}

/** A Gaussian along u (each row) of the first two channels of an RGB-packed grid, in place. */
function blurAlongU(a: Float32Array, sigma: number): void {
  const R = Math.ceil(2.5 * sigma), w = Array.from({ length: 2 * R + 1 }, (_, i) => Math.exp(-((i - R) ** 2) / (2 * sigma * sigma)));
  const row = new Float32Array(PATCH_W * 2);
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) for (let ch = 0; ch < 2; ch++) row[c * 2 + ch] = a[(r * PATCH_W + c) * 3 + ch]!;
    for (let c = 0; c < PATCH_W; c++) {
      let s0 = 0, s1 = 0, ws = 0;
      for (let d = -R; d <= R; d++) { const cc = c + d; if (cc < 0 || cc >= PATCH_W) continue; s0 += w[d + R]! * row[cc * 2]!; s1 += w[d + R]! * row[cc * 2 + 1]!; ws += w[d + R]!; }
      a[(r * PATCH_W + c) * 3] = s0 / ws; a[(r * PATCH_W + c) * 3 + 1] = s1 / ws;
    }
  }
}

/**
 * The fold band over the baked lid's top lifted (rgb changed in place) and the mask raised over it (returned). photo: the
 * photo on the patch grid (RGB); mask: the baked mask (0..1); person: how much of each cell is the person (none drawn past
 * the silhouette); fold: the face's fold share (foldBrow.ts eyeFoldShare, 0: the mesh's brow is the ceiling).
 */
export function liftFoldBand(rgb: Float32Array, mask: Float32Array, photo: Float32Array, g: EyeGeometry, person?: Float32Array, s = foldBandSetting, fold = 0): Float32Array {
  const n = PATCH_W * PATCH_H;
  const comp = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) for (let ch = 0; ch < 3; ch++) comp[k * 3 + ch] = mask[k]! * rgb[k * 3 + ch]! + (1 - mask[k]!) * photo[k * 3 + ch]!;
  const smooth = Float32Array.from(comp);
  blurRgb(smooth, PATCH_W, PATCH_H, READ_SIGMA);
  const L = (k: number) => lum(smooth[k * 3]!, smooth[k * 3 + 1]!, smooth[k * 3 + 2]!);
  // hair only where the photo shows (inside the mask the drawn lid is no hair, whatever the open eye under it)
  const hair = hairOf(photo, g).map((h, k) => h * (1 - mask[k]!));
  // the lift (luma) per cell, and per column the upper rim's colour at unit luma
  const lift = new Float32Array(n * 3), rimHue = new Float32Array(PATCH_W * 3);
  // never over the face mesh's brow (its lower contour, less overBrow): a warm, smooth brow (st_art_1's painted one) is no
  // hair to hairOf, and lifted it went pale
  // ... lifted toward the patch's top by `fold`, the face's share of a smooth fold (not a brow) over its eyes: a fold the
  // mesh took for a faint brow (lp_s5; foldBrow.ts)
  const tops = bandTops(mask, hair, s.reach, (u) => foldCeiling(lineAt(g.brow, u) - s.overBrow, fold));
  const cols: ({ prof: number[]; level: Float32Array; w: number } | null)[] = new Array(PATCH_W).fill(null);
  let hueW = 0; const hueSum = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), r0 = tops[c]!;
    if (u <= 0 || u >= 1 || r0 < 0) continue;
    const sh = shutAt(g, u);
    // read down to the lid's dome (its lower rim), lifted only down to s.lid[1] of the lid
    const r1 = Math.min(PATCH_H - 1, Math.round(cellRow(sh - DOME_ABOVE_SHUT)));
    if (r1 - r0 < 4) continue;
    // hair neither rims nor is lifted: read as no light
    const prof = Array.from({ length: r1 - r0 + 1 }, (_, i) => L((r0 + i) * PATCH_W + c) * (1 - hair[(r0 + i) * PATCH_W + c]!));
    const level = waterLevel(prof);
    let deep = 0, deepest = Infinity, deepLevel = 0, deepAt = 0, rim = r0;
    for (let i = 0; i < prof.length; i++) {
      if (level[i]! - prof[i]! > deep) { deep = level[i]! - prof[i]!; deepest = prof[i]!; deepLevel = level[i]!; deepAt = i; }
    }
    // the upper rim: the lightest cell over the basin's deepest one
    for (let i = 0, best = -1; i < prof.length && prof[i]! < deepLevel + 1e-3; i++) if (prof[i]! > best) { best = prof[i]!; rim = r0 + i; }
    const k0 = rim * PATCH_W + c, rimL = Math.max(1, L(k0));
    for (let ch = 0; ch < 3; ch++) rimHue[c * 3 + ch] = smooth[k0 * 3 + ch]! / rimL;
    const w = depthShare(deepest, deepLevel, s.depth) * smoothstep(0, 0.15, u) * (1 - smoothstep(0.85, 1, u));
    cols[c] = { prof, level, w };
    if (!s.even || w <= 0) continue;
    // the skin just over the band: the SKIN_ROWS lit cells over where this column's basin begins
    let top = deepAt;
    while (top > 0 && level[top - 1]! - prof[top - 1]! > 0.05 * level[top - 1]!) top--;
    for (let i = Math.max(0, top - SKIN_ROWS); i < Math.max(1, top); i++) {
      const k = (r0 + i) * PATCH_W + c, l = Math.max(1, L(k)), a = w * (1 - hair[k]!);
      for (let ch = 0; ch < 3; ch++) hueSum[ch]! += a * smooth[k * 3 + ch]! / l;
      hueW += a;
    }
  }
  // even along the eye: each column lifted at least as the eye's middle (its median share), tapered at the corners
  const mid = cols.map((col, c) => (col && cellU(c) >= 0.25 && cellU(c) <= 0.75 ? col.w : -1)).filter((w) => w >= 0).sort((a, b) => a - b);
  const eyeW = s.even && mid.length ? mid[Math.floor(mid.length / 2)]! : 0;
  for (let c = 0; c < PATCH_W; c++) {
    const col = cols[c];
    if (!col) continue;
    const u = cellU(c), cr = creaseAt(g, u), sh = shutAt(g, u), r0 = tops[c]!;
    const w = Math.max(col.w, eyeW * smoothstep(0, 0.2, u) * (1 - smoothstep(0.8, 1, u)));
    if (w <= 0) continue;
    for (let i = 0; i < col.prof.length; i++) {
      const r = r0 + i, k = r * PATCH_W + c, t = (cellV(r) - cr) / Math.max(1e-3, sh - cr);
      const fade = 1 - smoothstep(s.lid[0], s.lid[1], t);
      const f = w * fade * s.share * (1 - hair[k]!);
      lift[k * 3] = f * Math.max(0, col.level[i]! - col.prof[i]!);
      lift[k * 3 + 1] = f;
    }
  }
  // one hue along the eye: the skin's just over the band
  if (hueW > 0) for (let c = 0; c < PATCH_W; c++) for (let ch = 0; ch < 3; ch++) rimHue[c * 3 + ch] = hueSum[ch]! / hueW;
  // columns with no rim of their own (past the corners) take the mean rim colour
  const known = [0, 1, 2].map((ch) => { let a = 0, m = 0; for (let c = 0; c < PATCH_W; c++) if (rimHue[c * 3 + 1]! > 0) { a += rimHue[c * 3 + ch]!; m++; } return m ? a / m : 1; });
  for (let c = 0; c < PATCH_W; c++) if (!(rimHue[c * 3 + 1]! > 0)) rimHue.set(known, c * 3);
  // and the rim's hue smoothed along the eye (one column's rim cell is no other's: colour streaks)
  blurRgb(rimHue, PATCH_W, 1, ALONG_SIGMA);
  // smooth the lift along and across (no notches column to column), then add it in the rim's colour
  blurAlongU(lift, ALONG_SIGMA);
  blurRgb(lift, PATCH_W, PATCH_H, LIFT_SIGMA);
  const out = Float32Array.from(mask);
  for (let k = 0; k < n; k++) {
    const d = lift[k * 3]!, c = k % PATCH_W;
    if (d <= 0.05) continue;
    // none past the silhouette, none at the patch's top edge (the drawn patch ends there)
    const onPerson = (!person || person[k]! >= 1 ? 1 : smoothstep(0.3, 0.7, person[k]!)) * smoothstep(0, EDGE_ROWS, Math.floor(k / PATCH_W));
    const m = Math.max(mask[k]!, Math.min(1, d / FULL_COVER) * onPerson);
    if (m <= 0.01) continue;
    // the lifted light in the rim's hue by the share lifted (a dark fold's own hue, brightened, goes orange)
    const f = Math.min(1, lift[k * 3 + 1]!), cl = Math.max(1, lum(comp[k * 3]!, comp[k * 3 + 1]!, comp[k * 3 + 2]!)), tl = cl + d;
    for (let ch = 0; ch < 3; ch++) {
      const target = tl * ((1 - f) * comp[k * 3 + ch]! / cl + f * rimHue[c * 3 + ch]!);
      // drawn so that the composite (m x drawn + (1 - m) x photo) is the lifted one
      rgb[k * 3 + ch] = Math.min(255, Math.max(0, photo[k * 3 + ch]! + (target - photo[k * 3 + ch]!) / m));
    }
    out[k] = m;
  }
  return out;
}
