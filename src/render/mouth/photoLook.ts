// The library's teeth made to look photographed in this picture: as sharp as the photo is around
// the lips, and as bright as teeth are in its light (brighter than the skin, never past the
// picture's own white). The library rows come from video frames: beside a sharp photo's lips they
// read soft and dull (st_full_body_1, lp_s2); on a soft or small source they are softened
// already (layers.ts extraBlur), and a painting keeps its own softness and light.
import type { Avatar } from '../../avatar/types.ts';
import type { ReadyLayer } from './readyLayer.ts';
import { brightLuminance, hueKeepingScale } from './readyLayer.ts';
import { gaussianBlur } from '../../eval/metrics/ssim.ts';
import { luminance as lum } from '../../math/colour.ts';
import { edgeBlur } from './pictureBlur.ts';
import { smoothstep } from '../../math/smooth.ts';
import { fineGrain } from './pictureGrain.ts';

/**
 * Fine against coarse detail of a luminance image over a mask: mean |L - G1 L| / mean |G1 L - G2 L|
 * (G = gaussian blur of sigma 1 and 2 px). Natural images hold about as much contrast in each
 * octave, so this falls as a picture gets softer and grows as it is sharpened, whatever it shows.
 */
export function detailRatio(L: Float32Array, W: number, H: number, mask: Uint8Array): number | null {
  const g1 = gaussianBlur(L, W, H, 1, 3), g2 = gaussianBlur(L, W, H, 2, 6);
  // over the structure only (the top 30 % of coarse detail: edges, not flat skin, whose fine
  // detail is mostly noise or JPEG and read a smooth render as sharp)
  const coarseAt: number[] = [];
  for (let q = 0; q < L.length; q++) if (mask[q]) coarseAt.push(Math.abs(g1[q]! - g2[q]!));
  if (coarseAt.length < 40) return null;
  const edge = [...coarseAt].sort((a, b) => a - b)[Math.floor(0.7 * (coarseAt.length - 1))]!;
  let fine = 0, coarse = 0;
  for (let q = 0; q < L.length; q++) {
    if (!mask[q] || Math.abs(g1[q]! - g2[q]!) < edge) continue;
    fine += Math.abs(L[q]! - g1[q]!); coarse += Math.abs(g1[q]! - g2[q]!);
  }
  return coarse <= 1e-3 ? null : fine / coarse;
}

/** Landmarks bounding the lips (corners, outer upper and lower middle). */
const LIP_BOX = [61, 291, 0, 17];

/**
 * The photo's luminance over a box around its lips grown by half the mouth's width, at the output
 * scale (the photo's pixels enlarged by `scale` first when the output is larger), and the mask of
 * its opaque pixels.
 */
export function lipBoxLuminance(avatar: Avatar, scale: number): { L: Float32Array; W: number; H: number; mask: Uint8Array } {
  const tex = avatar.texture;
  const xs = LIP_BOX.map((i) => avatar.uv[i * 2]!), ys = LIP_BOX.map((i) => avatar.uv[i * 2 + 1]!);
  const grow = 0.5 * (Math.max(...xs) - Math.min(...xs));
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - grow)), x1 = Math.min(tex.width, Math.ceil(Math.max(...xs) + grow));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - grow)), y1 = Math.min(tex.height, Math.ceil(Math.max(...ys) + grow));
  const W = Math.max(1, Math.round((x1 - x0) * scale)), H = Math.max(1, Math.round((y1 - y0) * scale));
  const L = new Float32Array(W * H), mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    // bilinear at output scale (the photo's detail as the renderer will show it)
    const fx = Math.min(x1 - 1.001, x0 + (x + 0.5) / scale - 0.5), fy = Math.min(y1 - 1.001, y0 + (y + 0.5) / scale - 0.5);
    const ix = Math.max(0, Math.floor(fx)), iy = Math.max(0, Math.floor(fy)), ax = fx - ix, ay = fy - iy;
    let v = 0, al = 0;
    for (const [dx, dy, w] of [[0, 0, (1 - ax) * (1 - ay)], [1, 0, ax * (1 - ay)], [0, 1, (1 - ax) * ay], [1, 1, ax * ay]] as const) {
      const o = ((iy + dy) * tex.width + ix + dx) * 4;
      v += w * lum(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!); al += w * tex.data[o + 3]!;
    }
    L[y * W + x] = v;
    mask[y * W + x] = al > 250 ? 1 : 0;
  }
  return { L, W, H, mask };
}

