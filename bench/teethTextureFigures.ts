// How the drawn teeth look along a row (issue #13, teethtex52), read the same way on a real frame and a render
// (inside the face mesh's inner-lip polygon; per pixel column the teeth light = the mean of its LIT_TOP brightest pixels
// in the opening's upper half (the upper row) or lower half (the lower row)):
// - front: the upper central incisors' light (|dx| < FRONT_X iod of the opening's middle) over the laterals'
//   (LATERAL_X): a "denture" pair of front teeth brighter than their neighbours reads well over 1; real rows ~.95-1.1;
// - bead: the lower row's dips between teeth over |dx| < BEAD_X iod: per local minimum of the column light, how far it
//   sits under the lesser of the brightest columns either side within BEAD_REACH iod, over that (0: a continuous band);
//   the mean over dips and their count per .1 iod. A comb of beads: deep, many dips. Only where the lower half holds a lit
//   row (its median column light over LOWER_LIT x the upper row's). Columns binned to BIN iod (one scale for every picture size).
// - lip (s53 beads53): the lower lip's median luma (between its outer and inner contours); `teeth/lip` = the upper centrals'
//   light over it: how white the teeth read beside the lips at 1x (a render's against its driver's).
// Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { dist, luma, median, type Lm } from './readBack.ts';

const LIT_TOP = 3;
const FRONT_X = 0.075;
const LATERAL_X: [number, number] = [0.11, 0.16];
const BEAD_X = 0.17;
const BEAD_REACH = 0.035;
const LOWER_LIT = 0.55;
/** the lower row's column light is read in bins this wide (iod) */
const BIN = 0.01;

/**
 * The depths of a light profile's local minima, each under the lesser of the brightest values within `reach` either side,
 * as a share of that edge (only dips below both edges): the gaps between teeth along a row.
 */
export function dipDepths(p: readonly number[], reach: number): number[] {
  const depths: number[] = [];
  for (let i = 1; i < p.length - 1; i++) {
    if (p[i]! > p[i - 1]! || p[i]! > p[i + 1]!) continue;
    let left = -Infinity, right = -Infinity;
    for (let j = Math.max(0, i - reach); j < i; j++) left = Math.max(left, p[j]!);
    for (let j = i + 1; j <= Math.min(p.length - 1, i + reach); j++) right = Math.max(right, p[j]!);
    const edge = Math.min(left, right);
    if (edge > p[i]!) depths.push((edge - p[i]!) / edge);
  }
  return depths;
}

export interface TeethTexture { front: number; bead: number; beadsPer: number; lowerLit: number; upperLight: number; lip: number; cheek: number; picket: number }

/** The cheeks' median luma: discs of CHEEK_R iod around landmarks 50 and 280 (under each eye; s53 greyteeth53: teeth/cheek). */
const CHEEK_R = 0.06;
export function cheekLight(img: RgbaImage, lm: Lm): number {
  const r = CHEEK_R * dist(lm, 33, 263), v: number[] = [];
  for (const i of [50, 280]) {
    const [cx, cy] = lm[i]!;
    for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(img.height - 1, Math.ceil(cy + r)); y++)
      for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(img.width - 1, Math.ceil(cx + r)); x++)
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) v.push(luma(img.data, (y * img.width + x) * 4));
  }
  return v.length ? median(v) : NaN;
}

/** The lower lip's median luma: between its outer and inner contours (the teeth's 1x light is read against it). */
export function lowerLipLight(img: RgbaImage, lm: Lm): number {
  const W = img.width, poly = [...LIPS_OUTER_LOWER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, img.height), v: number[] = [];
  for (let q = 0; q < mask.length; q++) if (mask[q]) v.push(luma(img.data, q * 4));
  return v.length ? median(v) : NaN;
}

