// One-shot reconstruction: a Portrait (512-px crop, landmarks, matte, plate) -> an animatable
// Avatar. The person becomes one textured mesh: the dense face mesh on the 478 landmarks (their
// depth), a ring sheet from the face oval out to the crop border whose depth follows a head
// ellipsoid (skull, ears and hair turn as one solid) and a rounded neck/torso below, skinned
// head -> torso; eyeballs and a mouth interior sit in the holes of the face mesh.
//
// The stages live beside this file: shape.ts (head proportions), mesh.ts (the face, mouth fan and eyeballs),
// headSheet.ts (the head, neck and torso sheet around the face),
// texture.ts (texturing), reveal.ts and turnTexturing.ts (what a turn shows that the photo did not see),
// file.ts (the .avatar file format).
import type { Portrait } from '../types.ts';
import { InputError } from '../errors.ts';
import { fitRig, flatten, toCanonical, deform, meanFace, IDENTITY_AMBIGUOUS, type RigFit } from '../rig/fit.ts';
import { buildBasis, renderBasis } from '../rig/basis.ts';
import { weightsToVector } from '../rig/controls.ts';
import { faceTopology, LANDMARK_COUNT, EYE_L_LOOP, EYE_R_LOOP } from '../rig/topology.ts';
import { AVATAR_VERSION, type Avatar } from './types.ts';
import { measureHead } from './shape.ts';
import { MeshBuilder, addFaceMesh, addMouthInterior, addEyeballs } from './mesh.ts';
import { addHeadSheet, type SheetOptions } from './headSheet.ts';
import { addLashStrips } from './eyes.ts';
import { trimAmbiguousTail } from './ambiguousTail.ts';
import { premultipliedForeground, extendEyes, skinTest, averageColour, mouthLight } from './texture.ts';
import { revealedTexturing, hairBesideOutline } from './reveal.ts';
import { hairRimSkips, withRimSkips, hairRimSetting } from './hairRim.ts';
import { rimSkips, lumaAt, rimRevealRate } from './rim.ts';
import { keepRevealOnRidgeSide, clampRevealToRidgeSide } from './ridgeSideReveal.ts';
import { correctHiddenReveals, farSideMirror, LIP_POINTS } from './turnTexturing.ts';
import { farLipOnTurns } from './farLipOnTurn.ts';
import { keepRevealOffLips } from './revealOffLips.ts';
import { clearBandSoonerWhenAway, AWAY_CLEAR_FULL_DEG } from './farBandClear.ts';
import { clearBandOuterFirst } from './bandOuterFirst.ts';
import { turnedAway } from '../render/turn.ts';
import { browHairShares } from './browHair.ts';
import { distancePastPhoto, firmMattePastPhoto } from './invented.ts';
import { rimClearTexture, photoFarSide } from './rimClearOnTurn.ts';

export type { Avatar } from './types.ts';
export { encodeAvatar, decodeAvatar, saveAvatar, loadAvatar } from './file.ts';
export { premultipliedForeground } from './texture.ts';

export interface BuildAvatarOptions extends SheetOptions {
  /** camera focal length in crop pixels (default 2.5 x crop size: a portrait lens) */
  focal?: number;
  /** the matte's tail past the outline trimmed where person and plate colours are alike (ambiguousTail.ts; default on: s43) */
  ambiguousTail?: boolean;
  /** the reveal's pull kept off the nose's points past the ridge from the side a turn shows (ridgeSideReveal.ts; default on: s44) */
  ridgeSide?: boolean;
  /** the face's rings on a blended skin-to-hair rim sample skin inside the outline on turns (hairRim.ts; default hairRimSetting.on: s52) */
  hairRim?: boolean;
  /** the matte's soft rim decontaminated against the photo's own backdrop nearby, not the inpainted plate (fringeBackdrop.ts; default fringeBackdropSetting.on: s58) */
  fringeBackdrop?: boolean;
  /** a wide matte ramp the colours cannot read steepened to the photo's edge width (rampSteepen.ts; default rampSteepenSetting.on: s58) */
  rampSteepen?: boolean;
}

/** Landmarks probing the cheeks (skin colour and light). */
const CHEEK_PROBES = [50, 280, 205, 425, 101, 330];
/** Landmarks on and around the lips (lip colour). */
const LIP_PROBES = [0, 17, 13, 14, 37, 267, 84, 314];

/**
 * The photo's pose and (unambiguous) expression, and the person's own neutral face: the fitted
 * expression is subtracted from the canonical landmarks so the rig starts from a rest face.
 */
function fitNeutralFace(lm: Portrait['cropLandmarks']): { fit: RigFit; neutral: Float64Array } {
  const fit0 = fitRig(lm, { exclude: IDENTITY_AMBIGUOUS });
  const canon = toCanonical(lm, fit0);
  const expr = deform(new Float64Array(LANDMARK_COUNT * 3), buildBasis(meanFace()), weightsToVector(fit0.weights));
  const neutral = new Float64Array(LANDMARK_COUNT * 3);
  for (let j = 0; j < neutral.length; j++) neutral[j] = canon[j]! - expr[j]!;
  return { fit: fitRig(lm, { neutral, exclude: IDENTITY_AMBIGUOUS }), neutral };
}

