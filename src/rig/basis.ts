// The expression basis: one displacement field per rig control on the 478 landmarks, built
// procedurally from the MediaPipe contours on a given neutral face in the canonical frame
// (x right, y down, z away from the camera, outer-eye-corner distance 1). Building it on the
// person's own neutral makes e.g. a blink land exactly on that person's lower lid.
import { CONTROL_COUNT, CONTROL_INDEX, type RigControl } from './controls.ts';
import {
  LANDMARK_COUNT, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER,
  EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER, EYE_L_UPPER2, EYE_R_UPPER2, EYE_L_LOWER2, EYE_R_LOWER2,
  BROW_L, BROW_R,
} from './topology.ts';
import { smoothstep } from '../math/smooth.ts';
import { spread, spreadFollowingNearest, type Handle } from './spread.ts';
import { mouthFrame, jawWeights, writeJawOpen, LIPS_MID_UPPER, LIPS_MID_LOWER, MOUTH_CORNERS } from './jaw.ts';

const N = LANDMARK_COUNT;
/** A blink's lids meet this share of the opening down from the upper lid. */
const MEET = 0.9;
/**
 * A blink's crease row follows the upper lid by this share of its travel, and the skin above the
 * crease by a share fading to 0 over CREASE_FADE (canonical units) above it. Before (0.45, the
 * blink spread over everything above the lid line), the ring above the crease fell 0.054 with the
 * crease while the brow's lower contour 0.035 above it stayed: the brow's lower hair and the skin
 * under it were dragged down at every blink, a wince (the brow seemed to come down).
 */
const CREASE_FOLLOW = 0.3, CREASE_FADE = 0.03;
/**
 * eyeWide raises the upper lid by this share of the opening (the lid folding up under the crease,
 * which rises by WIDE_CREASE_LIFT of it). At 0.35 / 0.18 a rendered eyeWide 1 read back as 1.04-1.12x
 * open and as eyeWide 0.05-0.24 by the rig fit (bench/wideZoom.ts), where drivers' wide eyes read
 * 0.6-0.8: a surprised lid shows the white above the iris.
 */
export const WIDE_LIFT = 0.45;
const WIDE_CREASE_LIFT = 0.3;
/** The brows' lower contours (outer end first). */
const BROW_R_LOWER = [46, 53, 52, 65, 55];
const BROW_L_LOWER = [276, 283, 282, 295, 285];
/**
 * Between a brow's lower contour (t = 1) and the upper lid (t = 0) a point takes this share of the
 * brow's move: smoothstep over t (UNDER_BROW_T). Monotone down each column, so the skin stretches
 * and never folds, whatever order the face mesh's rows come in on a given face.
 */
export const UNDER_BROW_T: [number, number] = [0.25, 0.75];
const UNDER_BROW_TAPER = 0.08;
/**
 * browInnerUp lifts a brow's inner end by BROW_RAISE, falling off linearly along the brow to
 * 1 - BROW_FALL of it at the outer end; browOuterUp the mirror image. Both together lift the whole
 * brow evenly (before, both lifted only the inner and outer points fully and the middle half as
 * much: an M-shaped brow at a full raise).
 */
const BROW_RAISE = 0.1, BROW_FALL = 0.65;
/**
 * browDown lowers the brow by BROW_DOWN (and draws it inward by a third of that). At 0.075 a full
 * frown moved the rendered brows 0.043-0.069 iod while drivers' strong frowns move theirs 0.08-0.13
 * (bench/browProbe.ts, bench/browGain.ts): no weight could reach a driver's frown.
 */
export const BROW_DOWN = 0.11;
/** How deep the nose root's skin follows a frown, down from the upper lids' level (canonical units). */
const GLABELLA_BAND = 0.24;
/** A frown closes at most this share of the gap between a brow's lower contour and the upper lid. */
const FROWN_CLOSE = 0.75;
/**
 * The lower lip's inner edge drops by this much (canonical y, at its middle rows' full share) per
 * side at a full smile or stretch: the lip drawn thin over the lower teeth. (The upper lip is left
 * whole: lifted off the teeth it uncovered a dark band above the upper row, the teeth being fixed to
 * the skull at the photo's lip line; render/mouth README.)
 */