/**
 * The photo around its lips at output scale (see lipBoxLuminance), read once for all: its detail
 * ratio (detailRatio), its blur (gaussian sigma, output px; pictureBlur.ts edgeBlur) and its grain
 * (pictureGrain.ts fineGrain).
 */
export function photoLipLook(avatar: Avatar, scale: number): { detail: number | null; blur: number | null; grain: number | null } {
  const { L, W, H, mask } = lipBoxLuminance(avatar, scale);
  const inner = erode(mask, W, H, 3);
  return { detail: detailRatio(L, W, H, inner), blur: edgeBlur(L, W, H, inner), grain: fineGrain(L, W, H, inner) };
}

/** A mask shrunk by r pixels (a pixel stays only when its whole (2r+1)^2 neighbourhood is set). */
function erode(mask: Uint8Array, W: number, H: number, r: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = r; y < H - r; y++) for (let x = r; x < W - r; x++) {
    let all = 1;
    for (let dy = -r; dy <= r && all; dy++) for (let dx = -r; dx <= r; dx++) if (!mask[(y + dy) * W + x + dx]) { all = 0; break; }
    out[y * W + x] = all;
  }
  return out;
}

/** A layer's straight-colour luminance and the mask of its solid inside (alpha >= 0.95, eroded by 3 px). */
function layerLuminance(l: ReadyLayer): { L: Float32Array; mask: Uint8Array } {
  const n = l.width * l.height, L = new Float32Array(n), solid = new Uint8Array(n);
  for (let q = 0; q < n; q++) {
    const a = l.data[q * 4 + 3]!;
    L[q] = a > 0 ? lum(l.data[q * 4]!, l.data[q * 4 + 1]!, l.data[q * 4 + 2]!) / a : 0;
    solid[q] = a >= 0.95 ? 1 : 0;
  }
  return { L, mask: erode(solid, l.width, l.height, 3) };
}

/** Sharpening amounts tried (unsharp mask of sigma 1 px; negative: a gaussian blur of that sigma). */
const AMOUNTS = [-1.2, -0.9, -0.6, -0.3, 0, 0.4, 0.8, 1.2, 1.6, 2];

/** The layer sharpened (amount > 0: unsharp mask, sigma 1 px) or softened (< 0: blur of sigma -amount), colour kept within 0..255 x alpha. */
export function sharpened(l: ReadyLayer, amount: number): ReadyLayer {
  if (amount === 0) return l;
  const n = l.width * l.height, data = Float32Array.from(l.data);
  const sigma = amount > 0 ? 1 : -amount;
  for (let ch = 0; ch < 4; ch++) {
    if (amount > 0 && ch === 3) continue; // the outline stays: only the colour inside is sharpened
    const c = new Float32Array(n);
    for (let q = 0; q < n; q++) c[q] = l.data[q * 4 + ch]!;
    const b = gaussianBlur(c, l.width, l.height, sigma, Math.ceil(3 * sigma));
    for (let q = 0; q < n; q++) data[q * 4 + ch] = amount > 0 ? c[q]! + amount * (c[q]! - b[q]!) : b[q]!;
  }
  for (let q = 0; q < n; q++) {
    const cap = 255 * data[q * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) data[q * 4 + ch] = Math.min(cap, Math.max(0, data[q * 4 + ch]!));
  }
  return { ...l, data };
}

/** The amount (of AMOUNTS) that brings the layer's detail ratio nearest `target`; 0 when it cannot be measured. */
export function sharpnessToMatch(l: ReadyLayer, target: number | null): number {
  if (target === null) return 0;
  let best = 0, bestErr = Infinity;
  const { mask } = layerLuminance(l); // (the unsoftened layer's solid inside: a blur shrinks it)
  for (const amount of AMOUNTS) {
    const r = detailRatio(layerLuminance(sharpened(l, amount)).L, l.width, l.height, mask);
    if (r === null) continue;
    const err = Math.abs(Math.log(r / target));
    if (err < bestErr) { bestErr = err; best = amount; }
  }
  return best;
}

