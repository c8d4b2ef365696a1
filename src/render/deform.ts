// The geometry half of a frame: the expression's landmark displacement (expressionShape.ts), the
// head and torso transforms, and every mesh vertex skinned and projected to output pixels; then what
// the turn does to the surface (turnTexture.ts: the far side's mirror shares, the revealed sides'
// texture coordinates, the turn's shading). Buffers are reused between frames (the renderer reads
// them after update()).
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { rotationFromAngles, multiply3, transpose3 } from '../rig/pose.ts';
import type { JawMap, LipUnits } from './mouth/opening.ts';
import { smooth01 } from '../math/smooth.ts';
import { revealDepth, revealFlattening, neckTurn } from './turn.ts';
import { torsoPinShares } from './torsoPin.ts';
import { framedTorsoShare, torsoFollowShare } from './framedTorso.ts';
import { holdOutlineTriangles, shoulderHeadWeights } from './outlineHold.ts';
import { ExpressionShape } from './expressionShape.ts';
import { farSideShares, revealTextureInto, turnLists, turnShadingInto, type PulledLight, type TurnLists } from './turnTexture.ts';
import { bandLightActivationInto, revealLightFacing } from './revealLight.ts';

/** Where the avatar's crop lands in the output: scale S and offset (the crop covers the output, centred). */
export interface Framing { S: number; offX: number; offY: number }

export interface DeformOptions {
  /** how much of the head's rotation the torso follows */
  torsoFollow: { yaw: number; pitch: number; roll: number };
  /** how far (face widths) inside the photo's outline below the chin the torso's motion fades in (torsoPin.ts; 0 = off) */
  torsoPin: number;
  /** whether every triangle the shoulders' outline crosses takes one torsoPin share (outlineHold.ts) */
  outlineHold?: boolean;
  /** share of the depth past the soft cap behind the cheek (turn.ts depthRemoved) removed at a 25° yaw on the side the turn shows */
  revealFlatten: number;
  /** whether a turned head's skin is shaded by its turn (turn.ts turnShade) */
  turnShading: boolean;
  /** whether a chin-down nod leaves the forehead's and temples' texture its own (pitchReveal.ts; default true) */
  hairlineHold?: boolean;
  /** whether a torso framed inside the photo (a print's or frame's straight edges) keeps its place (framedTorso.ts; default true) */
  framedTorso?: boolean;
  /** whether a pulled texel is shaded from the facing of the skin it was photographed on (revealLight.ts; default true) */
  revealLight?: boolean;
  /** with revealLight, the outline band's own texels shaded from their photographed light by the turn, not only by the pull (revealLight.ts revealLightBandSetting; default true: s59) */
  revealLightBand?: boolean;
}

/** the torso's share of the head's translation */
const TORSO_TRANSLATION = 0.6;

/** The crop's pinhole camera: a crop-space point (x, y, depth offset z) to camera space. */
function toWorld(f: number, c0: number, x: number, y: number, z: number, o: Float64Array): void {
  const k = (f + z) / f;
  o[0] = (x - c0) * k; o[1] = (y - c0) * k; o[2] = f + z;
}

export class Deformer {
  /** this frame's weights, their difference from the photo's, the blinks' closure and the grin (expressionShape.ts) */
  readonly expression: ExpressionShape;
  readonly wv: Float64Array;
  readonly delta: Float64Array;
  readonly closure: [number, number];
  get grin(): number { return this.expression.grin; }
  /** the motion's held half lid mark this frame (closedEye/heldShade.ts) */
  get held(): number { return this.expression.held; }
  /** projected vertices: output pixels, 1/depth, and depth from the focal plane in output pixels */
  readonly sx: Float32Array;
  readonly sy: Float32Array;
  readonly siz: Float32Array;
  readonly sz: Float32Array;
  /** this frame's texture coordinates (revealed sides, slid lids and eyeballs) */
  readonly uvNow: Float32Array;
  /** this frame's share of each vertex's mirror partner's texture (far side) */
  readonly share: Float32Array;
  /** per vertex, the turn's brightness gain in 1/128 (turnShading); `shaded` false: all 128 */
  readonly shade: Float32Array;
  shaded = false;
  /** per vertex, the light a pulled texel carries (revealLight.ts); undefined when that is off */
  private readonly pulled: PulledLight | undefined;
  private shadeStrength = 0;
  /** 0 at the photo's pose, 1 from a 6° turn on */
  turnAmount = 0;

  private readonly photoRT: Float64Array;
  private readonly headR = new Float64Array(9);
  private readonly torsoR = new Float64Array(9);
  private readonly tmpR = new Float64Array(9);
  private readonly headT = new Float64Array(3);
  private readonly pivotW = new Float64Array(3);
  private readonly tPivotW = new Float64Array(3);
  private readonly rigidOut = new Float64Array(3);
  private readonly lists: TurnLists;
  private readonly behindCheek: ReturnType<typeof revealDepth>;
  private readonly neck: ReturnType<typeof neckTurn>;
  /** per vertex, the head's share of its motion (avatar.headWeight, the shoulders given to the torso: outlineHold.ts) */
  private readonly headWeight: Float32Array;
  /** per vertex, the share of its motion held at the photo's position (torsoPin.ts); null = off */
  private readonly pin: Float32Array | null;
  /** share of the torso's follow taken away: a body framed inside the photo is paper (framedTorso.ts); 0 = a body */
  private readonly framed: number;
  private readonly f: number;
  private readonly c0: number;

