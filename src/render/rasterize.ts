// The renderer's rasterisation stage: draws one frame's deformed mesh (skin, eyeballs with their gaze
// shaders, the mouth's shader, the far side mirrored) into the target, then the shut eyes and the edge
// passes (lip line, occlusion edges, far seam) and the back of the head under everything.
import type { GrayImage } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { MATERIAL } from '../avatar/types.ts';
import { rasterMeshTriangle, clearRowExtents, type RasterTarget, type MeshVertices } from './raster.ts';
import { rasterTriangleMirror, rasterTriangleUnder, type MirrorVertices } from './rasterFarSide.ts';
import { onRevealedFace, STRETCH_BLUR, triangleCrossStep } from './stretchCrossBlur.ts';
import { smoothAndFeather } from './edgePasses.ts';
import { farSeamPass } from './farSeam.ts';
import { jawCombPass } from './jawComb.ts';
import { outlineFeatherStrength } from './awayOutlineFeather.ts';
import { faceBox, fillPinholes } from './pinholeFill.ts';
import { specklessPass } from './specklessFill.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';
import { EYEBALL_DEPTH_BIAS } from './eyes.ts';
import type { MouthShader } from './mouth/shader.ts';
import { softenLipLine } from './mouth/edge.ts';
import { softenThinSlit, tallestColumn, thinSlitStrength } from './mouth/thinSlit.ts';
import { COVER_REBUILT_MIN } from './mouth/lipCoverage.ts';
import { shutEyeShown, slitCoverStrength } from './closedEye/overlay.ts';
import type { Deformer } from './deform.ts';
import type { FaceTextures } from './faceTextures.ts';
import { bandOf, stripShader, stripWeight } from './paintedBand.ts';
import { coverShader } from './squintCover.ts';
import { coverMovedLids, type LidPair } from './gazeIrisLid.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';

/** What one frame's rasterisation draws with, built once per renderer. */
export interface FrameDraw {
  avatar: Avatar;
  geometry: Deformer;
  target: RasterTarget;
  textures: FaceTextures;
  mouth: MouthShader;
  mirrorVerts: MirrorVertices;
  meshVerts: MeshVertices;
  /** a turn's stretched skin sampled across the stretch (stretchCrossBlur.ts) */
  crossBlur?: boolean;
  /** there, the mirror partner's fine detail multiplied back in (stretchGrain.ts) */
  stretchGrain?: boolean;
  /** the far side's triangles, drawn under everything when the head turns */
  backOfHead: Int32Array;
  /** the first vertex of the second eyeball (each eyeball has its own gaze shader) */
  secondEye: number;
  lipMask: Uint8Array;
  edgeIndex: Int32Array;
  edgeColor: Uint32Array;
  /** this frame's yaw relative to the photo (degrees) and the face's width on screen (px): the far seam's */
  yaw: number;
  faceWidthPx: number;
}

const crossStep = new Float64Array(2), NOSE_BRIDGE = 168;
/** Each eye's lids for gazeIrisLid.ts (EYE_L closes by closure[1], EYE_R by closure[0], as wideEyes.ts). */
const LID_PAIRS: LidPair[] = [{ upper: EYE_L_UPPER, lower: EYE_L_LOWER, closureSide: 1 }, { upper: EYE_R_UPPER, lower: EYE_R_LOWER, closureSide: 0 }];

/** Each LID_PAIRS eye's iris shift (texture px) for gazeIrisLid.ts's arc; 0 where a painted band lies under the lid (its skin is the painted eye, not lid). */
function irisShifts(t: FrameDraw['textures']): number[] {
  return LID_PAIRS.map((_, e) => (t.paintedBands[e] ? 0 : Math.hypot(...t.gazeWarp.shiftOf(e))));
}

