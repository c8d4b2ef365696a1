// The mouth's controls (and the cheeks and nose wings that move with it): the jaw, the lip shapes,
// the corners' pulls, each lip's own moves.
import type { RigControl } from '../controls.ts';
import { LANDMARK_COUNT, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import { spread, spreadFollowingNearest, type Handle } from '../spread.ts';
import { mouthFrame, jawWeights, writeJawOpen, LIPS_MID_UPPER, LIPS_MID_LOWER, MOUTH_CORNERS, type MouthFrame } from '../jaw.ts';
import type { BasisFace } from './face.ts';
import { philtrumTaper } from './philtrum.ts';

const N = LANDMARK_COUNT;

/**
 * The lower lip's inner edge drops by this much (canonical y, at its middle rows' full share) per
 * side at a full smile or stretch: the lip drawn thin over the lower teeth. (The upper lip is left
 * whole: lifted off the teeth it uncovered a dark band above the upper row, the teeth being fixed to
 * the skull at the photo's lip line; render/mouth README.)
 */
export const LOWER_LIP_THINNING = 0.04;

/** What every mouth control reads: the mouth frame, how much of each point goes with the jaw, the lip point sets. */
interface MouthParts {
  mouth: MouthFrame;
  jaw: Float64Array;
  /** share of a point's move that goes with the jaw (the lower face) */
  jawSide(i: number): number;
  /** share that stays with the skull (the upper face; iris points never move) */
  upperSide(i: number): number;
  /** the lips' outer and inner contours, once each */
  uniqueLip: number[];
  /** the contours plus the lips' two middle rows */
  lipBody: number[];
}

function mouthParts(f: BasisFace): MouthParts {
  const mouth = mouthFrame(f.p);
  const jaw = jawWeights(f.p, mouth);
  const lipPoints = [...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER.slice(1, -1), ...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER.slice(1, -1)];
  const uniqueLip = [...new Set(lipPoints)];
  return {
    mouth,
    jaw,
    jawSide: (i) => jaw[i]!,
    upperSide: (i) => (i >= 468 ? 0 : 1 - jaw[i]!),
    uniqueLip,
    lipBody: [...new Set([...uniqueLip, ...LIPS_MID_UPPER, ...LIPS_MID_LOWER])],
  };
}

/**
 * A full pucker brings each lip point in by this share of its distance from the mouth's middle (0.38
 * before round 17: the fit's pucker floor, rig/mouthPrior.ts, holds a driver's "O" near half a
 * pucker, which then narrowed lp_s42's mouth to 0.85 of its rest width where lp_d6's was 0.72).
 */
export const PUCKER_NARROWING = 0.45;
/**
 * How far a pucker moves an outer lip contour away from the parting line (canonical y, at weight 1)
 * at rx = x from the mouth's middle over its half width: none at the middle (the pout there is the
 * forward push), most two thirds of the way out, where the rest lips taper into the corners.
 */
export const PUCKER_BUNCH = 0.02;
export function puckerBunching(rx: number): number {
  const a = Math.min(1, Math.abs(rx));
  return PUCKER_BUNCH * 4 * a * a * (1 - a * a);
}

/** mouthClose, mouthFunnel, mouthPucker: the lips' own shapes. */
function writeLipShapes(f: BasisFace, m: MouthParts): void {
  const { out, p, X, K } = f;
  const { mcx, mouthHalf, upperLip, lowerLip } = m.mouth;
  // mouthClose: lips pressed shut against an open jaw (lower lip up, upper lip a little down).
  spread(out, K('mouthClose'), p, [...lowerLip].map((i) => ({ i, d: [0, -0.16, 0] as [number, number, number] })), 0.12, m.jawSide);
  spread(out, K('mouthClose'), p, [...upperLip].map((i) => ({ i, d: [0, 0.04, 0] as [number, number, number] })), 0.1, m.upperSide);
  // mouthFunnel: lips flare into a round opening and push forward.
  const funnel: Handle[] = m.uniqueLip.map((i) => {
    const inner = LIPS_INNER_UPPER.includes(i) || LIPS_INNER_LOWER.includes(i);
    const rx = (X(i) - mcx) / mouthHalf;
    const isCorner = MOUTH_CORNERS.includes(i);
    const dy = isCorner ? 0 : upperLip.has(i) ? (inner ? -0.07 : -0.04) : (inner ? 0.08 : 0.05);
    return { i, d: [-rx * 0.09, dy * (1 - 0.5 * rx * rx), -0.1] };
  });
  spread(out, K('mouthFunnel'), p, funnel, 0.18, () => 1);
  // mouthPucker: mouth narrows, lips closed and pushed forward; the lip tissue squeezed in from the
  // corners bunches, so the outer contours move apart toward the sides (puckerBunching) and the
  // outline comes out round, where a narrowing alone left a shorter copy of the flat rest lens.
  const pucker: Handle[] = m.uniqueLip.map((i) => {
    const rx = (X(i) - mcx) / mouthHalf;
    const bunch = MOUTH_CORNERS.includes(i) ? 0 : puckerBunching(rx) * (LIPS_OUTER_UPPER.includes(i) ? -1 : LIPS_OUTER_LOWER.includes(i) ? 1 : 0);
    return { i, d: [-(X(i) - mcx) * PUCKER_NARROWING, bunch, -0.13 * (1 - 0.4 * rx * rx)] };
  });
  spread(out, K('mouthPucker'), p, pucker, 0.2, () => 1);
}

/**
 * How far a lower-lip point moves down in a smile or stretch, for one side at weight 1: the lip
 * thins toward its outer contour (which stays), the inner contour by the whole LOWER_LIP_THINNING,
 * the middle rows by their share; most in the middle of the mouth half, none at the corner, so
 * the opening tapers into the corners. Without it a grin's lower teeth could only show by
 * dropping the jaw or the whole lower lip: a driver's smile came out as a round, talking oval.
 */
function lowerLipThinning(mouthHalf: number): (i: number, fromCorner: number) => number {
  const thinShare = new Map<number, number>();
  for (const [row, share] of [[LIPS_INNER_LOWER, 1], [LIPS_MID_LOWER.slice(0, 9), 1 / 3], [LIPS_MID_LOWER.slice(9), 2 / 3]] as const) {
    for (const i of row) if (!MOUTH_CORNERS.includes(i)) thinShare.set(i, share);
  }
  return (i, fromCorner) => {
    const share = thinShare.get(i);
    if (!share) return 0;
    const along = Math.exp(-((fromCorner / (mouthHalf * 1.2)) ** 2)) * (1 - Math.exp(-((fromCorner / (mouthHalf * 0.3)) ** 2)));
    return share * along * LOWER_LIP_THINNING;
  };
}

/** Half width (in mouth half widths) of the column over the lips' middle where a corner pull leaves the nose base still. */
const SMILE_NOSE_COLUMN = 0.6;

/**
 * Smile, stretch, frown, dimple: the corner (and the lips near it) pulled. Every lip point, its two
 * middle rows too, takes the same share f(x) of the pull for its column, so each lip column moves as
 * one and keeps its thickness. (Before, only the outer and inner contours were handles; the middle
 * rows took the mouth-wide average, lagging half way behind near the corner and rising past the
 * outer contour at the middle: a smile folded the lip skin into stair steps.)
 */
function writeCornerPulls(f: BasisFace, m: MouthParts): void {
  const { out, p, X, Y, K } = f;
  const { mouthHalf } = m.mouth;
  const lipThinning = lowerLipThinning(mouthHalf);
  // a corner's pull reached the nose base whole: a half smile lifted it 0.033 IOD, 2.6 times the
  // upper lip's middle (mt_man, st_happy, st_art_1, lp_s42; bench/tentRead.ts --rig)
  const taper = philtrumTaper(f);
  const noseBaseStays = (i: number) => 1 - (1 - taper(i)) * Math.exp(-(((X(i) - m.mouth.mcx) / (SMILE_NOSE_COLUMN * mouthHalf)) ** 2));
  const cornerPull = (control: RigControl, corner: number, dir: number, d: [number, number, number], sigma: number) => {
    const hs: Handle[] = m.lipBody.map((i) => {
      const share = Math.exp(-(((X(i) - X(corner)) / (mouthHalf * 0.65)) ** 2));
      // the lower lip stretched sideways thins over the teeth: its inner edge drops, its outer contour stays
      const thin = lipThinning(i, X(i) - X(corner));
      return { i, d: [d[0] * dir * share, d[1] * share + thin, d[2] * share] };
    });
    // the pull fades out below the eyes (the lids are the eye controls' business)
    const eyeY = (Y(33) + Y(263)) / 2;
    // the reach stays the two contours' (the middle rows doubled it: the whole cheek moved with the corner)
    const reachPerHandle = m.uniqueLip.length / m.lipBody.length;
    // and the nose base stays (philtrumTaper down the middle column; the nose wings beside it still rise)
    spreadFollowingNearest(out, K(control), p, hs, sigma, (i) => (i >= 468 ? 0 : smoothstep(eyeY + 0.12, eyeY + 0.32, Y(i)) * noseBaseStays(i)), reachPerHandle);
  };
  // smile / stretch: out and up / out and down
  cornerPull('mouthSmileLeft', 291, 1, [0.07, -0.13, 0.04], 0.3);
  cornerPull('mouthSmileRight', 61, -1, [0.07, -0.13, 0.04], 0.3);
  cornerPull('mouthStretchLeft', 291, 1, [0.09, 0.05, 0.01], 0.28);
  cornerPull('mouthStretchRight', 61, -1, [0.09, 0.05, 0.01], 0.28);
  // mouthFrown: pulled down
  cornerPull('mouthFrownLeft', 291, 1, [0.015, 0.085, 0.005], 0.22);
  cornerPull('mouthFrownRight', 61, -1, [0.015, 0.085, 0.005], 0.22);
  // mouthDimple: pulled back and a little out
  cornerPull('mouthDimpleLeft', 291, 1, [0.03, 0, 0.03], 0.18);
  cornerPull('mouthDimpleRight', 61, -1, [0.03, 0, 0.03], 0.18);
}

/** Each lip on its own: upper lip up / lower lip down (without the jaw), press, shrug, roll. */
function writeLipMoves(f: BasisFace, m: MouthParts): void {
  const { out, p, X, K } = f;
  const { mcx, mouthHalf, upperLip, lowerLip } = m.mouth;
  const arch = (i: number) => 1 - 0.5 * ((X(i) - mcx) / mouthHalf) ** 2;
  // the upper lip rises off the teeth; the skin above it follows less and less up to the nose base
  const taper = philtrumTaper(f);
  spread(out, K('mouthUpperUp'), p, [...upperLip].map((i) => ({ i, d: [0, -0.075 * arch(i), -0.02] })), 0.14, (i) => m.upperSide(i) * taper(i));
  spread(out, K('mouthLowerDown'), p, [...lowerLip].map((i) => ({ i, d: [0, 0.09 * arch(i), -0.01] })), 0.14, m.jawSide);
  // mouthPress: lips thin (outer edges roll in toward the parting line).
  {
    const hs: Handle[] = [];
    for (const i of LIPS_OUTER_UPPER) if (upperLip.has(i)) hs.push({ i, d: [0, 0.035, 0.01] });
    for (const i of LIPS_INNER_UPPER) if (upperLip.has(i)) hs.push({ i, d: [0, 0.005, 0] });
    for (const i of LIPS_OUTER_LOWER) if (lowerLip.has(i)) hs.push({ i, d: [0, -0.035, 0.01] });
    for (const i of LIPS_INNER_LOWER) if (lowerLip.has(i)) hs.push({ i, d: [0, -0.005, 0] });
    spread(out, K('mouthPress'), p, hs.filter((h) => upperLip.has(h.i)), 0.08, m.upperSide);
    spread(out, K('mouthPress'), p, hs.filter((h) => lowerLip.has(h.i)), 0.08, m.jawSide);
  }
  // mouthShrug: a lip pushed up and forward (the lower one with the chin boss)
  {
    const up: Handle[] = [...upperLip].map((i) => ({ i, d: [0, -0.025, -0.02] }));
    spread(out, K('mouthShrugUpper'), p, up, 0.12, m.upperSide);
    const lo: Handle[] = [...lowerLip].map((i) => ({ i, d: [0, -0.045, -0.025] }));
    for (const i of [152, 175, 199, 200, 18]) lo.push({ i, d: [0, -0.03, -0.015] });
    spread(out, K('mouthShrugLower'), p, lo, 0.14, m.jawSide);
  }
  // mouthRoll: a lip rolls in over the teeth (its outer edge toward the parting line and back)
  {
    const up: Handle[] = [];
    for (const i of LIPS_OUTER_UPPER) if (upperLip.has(i)) up.push({ i, d: [0, 0.045, 0.03] });
    for (const i of LIPS_INNER_UPPER) if (upperLip.has(i)) up.push({ i, d: [0, 0.01, 0.02] });
    spread(out, K('mouthRollUpper'), p, up, 0.07, m.upperSide);
    const lo: Handle[] = [];
    for (const i of LIPS_OUTER_LOWER) if (lowerLip.has(i)) lo.push({ i, d: [0, -0.045, 0.03] });
    for (const i of LIPS_INNER_LOWER) if (lowerLip.has(i)) lo.push({ i, d: [0, -0.01, 0.02] });
    spread(out, K('mouthRollLower'), p, lo, 0.07, m.jawSide);
  }
}

/** cheekPuff (cheeks bulge out and forward) and noseSneer (the nose wing and the skin beside it pull up; the upper lip near it a little). */
function writeCheeksAndNose(f: BasisFace, m: MouthParts): void {
  const { out, p, X, Y, K } = f;
  const k = K('cheekPuff');
  const cy = (Y(61) + Y(1)) / 2 + 0.05;
  for (let i = 0; i < 468; i++) {
    for (const side of [-1, 1]) {
      const cx = side * (m.mouth.mouthHalf + 0.22);
      const g = Math.exp(-(((X(i) - cx) / 0.26) ** 2 + ((Y(i) - cy) / 0.3) ** 2));
      const o = (k * N + i) * 3;
      out[o] += side * 0.06 * g;
      out[o + 2] += -0.07 * g;
    }
  }
  const sneer = (wing: number[], lipSide: number[], control: RigControl) => {
    const hs: Handle[] = [...wing.map((i) => ({ i, d: [0, -0.045, -0.01] as [number, number, number] })), ...lipSide.map((i) => ({ i, d: [0, -0.02, 0] as [number, number, number] }))];
    spread(out, K(control), p, hs, 0.09, m.upperSide);
  };
  sneer([358, 327, 294, 278, 331, 279, 437, 399], [267, 269, 270], 'noseSneerLeft');
  sneer([129, 98, 64, 48, 102, 49, 217, 174], [37, 39, 40], 'noseSneerRight');
}

/** Every mouth control (jaw.ts writes jawOpen). */
export function writeMouthControls(f: BasisFace): void {
  const m = mouthParts(f);
  writeJawOpen(f.out, f.K('jawOpen'), f.p, m.jaw, m.mouth);
  writeLipShapes(f, m);
  writeCornerPulls(f, m);
  writeLipMoves(f, m);
  writeCheeksAndNose(f, m);
}
