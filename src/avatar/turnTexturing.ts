// What a turned head shows that the photo did not see, decided once at build time: where the revealed
// texture samples for the nose's sides, the far eye's temple and a deep fold of the head sheet (the
// "revealed" uv set), and how far the mirror-symmetric texture may reach on the far side. build.ts calls
// these after the mesh and the photo's texture exist.
import type { GrayImage, RgbaImage } from '../types.ts';
import { eyeCornerDistance, faceTopology, LANDMARK_COUNT, MESH_POINT_COUNT, EYE_L_LOOP, EYE_R_LOOP, FACE_OVAL, NOSE_POINTS, LIP_COLUMNS_UPPER, LIP_COLUMNS_LOWER } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';
import type { MeshBuilder } from './mesh.ts';
import { mirrorTexturing, landmarkMirror, photoDepth, seenInDepth, type MirrorTexturing } from './mirror.ts';
import { shadedRimAtOval, mirrorBesideShadedRim } from './skinPastOval.ts';
import type { RimSkips } from './rim.ts';
import { noseSidewallReveal, hiddenNoseReveal } from './noseReveal.ts';
import { hiddenEyeReveal } from './eyeReveal.ts';
import { revealSheetClear } from './sheetFold.ts';
import { unfoldTurnedTexture } from './turnUnfold.ts';

/** The nose's ridge (bridge to tip) and wings: the mirror texture stays off them (NOSE_KEEP: none within
 *  the first share of the eye distance, all from the second). */
const NOSE_KEEP = [0.15, 0.35] as const;
/** The lips (both corners, every lip column): the nose's keep-out does not apply to them. Its ramp
 *  reached the far mouth corner and the upper lip beside it (lp_s10: reach .07-.6 there), so a turn
 *  mixed the own stretched lip end and the mirrored corner at about half share each and drew the far
 *  corner twice (a pale pink second lip beside the red one, session 32). */
export const LIP_POINTS: ReadonlySet<number> = new Set<number>([61, 76, 62, 78, 291, 306, 292, 308, ...LIP_COLUMNS_UPPER.flat(), ...LIP_COLUMNS_LOWER.flat()]);
/** Whether the texel under (x, y) is mostly foreground (alpha at least OPAQUE_ALPHA). */
const OPAQUE_ALPHA = 0.8;
/** A point counts as hidden in the photo when it lies this share of the face width behind the photo's surface. */
const HIDDEN_TOLERANCE = 0.04;

/** Per landmark, 0 on the nose (NOSE_POINTS) rising to 1 at NOSE_KEEP[1] eye distances from it, on the neutral face (canonical x, y, z). */
function noseDistanceRamp(neutral: Float64Array): (v: number) => number {
  const P = (i: number) => [neutral[i * 3]!, neutral[i * 3 + 1]!, neutral[i * 3 + 2]!];
  const iod = eyeCornerDistance(neutral);
  const nose = NOSE_POINTS.map(P);
  return (v) => {
    const p = P(v);
    const d = Math.min(...nose.map((q) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)));
    return smoothstep(NOSE_KEEP[0] * iod, NOSE_KEEP[1] * iod, d);
  };
}

function opaqueAt(img: RgbaImage, x: number, y: number): boolean {
  const xi = Math.floor(x), yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return false;
  return img.data[(yi * img.width + xi) * 4 + 3]! >= OPAQUE_ALPHA * 255;
}

/** The face as the photo shows it: landmarks in crop pixels (z in pixels), the person's neutral face, the head's widths. */
export interface FaceInPhoto {
  flat: Float64Array;
  neutral: Float64Array;
  faceWidth: number;
  iod: number;
  /** depth of the head's centre (crop pixels) */
  zc: number;
}

/**
 * Corrects the revealed uv set (in place) where the photo did not see the surface a turn shows: the
 * nose's sides sample the skin either side of its outline, hidden nose and eye-surround points sample
 * where the flank hiding them ends, and a deep fold's soft outline beside the background goes clear.
 * Returns the photo's depth buffer of the face (the mirror texturing reuses it).
 */