  constructor(
    private readonly avatar: Avatar,
    private readonly framing: Framing,
    jawMap: JawMap,
    lipUnits: LipUnits,
    private readonly o: DeformOptions,
  ) {
    const n = avatar.vertexCount;
    this.expression = new ExpressionShape(avatar, jawMap, lipUnits);
    ({ wv: this.wv, delta: this.delta, closure: this.closure } = this.expression);
    this.sx = new Float32Array(n); this.sy = new Float32Array(n); this.siz = new Float32Array(n); this.sz = new Float32Array(n);
    this.uvNow = Float32Array.from(avatar.uv);
    this.share = new Float32Array(n);
    this.shade = new Float32Array(n).fill(128);
    this.f = avatar.focal;
    this.c0 = avatar.size / 2;
    this.photoRT = transpose3(avatar.rig.rotation);
    const { pivot, torsoPivot } = avatar.head;
    toWorld(this.f, this.c0, pivot[0], pivot[1], pivot[2], this.pivotW);
    toWorld(this.f, this.c0, torsoPivot[0], torsoPivot[1], torsoPivot[2], this.tPivotW);
    this.lists = turnLists(avatar);
    this.pulled = o.revealLight !== false ? { sourceFacing: revealLightFacing(avatar, this.lists.reveal), k: new Float32Array(n), share: this.share } : undefined;
    // the side a turn shows is drawn shallower (turn.ts)
    this.behindCheek = revealDepth(avatar);
    // on the side turning away the neck lags the head and steps back behind the jaw (turn.ts)
    this.neck = neckTurn(avatar);
    // the torso's outline below the chin stays where the photo's matte has it (torsoPin.ts)
    this.pin = o.torsoPin > 0 ? torsoPinShares(avatar, o.torsoPin) : null;
    // a torso cut by a picture's own edges inside the photo does not follow the head at all (framedTorso.ts)
    this.framed = o.framedTorso !== false ? framedTorsoShare(avatar) : 0;
    // the shoulders follow the torso, not the head, and the outline moves as one through the sheet's coarse
    // triangles (outlineHold.ts: mt_man's stair-stepped shoulder on a roll)
    this.headWeight = o.outlineHold !== false ? shoulderHeadWeights(avatar) : avatar.headWeight;
    if (o.outlineHold !== false) holdOutlineTriangles(avatar, this.pin, this.headWeight);
  }

  /** Everything for one frame: weights, displacement, transforms, projected vertices, shares, revealed UVs. */
  update(frame: MotionFrame): void {
    const pose = frame.pose ?? { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 };
    // (the pose first: the jaw map reads the lip gap as this turn shows it, mouth/opening.ts posedGapScale)
    this.poseTransforms(pose);
    this.expression.update(frame, this.projectWithHead);
    this.skinAndProject(pose);
    farSideShares(this.avatar, this.headR, this.lists.mirror, this.share);
    revealTextureInto(this.avatar, this.lists, pose, this.o.hairlineHold !== false, this.uvNow, this.pulled?.k);
    if (this.pulled && this.o.revealLightBand !== false) bandLightActivationInto(this.avatar.revealDir, this.lists.reveal, pose.yaw || 0, this.pulled.k);
    this.shaded = this.shadeStrength > 0 && this.o.turnShading;
    if (this.shaded) turnShadingInto(this.avatar, this.headR, this.shadeStrength, this.shade, this.pulled);
    else this.shade.fill(128);
  }

  /** A crop-space point moved rigidly with the head (no expression) and projected: [x, y, depth] (a reused buffer). */
  readonly projectWithHead = (x: number, y: number, z: number): Float64Array => {
    const { f, c0, headR, headT, pivotW, rigidOut } = this;
    const { S, offX, offY } = this.framing;
    const kk = (f + z) / f;
    const px = (x - c0) * kk - pivotW[0]!, py = (y - c0) * kk - pivotW[1]!, pz = f + z - pivotW[2]!;
    const ox = headR[0]! * px + headR[1]! * py + headR[2]! * pz + pivotW[0]! + headT[0]!;
    const oy = headR[3]! * px + headR[4]! * py + headR[5]! * pz + pivotW[1]! + headT[1]!;
    const oz = Math.max(1, headR[6]! * px + headR[7]! * py + headR[8]! * pz + pivotW[2]! + headT[2]!);
    rigidOut[0] = (f * ox / oz + c0) * S + offX; rigidOut[1] = (f * oy / oz + c0) * S + offY; rigidOut[2] = oz;
    return rigidOut;
  };

