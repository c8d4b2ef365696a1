// One-shot reconstruction: a Portrait (512-px crop, landmarks, matte, plate) -> an animatable
// Avatar. The person becomes one textured mesh: the dense face mesh on the 478 landmarks (their
// depth), a ring sheet from the face oval out to the crop border whose depth follows a head
// ellipsoid (skull, ears and hair turn as one solid) and a rounded neck/torso below, skinned
// head -> torso; eyeballs and a mouth interior sit in the holes of the face mesh.
//
// The stages live beside this file: shape.ts (head proportions), mesh.ts (the face, mouth fan and eyeballs),
// headSheet.ts (the head, neck and torso sheet around the face),
// texture.ts (texturing), file.ts (the .avatar file format).
import type { Portrait, RgbaImage } from '../types.ts';
import { InputError } from '../errors.ts';
import { fitRig, flatten, toCanonical, deform, meanFace, IDENTITY_AMBIGUOUS, type RigFit } from '../rig/fit.ts';
import { buildBasis } from '../rig/basis.ts';
import { weightsToVector } from '../rig/controls.ts';
import { faceTopology, LANDMARK_COUNT, MESH_POINT_COUNT, EYE_L_LOOP, EYE_R_LOOP, FACE_OVAL, NOSE_POINTS } from '../rig/topology.ts';
import { AVATAR_VERSION, type Avatar } from './types.ts';
import { measureHead } from './shape.ts';
import { smoothstep } from '../math/smooth.ts';
import { MeshBuilder, addFaceMesh, addMouthInterior, addEyeballs } from './mesh.ts';
import { addHeadSheet, type SheetOptions } from './headSheet.ts';
import { mirrorTexturing, landmarkMirror, photoDepth, seenInDepth } from './mirror.ts';
import { addLashStrips } from './eyes.ts';
import { premultipliedForeground, extendEyes, skinTest, averageColour, mouthLight } from './texture.ts';
import { revealedTexturing, hairBesideOutline } from './reveal.ts';
import { shadedRimAtOval, mirrorBesideShadedRim } from './skinPastOval.ts';
import { rimSkips } from './rim.ts';
import { noseSidewallReveal, hiddenNoseReveal } from './noseReveal.ts';
import { hiddenEyeReveal } from './eyeReveal.ts';
import { revealSheetClear } from './sheetFold.ts';
import { distancePastPhoto, firmMattePastPhoto } from './invented.ts';

export type { Avatar } from './types.ts';
export { encodeAvatar, decodeAvatar, saveAvatar, loadAvatar } from './file.ts';
export { premultipliedForeground } from './texture.ts';

export interface BuildAvatarOptions extends SheetOptions {
  /** camera focal length in crop pixels (default 2.5 x crop size: a portrait lens) */
  focal?: number;
}

/** Landmarks probing the cheeks (skin colour and light). */
const CHEEK_PROBES = [50, 280, 205, 425, 101, 330];
/** The nose's ridge (bridge to tip) and wings: the mirror texture stays off them (NOSE_KEEP: none within
 *  the first share of the eye distance, all from the second). */
const NOSE_KEEP = [0.15, 0.35] as const;
/** The eye-corner distance (33 to 263) of a face in canonical units. */
function eyeDistance(neutral: Float64Array): number {
  return Math.hypot(neutral[33 * 3]! - neutral[263 * 3]!, neutral[33 * 3 + 1]! - neutral[263 * 3 + 1]!, neutral[33 * 3 + 2]! - neutral[263 * 3 + 2]!);
}

/** Per landmark, 0 on the nose (NOSE_POINTS) rising to 1 at NOSE_KEEP[1] eye distances from it, on the neutral face (canonical x, y, z). */
function noseDistanceRamp(neutral: Float64Array): (v: number) => number {
  const P = (i: number) => [neutral[i * 3]!, neutral[i * 3 + 1]!, neutral[i * 3 + 2]!];
  const iod = eyeDistance(neutral);
  const nose = NOSE_POINTS.map(P);
  return (v) => {
    const p = P(v);
    const d = Math.min(...nose.map((q) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)));
    return smoothstep(NOSE_KEEP[0] * iod, NOSE_KEEP[1] * iod, d);
  };
}

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

