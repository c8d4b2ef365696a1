// The renderer's mouth stage: builds the mouth's shader and its placer once per renderer, and places
// the mouth on each frame's deformed mesh (the smile and rounding the face makes this frame) before
// the rasterisation draws it (rasterize.ts). The mouth's own passes live in mouth/.
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { CONTROL_INDEX } from '../rig/controls.ts';
import { STILL_MOUTH } from '../rig/mouthBase.ts';
import { driverMouthReadsOf } from '../rig/driverMouthReads.ts';
import { MouthShader } from './mouth/shader.ts';
import { readyMouth } from './mouth/layers.ts';
import { CornerSkin } from './mouth/cornerSkin.ts';
import { LowerLipLight } from './mouth/lowerLipLight.ts';
import { lipSurfaceColours, MouthPlacer } from './mouth/placement.ts';
import { heldSmileShare } from './mouth/heldSmileRow.ts';
import { IN_SPEECH } from './mouth/speechRebuild.ts';
import type { Deformer } from './deform.ts';
import type { FaceTextures } from './faceTextures.ts';

const JAW_OPEN = CONTROL_INDEX.jawOpen, PUCKER = CONTROL_INDEX.mouthPucker, FUNNEL = CONTROL_INDEX.mouthFunnel;
const SMILE_L = CONTROL_INDEX.mouthSmileLeft, SMILE_R = CONTROL_INDEX.mouthSmileRight;

/** The mouth's shader (teeth, tongue, cavity, lip surface) and what places it on each frame's mesh. */
export function mouthParts(avatar: Avatar, width: number, S: number, t: FaceTextures): { mouth: MouthShader; placer: MouthPlacer } {
  const size = avatar.size, iod = avatar.head.iod;
  const layers = readyMouth(avatar, iod * S);
  const mouth = new MouthShader(width, layers);
  mouth.texture = t.skinTex;
  const lips = lipSurfaceColours(avatar);
  mouth.lipInner = lips.lipInner;
  mouth.lipEdge = lips.lipEdge;
  mouth.lipRimUpper = lips.lipRimUpper;
  mouth.lipRimLower = lips.lipRimLower;
  // (the corner notches and the lower lip's shadow lift the same texture: each pixel has one owner)
  const corners = new CornerSkin(t.lidSkin.data, size, size, t.photoXY, iod);
  const placer = new MouthPlacer(avatar, mouth, layers, S, corners, new LowerLipLight(t.lidSkin.data, size, size, t.photoXY, corners.pixels));
  return { mouth, placer };
}

/** The mouth's place and look for this frame. */
export function placeMouth(placer: MouthPlacer, avatar: Avatar, geometry: Deformer, frame: MotionFrame): void {
  // the smile the face makes this frame (the rig's weights: photo + change), not the motion's raw
  // field: audio motions carry no smile (rebaseMouth keeps the photo's), so a smiling photo's teeth
  // read as speech's and were hidden at small partings (the demo's popping teeth, flicker16)
  const d = geometry.delta, p = avatar.rig.photoWeights;
  const smile = 0.5 * (d[SMILE_L]! + p[SMILE_L]! + d[SMILE_R]! + p[SMILE_R]!);
  const rounding = Math.max(0, d[PUCKER]!) + 0.5 * Math.max(0, d[FUNNEL]!);
  placer.place({ sx: geometry.sx, sy: geometry.sy, jawDelta: d[JAW_OPEN]!, rounding, driver: driverMouthReadsOf(frame), opening: Math.max(frame.w.jawOpen ?? 0, frame.w.mouthLowerDown ?? 0, frame.w.mouthUpperUp ?? 0, frame.w.mouthFunnel ?? 0), stillMouth: frame.w[STILL_MOUTH], inSpeech: frame.w[IN_SPEECH], smile, grin: geometry.grin, heldSmile: heldSmileShare(frame.w), projectWithHead: geometry.projectWithHead, uvNow: geometry.uvNow });
}