  /** Head and torso rigid transforms relative to the photo's pose (the torso follows part of the turn); the head's translation. */
  private poseTransforms(pose: NonNullable<MotionFrame['pose']>): void {
    const { headR, torsoR, tmpR, photoRT, headT } = this;
    const ang = this.avatar.rig.angles, follow = this.o.torsoFollow, k = torsoFollowShare(this.framed);
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0), ang.pitch + (pose.pitch || 0), ang.roll + (pose.roll || 0), tmpR), photoRT, headR);
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0) * follow.yaw * k, ang.pitch + (pose.pitch || 0) * follow.pitch * k, ang.roll + (pose.roll || 0) * follow.roll * k, tmpR), photoRT, torsoR);
    const fw = this.avatar.head.faceWidth;
    headT[0] = (pose.tx || 0) * fw; headT[1] = (pose.ty || 0) * fw; headT[2] = -(pose.tz || 0) * fw;
    const turn = Math.hypot(pose.yaw || 0, pose.pitch || 0);
    this.turnAmount = smooth01(turn / 6);
    // the turn's shading fades in from 5 to 15 degrees: below, its change is a few per cent, and
    // unshaded triangles keep the rasterizer's fast path (most of a talking head's frames)
    this.shadeStrength = smooth01((turn - 5) / 10);
  }

  /** Every vertex: rest position plus its landmarks' displacement, the head/torso blend by its head weight, projected. */
  private skinAndProject(pose: NonNullable<MotionFrame['pose']>): void {
    const { avatar, headR, torsoR, pivotW, tPivotW, headT, f, c0, sx, sy, siz, sz } = this;
    const { S, offX, offY } = this.framing;
    const n = avatar.vertexCount;
    const tx = headT[0]!, ty = headT[1]!, tz = headT[2]!;
    // the torso's share of the head's translation (a framed torso's none: framedTorso.ts)
    const tk = TORSO_TRANSLATION * torsoFollowShare(this.framed);
    const cropDisp = this.expression.cropDisp;
    const rest = avatar.rest, infl = avatar.influence, inflW = avatar.influenceWeight, hw = this.headWeight, lag = avatar.neckLag;
    // the side a yaw turns toward the camera (+yaw: image-left) is drawn shallower (turn.ts)
    const yawNow = pose.yaw || 0;
    const flatten = revealFlattening(yawNow, avatar.rig.angles.yaw, this.o.revealFlatten);
    const behind = yawNow > 0 ? this.behindCheek.left : this.behindCheek.right;
    const neckAmount = smooth01(Math.abs(yawNow) / 6), farIsRight = yawNow > 0;
    const neck = this.neck, pin = this.pin;
    for (let v = 0; v < n; v++) {
      let x = rest[v * 3]!, y = rest[v * 3 + 1]!, z = rest[v * 3 + 2]!;
      if (flatten > 0) z -= flatten * behind[v]!;
      let h = hw[v]!;
      if (neckAmount > 0 && lag[v]! > 0) {
        const k = neckAmount * (farIsRight ? neck.right[v]! : 1 - neck.right[v]!);
        z += k * neck.back[v]!;
        h -= k * lag[v]!;
      }
      for (let q = 0; q < 4; q++) {
        const li = infl[v * 4 + q]!;
        if (li < 0) break;
        const w = inflW[v * 4 + q]!;
        x += w * cropDisp[li * 3]!; y += w * cropDisp[li * 3 + 1]!; z += w * cropDisp[li * 3 + 2]!;
      }
      // to camera space
      const kk = (f + z) / f;
      const X = (x - c0) * kk, Y = (y - c0) * kk, Z = f + z;
      let ox = 0, oy = 0, oz = 0;
      if (h > 0) {
        const px = X - pivotW[0]!, py = Y - pivotW[1]!, pz = Z - pivotW[2]!;
        ox += h * (headR[0]! * px + headR[1]! * py + headR[2]! * pz + pivotW[0]! + tx);
        oy += h * (headR[3]! * px + headR[4]! * py + headR[5]! * pz + pivotW[1]! + ty);
        oz += h * (headR[6]! * px + headR[7]! * py + headR[8]! * pz + pivotW[2]! + tz);
      }
      if (h < 1) {
        const g = 1 - h;
        const px = X - tPivotW[0]!, py = Y - tPivotW[1]!, pz = Z - tPivotW[2]!;
        ox += g * (torsoR[0]! * px + torsoR[1]! * py + torsoR[2]! * pz + tPivotW[0]! + tx * tk);
        oy += g * (torsoR[3]! * px + torsoR[4]! * py + torsoR[5]! * pz + tPivotW[1]! + ty * tk);
        oz += g * (torsoR[6]! * px + torsoR[7]! * py + torsoR[8]! * pz + tPivotW[2]! + tz * tk);
      }
      // the shoulders' outline held where the photo has it (torsoPin.ts)
      if (pin && pin[v]! > 0) { const k = pin[v]!; ox += k * (X - ox); oy += k * (Y - oy); oz += k * (Z - oz); }
      if (oz < 1) oz = 1;
      const iz = 1 / oz;
      sx[v] = (f * ox * iz + c0) * S + offX;
      sy[v] = (f * oy * iz + c0) * S + offY;
      siz[v] = iz;
      sz[v] = (oz - f) * S;
    }
  }
}
