// Where the mouth's pieces go in a frame: the upper teeth with the skull, the lower teeth and
// tongue with the jaw, the mouth axis from the skull-rigid inner corners, the inner lip lines, and
// how much of the photo's own mouth is replaced by the rebuilt interior. Also the lip surface
// colours, taken once from the photo.
import type { Avatar } from '../../avatar/types.ts';
import { CONTROL_INDEX } from '../../rig/controls.ts';
import type { DriverMouthReads } from '../../rig/driverMouthReads.ts';
import { LANDMARK_COUNT, LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER, LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../../rig/topology.ts';
import { smooth01 } from '../../math/smooth.ts';
import { speechRebuilt } from './speechRebuild.ts';
import type { MouthShader } from './shader.ts';
import type { ReadyMouth } from './layers.ts';
import { lipSlideShares, slideLipTexture, type LipSlideShares } from './lipTexture.ts';
import { interiorFadeSpan } from './opening.ts';
import { roundness } from './roundMouth.ts';
import { oInsideOf } from './roundInside.ts';
import { smileLit } from './teethRowLight.ts';
import { commissureDotLift, type CornerSkin } from './cornerSkin.ts';
import type { LowerLipLight } from './lowerLipLight.ts';
import { seamGiveWay } from './nearShut.ts';
import { sealedSeamWeight } from './sealedSeam.ts';
import { pullCornerColumns } from './cornerColumns.ts';
import { archLipLines, archShare } from './archLines.ts';

type Rgb = [number, number, number];

/** The photo's colour at a share t of the way from inner lip landmark `inner` to outer lip landmark `outer`. */
function lipSample(avatar: Avatar, inner: number, outer: number, t: number): Rgb {
  const size = avatar.size, uv = avatar.uv;
  const x = uv[inner * 2]! + (uv[outer * 2]! - uv[inner * 2]!) * t, y = uv[inner * 2 + 1]! + (uv[outer * 2 + 1]! - uv[inner * 2 + 1]!) * t;
  const o = (Math.min(size - 1, Math.max(0, Math.round(y))) * size + Math.min(size - 1, Math.max(0, Math.round(x)))) * 4;
  return [avatar.texture.data[o]!, avatar.texture.data[o + 1]!, avatar.texture.data[o + 2]!];
}

const FOLD_ROWS = LIP_COLUMNS_UPPER.length - 1;
const foldRows = () => Array.from({ length: FOLD_ROWS }, () => new Float32Array(LIP_COLUMNS_UPPER[0].length + 2));
/** A lip row's projected points, corner to corner, into xs/ys. */
function fillRow(xs: Float32Array, ys: Float32Array, ends: readonly number[], row: readonly number[], sx: ArrayLike<number>, sy: ArrayLike<number>): void {
  xs[0] = sx[ends[0]!]!; ys[0] = sy[ends[0]!]!;
  for (let q = 0; q < row.length; q++) { xs[q + 1] = sx[row[q]!]!; ys[q + 1] = sy[row[q]!]!; }
  xs[row.length + 1] = sx[ends[1]!]!; ys[row.length + 1] = sy[ends[1]!]!;
}

const UPPER_LIP_PAIRS = [[13, 0], [82, 37], [312, 267]] as const;
const LOWER_LIP_PAIRS = [[14, 17], [87, 84], [317, 314]] as const;

/** Mean colour over the pairs' points a share t out from the inner line. */
function lipMean(avatar: Avatar, pairs: readonly (readonly [number, number])[], t: number): Rgb {
  const m: Rgb = [0, 0, 0];
  for (const [inner, outer] of pairs) { const c = lipSample(avatar, inner, outer, t); for (let ch = 0; ch < 3; ch++) m[ch] += c[ch]! / pairs.length; }
  return m;
}

/**
 * The photo's lip colour (halfway between inner and outer lip lines) as the inner lip surface and
 * the mean lip edge, and each lip's colour near its inner line as that lip's rim: the upper and lower lips often differ
 * in light (a lit lower lip, a shaded upper one), and one mean colour drew the lighter lip's rim
 * darker than the lip (a dark ring round the opening).
 */
export function lipSurfaceColours(avatar: Avatar): { lipInner: Rgb; lipEdge: Rgb; lipRimUpper: Rgb; lipRimLower: Rgb } {
  const up = lipMean(avatar, UPPER_LIP_PAIRS, 0.5), lo = lipMean(avatar, LOWER_LIP_PAIRS, 0.5);
  const [lr, lg, lb] = up.map((v, ch) => (v + lo[ch]!) / 2) as Rgb;
  // the inner lip surface: that colour a little in the mouth's shadow, a little redder (darker, it read as a drawn outline)
  const redder: Rgb = [lr * 0.8, lg * 0.66, lb * 0.68];
  const sat = avatar.mouth.light?.saturation ?? 1, grey = 0.3 * redder[0] + 0.59 * redder[1] + 0.11 * redder[2];
  // (the edge's shade as colourful as the photo: a full tint on a black-and-white photo drew mauve
  // lip rims and, through tongue.ts inLipHue, a mauve tongue, critic23 lp_s2 f83/f87)
  const tint = EDGE_TINT.map((t) => EDGE_TINT_GREY + (t - EDGE_TINT_GREY) * sat);
  const edge = (c: Rgb): Rgb => [c[0] * tint[0]!, c[1] * tint[1]!, c[2] * tint[2]!];
  return {
    lipInner: redder.map((v) => grey + (v - grey) * sat) as Rgb,
    lipEdge: edge([lr, lg, lb]),
    lipRimUpper: edge(lipMean(avatar, UPPER_LIP_PAIRS, EDGE_SAMPLE)),
    lipRimLower: edge(lipMean(avatar, LOWER_LIP_PAIRS, EDGE_SAMPLE)),
  };
}

/** the lip edge's colour over the lip's, per channel (a little darker and redder), and its luma */
const EDGE_TINT = [0.9, 0.85, 0.87] as const;
const EDGE_TINT_GREY = 0.299 * EDGE_TINT[0] + 0.587 * EDGE_TINT[1] + 0.114 * EDGE_TINT[2];

/** where each lip's edge colour is taken: this share of the way from its inner line to its outer (on the lip, clear of the photo's slit) */
const EDGE_SAMPLE = 0.35;

/** This frame's geometry the placement reads. */
export interface MouthFrameGeometry {
  /** projected vertex positions, output pixels */
  sx: Float32Array;
  sy: Float32Array;
  /** the frame's jawOpen minus the photo's (rig units) */
  jawDelta: number;
  /**
   * the frame's mouthPucker + half its mouthFunnel over the photo's (each counted only where it grows):
   * how much of an "O" the lips make (a tracked driver reads funnel 0.3-0.45 in open vowels: lp_d6)
   */
  rounding?: number;
  /** the driver's own mouth readings (rig/driverMouthReads.ts driverMouthReadsOf) */
  driver: DriverMouthReads;
  /** the motion's largest lip-opening weight (jawOpen, mouthLowerDown, mouthUpperUp, mouthFunnel): a closed-lip smile's seam (sealedSeam.ts) */
  opening?: number;
  /** 1 on a still expression (frame w STILL_MOUTH: `view --expr`); absent: 0 */
  stillMouth?: number;
  /** the motion's speech mark (speechRebuild.ts IN_SPEECH), 0..1; absent: at rest */
  inSpeech?: number;
  /** the frame's smile (mean of mouthSmileLeft/Right, as driven, not over the photo's) */
  smile?: number;
  /** the frame's grin share (opening.ts grinShare, as the deformer read it); absent: none */
  grin?: number;
  /** the share of the smile the photo holds (heldSmileRow.ts heldSmileShare); absent: none */
  heldSmile?: number;
  /** a crop-space point moved rigidly with the head and projected: [x, y, depth] (a reused buffer) */
  projectWithHead: (x: number, y: number, z: number) => Float64Array;
  /** the frame's texture coordinates, updated in place (the lip texture slides off the opening) */
  uvNow: Float32Array;
}

const JAW = CONTROL_INDEX.jawOpen;
/** the lip's colour along the opening is taken this share of the way from its inner row to its next row out */
const RIM_SHARE = 0.5;
/** corner to corner like the inner lines: the inner corners, then each lip's first row out from its inner line */
const RIM_UPPER = [LIPS_INNER_UPPER[0]!, ...LIP_COLUMNS_UPPER[1], LIPS_INNER_UPPER[LIPS_INNER_UPPER.length - 1]!];
const RIM_LOWER = [LIPS_INNER_LOWER[0]!, ...LIP_COLUMNS_LOWER[1], LIPS_INNER_LOWER[LIPS_INNER_LOWER.length - 1]!];

export class MouthPlacer {
  private readonly upX = new Float32Array(LIPS_INNER_UPPER.length);
  private readonly upY = new Float32Array(LIPS_INNER_UPPER.length);
  private readonly loX = new Float32Array(LIPS_INNER_LOWER.length);
  private readonly loY = new Float32Array(LIPS_INNER_LOWER.length);
  /** the lip rows past the inner line (LIP_COLUMNS_* 1-3) with their corners, projected: an O's fold */
  private readonly foldUpX = foldRows();
  private readonly foldUpY = foldRows();
  private readonly foldLoX = foldRows();
  private readonly foldLoY = foldRows();
  private readonly upU = new Float32Array(LIPS_INNER_UPPER.length);
  private readonly upV = new Float32Array(LIPS_INNER_UPPER.length);
  private readonly loU = new Float32Array(LIPS_INNER_LOWER.length);
  private readonly loV = new Float32Array(LIPS_INNER_LOWER.length);

  /** outScale: output pixels per crop pixel */
  constructor(
    private readonly avatar: Avatar,
    private readonly mouth: MouthShader,
    private readonly layers: ReadyMouth,
    private readonly outScale: number,
    /** the photo's dark mouth corners, lifted as the lips part (working texture) */
    private readonly corners: CornerSkin | null = null,
    /** the lower lip's shadow under the photo's upper lip, lifted as the lips part (working texture) */
    private readonly lowerLip: LowerLipLight | null = null,
  ) {
    this.slideShares = lipSlideShares(avatar.texture, avatar.uv);
  }
  /** how far each lip column's texture slides off the photo's slit (lipTexture.ts) */
  private readonly slideShares: LipSlideShares;

  place(g: MouthFrameGeometry): void {
    const { sx, sy } = g;
    const { avatar, mouth, upX, upY, loX, loY } = this;
    const S = this.outScale, f = avatar.focal, rig = avatar.rig, photoR = rig.rotation, iod = avatar.head.iod;
    const rest = avatar.rest;
    // upper teeth: the photo's inner upper lip centre, moved with the skull only
    const up = g.projectWithHead(rest[39]!, rest[40]!, rest[41]!);
    const upperX = up[0]!, upperY = up[1]!, depth = up[2]!;
    // lower teeth and tongue: the photo's inner lower lip centre moved by the jaw alone (the
    // jawOpen part of the expression), then with the skull
    const jd = g.jawDelta, s = rig.scale, o = JAW * LANDMARK_COUNT * 3 + 14 * 3;
    const bx = jd * rig.basis[o]!, by = jd * rig.basis[o + 1]!, bz = jd * rig.basis[o + 2]!;
    const lo = g.projectWithHead(
      rest[42]! + s * (photoR[0]! * bx + photoR[1]! * by + photoR[2]! * bz),
      rest[43]! + s * (photoR[3]! * bx + photoR[4]! * by + photoR[5]! * bz),
      rest[44]! + s * (photoR[6]! * bx + photoR[7]! * by + photoR[8]! * bz),
    );
    const lowerX = lo[0]!, lowerY = lo[1]!;
    // mouth axis: the skull-rigid inner corners
    const a = g.projectWithHead(rest[78 * 3]!, rest[78 * 3 + 1]!, rest[78 * 3 + 2]!);
    const ax = a[0]!, ay = a[1]!;
    const b = g.projectWithHead(rest[308 * 3]!, rest[308 * 3 + 1]!, rest[308 * 3 + 2]!);
    const len = Math.hypot(b[0]! - ax, b[1]! - ay) || 1;
    const scale = (f + rest[41]!) / depth;
    // teeth turn with the head: foreshortened like the mouth corners (the photo's own teeth are
    // already foreshortened as in the photo, the library's are frontal)
    const cdx = rest[308 * 3]! - rest[78 * 3]!, cdy = rest[308 * 3 + 1]! - rest[78 * 3 + 1]!, cdz = rest[308 * 3 + 2]! - rest[78 * 3 + 2]!;
    const restSpan = this.layers.fromPhoto ? Math.hypot(cdx, cdy) : Math.hypot(cdx, cdy, cdz);
    const squeeze = Math.min(1.2, Math.max(0.3, len / Math.max(1e-6, restSpan * S * scale)));
    const unit = iod * S * scale;
    const archK = archShare(Math.hypot(sx[13]! - sx[14]!, sy[13]! - sy[14]!) / unit, g.rounding ?? 0, g.grin ?? 0);
    mouth.centreX = (sx[13]! + sx[14]!) / 2;
    mouth.halfWidth = Math.abs(sx[308]! - sx[78]!) / 2;
    const gap = Math.hypot(sx[13]! - sx[14]!, sy[13]! - sy[14]!);
    // the photo's own mouth (a slit, or its open mouth) is shown as it is only at the photo's own
    // opening; parting further or closing, the rigid pieces take over (never a squeezed or
    // stretched photo interior)
    const beyond = gap - avatar.mouth.photoGap * S * scale, extra = beyond / (interiorFadeSpan(avatar.mouth.photoGap / iod, beyond > 0) * unit);
    // (in speech a parted photo's mouth is rebuilt whatever its gap: kept, it flickered in for a frame, speechRebuild.ts)
    const rebuilt = speechRebuilt(smooth01(Math.abs(extra)), g.inSpeech, avatar.mouth.photoGap / iod);
    // closing too, less (the lip keeps its colour): the photo's open-mouth edge compressed into the
    // seam drew a jagged dark line
    const placement = { upperX, upperY, lowerX, lowerY, cos: (b[0]! - ax) / len, sin: (b[1]! - ay) / len, scale, squeeze, unit, gap: gap / unit, photoGap: avatar.mouth.photoGap / iod, rebuilt, lowerLipX: sx[14]!, lowerLipY: sy[14]!, rounding: g.rounding ?? 0, ...g.driver, stillMouth: g.stillMouth, smile: g.smile ?? 0, grin: g.grin ?? 0, heldSmile: g.heldSmile ?? 0, sealedSeam: g.opening === undefined ? 0 : sealedSeamWeight(g.opening, g.driver, gap / unit) };
    // (parting: the photo's seam and the lower lip's shade give way over the first .05 iod, nearShut.ts)
    const opened = extra > 0 ? seamGiveWay(beyond / unit, rebuilt) : 0;
    this.corners?.update(opened, commissureDotLift(oInsideOf(placement), smileLit(placement.smile)));
    this.lowerLip?.update(opened);
    slideLipTexture(avatar.uv, g.uvNow, extra > 0 ? opened : 0.4 * rebuilt, this.slideShares, roundness(placement));
    // (a corner column stretched by a wide opening samples the lip one column in: cornerColumns.ts)
    pullCornerColumns(g.uvNow, sx, sy, unit, rest, iod, mouth.texture);
    // (a wide opening's inner lines onto arcs pinched at the corners, not the rig's straight runs:
    // archLines.ts; after the pull, which reads the rig's corner stretch: pinched, the corner column
    // is shorter and took less of the lip's red, a grey wedge at the corner again, cut55's)
    archLipLines(sx, sy, unit, archK);
    for (let q = 0; q < LIPS_INNER_UPPER.length; q++) { const i = LIPS_INNER_UPPER[q]!; upX[q] = sx[i]!; upY[q] = sy[i]!; }
    for (let q = 0; q < LIPS_INNER_LOWER.length; q++) { const i = LIPS_INNER_LOWER[q]!; loX[q] = sx[i]!; loY[q] = sy[i]!; }
    mouth.setPlacement(placement);
    mouth.setLips(upX, upY, loX, loY);
    // (an O: the lip rows pushed forward fold over the fan; its rim is theirs, foldRim.ts)
    for (let r = 0; r < FOLD_ROWS; r++) {
      const up = LIP_COLUMNS_UPPER[r + 1]!, lo = LIP_COLUMNS_LOWER[r + 1]!, ends = r + 1 === LIP_COLUMNS_UPPER.length - 1 ? [61, 291] : [78, 308];
      fillRow(this.foldUpX[r]!, this.foldUpY[r]!, ends, up, sx, sy);
      fillRow(this.foldLoX[r]!, this.foldLoY[r]!, ends, lo, sx, sy);
    }
    mouth.setFold(this.foldUpX, this.foldUpY, this.foldLoX, this.foldLoY);
    // the lip colour along each line, from the frame's (slid) lip texture halfway to the lip's first
    // row out from the line (the inner row itself still carries the photo's shade next to its slit)
    const uv = g.uvNow, { upU, upV, loU, loV } = this;
    for (let q = 0; q < LIPS_INNER_UPPER.length; q++) { const i = LIPS_INNER_UPPER[q]!, j = RIM_UPPER[q]!; upU[q] = uv[i * 2]! + RIM_SHARE * (uv[j * 2]! - uv[i * 2]!); upV[q] = uv[i * 2 + 1]! + RIM_SHARE * (uv[j * 2 + 1]! - uv[i * 2 + 1]!); }
    for (let q = 0; q < LIPS_INNER_LOWER.length; q++) { const i = LIPS_INNER_LOWER[q]!, j = RIM_LOWER[q]!; loU[q] = uv[i * 2]! + RIM_SHARE * (uv[j * 2]! - uv[i * 2]!); loV[q] = uv[i * 2 + 1]! + RIM_SHARE * (uv[j * 2 + 1]! - uv[i * 2 + 1]!); }
    if (mouth.texture) { mouth.rimUpper.fill(mouth.texture, upX, upU, upV); mouth.rimLower.fill(mouth.texture, loX, loU, loV); }
  }
}