/** The crop, matte, plate and landmarks the build needs: a square crop, all of one size, every landmark. */
function checkPortrait(portrait: Portrait): void {
  const { image, matte, background } = portrait;
  const size = image.width;
  if (image.height !== size || matte.width !== size || matte.height !== size || background.width !== size || background.height !== size) {
    throw new InputError(`buildAvatar needs a square crop with matte and background of the same size (got ${image.width}x${image.height})`);
  }
  const lm = portrait.cropLandmarks;
  if (!Array.isArray(lm) || lm.length < LANDMARK_COUNT) throw new InputError(`buildAvatar needs ${LANDMARK_COUNT} landmarks, got ${lm?.length ?? 0}`);
}

type Points = (ids: number[]) => [number, number][];
type Head = ReturnType<typeof measureHead>;

/** The geometry: face mesh, mouth interior, eyeballs, lashes, and the head/neck/torso sheet around the face. */
function buildMesh(portrait: Portrait, flat: Float64Array, head: Head, at: Points, opts: BuildAvatarOptions) {
  const mesh = new MeshBuilder();
  addFaceMesh(mesh, flat);
  addMouthInterior(mesh, flat, head.iod);
  const eyeVertices = addEyeballs(mesh, flat, head.iod);
  addLashStrips(mesh, flat, head.iod);
  const skinLike = skinTest(portrait.image, at(CHEEK_PROBES));
  addHeadSheet(mesh, flat, head, portrait.matte, opts, skinLike);
  return { mesh, eyeVertices, skinLike };
}

/** The photo's own textures: the premultiplied person (matte trimmed and decontaminated), the plate it writes, the eyes extended under the lids. */
function photoTextures(portrait: Portrait, head: Head, at: Points, opts: BuildAvatarOptions) {
  const { image, matte, background } = portrait;
  const size = image.width;
  // past the photo's edge the continued matte's wide ramps are decided (invented.ts)
  const a = portrait.analysis;
  const outline = a?.crop?.size === size && a.source ? firmMattePastPhoto(matte, distancePastPhoto(a.crop, a.source)) : matte;
  const plate = new Uint8ClampedArray(background.data);
  const texture = premultipliedForeground(image, opts.ambiguousTail === false ? outline : trimAmbiguousTail(image, outline, background), background, {
    fringeBackdrop: opts.fringeBackdrop, rampSteepen: opts.rampSteepen, plateOut: plate,
    // crop px per source px: an upscaled photo's edges are that much wider
    scale: a?.crop?.size && a.crop.side ? a.crop.size / a.crop.side : 1,
  });
  const eyeTexture = extendEyes(texture, [at(EYE_L_LOOP), at(EYE_R_LOOP)], head.iod);
  return { texture, plate, eyeTexture };
}

/** What a turn shows that the photo did not see: the reveal's texture coordinates, its order, the rim's clearing and the far side's mirror. */
function turnTextures(portrait: Portrait, flat: Float64Array, neutral: Float64Array, fit: RigFit, head: Head, built: ReturnType<typeof buildMesh>, texture: ReturnType<typeof premultipliedForeground>, opts: BuildAvatarOptions) {
  const { image, matte } = portrait;
  const { mesh, skinLike } = built;
  const keepEdge = hairBesideOutline(flat, matte, skinLike, head.faceWidth);
  const lightRims = rimSkips(image, flat, head.faceWidth);
  // a light rim's skip sooner than the rest of the reveal (rim.ts rimRevealSetting)
  const revealRate = rimRevealRate(lightRims, mesh.vertexCount);
  // ... and the rings folded onto a skin-to-hair blend beside the outline (hairRim.ts)
  const rims = (opts.hairRim ?? hairRimSetting.on) ? withRimSkips(lightRims, hairRimSkips(flat, head.faceWidth, keepEdge, lumaAt(image))) : lightRims;
  const { uvRevealed, revealDir } = revealedTexturing(
    flat, Float32Array.from(mesh.uvs), mesh.vertexCount, faceTopology().triangles, head.faceWidth,
    mesh.influence, mesh.influenceWeight, mesh.ovalDistance, skinLike, keepEdge, rims,
  );
  // ... not across the nose's ridge (ridgeSideReveal.ts)
  if (opts.ridgeSide !== false) keepRevealOnRidgeSide(flat, neutral, mesh.uvs, uvRevealed, revealDir);
  // what a turn shows that the photo did not see (turnTexturing.ts)
  const face = { flat, neutral, faceWidth: head.faceWidth, iod: head.iod, zc: head.zc };
  const faceDepth = correctHiddenReveals(face, mesh, texture, uvRevealed, revealDir, opts.ridgeSide !== false);
  if (opts.ridgeSide !== false) clampRevealToRidgeSide(flat, neutral, mesh.uvs, uvRevealed, revealDir);
  // ... and never onto the lips from skin beside them (revealOffLips.ts)
  keepRevealOffLips(image, flat, mesh.uvs, uvRevealed, LIP_POINTS, mesh.vertexCount);
  clearBandSoonerWhenAway(revealDir, mesh.sheetTurnUvs, fit.pose.yaw);
  // ... from its outer rings inward (bandOuterFirst.ts)
  const revealStart = clearBandOuterFirst(revealDir, mesh.sheetTurnUvs.keys(), mesh.sheetRing, (s) => turnedAway(s * fit.pose.yaw), AWAY_CLEAR_FULL_DEG, mesh.vertexCount);
  // the far cheek's skin that samples the far corner's painted lip takes the skin past it on turns (farLipOnTurn.ts)
  farLipOnTurns(image, flat, mesh.uvs, LIP_POINTS, photoFarSide(flat), mesh.rimTurnUvs);
  const rimClear = rimClearTexture(mesh.rimTurnUvs, photoFarSide(flat), mesh.vertexCount, mesh.jawSideUvs);
  const mirror = farSideMirror(face, mesh, texture, faceDepth, { keepEdge, rims, matte, skinLike });
  return { uvRevealed, revealDir, revealStart, revealRate, rimClear, mirror };
}