/** Per pixel column of the opening: dx (iod from its middle) and the teeth light of its upper and lower halves. */
function columns(img: RgbaImage, lm: Lm) {
  const W = img.width, d = img.data;
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, img.height);
  const x0 = Math.min(lm[78]![0], lm[308]![0]), x1 = Math.max(lm[78]![0], lm[308]![0]);
  const cx = (lm[13]![0] + lm[14]![0]) / 2, iod = dist(lm, 33, 263);
  const out: { dx: number; up: number; low: number }[] = [];
  const topMean = (v: number[]) => { v.sort((a, b) => b - a); const k = Math.min(LIT_TOP, v.length); return k ? v.slice(0, k).reduce((a, b) => a + b, 0) / k : NaN; };
  for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(W - 1, Math.ceil(x1)); x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < img.height; y++) if (mask[y * W + x]) { if (top < 0) top = y; bottom = y; }
    if (top < 0 || bottom - top < 2) continue;
    const mid = (top + bottom) / 2, up: number[] = [], low: number[] = [];
    for (let y = top; y <= bottom; y++) (y < mid ? up : low).push(luma(d, (y * W + x) * 4));
    out.push({ dx: (x + 0.5 - cx) / iod, up: topMean(up), low: topMean(low) });
  }
  return { cols: out, iod };
}

export function teethTexture(img: RgbaImage, lm: Lm): TeethTexture | null {
  const { cols, iod } = columns(img, lm);
  if (cols.length < 8) return null;
  const centre = median(cols.filter((c) => Math.abs(c.dx) < FRONT_X).map((c) => c.up));
  const lateral = median(cols.filter((c) => Math.abs(c.dx) >= LATERAL_X[0] && Math.abs(c.dx) < LATERAL_X[1]).map((c) => c.up));
  const near = cols.filter((c) => Math.abs(c.dx) < BEAD_X);
  const lowerLit = median(near.map((c) => c.low)) / Math.max(1, centre);
  // (s53 greyteeth53) picket: the upper row's dips between teeth over |dx| < BEAD_X (as bead reads the lower row's; 0: a smooth band)
  const binned = (k: 'up' | 'low') => {
    const bins = new Map<number, number[]>();
    for (const c of near) { const b = Math.round(c.dx / BIN); bins.set(b, [...(bins.get(b) ?? []), c[k]]); }
    return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.reduce((a, b) => a + b, 0) / v.length);
  };
  const upDeep = near.length >= 6 ? dipDepths(binned('up'), Math.max(1, Math.round(BEAD_REACH / BIN))).filter((v) => v > 0.04) : [];
  const picket = near.length >= 6 ? (upDeep.length ? upDeep.reduce((a, b) => a + b, 0) / upDeep.length : 0) : NaN;
  let bead = NaN, beadsPer = NaN;
  if (lowerLit >= LOWER_LIT && near.length >= 6) {
    // (binned to BIN iod: a 720 px driver and a 512 px render read at one scale)
    const bins = new Map<number, number[]>();
    for (const c of near) { const b = Math.round(c.dx / BIN); bins.set(b, [...(bins.get(b) ?? []), c.low]); }
    const p = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.reduce((a, b) => a + b, 0) / v.length);
    const deep = dipDepths(p, Math.max(1, Math.round(BEAD_REACH / BIN))).filter((v) => v > 0.04);
    bead = deep.length ? deep.reduce((a, b) => a + b, 0) / deep.length : 0;
    beadsPer = deep.length / ((near[near.length - 1]!.dx - near[0]!.dx) / 0.1);
  }
  return { front: centre / Math.max(1, lateral), bead, beadsPer, lowerLit, upperLight: centre, lip: lowerLipLight(img, lm), cheek: cheekLight(img, lm), picket };
}

export const teethTextureText = (t: TeethTexture | null) => t ? `front ${t.front.toFixed(3)} bead ${Number.isFinite(t.bead) ? t.bead.toFixed(3) : '  -  '} beads/.1iod ${Number.isFinite(t.beadsPer) ? t.beadsPer.toFixed(2) : ' - '} lowerLit ${t.lowerLit.toFixed(2)} upper ${t.upperLight.toFixed(0)} lip ${t.lip.toFixed(0)} teeth/lip ${(t.upperLight / t.lip).toFixed(2)} cheek ${t.cheek.toFixed(0)} teeth/cheek ${(t.upperLight / t.cheek).toFixed(2)} picket ${Number.isFinite(t.picket) ? t.picket.toFixed(3) : '-'}` : 'no opening';
