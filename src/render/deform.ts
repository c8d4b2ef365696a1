// The geometry half of a frame: the rig weights relative to the photo's own, the expression's
// landmark displacement, the head and torso transforms, and every mesh vertex skinned and projected
// to output pixels; then the far side's mirror shares and the texture coordinates of the sides a
// turn reveals. Buffers are reused between frames (the renderer reads them after update()).
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector } from '../rig/controls.ts';
import { LANDMARK_COUNT, MESH_POINT_COUNT, EYE_L_UPPER, EYE_R_UPPER } from '../rig/topology.ts';
import { rotationFromAngles, multiply3, transpose3 } from '../rig/pose.ts';
import { mirrorShare } from '../avatar/mirror.ts';
import { blinkCompletion } from './eyes.ts';
import { blinkOnPhotoLid } from './blinkFromPhotoLid.ts';
import { rigJaw, otherLipGap, partLipsInSmile, grinShare, REST_LIP_GAP, type JawMap, type LipUnits } from './mouth/opening.ts';
import { holdGrinCorners } from './mouth/grinCorners.ts';
import { darkOGate, roundness } from './mouth/roundMouth.ts';
import { smooth01 } from '../math/smooth.ts';
import { rebaseMouth, keepShutPhotoLips, keepPhotoSmile } from '../rig/mouthBase.ts';
import { revealDepth, revealFlattening, neckTurn, turnShade } from './turn.ts';
import { clearRimTexture } from './rimClear.ts';
import { torsoPinShares } from './torsoPin.ts';
import { holdOutlineTriangles, shoulderHeadWeights } from './outlineHold.ts';
import { addMouthShift, shiftShares, MOUTH_SHIFT } from './mouthShift.ts';
import { addLidBow, bowKeeps } from './lidBow.ts';
import { flattenOpenSmile, smileLinePoints, type SmileLine } from './mouth/openSmileLine.ts';
import { addLipSides, lipSideFields, LIP_SIDE_LOWER, LIP_SIDE_UPPER, type LipSideFields } from './lipSides.ts';
import { pitchRevealTerm } from './pitchReveal.ts';

const BLINK_L = CONTROL_INDEX.eyeBlinkLeft, BLINK_R = CONTROL_INDEX.eyeBlinkRight, JAW_OPEN = CONTROL_INDEX.jawOpen;
const BOW_LIDS = [{ control: BLINK_R, upper: EYE_R_UPPER }, { control: BLINK_L, upper: EYE_L_UPPER }];
const PUCKER = CONTROL_INDEX.mouthPucker, FUNNEL = CONTROL_INDEX.mouthFunnel;

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
}

/** The crop's pinhole camera: a crop-space point (x, y, depth offset z) to camera space. */
function toWorld(f: number, c0: number, x: number, y: number, z: number, o: Float64Array): void {
  const k = (f + z) / f;
  o[0] = (x - c0) * k; o[1] = (y - c0) * k; o[2] = f + z;
}

export class Deformer {
  /** this frame's weights (motion weights through the mouth rebase, lip parting and jaw map) */
  readonly wv = new Float64Array(CONTROL_COUNT);
  /** this frame's weights less the photo's */
  readonly delta = new Float64Array(CONTROL_COUNT);
  /** the last frame's grin share (opening.ts grinShare): the upper row takes a smile's relief by it (speechRow.ts), the open corners keep their dark (cavityCorner.ts) */
  grin = 0;
  /** how far each blink has come from the photo's lid to shut (side 0 is the image-left eye, the subject's right) */
  readonly closure: [number, number] = [0, 0];
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
  private shadeStrength = 0;
  /** 0 at the photo's pose, 1 from a 6° turn on */
  turnAmount = 0;

