// The picture's own fine texture on the rebuilt mouth (issue #13, s50 paintmouth50: "the mouth keeps the picture's style").
// The open mouth's parts (the library teeth, the tongue, the cavity, the lips' inner bands) are drawn smooth; on a painting
// the skin around them carries brushwork and craquelure (the Mona Lisa's cracks at 3x) and the opening read as a clean
// sticker laid on the canvas. pictureGrain.ts gave the library rows a hashed grain of the right spread, but no crack
// pattern and nothing on the tongue or the cavity. Here the picture's own relative fine detail is read once off a skin
// patch under the lower lip (the chin's skin, the same paint and light), at output scale, and every opening pixel is
// multiplied by 1 + that detail at its place in the head's frame (mirror-tiled), so the cracks ride with the head. The
// amount is the picture's own detail, times how textured its skin is (pictureKind.ts texturedShare: clean photos 0,
// their rebuilt mouths untouched; a painting or a grainy print 1).
import type { Avatar } from '../../avatar/types.ts';
import { gaussianBlur } from '../../eval/metrics/ssim.ts';
import { luminance as lum } from '../../math/colour.ts';
import { lipBoxLuminance } from './photoLook.ts';

export interface CrackTile {
  w: number;
  h: number;
  /** relative fine detail (L - G1 L) / G3 L, zero mean, clipped, at the picture's own spread around its lips */
  d: Float32Array;
}

/** Settings (bench ablations: bench/fleckRender.ts --set render/mouth/pictureCracks.ts:crackSetting.on=false). */
export const crackSetting = { on: true };

/** the patch under the lower lip: from this share of the mouth's width under landmark 17, this share tall, the mouth's width wide */
const PATCH_FROM = 0.12, PATCH_TALL = 0.45;
/**
 * the share of the lip box's grain laid on: read off the texture it over-reads the rendered skin, which the renderer's
 * sampling softens (lp_s9 <- lp_d11 f76/f98: at 1 the tongue's flat grain .020-.024 against the rendered ring's .013;
 * bench/mouthStyle.ts)
 */
const CRACK_SHARE = 0.5;
/** the detail is clipped at this many robust spreads (a lip line or a mole in the patch is structure, not grain) */
const CLIP = 2.5;
/** a place around the lips is flat (its grain read there) when its light smoothed at 3 px changes by under this share of itself per px: a lip line is structure */
const FLAT = 0.03;
/** the local light under which the relative detail is not read (dark paint's noise is not enlarged) */
const LEAST_LIGHT = 24;

/**
 * The picture's relative fine detail on a skin patch under the lower lip at `scale` output px per texture px, at a robust
 * spread of the picture's own grain around its lips (lipFlatGrain) times `textured` (pictureKind.ts texturedShare); null for
 * none or a patch too small.
 */
export function crackTile(avatar: Avatar, scale: number, textured: number): CrackTile | null {
  if (!crackSetting.on || !(textured > 0)) return null;
  const grain = lipFlatGrain(avatar, scale);
  if (grain === null) return null;
  const t = avatar.texture, uv = avatar.uv;
  const at = (k: number): [number, number] => [uv[k * 2]!, uv[k * 2 + 1]!];
  const [lx, ly] = at(61), [rx, ry] = at(291), [, by] = at(17);
  const mw = Math.hypot(rx - lx, ry - ly), cx = (lx + rx) / 2;
  const x0 = cx - mw / 2, y0 = by + PATCH_FROM * mw;
  const W = Math.round(mw * scale), H = Math.round(PATCH_TALL * mw * scale);
  if (W < 12 || H < 8 || x0 < 0 || y0 < 0 || x0 + mw >= t.width - 1 || y0 + PATCH_TALL * mw >= t.height - 1) return null;
  const L = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const fx = x0 + (x + 0.5) / scale - 0.5, fy = y0 + (y + 0.5) / scale - 0.5;
    const ix = Math.floor(fx), iy = Math.floor(fy), ax = fx - ix, ay = fy - iy;
    let v = 0;
    for (const [dx, dy, w] of [[0, 0, (1 - ax) * (1 - ay)], [1, 0, ax * (1 - ay)], [0, 1, (1 - ax) * ay], [1, 1, ax * ay]] as const) {
      const o = ((iy + dy) * t.width + ix + dx) * 4;
      v += w * lum(t.data[o]!, t.data[o + 1]!, t.data[o + 2]!);
    }
    L[y * W + x] = v;
  }
  return { w: W, h: H, d: relativeDetail(L, W, H, CRACK_SHARE * textured * grain) };
}

/** (L - G1 L) / max(LEAST_LIGHT, G3 L), zero mean, clipped at CLIP robust spreads, over its robust spread, times `amount`. Pure. */
export function relativeDetail(L: Float32Array, W: number, H: number, amount: number): Float32Array {
  const g1 = gaussianBlur(L, W, H, 1, 3), g3 = gaussianBlur(L, W, H, 3, 9), n = W * H, r = new Float32Array(n);
  for (let q = 0; q < n; q++) r[q] = (L[q]! - g1[q]!) / Math.max(LEAST_LIGHT, g3[q]!);
  const abs = Array.from(r, Math.abs).sort((a, b) => a - b), spread = 1.4826 * abs[abs.length >> 1]!, lim = CLIP * spread;
  if (!(spread > 0)) return new Float32Array(n);
  let mean = 0;
  for (let q = 0; q < n; q++) { r[q] = Math.max(-lim, Math.min(lim, r[q]!)); mean += r[q]! / n; }
  for (let q = 0; q < n; q++) r[q] = ((r[q]! - mean) / spread) * amount;
  return r;
}

/**
 * The picture's own grain around its lips: the robust spread of its relative fine detail (as relativeDetail) over the flat
 * places of the lip box (photoLook.ts lipBoxLuminance) at `scale` output px per texture px; null under 50 of them.
 */
export function lipFlatGrain(avatar: Avatar, scale: number): number | null {
  const { L, W, H, mask } = lipBoxLuminance(avatar, scale);
  const g1 = gaussianBlur(L, W, H, 1, 3), g3 = gaussianBlur(L, W, H, 3, 9), v: number[] = [];
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const q = y * W + x, base = Math.max(LEAST_LIGHT, g3[q]!);
    if (!mask[q] || Math.hypot(g3[q + 1]! - g3[q - 1]!, g3[q + W]! - g3[q - W]!) / 2 / base >= FLAT) continue;
    v.push(Math.abs(L[q]! - g1[q]!) / base);
  }
  if (v.length < 50) return null;
  v.sort((a, b) => a - b);
  return 1.4826 * v[v.length >> 1]!;
}

/** Mirror-tiled index into 0..n-1 (no seam where the tile repeats). */
function mirror(i: number, n: number): number {
  const p = 2 * n, m = ((Math.floor(i) % p) + p) % p;
  return m < n ? m : p - 1 - m;
}

/** `out` (r, g, b; changed in place) times 1 + the tile's detail at (x, y) of the head's frame (output px). */
export function cracksOver(out: Float64Array, tile: CrackTile, x: number, y: number): void {
  const k = 1 + tile.d[mirror(y, tile.h) * tile.w + mirror(x, tile.w)]!;
  for (let ch = 0; ch < 3; ch++) out[ch] = Math.min(255, Math.max(0, out[ch]! * k));
}