/**
 * The luminance the bright teeth should have in this photo: above the cheeks' (by a share of
 * what is left to white: teeth on dark skin are much brighter than it, on pale skin a little),
 * never above the picture's own brightest skin or lip highlight (pictureWhite: a dim painting
 * keeps dim teeth).
 */
export function teethTarget(cheekLum: number, pictureWhite: number): number {
  return Math.min(pictureWhite, cheekLum + TEETH_ABOVE_CHEEK * (255 - cheekLum));
}
/**
 * Share of the way from the cheeks' luminance to white the bright teeth sit at. 0.6 until session 16:
 * with the rows' sides and lower row in shadow, the lit teeth of Obama 1 / 2 read 154 / 176 (value)
 * against the real 186 / 206 (bench/mouthCavity.ts).
 */
const TEETH_ABOVE_CHEEK = 0.7;
/** The gain on the library's teeth is kept within this (a grey or dark library row is not made chalk). */
const TEETH_GAIN: [number, number] = [0.95, 1.3];
/**
 * The gain limits on the library's teeth in a picture whose target is `softShare` of a sharp one's
 * (softPictureWhite): the floor comes down by as much (at 0.95 it held lp_s11's teeth at 160 for a
 * target of 144; a sharp picture keeps it: Obama's rows sit over his target by it, as his real ones).
 */
export function libraryGain(softShare: number): [number, number] {
  return [TEETH_GAIN[0] * Math.min(1, softShare), TEETH_GAIN[1]];
}

/**
 * The brightest luminance of the photo over the face mesh's landmarks' neighbourhood (the picture's
 * white on the face: its highlights). Real teeth at their most open sit at it: in the talking videos
 * the teeth's mean luma over this read off frame 0 is Katie 1.01, mt_sun 0.99, Obama 1 1.03 (Fei-Fei 0.82:
 * her teeth barely show, in shade; bench/mouthCavity.ts teeth luma). The 99th percentile until session 19 held them 0.85-0.95 of
 * what real teeth show: Katie's teeth grey where hers are white, Obama's dim (critic18).
 */
export function pictureWhite(avatar: Avatar): number {
  const tex = avatar.texture, lums: number[] = [];
  for (let i = 0; i < 468; i++) {
    const x = Math.round(avatar.uv[i * 2]!), y = Math.round(avatar.uv[i * 2 + 1]!);
    for (let dy = -2; dy <= 2; dy += 2) for (let dx = -2; dx <= 2; dx += 2) {
      const xx = Math.min(tex.width - 1, Math.max(0, x + dx)), yy = Math.min(tex.height - 1, Math.max(0, y + dy));
      const o = (yy * tex.width + xx) * 4;
      if (tex.data[o + 3]! > 250) lums.push(lum(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!));
    }
  }
  if (lums.length === 0) return 255;
  return Math.max(...lums);
}

/**
 * The white the bright teeth may reach, by how soft the picture is around its lips (pictureBlur.ts
 * edgeBlur, output px): the face's brightest sample (pictureWhite) in a sharp picture; in a soft one
 * photoLookSetting.softWhiteShare of the way to it from the cheeks' luma. Real teeth at their most open (bench/teethWhiteReal.ts, their mean luma;
 * frame 0's cheek / white / lip blur): sharp videos at the white (Katie 225; 178/223/1.0 px, mt_sun
 * 187; 166/189/0.9, Obama 1 157; 107/152/1.2), soft ones near the cheek (Fei-Fei 128; 135/157/2.0,
 * lp_d11 143; 139/166/2.0, lp_d6 153; 152/179/2.45, lp_d14 217; 210/227/2.45), lp_d0 between (171;
 * 152/173/1.7). (critic19: on lp_s0, lp_s9, lp_s11, 1.7-2.1 px, the teeth glared brighter than
 * anything in the picture.) All the way down to the cheeks' (0.1 of the way: the real soft videos'
 * teeth within 11) made lp_s9's, lp_s11's and st_happy's rows a grey band at 3x: near the skin's luma
 * the library's near-neutral teeth read grey where real ones carry the picture's warmth.
 */
