// The jaw: which share of the jaw's move each landmark takes (the lower lip and everything under
// the lip line 1, the upper face 0, the corners shared), and the jawOpen field itself.
import {
  LANDMARK_COUNT, LIP_COLUMNS_LOWER, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER,
} from './topology.ts';
import { smoothstep } from '../math/smooth.ts';

const N = LANDMARK_COUNT;
const DEG = Math.PI / 180;
export const MOUTH_CORNERS = [61, 291, 78, 308];
/**
 * The two rows of lip points between the outer and inner contours (MediaPipe's lip mesh, corner to
 * corner), upper and lower. They are lip, not skin: they move with their lip. Weighted by distance
 * to the lip line like skin, the upper rows (11, 12...) took 0.2-0.4 of the jaw and the upper lip's
 * skin folded down over the opening.
 */
export const LIPS_MID_UPPER = [76, 184, 74, 73, 72, 11, 302, 303, 304, 408, 306, 62, 183, 42, 41, 38, 12, 268, 271, 272, 407, 292];
export const LIPS_MID_LOWER = [77, 90, 180, 85, 16, 315, 404, 320, 307, 96, 89, 179, 86, 15, 316, 403, 319, 325];
/**
 * The jaw's share at the mouth corners, where both lips meet. Real openings hang their corners at the top
 * third (lp_d10: the upper lip's middle .31-.42 inner half widths over the corners' chord, the lower .73-.75
 * under it); at .45 ours sat at mid-height (.66-.85 / .66-.87), a flat top over steep sides, a hexagon
 * (critic41/42, lp_s7 <- lp_d10). .375 (s43, lens43): .57-.75 / .74-.99; the gap at every column and the
 * corners' width are the same (lipJawShares keeps lower - upper). .3 (.49-.63) sheared the skin under
 * mt_man's image-left corner into a dark streak (mouthCornerSmear 13 -> 32 px, limit 25; .375: 19).
 */
const UPPER_LIP_JAW = 0.375;
/**
 * Share of its distance from the mouth's centre a lip corner moves outward per unit of jawOpen. Real
 * loud frames widen 0.004-0.010 IOD (bench/tentRead.ts --real, Obama, Fei-Fei); drawn in by 0.05 the
 * rig's "ah" (jaw .6) came 0.021-0.027 IOD narrower, a tall, narrow opening.
 */
const JAW_WIDEN = 0.01;
/**
 * The opening's gap across the lips, as a share of the middle's, at r of the inner half width:
 * (1 - r^2)^OPENING_TAPER. Real loud frames read 0.78-0.81 / 0.56-0.60 / 0.31-0.36 at r = 0.5 / 0.7
 * / 0.85 (tentRead --real, Obama, Fei-Fei): 0.8 gives 0.79 / 0.58 / 0.36; an ellipse (0.5) 0.87 / 0.71
 * / 0.53, blunt ends.
 */
const OPENING_TAPER = 0.8;

/** The lips' shares of the jaw's turn at r (0 the middle, 1 the inner corner): the gap between them tapers to the corners. */
export function lipJawShares(r: number): { upper: number; lower: number } {
  const gap = Math.max(0, 1 - Math.min(1, r) ** 2) ** OPENING_TAPER;
  // the upper lip comes down only near the corners, so a wide mouth keeps its upper teeth in view
  // across the middle; the lower lip is the gap under it, meeting it at the corners' share
  const upper = UPPER_LIP_JAW * (1 - gap) ** 2;
  return { upper, lower: upper + gap };
}
/** Between these many mouth half widths from the centre the skin under the lips turns into cheek. */
const CHEEK_FROM = 0.85, CHEEK_TO = 1.6;
/** Share of the lower lip's move the chin takes over its own turn about the hinge. */
const CHIN_CARRY = 0.6;

/** The mouth's centre and half width, and each lip's contour points (corners left out). */
export interface MouthFrame { mcx: number; mcy: number; mouthHalf: number; upperLip: Set<number>; lowerLip: Set<number> }

/** Landmark coordinates of a flat 478*3 canonical face. */
const coords = (p: Float64Array) => ({ X: (i: number) => p[i * 3]!, Y: (i: number) => p[i * 3 + 1]!, Z: (i: number) => p[i * 3 + 2]! });

export function mouthFrame(p: Float64Array): MouthFrame {
  const { X, Y } = coords(p);
  const mcx = (X(13) + X(14)) / 2, mcy = (Y(13) + Y(14)) / 2;
  const mouthHalf = Math.max(0.05, (X(291) - X(61)) / 2);
  const upperLip = new Set([...LIPS_OUTER_UPPER, ...LIPS_INNER_UPPER].filter((i) => !MOUTH_CORNERS.includes(i)));
  const lowerLip = new Set([...LIPS_OUTER_LOWER, ...LIPS_INNER_LOWER].filter((i) => !MOUTH_CORNERS.includes(i)));
  return { mcx, mcy, mouthHalf, upperLip, lowerLip };
}