export function correctHiddenReveals(face: FaceInPhoto, mesh: MeshBuilder, texture: RgbaImage, uvRevealed: Float32Array, revealDir: Float32Array, ridgeSide = true): Float32Array {
  const { flat, neutral } = face;
  const size = texture.width, iod = eyeCornerDistance(neutral);
  noseSidewallReveal(flat, neutral, iod, face.zc, uvRevealed, revealDir);
  const faceDepth = photoDepth(flat, [faceTopology().triangles], size), tolerance = HIDDEN_TOLERANCE * face.faceWidth;
  const seenInPhoto = seenInDepth(flat, LANDMARK_COUNT, faceDepth, size, tolerance);
  const noseMoved = hiddenNoseReveal(flat, neutral, iod, seenInPhoto, faceDepth, size, tolerance, uvRevealed, revealDir);
  const eyeMoved = hiddenEyeReveal(flat, neutral, iod, seenInPhoto, faceDepth, (x, y) => opaqueAt(texture, x, y), size, tolerance, noseMoved, uvRevealed, revealDir);
  // last: where the reveals above leave a turn's texture folded (turnUnfold.ts)
  unfoldTurnedTexture(flat, neutral, face.zc, Float32Array.from(mesh.uvs), uvRevealed, revealDir, [...eyeMoved, ...noseMoved], ridgeSide);
  revealSheetClear(uvRevealed, revealDir, mesh.sheetTurnUvs, mesh.positions, flat[4 * 3]!);
  return faceDepth;
}

/** What keeps the mirror texture away from a vertex besides the eyes and nose (per landmark, 0..1 kept). */
export interface MirrorLimits {
  /** per oval landmark: hair beside the outline kept (hairBesideOutline) */
  keepEdge: Float32Array;
  /** rims the photo shows at the oval, skipped in the copy too (rim.ts) */
  rims: RimSkips;
  matte: GrayImage;
  skinLike: (x: number, y: number) => boolean;
}

/**
 * The far side's mirror-symmetric texture, for the face mesh (the head sheet's hair, ears and
 * background are not symmetric enough: copying them swapped a temple's hair for skin). Not around
 * the eyes: the far eye's landmarks of a turned head rarely sit on the painted eye, and a copied
 * eye there shows as a ghost beside the eyeball (which keeps its own texture and gaze). Nor on the
 * nose: its sides are lit unlike each other (one in the light, one in shadow), and the lit side of a
 * turned nose took its partner's shadow (lp_s12 at +25: a grey diagonal smear; lp_s10: the near nose
 * wing's shading edge drawn on the far cheek as a nose-shaped line). The lips near the nose are not
 * nose: they keep their full reach (LIP_POINTS). Distances are taken on the
 * person's neutral 3D face (the photo's projection squeezes a turned far side toward the nose).
 */
export function farSideMirror(face: FaceInPhoto, mesh: MeshBuilder, texture: RgbaImage, faceDepth: Float32Array, limits: MirrorLimits): MirrorTexturing {
  const { flat, neutral, iod, faceWidth } = face;
  const eyeCentres = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => loop.reduce((c, i) => [c[0] + flat[i * 3]! / loop.length, c[1] + flat[i * 3 + 1]! / loop.length], [0, 0]));
  const awayFromEyes = (x: number, y: number) => smoothstep(0.3 * iod, 0.5 * iod, Math.min(...eyeCentres.map((c) => Math.hypot(x - c[0]!, y - c[1]!))));
  const awayFromNose = noseDistanceRamp(neutral);
  const reach = Float32Array.from({ length: mesh.vertexCount }, (_, v) => (v < MESH_POINT_COUNT ? awayFromEyes(flat[v * 3]!, flat[v * 3 + 1]!) * (LIP_POINTS.has(v) ? 1 : awayFromNose(v)) : 0));
  const mirrorOf = landmarkMirror(mesh.vertexCount);
  const mirror = mirrorTexturing(mesh.positions, Float32Array.from(mesh.uvs), mesh.vertexCount, faceTopology().triangles, mirrorOf, reach, texture, faceWidth, faceDepth);
  // hair kept beside the outline takes no mirrored texture either, nor does the skin before a shaded rim past the oval (skinPastOval.ts)
  for (const i of FACE_OVAL) mirror.mirrorReach[i]! *= 1 - limits.keepEdge[i]!;
  const shadedRim = shadedRimAtOval(flat, FACE_OVAL, LANDMARK_COUNT, limits.matte, limits.skinLike, faceWidth, (flat[61 * 3 + 1]! + flat[291 * 3 + 1]!) / 2);
  mirrorBesideShadedRim(flat, MESH_POINT_COUNT, shadedRim, faceWidth).forEach((k, v) => { mirror.mirrorReach[v]! *= k; });
  // a partner's rim is skipped in the copy too (the mirror shows only on turns)
  const { rims } = limits;
  rims.ids.forEach((i, k) => {
    const v = mirrorOf[i]!;
    if (v < 0 || !(mirror.mirrorReach[v]! > 0)) return;
    mirror.uvMirror[v * 2] += rims.offset[k]![0] * rims.strength[k]!; mirror.uvMirror[v * 2 + 1] += rims.offset[k]![1] * rims.strength[k]!;
  });
  return mirror;
}
