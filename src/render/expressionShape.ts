// The expression half of a frame's geometry: the motion's weights as the rig reads them (mouth
// rebased on the photo's, lips parted in a smile, the jaw map, blinks folded into each eye), and the
// landmark displacement of those weights relative to the photo's own, turned into the crop frame.
// deform.ts skins the mesh on `cropDisp` and then poses it.
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector } from '../rig/controls.ts';
import { LANDMARK_COUNT, EYE_L_UPPER, EYE_R_UPPER } from '../rig/topology.ts';
import { blinkCompletion } from './eyes.ts';
import { blinkOnPhotoLid } from './blinkFromPhotoLid.ts';
import { squintUnderBlink } from './closedEye/squintUnderBlink.ts';
import { rigJaw, otherLipGap, posedGapScale, posedGapSetting, type HeadProjector, partLipsInSmile, grinShare, withDriverMouth, REST_LIP_GAP, type JawMap, type LipUnits } from './mouth/opening.ts';
import { DRIVER_MOUTH_WIDTH } from './mouth/narrowJaw.ts';
import { holdGrinCorners } from './mouth/grinCorners.ts';
import { darkOGate, roundness } from './mouth/roundMouth.ts';
import { rebaseMouth, keepShutPhotoLips, keepPhotoSmile } from '../rig/mouthBase.ts';
import { addMouthShift, shiftShares, MOUTH_SHIFT } from './mouthShift.ts';
import { addLidBow, bowKeeps } from './lidBow.ts';
import { flattenOpenSmile, smileLinePoints, type SmileLine } from './mouth/openSmileLine.ts';
import { addLipSides, lipSideFields, LIP_SIDE_LOWER, LIP_SIDE_UPPER, type LipSideFields } from './lipSides.ts';
import { browBand, easeBareRaises, type BrowBand } from './bareRaise.ts';
import { browHairShares } from '../avatar/browHair.ts';
import { heldLidOf } from './closedEye/heldShade.ts';

const BLINK_L = CONTROL_INDEX.eyeBlinkLeft, BLINK_R = CONTROL_INDEX.eyeBlinkRight, JAW_OPEN = CONTROL_INDEX.jawOpen;
const BOW_LIDS = [{ control: BLINK_R, upper: EYE_R_UPPER }, { control: BLINK_L, upper: EYE_L_UPPER }];
/** passes of the turned head's gap factor (opening.ts posedGapScale): the third moves the gap < 0.1 % */
const POSED_PASSES = 3;
const PUCKER = CONTROL_INDEX.mouthPucker, FUNNEL = CONTROL_INDEX.mouthFunnel;

export class ExpressionShape {
  /** this frame's weights (motion weights through the mouth rebase, lip parting and jaw map) */
  readonly wv = new Float64Array(CONTROL_COUNT);
  /** this frame's weights less the photo's */
  readonly delta = new Float64Array(CONTROL_COUNT);
  /** the last frame's grin share (opening.ts grinShare): the upper row takes a smile's relief by it (speechRow.ts), the open corners keep their dark (cavityCorner.ts) */
  grin = 0;
  /** how far each blink has come from the photo's lid to shut (side 0 is the image-left eye, the subject's right) */
  readonly closure: [number, number] = [0, 0];
  /** the motion's mark of a held half lid this frame (closedEye/heldShade.ts: 0..1, 0 absent) */
  held = 0;
  /** the landmarks' displacement in the photo's crop frame (x, y, depth per landmark) */
  readonly cropDisp = new Float64Array(LANDMARK_COUNT * 3);

  private readonly canonDisp = new Float64Array(LANDMARK_COUNT * 3);
  /** per landmark, the share of a driver's sideways mouth shift it takes (mouthShift.ts) */
  private readonly shiftShare: Float32Array;
  /** per eye (eyeBlinkRight, eyeBlinkLeft) how much the half-shut lid keeps its arch (lidBow.ts bowKeeps) */
  private readonly bowKeep: number[];
  /** the lip points an open smile's line is flattened on (mouth/openSmileLine.ts) */
  private readonly smileLine: SmileLine;
  /** per landmark, the move of one side of the lips against the other (lipSides.ts) */
  private readonly lipSide: LipSideFields;
  /** the brow band a raise stretches, and how bare the photo's brow ridge is (bareRaise.ts) */
  private readonly browBand: BrowBand;

  constructor(
    private readonly avatar: Avatar,
    private readonly jawMap: JawMap,
    private readonly lipUnits: LipUnits,
  ) {
    const rig = avatar.rig;
    this.shiftShare = shiftShares(rig.neutral);
    this.bowKeep = bowKeeps(rig.neutral, rig.basis, BOW_LIDS, [rig.photoWeights[BLINK_R]!, rig.photoWeights[BLINK_L]!], rig.rotation);
    this.smileLine = smileLinePoints(rig.neutral, rig.basis, rig.photoWeights, avatar.rest, rig.scale);
    this.lipSide = lipSideFields(rig.neutral);
    // as the avatar's basis reads it (avatar/build.ts): the face's more visible brow decides
    const bare = 1 - Math.max(...browHairShares(avatar.texture, (i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!], avatar.head.iod));
    this.browBand = browBand(rig.neutral, rig.basis, rig.photoWeights, bare);
  }

