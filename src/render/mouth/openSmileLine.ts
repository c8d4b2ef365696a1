// An open smile's lip line flatter than a shut one's (s45 crescent45, issue #13: critic44 worst #4, lp_s5 <- lp_d10's
// "sticker crescent"). The rig's smile lifts the lip corners over the lips' middle by the same amount whether the lips
// touch or not, so a smiling mouth that opens keeps a shut smile's V: the upper inner line falls from high corners to
// a low middle and the row of teeth (rowBend.ts) follows it. Real open smiles lift the lips' middle with the corners:
// the upper inner line stays about level (13 against 78 / 308, over the inner width: lp_d10 f32-144 -.04..+.01, the
// grinning lp_d0 f38-62 -.02..-.01, where ours read +.03..+.07) and the curve is the lower line's. Here, as the lips
// part, each lip point takes OPEN_SMILE_FLAT of the lift the smile gives the corners over it, no further than the
// upper inner line is level (a line already level or arched by the jaw or mouthUpperUp stays); both lips in a column
// move together (the gap is kept), the corners do not move, a shut smile is untouched. Measures: bench/openingBend.ts.
import { CONTROL_INDEX } from '../../rig/controls.ts';
import { LANDMARK_COUNT, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../../rig/topology.ts';
import { LIPS_MID_LOWER, LIPS_MID_UPPER, MOUTH_CORNERS } from '../../rig/jaw.ts';
import { smoothstep } from '../../math/smooth.ts';

/** share of the smile's lift over the lips' middle taken back on an open mouth (0: the rig's shut-smile line) */
export const OPEN_SMILE_FLAT = 0.4;
/** the lips' parting this frame (13 to 14, over the photo's, in inner widths) over which the share comes in: a shut or
 *  barely parted smile keeps its line (lp_s5 <- lp_d10 f32-144 part .2-.25, a smile's own parting, partLipsInSmile, counted) */
export const OPEN_FROM = 0.04, OPEN_TO = 0.16;
/** the outer lip lines move this share of the inner lines' lift (the lip's red body follows, the skin beyond does not) */
export const OUTER_SHARE = 0.6;

const SMILES = [CONTROL_INDEX.mouthSmileLeft, CONTROL_INDEX.mouthSmileRight];

/** The lip points and, for each, where it sits between the inner corners (0 at 78, 1 at 308) and how much it moves;
 *  the inner width and which way is down (the chin's side of the lips) in canonical y. */
export interface SmileLine {
  points: Int32Array; t: Float64Array; weight: Float64Array; width: number; down: number;
  /** the upper inner line corner to corner, where each point sits, its y on the photo (canonical) and how much further
   *  the photo's picture shows it under its corners' chord than the canonical face does (the pose's perspective) */
  line: Int32Array; lineT: Float64Array; lineY: Float64Array; lineOff: Float64Array;
}

/**
 * The lip points of a canonical face (`neutral`, flat x, y, z per landmark; the photo's own expression `basis` x
 * `photoWeights` on it); `rest` the photo's landmarks in its picture (x, y, z px) and `scale` px per canonical unit.
 */
export function smileLinePoints(neutral: ArrayLike<number>, basis: ArrayLike<number>, photoWeights: ArrayLike<number>, rest?: ArrayLike<number>, scale = 1): SmileLine {
  const inner = new Set([...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER, ...LIPS_MID_UPPER, ...LIPS_MID_LOWER]);
  const outer = new Set([...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER].filter((i) => !inner.has(i)));
  const all = [...inner, ...outer].filter((i) => !MOUTH_CORNERS.includes(i));
  const xl = neutral[78 * 3]!, xr = neutral[308 * 3]!, span = xr - xl || 1;
  const at = (i: number) => Math.min(1, Math.max(0, (neutral[i * 3]! - xl) / span));
  const line = [...LIPS_INNER_UPPER].sort((a, b) => at(a) - at(b));
  const lineY = Float64Array.from(line, (i) => {
    let y = neutral[i * 3 + 1]!;
    for (let k = 0; k < photoWeights.length; k++) y += photoWeights[k]! * basis[k * LANDMARK_COUNT * 3 + i * 3 + 1]!;
    return y;
  });
  const down = Math.sign(neutral[152 * 3 + 1]! - neutral[13 * 3 + 1]!) || 1, n = line.length;
  const fallOf = (y: (j: number) => number, j: number, t: number) => y(j) - y(0) - (y(n - 1) - y(0)) * t;
  const lineOff = Float64Array.from(line, (i, j) => !rest ? 0 :
    fallOf((q) => rest[line[q]! * 3 + 1]!, j, at(i)) / (scale || 1) - down * fallOf((q) => lineY[q]!, j, at(i)));
  return {
    lineY, lineOff,
    line: Int32Array.from(line), lineT: Float64Array.from(line, at),
    points: Int32Array.from(all),
    t: Float64Array.from(all, at),
    weight: Float64Array.from(all, (i) => (outer.has(i) ? OUTER_SHARE : 1)),
    width: Math.abs(span) || 1,
    down,
  };
}

/** How much of the flattening a frame takes: none shut, OPEN_SMILE_FLAT once the lips part OPEN_TO inner widths past the photo's. */
export function openSmileShare(parting: number): number {
  return OPEN_SMILE_FLAT * smoothstep(OPEN_FROM, OPEN_TO, parting);
}

/**
 * Adds to `disp` (canonical displacement, flat x, y, z) the flattening of the smiles' lift: each lip point's y moves by
 * share x (the smiles' y at the corners, interpolated at its place) - (the smiles' y on the upper inner line there), the
 * same for both lips in a column, so the gap is kept. `wv` the frame's weights
 * (the whole smile, the photo's own included: its curve is a shut smile's too), `basis` the rig's (control-major); the
 * parting read from `disp` itself (the jaw's and the lips' own: a smile parts its lips with little jaw).
 */
export function flattenOpenSmile(disp: Float64Array, basis: ArrayLike<number>, wv: ArrayLike<number>, line: SmileLine): void {
  const share = openSmileShare(line.down * (disp[14 * 3 + 1]! - disp[13 * 3 + 1]!) / line.width);
  if (!(share > 0)) return;
  const stride = LANDMARK_COUNT * 3;
  const smileY = (i: number) => SMILES.reduce((s, k) => s + Math.max(0, wv[k]!) * basis[k * stride + i * 3 + 1]!, 0);
  const yl = smileY(78), yr = smileY(308), n = line.line.length;
  // the lift the upper inner line lacks against its corners, at each of its points (0 at the corners), taken no
  // further than the line's fall under its corners' chord now (a line already level or arched stays: lp_s5 f40)
  const d = line.down, yOf = (j: number) => line.lineY[j]! + disp[line.line[j]! * 3 + 1]!, c0 = yOf(0), c1 = yOf(n - 1);
  const lack = Float64Array.from(line.line, (i, j) => {
    const lift = Math.max(0, -d * share * (yl + (yr - yl) * line.lineT[j]! - smileY(i)));
    const fall = Math.max(0, d * (yOf(j) - c0 - (c1 - c0) * line.lineT[j]!) + line.lineOff[j]!);
    return -d * Math.min(lift, fall);
  });
  for (let q = 0; q < line.points.length; q++) {
    const i = line.points[q]!, t = line.t[q]!;
    let j = 1;
    while (j < n - 1 && line.lineT[j]! < t) j++;
    const t0 = line.lineT[j - 1]!, t1 = line.lineT[j]!, u = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 0;
    disp[i * 3 + 1]! += line.weight[q]! * (lack[j - 1]! + (lack[j]! - lack[j - 1]!) * u);
  }
}