export function softPictureWhite(cheekLum: number, white: number, lipBlurPx: number | null): number {
  if (lipBlurPx === null || white <= cheekLum) return white;
  const share = 1 - (1 - photoLookSetting.softWhiteShare) * smoothstep(SHARP_LIPS_PX, SOFT_LIPS_PX, lipBlurPx);
  return cheekLum + share * (white - cheekLum);
}
/**
 * How soft the picture is, 0 (lip edges SHARP_LIPS_PX or sharper) .. 1 (SOFT_LIPS_PX or softer).
 */
export function pictureSoftness(lipBlurPx: number | null): number {
  return lipBlurPx === null ? 0 : smoothstep(SHARP_LIPS_PX, SOFT_LIPS_PX, lipBlurPx);
}

/**
 * The layers' colour moved toward the skin's hue by `share`, the luminance kept: a soft picture's dim
 * teeth carry its warmth (Fei-Fei's real teeth R-B 45 against ours 28), where the library's near-neutral
 * white at the skin's luma read grey (lp_s11, st_happy, bench/smallParting.ts grey share).
 */
export function warmedToward(layers: ReadyLayer[], skin: [number, number, number], share: number): ReadyLayer[] {
  const y = lum(...skin);
  if (share <= 0 || y <= 0) return layers;
  const tint = skin.map((c) => 1 - share + share * (c / y));
  return layers.map((l) => {
    const data = Float32Array.from(l.data);
    for (let q = 0; q < data.length; q += 4) for (let ch = 0; ch < 3; ch++) data[q + ch] = Math.min(255 * data[q + 3]!, data[q + ch]! * tint[ch]!);
    return { ...l, data };
  });
}
/** The share of the skin's hue a fully soft picture's teeth take (pictureSoftness 1). */
export const SOFT_TEETH_WARMTH = 0.3;

/** Lip edges this blurred (px) or less: the teeth reach the picture's white ... */
const SHARP_LIPS_PX = 1.2;
/** ... this blurred or more: they reach SOFT_WHITE_SHARE of the way from the cheeks' luma to it. */
const SOFT_LIPS_PX = 2.2;
/**
 * softWhiteShare (SOFT_WHITE_SHARE): 0.4 until session 53. That share was fitted on real teeth's MEAN luma (teethY: every
 * teeth pixel, shaded sides and lower row too) but sets the library rows' 90th percentile (brightLuminance): a soft
 * picture's bright teeth were held where real soft videos' average teeth sit, and read darker than the cheek (lp_s5 at 3x,
 * beads53). Real soft videos' bright teeth (the teeth pixels' 90th percentile, bench/teethWhiteReal.ts bright, share of the
 * way cheek -> white): Fei-Fei .79, lp_d0 1.27, lp_d6 1.17, lp_d14 .98 (lp_d11 .35: her teeth barely show); sharp ones
 * Katie 1.15, mt_sun .98 (greyteeth53). 0.8: the lowest of the soft videos that show their teeth.
 */
export const photoLookSetting = { softWhiteShare: 0.8 };

/** The layers' colour scaled so their bright teeth (together) reach `target`, the gain within `limits`. */
export function brightenedTo(layers: ReadyLayer[], target: number, limits = TEETH_GAIN): { layers: ReadyLayer[]; gain: number } {
  const brights = layers.map(brightLuminance).filter((b): b is number => b !== null);
  if (brights.length === 0) return { layers, gain: 1 };
  const gain = Math.min(limits[1], Math.max(limits[0], target / Math.max(...brights)));
  return {
    gain,
    layers: layers.map((l) => {
      const data = Float32Array.from(l.data);
      for (let q = 0; q < data.length; q += 4) {
        // the hue kept where a channel would pass white (clipped alone, bright teeth went blue-white)
        const k = hueKeepingScale(data[q]!, data[q + 1]!, data[q + 2]!, gain, 255 * data[q + 3]!);
        for (let ch = 0; ch < 3; ch++) data[q + ch] = data[q + ch]! * k;
      }
      return { ...l, data };
    }),
  };
}
