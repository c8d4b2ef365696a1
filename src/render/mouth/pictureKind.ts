// How textured the picture's skin is, from the face's own pixels (issue #13, rowpic30): a painting's
// brushwork and craquelure, or an old photo's film grain, put about as much light into the finest band
// as into the next coarser one; a clean photo's skin (and a 3D cartoon's) is smooth at the finest scale,
// its detail in the coarser shading. The no-teeth row's relief keys on it (rowLook.ts): distinct teeth
// in a textured picture, faint lines in a clean photo (critic29: on real photos the full relief drew
// dark pickets, "braces"). pictureSoftness (the lip edges' blur) does not separate the two.
// Figures per portrait: the mouth README (bench/pictureKindProbe.ts).
import type { Avatar } from '../../avatar/types.ts';
import { gaussianBlur } from '../../eval/metrics/ssim.ts';
import { polygonMask } from '../../eval/masks.ts';
import { smoothstep } from '../../math/smooth.ts';
import { nearestRank } from '../../math/stats.ts';
import { BROW_L, BROW_R, EYE_L_LOOP, EYE_R_LOOP, FACE_OVAL, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../../rig/topology.ts';

/** The face is read at this many px between the outer eye corners: under every test photo's own (st_happy's 256 px frame ~55), so the finest band is the picture's, not the resampling's. */
const READ_IOD = 48;
/** the bands: finest (under FINE_SIGMA px), next (FINE_SIGMA..MID_SIGMA px) */
const FINE_SIGMA = 0.8;
const MID_SIGMA = 2;
/** a skin pixel is one whose neighbourhood (this many px) is all face, no eye, brow or lip */
const CLEAR = 4;
/** texture ratio (fine over mid): clean photos 0.30-0.43 (lp_s1 the highest), paintings 0.49-0.91, grainy old photos 0.56-0.78 */
const CLEAN_TO_TEXTURED: [number, number] = [0.4, 0.55];

/**
 * The picture's skin texture: the robust spread (median |.|) of its finest band over that of the next,
 * on the face's skin read at READ_IOD. Null when too little skin is seen.
 */
export function skinTexture(avatar: Avatar): number | null {
  const { L, A, W, H, at } = faceLuma(avatar);
  const poly = (idx: readonly number[]) => idx.map((k) => at(k));
  const face = polygonMask(poly(FACE_OVAL), W, H);
  const holes = [EYE_L_LOOP, EYE_R_LOOP, BROW_L, BROW_R, [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()]].map((p) => polygonMask(poly(p), W, H));
  const g1 = gaussianBlur(L, W, H, FINE_SIGMA, 3), g2 = gaussianBlur(L, W, H, MID_SIGMA, 6);
  const fine: number[] = [], mid: number[] = [];
  for (let y = CLEAR; y < H - CLEAR; y++) for (let x = CLEAR; x < W - CLEAR; x++) {
    if (!clearSkin(x, y, W, face, A, holes)) continue;
    const q = y * W + x;
    fine.push(Math.abs(L[q]! - g1[q]!));
    mid.push(Math.abs(g1[q]! - g2[q]!));
  }
  if (fine.length < 200) return null;
  const m = nearestRank(mid, 0.5, NaN);
  return m > 0 ? nearestRank(fine, 0.5, NaN) / m : null;
}

/** How textured the picture is, 0 (a clean photo) .. 1 (a painting, a grainy print); 0.5 when it cannot be read. */
export function texturedShare(ratio: number | null): number {
  return ratio === null ? 0.5 : smoothstep(CLEAN_TO_TEXTURED[0], CLEAN_TO_TEXTURED[1], ratio);
}

function clearSkin(x: number, y: number, W: number, face: Uint8Array, A: Uint8Array, holes: Uint8Array[]): boolean {
  for (let dy = -CLEAR; dy <= CLEAR; dy += 2) for (let dx = -CLEAR; dx <= CLEAR; dx += 2) {
    const q = (y + dy) * W + x + dx;
    if (!face[q] || !A[q]) return false;
    for (const h of holes) if (h[q]) return false;
  }
  return true;
}

/**
 * The face's luminance (straight colour) box-averaged down to READ_IOD px between the outer eye corners
 * (a texture already smaller is read as it is), its solid pixels (A), and a landmark's place on it.
 */
function faceLuma(avatar: Avatar): { L: Float32Array; A: Uint8Array; W: number; H: number; at: (k: number) => [number, number] } {
  const t = avatar.texture, uv = avatar.uv;
  const iodPx = Math.hypot(uv[33 * 2]! - uv[263 * 2]!, uv[33 * 2 + 1]! - uv[263 * 2 + 1]!);
  const s = Math.min(1, READ_IOD / Math.max(1, iodPx));
  // (only the face's box is read: the texture can be 4 M pixels)
  const xs = FACE_OVAL.map((k) => uv[k * 2]!), ys = FACE_OVAL.map((k) => uv[k * 2 + 1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(t.width, Math.ceil(Math.max(...xs)) + 1);
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(t.height, Math.ceil(Math.max(...ys)) + 1);
  const W = Math.max(1, Math.ceil((x1 - x0) * s)), H = Math.max(1, Math.ceil((y1 - y0) * s));
  const sum = new Float32Array(W * H), solid = new Float32Array(W * H), n = new Float32Array(W * H);
  for (let y = y0; y < y1; y++) {
    const Y = Math.min(H - 1, Math.floor((y - y0) * s));
    for (let x = x0; x < x1; x++) {
      const o = (y * t.width + x) * 4, q = Y * W + Math.min(W - 1, Math.floor((x - x0) * s));
      sum[q] += 0.299 * t.data[o]! + 0.587 * t.data[o + 1]! + 0.114 * t.data[o + 2]!;
      solid[q] += t.data[o + 3]! > 250 ? 1 : 0;
      n[q] += 1;
    }
  }
  const L = new Float32Array(W * H), A = new Uint8Array(W * H);
  for (let q = 0; q < W * H; q++) {
    L[q] = n[q]! > 0 ? sum[q]! / n[q]! : 0;
    A[q] = n[q]! > 0 && solid[q] === n[q] ? 1 : 0;
  }
  return { L, A, W, H, at: (k) => [(uv[k * 2]! - x0) * s, (uv[k * 2 + 1]! - y0) * s] };
}