/** Jaw weight: 1 on the lower lip and everything under the lip line, 0 on the upper lip and above. */
export function jawWeights(p: Float64Array, m: MouthFrame): Float64Array {
  const { X, Y } = coords(p);
  const { mcx, mouthHalf, upperLip, lowerLip } = m;
  // The lip parting line y at a given x: the inner upper lip contour, interpolated.
  const innerUp = [...LIPS_INNER_UPPER].sort((a, b) => X(a) - X(b));
  const lipLineY = (x: number) => {
    if (x <= X(innerUp[0]!)) return Y(innerUp[0]!);
    for (let q = 1; q < innerUp.length; q++) {
      const a = innerUp[q - 1]!, b = innerUp[q]!;
      if (x <= X(b)) { const t = (x - X(a)) / Math.max(1e-6, X(b) - X(a)); return Y(a) + t * (Y(b) - Y(a)); }
    }
    return Y(innerUp[innerUp.length - 1]!);
  };

  const jaw = new Float64Array(N);
  const upperLipBody = new Set([...upperLip, ...LIPS_MID_UPPER]), lowerLipBody = new Set([...lowerLip, ...LIPS_MID_LOWER]);
  // toward the corners both lips share the jaw (the corner itself 0.45), so the opening closes into
  // the corner instead of a step between a still upper lip and a dropped corner (a boxy mouth). The
  // gap tapers as lipJawShares says: an ellipse's height (sqrt(1 - r^2)) left blunt, rounded-box ends;
  // a smoothstep(0.55, 0.95) share closed it flat into the corner and left the middle straight (past
  // 0.4 IOD a hexagon).
  const innerCornerR = Math.max(0.3, (X(308) - X(78)) / 2 / mouthHalf);
  const shares = (i: number) => lipJawShares(Math.abs(X(i) - mcx) / mouthHalf / innerCornerR);
  for (let i = 0; i < N; i++) {
    if (lowerLipBody.has(i)) jaw[i] = shares(i).lower;
    else if (upperLipBody.has(i)) jaw[i] = shares(i).upper;
    else if (MOUTH_CORNERS.includes(i)) jaw[i] = UPPER_LIP_JAW;
    else {
      // under the lips the skin goes with the jaw within 0.1 of the lip line; out past the corners
      // the cheek takes it over a wide band (from 0.22 above the corners to 0.3 below), blended
      // across the corners' column (a switch at 1.05 half widths sheared the skin under each corner
      // into a vertical smear as the jaw opened)
      const under = smoothstep(-0.1, 0.1, Y(i) - lipLineY(X(i)));
      const cheek = smoothstep(-0.22, 0.3, Y(i) - Y(61));
      jaw[i] = under + (cheek - under) * smoothstep(CHEEK_FROM, CHEEK_TO, Math.abs(X(i) - mcx) / mouthHalf);
    }
  }
  for (let i = 468; i < N; i++) jaw[i] = 0;
  return jaw;
}

/** Writes the jawOpen field (control k): the jaw-weighted rotation about a hinge in front of the ears. */
export function writeJawOpen(out: Float32Array, k: number, p: Float64Array, jaw: Float64Array, m: MouthFrame): void {
  const { X, Y, Z } = coords(p);
  const { mcx, mcy, mouthHalf } = m;
  const hy = (Y(234) + Y(454)) / 2 + 0.05, hz = (Z(234) + Z(454)) / 2 + 0.45;
  /** (dy, dz) of a point (y, z) turned by angle a about the hinge */
  const turn = (y: number, z: number, a: number): [number, number] => {
    const ry = y - hy, rz = z - hz, c = Math.cos(a), s = Math.sin(a);
    return [ry * c - rz * s - ry, ry * s + rz * c - rz];
  };
  for (let i = 0; i < N; i++) {
    const a = jaw[i]! * 17 * DEG;
    if (a === 0) continue;
    let [dy, dz] = turn(Y(i), Z(i), a);
    // the chin under the mouth goes down with the lower lip (CHIN_CARRY of the way from its own turn
    // to the lower lip's move): turned about the hinge, then doubled by a wide opening's jawOpen 2,
    // it tilted away and the lip-to-chin height shrank by 45 % at a full opening
    const carry = CHIN_CARRY * (1 - smoothstep(CHEEK_FROM, CHEEK_TO, Math.abs(X(i) - mcx) / mouthHalf)) * smoothstep(0, 0.1, Y(i) - Y(14));
    if (carry > 0) {
      const [ly, lz] = turn(Y(14), Z(14), a);
      dy += carry * (ly - dy); dz += carry * (lz - dz);
    }
    const o = (k * N + i) * 3;
    out[o + 1] = dy;
    out[o + 2] = dz;
  }
  // the lower lip keeps its thickness: each of its columns moves as its inner point does (turned
  // with the jaw, the lip tilted away and its outer edge, nearer the corners, took less of the jaw:
  // at a full opening the lip was 8 % thinner in the middle and 45 % at the sides)
  for (let c = 0; c < LIP_COLUMNS_LOWER[0].length; c++) {
    const inner = (k * N + LIP_COLUMNS_LOWER[0][c]!) * 3;
    for (let row = 1; row < LIP_COLUMNS_LOWER.length; row++) {
      const o = (k * N + LIP_COLUMNS_LOWER[row]![c]!) * 3;
      out[o + 1] = out[inner + 1]!; out[o + 2] = out[inner + 2]!;
    }
  }
  // the corners ease out a little as the jaw drops (real loud frames are slightly wider than rest;
  // drawn in, the opening read tall and narrow: width/gap 1.1-1.3 against 1.9-2.6 real)
  for (let i = 0; i < 468; i++) {
    const ex = (X(i) - mcx) / (1.6 * mouthHalf), ey = (Y(i) - mcy) / mouthHalf;
    const g = Math.exp(-(ex * ex + ey * ey));
    if (g < 1e-3) continue;
    out[(k * N + i) * 3] = JAW_WIDEN * (X(i) - mcx) * g;
  }
  // (the lower lip's columns in x too)
  for (let c = 0; c < LIP_COLUMNS_LOWER[0].length; c++) {
    const inner = (k * N + LIP_COLUMNS_LOWER[0][c]!) * 3;
    for (let row = 1; row < LIP_COLUMNS_LOWER.length; row++) out[(k * N + LIP_COLUMNS_LOWER[row]![c]!) * 3] = out[inner]!;
  }
}