  private readonly canonDisp = new Float64Array(LANDMARK_COUNT * 3);
  private readonly cropDisp = new Float64Array(LANDMARK_COUNT * 3);
  private readonly photoRT: Float64Array;
  private readonly headR = new Float64Array(9);
  private readonly torsoR = new Float64Array(9);
  private readonly tmpR = new Float64Array(9);
  private readonly headT = new Float64Array(3);
  private readonly pivotW = new Float64Array(3);
  private readonly tPivotW = new Float64Array(3);
  private readonly rigidOut = new Float64Array(3);
  private readonly mirrorList: Int32Array;
  private readonly revealList: Int32Array;
  /** vertices of a turned photo's far-jaw rim that clear on larger turns (rimClearOnTurn.ts) */
  private readonly clearList: Int32Array;
  private readonly behindCheek: ReturnType<typeof revealDepth>;
  private readonly neck: ReturnType<typeof neckTurn>;
  /** per vertex, the head's share of its motion (avatar.headWeight, the shoulders given to the torso: outlineHold.ts) */
  private readonly headWeight: Float32Array;
  /** per vertex, the share of its motion held at the photo's position (torsoPin.ts); null = off */
  private readonly pin: Float32Array | null;
  private readonly f: number;
  private readonly c0: number;
  /** per landmark, the share of a driver's sideways mouth shift it takes (mouthShift.ts) */
  private readonly shiftShare: Float32Array;
  /** per eye (eyeBlinkRight, eyeBlinkLeft) how much the half-shut lid keeps its arch (lidBow.ts bowKeeps) */
  private readonly bowKeep: number[];
  /** the lip points an open smile's line is flattened on (mouth/openSmileLine.ts) */
  private readonly smileLine: SmileLine;
  /** per landmark, the move of one side of the lips against the other (lipSides.ts), and this frame's [upper, lower] */
  private readonly lipSide: LipSideFields;
  private readonly lipSideNow = [0, 0];

  constructor(
    private readonly avatar: Avatar,
    private readonly framing: Framing,
    private readonly jawMap: JawMap,
    private readonly lipUnits: LipUnits,
    private readonly o: DeformOptions,
  ) {
    const n = avatar.vertexCount;
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
    // far side: vertices that may blend in their mirror partner's texture
    this.mirrorList = Int32Array.from({ length: n }, (_, v) => v).filter((v) => avatar.mirrorReach[v]! > 0);
    this.revealList = Int32Array.from({ length: n }, (_, v) => v).filter((v) => avatar.revealDir[v * 2] !== 0 || avatar.revealDir[v * 2 + 1] !== 0);
    this.clearList = Int32Array.from({ length: n }, (_, v) => v).filter((v) => (avatar.clearSide?.[v] ?? 0) !== 0);
    // the side a turn shows is drawn shallower (turn.ts)
    this.behindCheek = revealDepth(avatar);
    // on the side turning away the neck lags the head and steps back behind the jaw (turn.ts)
    this.neck = neckTurn(avatar);
    // the torso's outline below the chin stays where the photo's matte has it (torsoPin.ts)
    this.pin = o.torsoPin > 0 ? torsoPinShares(avatar, o.torsoPin) : null;
    // the shoulders follow the torso, not the head, and the outline moves as one through the sheet's coarse
    // triangles (outlineHold.ts: mt_man's stair-stepped shoulder on a roll)
    this.headWeight = o.outlineHold !== false ? shoulderHeadWeights(avatar) : avatar.headWeight;
    if (o.outlineHold !== false) holdOutlineTriangles(avatar, this.pin, this.headWeight);
    this.shiftShare = shiftShares(avatar.rig.neutral);
    this.bowKeep = bowKeeps(avatar.rig.neutral, avatar.rig.basis, BOW_LIDS, [avatar.rig.photoWeights[BLINK_R]!, avatar.rig.photoWeights[BLINK_L]!], avatar.rig.rotation);
    this.smileLine = smileLinePoints(avatar.rig.neutral, avatar.rig.basis, avatar.rig.photoWeights, avatar.rest, avatar.rig.scale);
    this.lipSide = lipSideFields(avatar.rig.neutral);
  }