  /** This frame's weights and displacement (`wv`, `delta`, `closure`, `grin`, `cropDisp`); `project`: the frame's head projection (deform.ts). */
  update(frame: MotionFrame, project?: HeadProjector): void {
    this.frameWeights(frame, project);
    this.displacement(frame);
  }

  /** The motion's weights as the rig reads them (mouth rebase, lips parted in a smile, the jaw map, blink folded into each eye). */
  private frameWeights(frame: MotionFrame, project?: HeadProjector): void {
    const { wv, avatar } = this;
    // a narrow photo opens against the driver's own mouth where the motion carries it (mouth/narrowJaw.ts)
    const jawMap = withDriverMouth(this.jawMap, frame.w[DRIVER_MOUTH_WIDTH]);
    const rig = avatar.rig;
    weightsToVector(frame.w, wv);
    // a raise on a bare brow ridge no taller than skin stretches (bareRaise.ts)
    easeBareRaises(wv, rig.photoWeights, this.browBand);
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
    const motionJaw = wv[JAW_OPEN]!, otherGap = otherLipGap(wv, avatar);
    wv[JAW_OPEN] = rigJaw(jawMap, motionJaw, otherGap, frame.w[REST_LIP_GAP], grin, lit * round, darkO);
    // a video motion's gap was read on the driver's turned head: the mesh's, as this frame's turn shows it, matches it
    // (opening.ts posedGapScale). Not an audio motion's (no mouthDark): its gap was never turned, and the frame's turn
    // shows the rig's jaw as a real turned head would (loweredLashPair.test.ts: st_full_body_1's eyes read differently)
    const pose = frame.pose, readOnDriver = frame.mouthDark !== undefined;
    if (posedGapSetting.on && readOnDriver && project && pose && (pose.yaw || pose.pitch)) {
      // (the factor is read at the jaw it gives: a few passes, as the photo's own lip depths do not scale with the opening)
      for (let pass = 0; pass < POSED_PASSES; pass++) {
        const posed = posedGapScale(avatar, wv, project);
        if (posed === 1) break;
        wv[JAW_OPEN] = rigJaw(jawMap, motionJaw, otherGap, frame.w[REST_LIP_GAP], grin, lit * round, darkO, posed);
      }
    }
    holdGrinCorners(wv, jawMap, avatar, grin);
    const blink = Math.min(1, Math.max(0, Number.isFinite(frame.blink) ? frame.blink : 0));
    if (blink > 0) {
      wv[BLINK_L] = 1 - (1 - wv[BLINK_L]!) * (1 - blink);
      wv[BLINK_R] = 1 - (1 - wv[BLINK_R]!) * (1 - blink);
    }
    wv[BLINK_L] = blinkOnPhotoLid(wv[BLINK_L]!, rig.photoWeights[BLINK_L]!);
    wv[BLINK_R] = blinkOnPhotoLid(wv[BLINK_R]!, rig.photoWeights[BLINK_R]!);
    // a squint within what a partial closure leaves open (closedEye/squintUnderBlink.ts)
    squintUnderBlink(wv, rig.photoWeights);
    this.closure[0] = blinkCompletion(wv[BLINK_R]!, rig.photoWeights[BLINK_R]!);
    this.closure[1] = blinkCompletion(wv[BLINK_L]!, rig.photoWeights[BLINK_L]!);
    this.held = heldLidOf(frame.w);
  }

  /** The expression relative to the photo's own, in canonical units, turned into the photo's crop frame. */
  private displacement(frame: MotionFrame): void {
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
    addMouthShift(canonDisp, this.shiftShare, frame.w[MOUTH_SHIFT] ?? 0);
    // one side of the lips raised or dropped against the other (lipSides.ts)
    addLipSides(canonDisp, this.lipSide, frame.w[LIP_SIDE_UPPER] ?? 0, frame.w[LIP_SIDE_LOWER] ?? 0);
    const s = rig.scale, R = rig.rotation;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const x = canonDisp[i * 3]!, y = canonDisp[i * 3 + 1]!, z = canonDisp[i * 3 + 2]!;
      cropDisp[i * 3] = s * (R[0]! * x + R[1]! * y + R[2]! * z);
      cropDisp[i * 3 + 1] = s * (R[3]! * x + R[4]! * y + R[5]! * z);
      cropDisp[i * 3 + 2] = s * (R[6]! * x + R[7]! * y + R[8]! * z);
    }
  }
}