/** The rig: the rest face, its basis (brow hair decides how the skin under a raised brow stretches), the photo's weights, pose and gaze. */
function rigOf(neutral: Float64Array, fit: RigFit, flat: Float64Array, head: Head, texture: ReturnType<typeof premultipliedForeground>): Avatar['rig'] {
  return {
    neutral,
    // a face without brow hair stretches the skin under a raised brow evenly (browHair.ts, rig/basis/bareBrows.ts)
    basis: renderBasis(neutral, weightsToVector(fit.weights), 1 - Math.max(...browHairShares(texture, (i) => [flat[i * 3]!, flat[i * 3 + 1]!], head.iod))),
    photoWeights: weightsToVector(fit.weights),
    rotation: Float64Array.from(fit.rotation),
    scale: fit.pose.scale,
    translation: [fit.pose.tx, fit.pose.ty, fit.pose.tz],
    angles: { yaw: fit.pose.yaw, pitch: fit.pose.pitch, roll: fit.pose.roll },
    gaze: fit.gaze,
    residual: fit.residual,
  };
}

/** Builds the avatar. Synchronous, ~50-150 ms for a 512 crop. */
export function buildAvatar(portrait: Portrait, opts: BuildAvatarOptions = {}): Avatar {
  checkPortrait(portrait);
  const { image } = portrait;
  const size = image.width;
  const lm = portrait.cropLandmarks;

  const { fit, neutral } = fitNeutralFace(lm);
  const flat = flatten(lm); // z in pixels
  const at = (ids: number[]) => ids.map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number]);
  const head = measureHead(flat, portrait.matte);

  const built = buildMesh(portrait, flat, head, at, opts);
  const { mesh, eyeVertices } = built;
  const { texture, plate, eyeTexture } = photoTextures(portrait, head, at, opts);
  const { uvRevealed, revealDir, revealStart, revealRate, rimClear, mirror } = turnTextures(portrait, flat, neutral, fit, head, built, texture, opts);
  const photoGap = Math.hypot(flat[13 * 3]! - flat[14 * 3]!, flat[13 * 3 + 1]! - flat[14 * 3 + 1]!);

  return {
    version: AVATAR_VERSION,
    size,
    focal: opts.focal ?? 2.5 * size,
    texture,
    eyeTexture,
    background: { width: size, height: size, data: plate },
    vertexCount: mesh.vertexCount,
    rest: Float32Array.from(mesh.positions),
    uv: Float32Array.from(mesh.uvs),
    uvRevealed,
    revealDir,
    ...(revealStart.some((s) => s !== 0) ? { revealStart } : {}),
    ...(revealRate ? { revealRate } : {}),
    ...rimClear,
    ...mirror,
    headWeight: Float32Array.from(mesh.heads),
    neckLag: Float32Array.from(mesh.neckLag),
    influence: Int32Array.from(mesh.influence),
    influenceWeight: Float32Array.from(mesh.influenceWeight),
    triangles: Uint32Array.from(mesh.triangles),
    material: Uint8Array.from(mesh.materials),
    eyeVertices,
    head: {
      pivot: [head.cx, head.earY + 0.1 * head.faceH, head.zc],
      torsoPivot: [head.cx, head.chinY + 0.7 * head.faceH, head.zc],
      iod: head.iod,
      faceWidth: head.faceWidth,
    },
    mouth: {
      photoGap,
      usePhotoInterior: photoGap > 0.08 * head.iod,
      lipColour: averageColour(image, at(LIP_PROBES)),
      light: mouthLight(image, at(CHEEK_PROBES)),
    },
    rig: rigOf(neutral, fit, flat, head, texture),
    analysis: portrait.analysis ?? null,
  };
}