  /** Everything for one frame: weights, displacement, transforms, projected vertices, shares, revealed UVs. */
  update(frame: MotionFrame): void {
    this.frameWeights(frame);
    this.lipSideNow[0] = frame.w[LIP_SIDE_UPPER] ?? 0; this.lipSideNow[1] = frame.w[LIP_SIDE_LOWER] ?? 0;
    this.expressionDisplacement(frame.w[MOUTH_SHIFT] ?? 0);
    const pose = frame.pose ?? { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 };
    this.poseTransforms(pose);
    this.skinAndProject(pose);
    this.farSideShares();
    this.revealTexture(pose);
    this.turnShading();
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

  /** The motion's weights as the rig reads them (mouth rebase, lips parted in a smile, the jaw map, blink folded into each eye). */
  private frameWeights(frame: MotionFrame): void {
    const { wv, avatar, jawMap } = this;
    const rig = avatar.rig;
    weightsToVector(frame.w, wv);
    rebaseMouth(wv, rig.photoWeights, frame.w);
    keepPhotoSmile(wv, rig.photoWeights, frame.w);
    // (past the photo's own gap: up to it the renderer shows the photo's own seam, render/mouth/opening.ts interiorFadeSpan)
    keepShutPhotoLips(wv, rig.photoWeights, frame.w, () => otherLipGap(wv, avatar) - jawMap.photoGap);
    // (how much of a grin: read from the smiles and frowns, which the next three steps leave alone until holdGrinCorners)
    const grin = this.grin = grinShare(wv, rig.photoWeights);
    partLipsInSmile(wv, jawMap, this.lipUnits, avatar, frame.w[REST_LIP_GAP] ?? 0, grin);
    // how round the lips are, as the renderer's "O" reads it (renderer.ts rounding), for a lit
    // purse's opening (opening.ts purseShare): a driver's dark purse is drawn as a dark "O" whose
    // lining covers the opening, and audio motions (no mouthDark) are drawn dark too
    const lit = 1 - darkOGate(frame.mouthDark ?? 1);
    const round = Math.max(0, wv[PUCKER]! - rig.photoWeights[PUCKER]!) + 0.5 * Math.max(0, wv[FUNNEL]! - rig.photoWeights[FUNNEL]!);
    // and how much it is a driver's dark "O", whose lining the mesh opens past (opening.ts oLiningAllowance)
    const darkO = frame.mouthDark === undefined ? 0 : roundness({ rounding: round, driverDark: frame.mouthDark });
    wv[JAW_OPEN] = rigJaw(jawMap, wv[JAW_OPEN]!, otherLipGap(wv, avatar), frame.w[REST_LIP_GAP], grin, lit * round, darkO);
    holdGrinCorners(wv, jawMap, avatar, grin);
    const blink = Math.min(1, Math.max(0, Number.isFinite(frame.blink) ? frame.blink : 0));
    if (blink > 0) {
      wv[BLINK_L] = 1 - (1 - wv[BLINK_L]!) * (1 - blink);
      wv[BLINK_R] = 1 - (1 - wv[BLINK_R]!) * (1 - blink);
    }
    wv[BLINK_L] = blinkOnPhotoLid(wv[BLINK_L]!, rig.photoWeights[BLINK_L]!);
    wv[BLINK_R] = blinkOnPhotoLid(wv[BLINK_R]!, rig.photoWeights[BLINK_R]!);
    this.closure[0] = blinkCompletion(wv[BLINK_R]!, rig.photoWeights[BLINK_R]!);
    this.closure[1] = blinkCompletion(wv[BLINK_L]!, rig.photoWeights[BLINK_L]!);
  }

  /** The expression relative to the photo's own, in canonical units, turned into the photo's crop frame. */
  private expressionDisplacement(mouthShift: number): void {
    const { wv, delta, canonDisp, cropDisp } = this;
    const rig = this.avatar.rig;
    canonDisp.fill(0);
    const basis = rig.basis;
    const stride = LANDMARK_COUNT * 3;
    for (let k = 0; k < CONTROL_COUNT; k++) {
      const d = wv[k]! - rig.photoWeights[k]!;
      delta[k] = d;
      if (d === 0) continue;
      const o = k * stride;
      for (let j = 0; j < stride; j++) canonDisp[j]! += d * basis[o + j]!;
    }
    // a half-shut upper lid keeps its arch (lidBow.ts; closure[0] is eyeBlinkRight's)
    addLidBow(canonDisp, basis, BOW_LIDS, this.closure, delta, this.bowKeep);
    // an open smile's lips lifted in the middle with the corners (openSmileLine.ts)
    flattenOpenSmile(canonDisp, basis, wv, this.smileLine);
    // the lips pushed to one side (mouthShift.ts)
    addMouthShift(canonDisp, this.shiftShare, mouthShift);
    // one side of the lips raised or dropped against the other (lipSides.ts)
    addLipSides(canonDisp, this.lipSide, this.lipSideNow[0]!, this.lipSideNow[1]!);
    const s = rig.scale, R = rig.rotation;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const x = canonDisp[i * 3]!, y = canonDisp[i * 3 + 1]!, z = canonDisp[i * 3 + 2]!;
      cropDisp[i * 3] = s * (R[0]! * x + R[1]! * y + R[2]! * z);
      cropDisp[i * 3 + 1] = s * (R[3]! * x + R[4]! * y + R[5]! * z);
      cropDisp[i * 3 + 2] = s * (R[6]! * x + R[7]! * y + R[8]! * z);
    }
  }

