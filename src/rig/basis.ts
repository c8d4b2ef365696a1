// The expression basis: one displacement field per rig control on the 478 landmarks, built
// procedurally from the MediaPipe contours on a given neutral face in the canonical frame
// (x right, y down, z away from the camera, outer-eye-corner distance 1). Building it on the
// person's own neutral makes e.g. a blink land exactly on that person's lower lid.
// The parts, each writing its own controls: basis/mouth.ts (the jaw, lips, cheeks, nose wings),
// basis/eyes.ts (lids, squints), basis/brows.ts (raises, frown).
import { CONTROL_COUNT } from './controls.ts';
import { LANDMARK_COUNT } from './topology.ts';
import { basisFace } from './basis/face.ts';
import { writeMouthControls } from './basis/mouth.ts';
import { writeEyeControls } from './basis/eyes.ts';
import { writeBrowControls } from './basis/brows.ts';
import { bareBrowRaises } from './basis/bareBrows.ts';
export { LOWER_LIP_THINNING } from './basis/mouth.ts';
import { WIDE_LIFT, WIDE_LIFT_RENDERED } from './basis/eyes.ts';
import { CONTROL_INDEX } from './controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from './topology.ts';
import { smoothRaisedLid } from './basis/smoothRaisedLid.ts';
import { addStaringLowerLid } from './basis/staringLowerLid.ts';
import { levelSeamBow } from './basis/seamBow.ts';
export { WIDE_LIFT, WIDE_LIFT_RENDERED } from './basis/eyes.ts';
export { UNDER_BROW_T, BROW_DOWN } from './basis/brows.ts';

/** Flat basis: basis[(k * N + i) * 3 + axis] = displacement of landmark i along axis for control k at weight 1. */
export type Basis = Float32Array;

/** Builds the basis for a neutral face given as 478*3 canonical coordinates. */
export function buildBasis(neutral: ArrayLike<number>): Basis {
  const out = new Float32Array(CONTROL_COUNT * LANDMARK_COUNT * 3);
  const face = basisFace(Float64Array.from(neutral as ArrayLike<number>), out);
  writeMouthControls(face);
  writeEyeControls(face);
  writeBrowControls(face);
  return out;
}

/** The basis the avatar renders with (bareBrows: how bare the photo's brows are, 0 = hair): buildBasis with eyeWide's field (lids and crease) raised to WIDE_LIFT_RENDERED, the raised upper lid on a smooth arch, the lower lid dropping a little (staringLowerLid.ts). */
export function renderBasis(neutral: ArrayLike<number>, photoWeights?: ArrayLike<number>, bareBrows = 0): Basis {
  const out = buildBasis(neutral);
  // a face without brow hair: a raise stretches the band under the brow evenly (bareBrows.ts; bareBrows 0..1, avatar/browHair.ts)
  bareBrowRaises(out, neutral, bareBrows);
  const gain = WIDE_LIFT_RENDERED / WIDE_LIFT;
  for (const k of [CONTROL_INDEX.eyeWideLeft, CONTROL_INDEX.eyeWideRight]) {
    for (let j = k * LANDMARK_COUNT * 3; j < (k + 1) * LANDMARK_COUNT * 3; j++) out[j]! *= gain;
  }
  // the raised lid one smooth arch, not the photo's angular lid exaggerated (wide36)
  smoothRaisedLid(out, neutral, CONTROL_INDEX.eyeWideLeft, EYE_L_UPPER, EYE_L_LOWER);
  smoothRaisedLid(out, neutral, CONTROL_INDEX.eyeWideRight, EYE_R_UPPER, EYE_R_LOWER);
  // a stare opens the eye at the bottom too (arch41)
  addStaringLowerLid(out, neutral, CONTROL_INDEX.eyeWideLeft, EYE_L_UPPER, EYE_L_LOWER);
  addStaringLowerLid(out, neutral, CONTROL_INDEX.eyeWideRight, EYE_R_UPPER, EYE_R_LOWER);
  // an up-bowed rest seam levelled as the jaw opens (seamBow.ts, s47)
  levelSeamBow(out, neutral, CONTROL_INDEX.jawOpen, photoWeights);
  return out;
}