/** Rasterises the deformed mesh into the target, then the shut eyes and the edge passes. */
export function rasterize(f: FrameDraw): void {
  const { avatar, geometry, target, textures, mouth } = f;
  const { sx, sy, siz, uvNow, share } = geometry;
  const { skinTex, eyeTex, gazeWarp } = textures;
  target.color.fill(0);
  target.depth.fill(0);
  clearRowExtents(target.extents!, target.width);
  mouth.beginFrame(target.height);
  const tri = avatar.triangles, mat = avatar.material;
  const m = tri.length / 3;
  const stripOn = textures.paintedBands.some((band, e) => band && gazeWarp.shaders[e]);
  // (or a lower lid risen over a strip: squintCover.ts)
  const coverOn = textures.coverRises.some((r) => r);
  const blurOn = f.crossBlur === true && Math.abs(f.yaw) >= STRETCH_BLUR.minYaw;
  for (let t = 0; t < m; t++) {
    const a = tri[t * 3]!, b = tri[t * 3 + 1]!, c = tri[t * 3 + 2]!;
    const material = mat[t]!;
    // the neck under the jaw only shows when the jaw turns off it (the photo's pose keeps its matte edge)
    if (material === MATERIAL.underJaw && geometry.turnAmount === 0) continue;
    // the back of the head goes under everything, after the rest (zero area at the photo's pose)
    if (material === MATERIAL.backOfHead) continue;
    // the eyeball stays behind the lids whatever their depth (a uniform 1/z factor leaves the texturing unchanged)
    const bias = material === MATERIAL.eye ? EYEBALL_DEPTH_BIAS : 1;
    // a turned head's shading (turn.ts turnShade) on its skin
    const lit = material === MATERIAL.skin && geometry.shaded;
    // (a turn's stretched face skin too: its texels smoothed across the stretch there, stretchCrossBlur.ts)
    const across = material === MATERIAL.skin && blurOn && onRevealedFace(sx, a, b, c, MESH_POINT_COUNT, sx[NOSE_BRIDGE]!, f.yaw) && triangleCrossStep(sx, sy, uvNow, a, b, c, crossStep);
    if (material === MATERIAL.skin && (share[a]! + share[b]! + share[c]! > 0 || across)) {
      rasterTriangleMirror(target, skinTex, f.mirrorVerts, a, b, c, across, f.stretchGrain === true);
      continue;
    }
    // a big painted iris's strip under the mesh's lower lid: skin drawn with the eye's gaze shader while it moves (paintedBand.ts)
    const band = material === MATERIAL.skin && (stripOn || coverOn) ? bandOf(textures.paintedBands, avatar.uv, a, b, c) : -1;
    // (a turned head's shade on that skin: the triangle's mean gain; the shader path takes no per-vertex gain)
    // (EYE_L, band 0, closes by closure[1]; a closing eye's strip goes back to skin: paintedBand.ts stripWeight)
    const stripW = band >= 0 ? stripWeight(geometry.closure[band === 0 ? 1 : 0]!) : 0;
    const gain = lit ? (f.meshVerts.shade[a]! + f.meshVerts.shade[b]! + f.meshVerts.shade[c]!) / 3 : 128;
    const rise = band >= 0 ? textures.coverRises[band] : null;
    const strip = stripW > 0 && rise ? coverShader(textures.paintedBands[band]!, skinTex, gazeWarp.shaders[band] ?? null, eyeTex, rise, gain, stripW) : stripW > 0 && gazeWarp.shaders[band] ? stripShader(textures.paintedBands[band]!, skinTex, gazeWarp.shaders[band]!, gain, stripW) : null;
    const shader = material === MATERIAL.mouth ? mouth.shade : material === MATERIAL.eye ? gazeWarp.shaders[a < f.secondEye ? 0 : 1] ?? null : strip;
    rasterMeshTriangle(target, f.meshVerts, a, b, c, bias, material === MATERIAL.eye ? eyeTex : skinTex, shader, lit);
  }
  // (a held half lid, as the motion marks it, shaded lighter than a blink in flight: closedEye/heldShade.ts)
  textures.closedEyes.draw(target, geometry.closure, sx, sy, siz, geometry.held);
  const c = geometry.closure;
  // a moved lid's edge over the eyeball along its curve, soft as the photo's edges (gazeIrisLid.ts), under the shut eye's lid
  coverMovedLids(target, LID_PAIRS, sx, sy, siz, geometry.expression.cropDisp, f.faceWidthPx / avatar.head.faceWidth, [1 - shutEyeShown(c[0]!).lid, 1 - shutEyeShown(c[1]!).lid], irisShifts(textures));
  // a lowering lid's lash line, the photo's, on its edge (wideEyes side 0 = EYE_L = closure[1])
  // (on the shut eye's lid edge as drawn once it comes in: closedEye/lashOnEdge.ts)
  const [lx, ly] = textures.closedEyes.lashPoints(c, sx, sy);
  textures.wideEyes.drawLoweredLashes(target, lx, ly, siz, [c[1], c[0]], [shutEyeShown(c[1]).lid, shutEyeShown(c[0]).lid]);
  // raised lids' edges by share of pixel (wideEyes side 0 = EYE_L, the image-right eye = closure[1])
  textures.wideEyes.coverLidEdges(target, sx, sy, siz, [slitCoverStrength(geometry.closure[1]!), slitCoverStrength(geometry.closure[0]!)]);
  softenLipLine(target, mouth, f.lipMask, f.edgeIndex, f.edgeColor);
  // a nearly shut slit filtered across: an even line, not a row of dark dots (thinSlit.ts; the photo's own mouth left alone)
  softenThinSlit(target, mouth, thinSlitStrength(tallestColumn(mouth), mouth.place.rebuilt > COVER_REBUILT_MIN ? 1 - mouth.photoKeep : 0));
  // a depth step of a tenth of the face width between neighbours is an occlusion edge (smoothed);
  // a turned jaw or cheek ends on opaque skin: its outline against the plate gets a coverage
  // ramp, fading in over the first degrees of turn (the rest frame keeps the photo's matte edge)
  smoothAndFeather(target, (0.1 * avatar.head.faceWidth) / avatar.focal, outlineFeatherStrength(geometry.turnAmount, f.yaw, avatar.rig.angles.yaw), f.edgeIndex, f.edgeColor);
  // the turned face's far edge over the sheet behind it: a soft seam, not a cut
  farSeamPass(target, sx, sy, f.yaw, f.faceWidthPx, f.edgeIndex, f.edgeColor);
  // the far jaw's outline steps (a comb of dark dashes) smoothed along the jaw (jawComb.ts)
  jawCombPass(target, sx, sy, f.yaw, f.faceWidthPx);
  if (geometry.turnAmount > 0) for (const t of f.backOfHead) rasterTriangleUnder(target, skinTex, sx, sy, uvNow, tri[t * 3]!, tri[t * 3 + 1]!, tri[t * 3 + 2]!);
  // a sheet fold poking a pixel past the face's outline on a nod: a one-pixel hole (pinholeFill.ts)
  if (geometry.turnAmount > 0) fillPinholes(target.color, target.width, target.height, faceBox(sx, sy, MESH_POINT_COUNT));
  // ... and a few-pixel translucent speck in opaque skin (specklessFill.ts)
  if (geometry.turnAmount > 0) specklessPass(target.color, target.width, target.height, faceBox(sx, sy, MESH_POINT_COUNT), sx, sy, f.yaw, f.faceWidthPx);
}

/** A depth buffer (1/z, 0 = nothing) as a gray image: nearest surface 1, farthest 0.15, nothing 0. */
export function depthImage(d: Float32Array, width: number, height: number): GrayImage {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < d.length; i++) { const v = d[i]!; if (v === 0) continue; if (v < lo) lo = v; if (v > hi) hi = v; }
  const out = new Float32Array(d.length);
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < d.length; i++) { const v = d[i]!; out[i] = v === 0 ? 0 : 0.15 + (0.85 * (v - lo)) / span; }
  return { width, height, data: out };
}