  /** Head and torso rigid transforms relative to the photo's pose (the torso follows part of the turn); the head's translation. */
  private poseTransforms(pose: NonNullable<MotionFrame['pose']>): void {
    const { headR, torsoR, tmpR, photoRT, headT } = this;
    const ang = this.avatar.rig.angles, follow = this.o.torsoFollow;
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0), ang.pitch + (pose.pitch || 0), ang.roll + (pose.roll || 0), tmpR), photoRT, headR);
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0) * follow.yaw, ang.pitch + (pose.pitch || 0) * follow.pitch, ang.roll + (pose.roll || 0) * follow.roll, tmpR), photoRT, torsoR);
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
    const { avatar, cropDisp, headR, torsoR, pivotW, tPivotW, headT, f, c0, sx, sy, siz, sz } = this;
    const { S, offX, offY } = this.framing;
    const n = avatar.vertexCount;
    const tx = headT[0]!, ty = headT[1]!, tz = headT[2]!;
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
        ox += g * (torsoR[0]! * px + torsoR[1]! * py + torsoR[2]! * pz + tPivotW[0]! + tx * 0.6);
        oy += g * (torsoR[3]! * px + torsoR[4]! * py + torsoR[5]! * pz + tPivotW[1]! + ty * 0.6);
        oz += g * (torsoR[6]! * px + torsoR[7]! * py + torsoR[8]! * pz + tPivotW[2]! + tz * 0.6);
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

  /** Far side: where the turn shows a side more squarely than the photo did, its mirror partner's texture (seen more squarely) is blended in. */
  private farSideShares(): void {
    const { avatar, headR, mirrorList, share } = this;
    const nrm = avatar.normal;
    for (let q = 0; q < mirrorList.length; q++) {
      const v = mirrorList[q]!;
      const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
      const facingNow = -(headR[6]! * nx + headR[7]! * ny + headR[8]! * nz);
      share[v] = mirrorShare(avatar.photoFacing[v]!, avatar.mirrorFacing[v]!, -nz, facingNow, avatar.mirrorReach[v]!);
    }
  }

  /**
   * Per vertex, the brightness gain of its surface turned away from the camera (turn.ts turnShade),
   * in 1/128 (the rasterizer's fixed point); 128 everywhere at the photo's pose. Face-mesh points
   * by their own normal, every other vertex by its landmarks' (the sheet next to the outline darkens
   * with the cheek beside it, fading outward with its influence weights).
   */
  private turnShading(): void {
    const { avatar, headR, shade } = this;
    const k = this.shadeStrength;
    this.shaded = k > 0 && this.o.turnShading;
    if (!this.shaded) { shade.fill(128); return; }
    const nrm = avatar.normal, infl = avatar.influence, inflW = avatar.influenceWeight;
    const m = Math.min(MESH_POINT_COUNT, avatar.vertexCount);
    for (let v = 0; v < m; v++) {
      const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
      shade[v] = Math.round(128 * (1 - k * (1 - turnShade(-nz, -(headR[6]! * nx + headR[7]! * ny + headR[8]! * nz)))));
    }
    for (let v = m; v < avatar.vertexCount; v++) {
      let g = 128;
      for (let q = 0; q < 4; q++) {
        const li = infl[v * 4 + q]!;
        if (li < 0) break;
        if (li < m) g += inflW[v * 4 + q]! * (shade[li]! - 128);
      }
      shade[v] = Math.round(g);
    }
  }

  /** Sides of the head turning toward the camera sample nearby skin instead of edge pixels. */
  private revealTexture(pose: NonNullable<MotionFrame['pose']>): void {
    const { avatar, revealList, uvNow } = this;
    const start = avatar.revealStart;
    const revealX = -(pose.yaw || 0) / 25, revealY = -(pose.pitch || 0) / 25;
    for (let q = 0; q < revealList.length; q++) {
      const v = revealList[q]!;
      let k = avatar.revealDir[v * 2]! * revealX + pitchRevealTerm(avatar.revealDir[v * 2 + 1]!, revealY, this.o.hairlineHold !== false);
      if (start) k -= start[v]!;
      k = k < 0 ? 0 : k > 1 ? 1 : k;
      uvNow[v * 2] = avatar.uv[v * 2]! + k * (avatar.uvRevealed[v * 2]! - avatar.uv[v * 2]!);
      uvNow[v * 2 + 1] = avatar.uv[v * 2 + 1]! + k * (avatar.uvRevealed[v * 2 + 1]! - avatar.uv[v * 2 + 1]!);
    }
    clearRimTexture(avatar, uvNow, this.clearList, pose.yaw || 0);
  }
}