/** Whether the texel under (x, y) is mostly foreground (alpha at least OPAQUE_ALPHA). */
const OPAQUE_ALPHA = 0.8;
function opaqueAt(img: RgbaImage, x: number, y: number): boolean {
  const xi = Math.floor(x), yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return false;
  return img.data[(yi * img.width + xi) * 4 + 3]! >= OPAQUE_ALPHA * 255;
}

/** Builds the avatar. Synchronous, ~50-150 ms for a 512 crop. */
export function buildAvatar(portrait: Portrait, opts: BuildAvatarOptions = {}): Avatar {
  const { image, matte, background } = portrait;
  const size = image.width;
  if (image.height !== size || matte.width !== size || matte.height !== size || background.width !== size || background.height !== size) {
    throw new InputError(`buildAvatar needs a square crop with matte and background of the same size (got ${image.width}x${image.height})`);
  }
  const lm = portrait.cropLandmarks;
  if (!Array.isArray(lm) || lm.length < LANDMARK_COUNT) throw new InputError(`buildAvatar needs ${LANDMARK_COUNT} landmarks, got ${lm?.length ?? 0}`);

  const { fit, neutral } = fitNeutralFace(lm);
  const flat = flatten(lm); // z in pixels
  const at = (ids: number[]) => ids.map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number]);
  const head = measureHead(flat, matte);

  // ---- geometry
  const mesh = new MeshBuilder();
  addFaceMesh(mesh, flat);
  addMouthInterior(mesh, flat, head.iod);
  const eyeVertices = addEyeballs(mesh, flat, head.iod);
  addLashStrips(mesh, flat, head.iod);
  const skinLike = skinTest(image, at(CHEEK_PROBES));
  addHeadSheet(mesh, flat, head, matte, opts, skinLike);

  // ---- textures
  // past the photo's edge the continued matte's wide ramps are decided (invented.ts)
  const a = portrait.analysis;
  const outline = a?.crop?.size === size && a.source ? firmMattePastPhoto(matte, distancePastPhoto(a.crop, a.source)) : matte;
  const texture = premultipliedForeground(image, outline, background);
  const eyeTexture = extendEyes(texture, [at(EYE_L_LOOP), at(EYE_R_LOOP)], head.iod);
  const keepEdge = hairBesideOutline(flat, matte, skinLike, head.faceWidth);
  const rims = rimSkips(image, flat, head.faceWidth);
  const { uvRevealed, revealDir } = revealedTexturing(
    flat, Float32Array.from(mesh.uvs), mesh.vertexCount, faceTopology().triangles, head.faceWidth,
    mesh.influence, mesh.influenceWeight, mesh.ovalDistance, skinLike, keepEdge, rims,
  );
  // the side of the nose a turn shows samples the skin either side of its outline (noseReveal.ts)
  noseSidewallReveal(flat, neutral, eyeDistance(neutral), head.zc, uvRevealed, revealDir);
  // and the nose points the photo did not see sample where the flank hiding them ends (noseReveal.ts)
  const faceDepth = photoDepth(flat, [faceTopology().triangles], size), hiddenTolerance = 0.04 * head.faceWidth;
  const seenInPhoto = seenInDepth(flat, LANDMARK_COUNT, faceDepth, size, hiddenTolerance);
  const noseMoved = hiddenNoseReveal(flat, neutral, eyeDistance(neutral), seenInPhoto, faceDepth, size, hiddenTolerance, uvRevealed, revealDir);
  // as do the points around an eye that the photo did not see (the far eye's temple: eyeReveal.ts)
  hiddenEyeReveal(flat, neutral, eyeDistance(neutral), seenInPhoto, faceDepth, (x, y) => opaqueAt(texture, x, y), size, hiddenTolerance, noseMoved, uvRevealed, revealDir);
  // a deep fold's soft outline beside the background goes clear as the turn widens it (sheetFold.ts)
  revealSheetClear(uvRevealed, revealDir, mesh.sheetTurnUvs, mesh.positions, flat[4 * 3]!);
  // far side: the mirror-symmetric texture, for the face mesh (the head sheet's hair, ears and
  // background are not symmetric enough: copying them swapped a temple's hair for skin). Not around
  // the eyes: the far eye's landmarks of a turned head rarely sit on the painted eye, and a copied
  // eye there shows as a ghost beside the eyeball (which keeps its own texture and gaze).
  const eyeCentres = [at(EYE_L_LOOP), at(EYE_R_LOOP)].map((loop) => loop.reduce((c, p) => [c[0] + p[0] / loop.length, c[1] + p[1] / loop.length], [0, 0]));
  const awayFromEyes = (x: number, y: number) => smoothstep(0.3 * head.iod, 0.5 * head.iod, Math.min(...eyeCentres.map((c) => Math.hypot(x - c[0]!, y - c[1]!))));
  // nor on the nose: its sides are lit unlike each other (one in the light, one in shadow), and the
  // lit side of a turned nose took its partner's shadow (lp_s12 at +25: a grey diagonal smear; lp_s10:
  // the near nose wing's shading edge drawn on the far cheek as a nose-shaped line). Distances are
  // taken on the person's neutral 3D face (the photo's projection squeezes a turned far side
  // toward the nose).
  const awayFromNose = noseDistanceRamp(neutral);
  const reach = Float32Array.from({ length: mesh.vertexCount }, (_, v) => (v < MESH_POINT_COUNT ? awayFromEyes(flat[v * 3]!, flat[v * 3 + 1]!) * awayFromNose(v) : 0));
  const mirror = mirrorTexturing(mesh.positions, Float32Array.from(mesh.uvs), mesh.vertexCount, faceTopology().triangles, landmarkMirror(mesh.vertexCount), reach, texture, head.faceWidth, faceDepth);
  // (and takes no mirrored texture there either)
  // nor before a shaded rim past the oval (skinPastOval.ts)
  const shadedRim = shadedRimAtOval(flat, FACE_OVAL, LANDMARK_COUNT, matte, skinLike, head.faceWidth, (flat[61 * 3 + 1]! + flat[291 * 3 + 1]!) / 2);
  for (const i of FACE_OVAL) mirror.mirrorReach[i]! *= 1 - keepEdge[i]!;
  mirrorBesideShadedRim(flat, MESH_POINT_COUNT, shadedRim, head.faceWidth).forEach((k, v) => { mirror.mirrorReach[v]! *= k; });
  // a partner's rim is skipped in the copy too (the mirror shows only on turns)
  const mirrorOf = landmarkMirror(mesh.vertexCount);
  rims.ids.forEach((i, k) => {
    const v = mirrorOf[i]!;
    if (v < 0 || !(mirror.mirrorReach[v]! > 0)) return;
    mirror.uvMirror[v * 2] += rims.offset[k]![0] * rims.strength[k]!; mirror.uvMirror[v * 2 + 1] += rims.offset[k]![1] * rims.strength[k]!;
  });
  const photoGap = Math.hypot(flat[13 * 3]! - flat[14 * 3]!, flat[13 * 3 + 1]! - flat[14 * 3 + 1]!);

  return {
    version: AVATAR_VERSION,
    size,
    focal: opts.focal ?? 2.5 * size,
    texture,
    eyeTexture,
    background: { width: size, height: size, data: new Uint8ClampedArray(background.data) },
    vertexCount: mesh.vertexCount,
    rest: Float32Array.from(mesh.positions),
    uv: Float32Array.from(mesh.uvs),
    uvRevealed,
    revealDir,
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
    rig: {
      neutral,
      basis: buildBasis(neutral),
      photoWeights: weightsToVector(fit.weights),
      rotation: Float64Array.from(fit.rotation),
      scale: fit.pose.scale,
      translation: [fit.pose.tx, fit.pose.ty, fit.pose.tz],
      angles: { yaw: fit.pose.yaw, pitch: fit.pose.pitch, roll: fit.pose.roll },
      gaze: fit.gaze,
      residual: fit.residual,
    },
    analysis: portrait.analysis ?? null,
  };
}