export const LOWER_LIP_THINNING = 0.04;

/** Flat basis: basis[(k * N + i) * 3 + axis] = displacement of landmark i along axis for control k at weight 1. */
export type Basis = Float32Array;

/** Builds the basis for a neutral face given as 478*3 canonical coordinates. */
export function buildBasis(neutral: ArrayLike<number>): Basis {
  const p = Float64Array.from(neutral as ArrayLike<number>);
  const X = (i: number) => p[i * 3]!, Y = (i: number) => p[i * 3 + 1]!, Z = (i: number) => p[i * 3 + 2]!;
  const out = new Float32Array(CONTROL_COUNT * N * 3);
  const K = (c: RigControl) => CONTROL_INDEX[c];

  // Mouth frame and the jaw (jaw.ts).
  const mouth = mouthFrame(p);
  const { mcx, mouthHalf, upperLip, lowerLip } = mouth;
  const jaw = jawWeights(p, mouth);
  const jawSide = (i: number) => jaw[i]!;
  const upperSide = (i: number) => (i >= 468 ? 0 : 1 - jaw[i]!);
  writeJawOpen(out, K('jawOpen'), p, jaw, mouth);

  const lipPoints = [...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER.slice(1, -1), ...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER.slice(1, -1)];
  const uniqueLip = [...new Set(lipPoints)];
  const lipBody = [...new Set([...uniqueLip, ...LIPS_MID_UPPER, ...LIPS_MID_LOWER])];

  // mouthClose: lips pressed shut against an open jaw (lower lip up, upper lip a little down).
  {
    const k = K('mouthClose');
    spread(out, k, p, [...lowerLip].map((i) => ({ i, d: [0, -0.16, 0] as [number, number, number] })), 0.12, jawSide);
    spread(out, k, p, [...upperLip].map((i) => ({ i, d: [0, 0.04, 0] as [number, number, number] })), 0.1, upperSide);
  }
  // mouthFunnel: lips flare into a round opening and push forward.
  {
    const k = K('mouthFunnel');
    const hs: Handle[] = uniqueLip.map((i) => {
      const inner = LIPS_INNER_UPPER.includes(i) || LIPS_INNER_LOWER.includes(i);
      const rx = (X(i) - mcx) / mouthHalf;
      const isCorner = MOUTH_CORNERS.includes(i);
      const dy = isCorner ? 0 : upperLip.has(i) ? (inner ? -0.07 : -0.04) : (inner ? 0.08 : 0.05);
      return { i, d: [-rx * 0.09, dy * (1 - 0.5 * rx * rx), -0.1] };
    });
    spread(out, k, p, hs, 0.18, () => 1);
  }
  // mouthPucker: mouth narrows, lips closed and pushed forward.
  {
    const k = K('mouthPucker');
    const hs: Handle[] = uniqueLip.map((i) => {
      const rx = (X(i) - mcx) / mouthHalf;
      return { i, d: [-(X(i) - mcx) * 0.38, 0, -0.13 * (1 - 0.4 * rx * rx)] };
    });
    spread(out, k, p, hs, 0.2, () => 1);
  }
  // How far a lower-lip point moves down in a smile or stretch, for one side at weight 1: the lip
  // thins toward its outer contour (which stays), the inner contour by the whole LOWER_LIP_THINNING,
  // the middle rows by their share; most in the middle of the mouth half, none at the corner, so
  // the opening tapers into the corners. Without it a grin's lower teeth could only show by
  // dropping the jaw or the whole lower lip: a driver's smile came out as a round, talking oval.
  const thinShare = new Map<number, number>();
  for (const [row, share] of [[LIPS_INNER_LOWER, 1], [LIPS_MID_LOWER.slice(0, 9), 1 / 3], [LIPS_MID_LOWER.slice(9), 2 / 3]] as const) {
    for (const i of row) if (!MOUTH_CORNERS.includes(i)) thinShare.set(i, share);
  }
  const lipThinning = (i: number, fromCorner: number) => {
    const share = thinShare.get(i);
    if (!share) return 0;
    const along = Math.exp(-((fromCorner / (mouthHalf * 1.2)) ** 2)) * (1 - Math.exp(-((fromCorner / (mouthHalf * 0.3)) ** 2)));
    return share * along * LOWER_LIP_THINNING;
  };
  // Smile / stretch: the corner (and the lips near it) pulled out and up / out and down. Every lip
  // point, its two middle rows too, takes the same share f(x) of the pull for its column, so each lip
  // column moves as one and keeps its thickness. (Before, only the outer and inner contours were
  // handles; the middle rows took the mouth-wide average, lagging half way behind near the corner
  // and rising past the outer contour at the middle: a smile folded the lip skin into stair steps.)
  const cornerPull = (control: RigControl, corner: number, dir: number, d: [number, number, number], sigma: number) => {
    const hs: Handle[] = lipBody.map((i) => {
      const f = Math.exp(-(((X(i) - X(corner)) / (mouthHalf * 0.65)) ** 2));
      // the lower lip stretched sideways thins over the teeth: its inner edge drops, its outer contour stays
      const thin = lipThinning(i, X(i) - X(corner));
      return { i, d: [d[0] * dir * f, d[1] * f + thin, d[2] * f] };
    });
    // the pull fades out below the eyes (the lids are the eye controls' business)
    const eyeY = (Y(33) + Y(263)) / 2;
    // the reach stays the two contours' (the middle rows doubled it: the whole cheek moved with the corner)
    const reachPerHandle = uniqueLip.length / lipBody.length;
    spreadFollowingNearest(out, K(control), p, hs, sigma, (i) => (i >= 468 ? 0 : smoothstep(eyeY + 0.12, eyeY + 0.32, Y(i))), reachPerHandle);
  };
  cornerPull('mouthSmileLeft', 291, 1, [0.07, -0.13, 0.04], 0.3);
  cornerPull('mouthSmileRight', 61, -1, [0.07, -0.13, 0.04], 0.3);
  cornerPull('mouthStretchLeft', 291, 1, [0.09, 0.05, 0.01], 0.28);
  cornerPull('mouthStretchRight', 61, -1, [0.09, 0.05, 0.01], 0.28);
  // Upper lip up / lower lip down (without the jaw).
  {
    const hs: Handle[] = [...upperLip].map((i) => ({ i, d: [0, -0.075 * (1 - 0.5 * ((X(i) - mcx) / mouthHalf) ** 2), -0.02] }));
    spread(out, K('mouthUpperUp'), p, hs, 0.14, upperSide);
    const ls: Handle[] = [...lowerLip].map((i) => ({ i, d: [0, 0.09 * (1 - 0.5 * ((X(i) - mcx) / mouthHalf) ** 2), -0.01] }));
    spread(out, K('mouthLowerDown'), p, ls, 0.14, jawSide);
  }
  // mouthPress: lips thin (outer edges roll in toward the parting line).
  {
    const k = K('mouthPress');
    const hs: Handle[] = [];
    for (const i of LIPS_OUTER_UPPER) if (upperLip.has(i)) hs.push({ i, d: [0, 0.035, 0.01] });
    for (const i of LIPS_INNER_UPPER) if (upperLip.has(i)) hs.push({ i, d: [0, 0.005, 0] });
    for (const i of LIPS_OUTER_LOWER) if (lowerLip.has(i)) hs.push({ i, d: [0, -0.035, 0.01] });
    for (const i of LIPS_INNER_LOWER) if (lowerLip.has(i)) hs.push({ i, d: [0, -0.005, 0] });
    spread(out, k, p, hs.filter((h) => upperLip.has(h.i)), 0.08, upperSide);
    spread(out, k, p, hs.filter((h) => lowerLip.has(h.i)), 0.08, jawSide);
  }
  // cheekPuff: cheeks bulge out and forward.
  {
    const k = K('cheekPuff');
    const cy = (Y(61) + Y(1)) / 2 + 0.05;
    for (let i = 0; i < 468; i++) {
      for (const side of [-1, 1]) {
        const cx = side * (mouthHalf + 0.22);
        const g = Math.exp(-(((X(i) - cx) / 0.26) ** 2 + ((Y(i) - cy) / 0.3) ** 2));
        const o = (k * N + i) * 3;
        out[o] += side * 0.06 * g;
        out[o + 2] += -0.07 * g;
      }
    }
  }

  /** y of a contour at x: linear between its points (sorted by x), flat past its ends. */
  const contourY = (ids: number[], x: number) => {
    const s = [...ids].sort((a, b) => X(a) - X(b));
    if (x <= X(s[0]!)) return Y(s[0]!);
    for (let q = 1; q < s.length; q++) {
      if (x <= X(s[q]!)) { const t = (x - X(s[q - 1]!)) / Math.max(1e-6, X(s[q]!) - X(s[q - 1]!)); return Y(s[q - 1]!) + t * (Y(s[q]!) - Y(s[q - 1]!)); }
    }
    return Y(s[s.length - 1]!);
  };

  // Eyes. Blink: each upper-lid point travels onto the matching lower-lid point (the lists run
  // corner to corner), meeting 10 % above the lower lid and bulging forward a little (the lid
  // rides over the eyeball); the crease row follows part of the way (CREASE_FOLLOW), so the lid
  // skin stretches; above the crease the move fades out within CREASE_FADE (the brow stays).
  const eye = (upper: number[], lower: number[], upper2: number[], lower2: number[], blink: RigControl, wide: RigControl) => {
    const lineY = (Y(upper[0]!) + Y(upper[upper.length - 1]!)) / 2;
    const x0 = Math.min(X(upper[0]!), X(upper[upper.length - 1]!)) - 0.1, x1 = Math.max(X(upper[0]!), X(upper[upper.length - 1]!)) + 0.1;
    const inRange = (i: number) => X(i) > x0 - 0.15 && X(i) < x1 + 0.15;
    const above = (i: number) => (i >= 468 || !inRange(i) ? 0 : smoothstep(0, 0.04, lineY - Y(i)));
    const below = (i: number) => (i >= 468 || !inRange(i) ? 0 : smoothstep(0, 0.04, Y(i) - lineY));
    // the blink's reach stops over the crease: the skin from the crease up to the brow stays
    const belowCrease = (i: number) => above(i) * (1 - smoothstep(0, CREASE_FADE, contourY(upper2, X(i)) - Y(i)));
    const bh: Handle[] = [], bl: Handle[] = [], wh: Handle[] = [];
    for (let q = 1; q < upper.length - 1; q++) {
      const u = upper[q]!, l = lower[q]!;
      const gx = X(l) - X(u), gy = Y(l) - Y(u), gz = Z(l) - Z(u);
      bh.push({ i: u, d: [gx * MEET, gy * MEET, gz * MEET - 0.015] });
      bl.push({ i: l, d: [-gx * (1 - MEET), -gy * (1 - MEET), -gz * (1 - MEET)] });
      wh.push({ i: u, d: [0, -Math.max(0.02, gy) * WIDE_LIFT, 0] });
    }
    // The crease row follows part of the way, so lid skin stretches instead of folding.
    for (let q = 1; q < upper2.length - 1; q++) {
      const u2 = upper2[q]!, u = upper[q]!, l = lower[q]!;
      bh.push({ i: u2, d: [0, (Y(l) - Y(u)) * CREASE_FOLLOW, 0] });
      wh.push({ i: u2, d: [0, -Math.max(0.02, Y(l) - Y(u)) * WIDE_CREASE_LIFT, 0] });
    }
    for (let q = 1; q < lower2.length - 1; q++) bl.push({ i: lower2[q]!, d: [0, -(Y(lower[q]!) - Y(upper[q]!)) * 0.05, 0] });
    spread(out, K(blink), p, bh, 0.07, belowCrease);
    spread(out, K(blink), p, bl, 0.06, below);
    spread(out, K(wide), p, wh, 0.08, above);
  };
  eye(EYE_L_UPPER, EYE_L_LOWER, EYE_L_UPPER2, EYE_L_LOWER2, 'eyeBlinkLeft', 'eyeWideLeft');
  eye(EYE_R_UPPER, EYE_R_LOWER, EYE_R_UPPER2, EYE_R_LOWER2, 'eyeBlinkRight', 'eyeWideRight');

  // Brows: the forehead above moves with them; the eyes below do not. The face mesh's brow contours
  // run through the brow hair, which reaches further down, so the skin under the lower contour is
  // carried almost fully near the brow and less toward the lid (UNDER_BROW_T): the brow moves as a
  // whole and the stretch falls on the skin above the crease. Before, everything under the lower
  // contour stayed and a raise stretched the hair's lower half into a dark band.
  const browMask = (brow: number[]) => {
    const upperLidY = Math.min(...brow.map((i) => Y(i))) + 0.16;
    return (i: number) => (i >= 468 ? 0 : smoothstep(0, 0.08, upperLidY - Y(i)));
  };
  /**
   * A frown's reach: browMask, but between the eyes' inner corners (the nose root, no lid there) the
   * skin follows the brows down over a band GLABELLA_BAND deep instead of 0.08: the procerus draws that
   * skin down with the brows, and the short band made a jagged step across the nose root at a full
   * frown (bench/browZoom.ts --frown, mt_man).
   */
  const frownMask = (brow: number[]) => {
    const upperLidY = Math.min(...brow.map((i) => Y(i))) + 0.16;
    const xIn = Math.min(X(133), X(362)), xOut = Math.max(X(133), X(362));
    return (i: number) => {
      if (i >= 468) return 0;
      // 1 between the inner corners, fading over 0.06 towards each eye
      const medial = smoothstep(0, 0.06, Math.min(X(i) - xIn, xOut - X(i)));
      // browMask's band (0 at the lid line .. 1 at 0.08 above it), reaching this far below the line
      const below = medial * (GLABELLA_BAND - 0.08);
      return smoothstep(-below, 0.08, upperLidY - Y(i));
    };
  };
  /** 0 at a brow's inner end (its first point) .. 1 at its outer end (its fifth, the upper contour's last), by x. */
  const alongBrow = (brow: number[], i: number) => Math.min(1, Math.max(0, (X(i) - X(brow[0]!)) / (X(brow[4]!) - X(brow[0]!))));
  /** The brow handles plus the skin between the brow's lower contour and the upper lid, following the brow. */
  const withUnderBrow = (hs: Handle[], brow: number[], lower: number[], lid: number[], share: (t: number) => number = (t) => smoothstep(UNDER_BROW_T[0], UNDER_BROW_T[1], t)): Handle[] => {
    const byX = hs.filter((h) => lower.includes(h.i)).sort((a, b) => X(a.i) - X(b.i));
    const at = (x: number): [number, number, number] => {
      if (x <= X(byX[0]!.i)) return byX[0]!.d;
      for (let q = 1; q < byX.length; q++) {
        const a = byX[q - 1]!, b = byX[q]!;
        if (x <= X(b.i)) {
          const t = (x - X(a.i)) / Math.max(1e-6, X(b.i) - X(a.i));
          return [a.d[0] + t * (b.d[0] - a.d[0]), a.d[1] + t * (b.d[1] - a.d[1]), a.d[2] + t * (b.d[2] - a.d[2])];
        }
      }
      return byX[byX.length - 1]!.d;
    };
    // past the brow's ends the share tapers off over UNDER_BROW_TAPER (no sheared seam at the ends)
    const x0 = Math.min(...lower.map(X)) - UNDER_BROW_TAPER, x1 = Math.max(...lower.map(X)) + UNDER_BROW_TAPER;
    const skip = new Set([...brow, ...lid]);
    const under: Handle[] = [];
    for (let i = 0; i < 468; i++) {
      if (skip.has(i) || X(i) < x0 || X(i) > x1) continue;
      const yB = contourY(lower, X(i)), yL = contourY(lid, X(i));
      if (yL - yB < 1e-3 || Y(i) <= yB || Y(i) >= yL) continue;
      const taper = smoothstep(0, UNDER_BROW_TAPER, Math.min(X(i) - x0, x1 - X(i)));
      const k = taper * share((yL - Y(i)) / (yL - yB));
      const d = at(X(i));
      under.push({ i, d: [d[0] * k, d[1] * k, d[2] * k] });
    }
    return [...hs, ...under];
  };
  {
    const hs: Handle[] = [];
    for (const brow of [BROW_L, BROW_R]) for (const i of brow) hs.push({ i, d: [0, -BROW_RAISE * (1 - BROW_FALL * alongBrow(brow, i)), 0] });
    const all = [
      ...withUnderBrow(hs.filter((h) => BROW_L.includes(h.i)), BROW_L, BROW_L_LOWER, EYE_L_UPPER),
      ...withUnderBrow(hs.filter((h) => BROW_R.includes(h.i)), BROW_R, BROW_R_LOWER, EYE_R_UPPER),
    ];
    const mL = browMask(BROW_L), mR = browMask(BROW_R);
    spread(out, K('browInnerUp'), p, all, 0.22, (i) => Math.max(mL(i), mR(i)));
  }
  const browSide = (brow: number[], lower: number[], lid: number[], down: RigControl, outerUp: RigControl, dir: number) => {
    const m = browMask(brow);
    const rows = (hs: Handle[], share?: (t: number) => number) => withUnderBrow(hs, brow, lower, lid, share);
    // lowered, the skin under the brow is compressed evenly (a share linear from the lid up): the
    // raise's steeper smoothstep made rows pass each other when the brow came down, and a full frown
    // folded the brow over the lid with a jagged edge (bench/browZoom.ts --frown, round eyes8)
    // the brow comes down at most FROWN_CLOSE of its gap to the lid at that x (a face whose brows sit
    // close to the eyes frowns less; the lower contour never passes the lid)
    const depth = (i: number) => Math.min(BROW_DOWN, FROWN_CLOSE * Math.max(0, contourY(lid, X(i)) - contourY(lower, X(i))));
    spread(out, K(down), p, rows(brow.map((i) => ({ i, d: [(-dir * depth(i)) / 3, depth(i), 0] as [number, number, number] })), (t) => Math.min(1, Math.max(0, t))), 0.16, frownMask(brow));
    spread(out, K(outerUp), p, rows(brow.map((i) => ({ i, d: [0, -BROW_RAISE * (1 - BROW_FALL + BROW_FALL * alongBrow(brow, i)), 0] as [number, number, number] }))), 0.2, m);
  };
  browSide(BROW_L, BROW_L_LOWER, EYE_L_UPPER, 'browDownLeft', 'browOuterUpLeft', 1);
  browSide(BROW_R, BROW_R_LOWER, EYE_R_UPPER, 'browDownRight', 'browOuterUpRight', -1);

  // ---- the richer set (where the 478 landmarks can show them)
  // eyeSquint: the lower lid rises (a third of the opening) with the skin under it; the upper lid a little
  const squint = (upper: number[], lower: number[], lower2: number[], control: RigControl) => {
    const hs: Handle[] = [];
    for (let q = 1; q < upper.length - 1; q++) {
      const gap = Y(lower[q]!) - Y(upper[q]!);
      hs.push({ i: lower[q]!, d: [0, -0.35 * gap, -0.005] }, { i: upper[q]!, d: [0, 0.08 * gap, 0] });
      hs.push({ i: lower2[q]!, d: [0, -0.2 * gap, -0.005] });
    }
    const eyeY = Y(upper[4]!);
    spread(out, K(control), p, hs, 0.08, (i) => (i >= 468 ? 0 : smoothstep(eyeY - 0.02, eyeY + 0.05, Y(i))));
  };
  squint(EYE_L_UPPER, EYE_L_LOWER, EYE_L_LOWER2, 'eyeSquintLeft');
  squint(EYE_R_UPPER, EYE_R_LOWER, EYE_R_LOWER2, 'eyeSquintRight');
  // cheekSquint: the cheek mass rises and comes forward under the eye
  const cheekUp = (ids: number[], control: RigControl, lower: number[]) => {
    const hs: Handle[] = ids.map((i) => ({ i, d: [0, -0.045, -0.025] }));
    for (let q = 2; q < lower.length - 2; q++) hs.push({ i: lower[q]!, d: [0, -0.015, 0] });
    spread(out, K(control), p, hs, 0.14, (i) => (i >= 468 ? 0 : 1));
  };
  cheekUp([280, 330, 425, 346, 347, 352, 266, 411], 'cheekSquintLeft', EYE_L_LOWER);
  cheekUp([50, 101, 205, 117, 118, 123, 36, 187], 'cheekSquintRight', EYE_R_LOWER);
  // noseSneer: the nose wing and the skin beside the nose pull up; the upper lip near it a little
  const sneer = (wing: number[], lipSide: number[], control: RigControl) => {
    const hs: Handle[] = [...wing.map((i) => ({ i, d: [0, -0.045, -0.01] as [number, number, number] })), ...lipSide.map((i) => ({ i, d: [0, -0.02, 0] as [number, number, number] }))];
    spread(out, K(control), p, hs, 0.09, upperSide);
  };
  sneer([358, 327, 294, 278, 331, 279, 437, 399], [267, 269, 270], 'noseSneerLeft');
  sneer([129, 98, 64, 48, 102, 49, 217, 174], [37, 39, 40], 'noseSneerRight');
  // mouthFrown: the corner (and the lips near it) pulled down
  cornerPull('mouthFrownLeft', 291, 1, [0.015, 0.085, 0.005], 0.22);
  cornerPull('mouthFrownRight', 61, -1, [0.015, 0.085, 0.005], 0.22);
  // mouthDimple: the corner pulled back and a little out
  cornerPull('mouthDimpleLeft', 291, 1, [0.03, 0, 0.03], 0.18);
  cornerPull('mouthDimpleRight', 61, -1, [0.03, 0, 0.03], 0.18);
  // mouthShrug: a lip pushed up and forward (the lower one with the chin boss)
  {
    const up: Handle[] = [...upperLip].map((i) => ({ i, d: [0, -0.025, -0.02] }));
    spread(out, K('mouthShrugUpper'), p, up, 0.12, upperSide);
    const lo: Handle[] = [...lowerLip].map((i) => ({ i, d: [0, -0.045, -0.025] }));
    for (const i of [152, 175, 199, 200, 18]) lo.push({ i, d: [0, -0.03, -0.015] });
    spread(out, K('mouthShrugLower'), p, lo, 0.14, jawSide);
  }
  // mouthRoll: a lip rolls in over the teeth (its outer edge toward the parting line and back)
  {
    const up: Handle[] = [];
    for (const i of LIPS_OUTER_UPPER) if (upperLip.has(i)) up.push({ i, d: [0, 0.045, 0.03] });
    for (const i of LIPS_INNER_UPPER) if (upperLip.has(i)) up.push({ i, d: [0, 0.01, 0.02] });
    spread(out, K('mouthRollUpper'), p, up, 0.07, upperSide);
    const lo: Handle[] = [];
    for (const i of LIPS_OUTER_LOWER) if (lowerLip.has(i)) lo.push({ i, d: [0, -0.045, 0.03] });
    for (const i of LIPS_INNER_LOWER) if (lowerLip.has(i)) lo.push({ i, d: [0, -0.01, 0.02] });
    spread(out, K('mouthRollLower'), p, lo, 0.07, jawSide);
  }

  return out;
}
