// The frame renderer: deforms the avatar mesh by the rig (expression relative to the photo's own),
// skins head and torso (the torso follows the head, damped), projects through the avatar's pinhole
// camera and rasterizes it over the background. Pure CPU, typed arrays, buffers reused between
// frames: the RgbaImage returned by render() is overwritten by the next call (copy it or consume
// it first).
import type { GrayImage, MotionFrame, RgbaImage } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { MATERIAL } from '../avatar/types.ts';
import { CONTROL_INDEX, RIG_CONTROLS } from '../rig/controls.ts';
import { DRIVER_TEETH } from '../rig/mouthBase.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { rasterMeshTriangle, createRowExtents, clearRowExtents, type RasterTarget, type MeshVertices } from './raster.ts';
import { rasterTriangleMirror, rasterTriangleUnder, type MirrorVertices } from './rasterFarSide.ts';
import { packedView, type TextureSource } from './textureSample.ts';
import { smoothAndFeather } from './edgePasses.ts';
import { pastBorderPad } from './pastBorder.ts';
import { farSeamPass } from './farSeam.ts';
import { slideLidTexture, EYEBALL_DEPTH_BIAS, LidSkin } from './eyes.ts';
import { GazeIris } from './gazeIris.ts';
import { WideEyes } from './wideEyes.ts';
import { LASH_BAND } from '../avatar/eyes.ts';
import { ClosedEyes, eyesMovedBySide, shutEyeGrowBySide } from './closedEye/overlay.ts';
import { ForeheadFolds, UnderBrowSkin } from './brows.ts';
import { CheekRaise } from './cheeks.ts';
import { LowerRim } from './lowerRim.ts';
import { MouthShader } from './mouth/shader.ts';
import { readyMouth } from './mouth/layers.ts';
import { softenLipLine } from './mouth/edge.ts';
import { CornerSkin } from './mouth/cornerSkin.ts';
import { LowerLipLight } from './mouth/lowerLipLight.ts';
import { lipSurfaceColours, MouthPlacer } from './mouth/placement.ts';
import { jawMapOf, photoMotionJaw, lipUnitsOf } from './mouth/opening.ts';
import { Deformer } from './deform.ts';
import { compositeOver, unpremultiply, resizeRgbaBilinear } from '../compose/composite.ts';

export interface RendererOptions {
  width: number;
  height: number;
  /** how much of the head's rotation the torso follows (default yaw 0.15, pitch 0.05, roll 0.25) */
  torsoFollow?: { yaw: number; pitch: number; roll: number };
  /**
   * share of render/turn.ts depthRemoved (the depth behind the cheek past a soft cap) taken away at a
   * 25° yaw on the side the turn shows (default 1; 0 = the true depth, whose widened cheek-to-ear
   * band is a smear of a few edge texels)
   */
  revealFlatten?: number;
  /** a turned head's skin darkens where it turns away from the camera (render/turn.ts turnShade; default true) */
  turnShading?: boolean;
}

export interface RenderOptions {
  /** undefined = the avatar's inpainted plate; an image of width x height; null = transparent */
  background?: RgbaImage | null;
}

export interface Renderer {
  readonly width: number;
  readonly height: number;
  /** Renders one frame. The returned image is reused by the next call. */
  render(frame: MotionFrame, opts?: RenderOptions): RgbaImage;
  /** Where the 478 landmarks land in the output for this frame: [x, y, z] in output pixels. */
  landmarks(frame: MotionFrame): [number, number, number][];
  /** The frame that reproduces the photo: its own weights and gaze, zero relative pose. */
  neutralFrame(): MotionFrame;
  /**
   * Debug: the depth of the last rendered frame as a gray image (nearest surface = 1, far = 0,
   * nothing = 0), for the side-by-side debug view. A new image each call.
   */
  depthMap(): GrayImage;
  /** Debug: projected positions of every mesh vertex for this frame (views of internal buffers). */
  meshVertices(frame: MotionFrame): { x: Float32Array; y: Float32Array; triangles: Uint32Array };
}

const JAW_OPEN = CONTROL_INDEX.jawOpen, PUCKER = CONTROL_INDEX.mouthPucker, FUNNEL = CONTROL_INDEX.mouthFunnel;
const SMILE_L = CONTROL_INDEX.mouthSmileLeft, SMILE_R = CONTROL_INDEX.mouthSmileRight;
/**
 * The iris's shift per unit of gaze, in eye-corner distances (eased into each eye's reach,
 * render/gazeIris.ts). Calibrated on drivers (bench/gazeTransfer.ts: face-mesh iris offset
 * on our frames per unit on the driver's, 5 s of lp_d0, lp_d6, Katie on lp_s42 and mt_man): at
 * 0.075 / 0.04 (round eyes8, rim not pinned) x 0.17-0.51 (median 0.27), y 0.07-0.69 (0.18); at
 * 0.2 / 0.08 x 0.32-0.88 (0.46), y 0.18-0.77 (0.29). The mesh reads our strongest looks short:
 * lp_d0's -0.52 reads -0.10 to -0.16 where the sheet shows our iris at the corner (docs/eyes/README.md).
 * Since the iris moves as a rigid disc (round eyes12) it travels the whole eased shift (the fan's
 * centre vertex moved it part of the way): x 0.46-1.32 (median 0.72), y 0.17-0.46 (0.30).
 */
export const GAZE_SHIFT_X = 0.2, GAZE_SHIFT_Y = 0.08;

/** A depth buffer (1/z, 0 = nothing) as a gray image: nearest surface 1, farthest 0.15, nothing 0. */
function depthImage(d: Float32Array, width: number, height: number): GrayImage {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < d.length; i++) { const v = d[i]!; if (v === 0) continue; if (v < lo) lo = v; if (v > hi) hi = v; }
  const out = new Float32Array(d.length);
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < d.length; i++) { const v = d[i]!; out[i] = v === 0 ? 0 : 0.15 + (0.85 * (v - lo)) / span; }
  return { width, height, data: out };
}

/**
 * The renderer's working copies of the photo's skin and eye textures and what changes them per frame:
 * closing lids blend their band toward smooth lid skin and shade the pale lower rim (lowerRim.ts), raised brows deepen the forehead's grooves and
 * uncover skin under the brow, a raised cheek lightens, wide eyes move the lid's shadow, the iris
 * moves as a rigid disc (gazeIris.ts); a real shut eye (library) completes a blink.
 */
function faceTextures(avatar: Avatar) {
  const size = avatar.size, iod = avatar.head.iod;
  // where mesh vertex i sits in the photo (texture pixels)
  const photoXY = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const lidSkin = new LidSkin(avatar.texture, photoXY, LASH_BAND);
  const skinData = packedView(lidSkin.data);
  const crop = avatar.analysis?.crop;
  // how far a landmark rises in the texture per unit of a control (the rig's field turned into the crop frame)
  const rig = avatar.rig, R = rig.rotation;
  const lidLift = (k: number, i: number) => { const o = (k * LANDMARK_COUNT + i) * 3; return -rig.scale * (R[3]! * rig.basis[o]! + R[4]! * rig.basis[o + 1]! + R[5]! * rig.basis[o + 2]!); };
  const wideEyes = new WideEyes(avatar.eyeTexture, photoXY, lidLift);
  const eyeTex: TextureSource = { width: size, height: size, data32: packedView(wideEyes.data) };
  return {
    photoXY,
    lidSkin,
    // past the crop's border: the mirrored texture going over to a blurred copy (raster.ts sampleInto)
    skinTex: { width: size, height: size, data32: skinData, past: pastBorderPad(skinData, size, size) } as TextureSource,
    eyeTex,
    closedEyes: new ClosedEyes({ texture: avatar.texture, xy: photoXY, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis) }),
    folds: new ForeheadFolds(lidSkin.data, size, size, photoXY, iod),
    underBrow: new UnderBrowSkin(lidSkin.data, size, size, photoXY, iod),
    cheeks: new CheekRaise(lidSkin.data, size, size, photoXY, iod),
    lowerRim: new LowerRim(lidSkin.data, size, size, photoXY, iod),
    wideEyes,
    gazeWarp: new GazeIris(avatar.uv, eyeTex, { rest: { width: size, height: size, data32: packedView(avatar.eyeTexture.data) }, raisedShare: (e, u, v) => wideEyes.raisedShare(e, u, v) }),
  };
}
type FaceTextures = ReturnType<typeof faceTextures>;

/** The eye and brow textures for this frame's weights and gaze (after the geometry). */
function updateFaceTextures(t: FaceTextures, avatar: Avatar, geometry: Deformer, frame: MotionFrame): void {
  const { wv, uvNow } = geometry;
  const rig = avatar.rig, photo = rig.photoWeights;
  // closing lids show lid skin (the lash line rides on the lash strips)
  slideLidTexture(wv, photo, avatar.uv, uvNow);
  t.lidSkin.update(wv, photo);
  t.folds.update(wv, photo);
  t.underBrow.update(wv, photo);
  t.cheeks.update(wv, photo);
  t.lowerRim.update(wv, photo);
  // gaze: the eyeballs' shaders for this frame's shift
  const gaze = frame.gaze ?? [0, 0];
  const gx = Math.max(-1, Math.min(1, gaze[0] || 0)) - rig.gaze[0];
  const gy = Math.max(-1, Math.min(1, gaze[1] || 0)) - rig.gaze[1];
  const iod = avatar.head.iod;
  const vergence = Math.max(-1, Math.min(1, frame.vergence ?? 0));
  t.gazeWarp.set(gx * GAZE_SHIFT_X * iod, gy * GAZE_SHIFT_Y * iod, vergence * GAZE_SHIFT_X * iod);
  // wide eyes: what the raised lids uncover, the iris at this frame's shift
  t.wideEyes.update(wv, photo, [t.gazeWarp.shiftOf(0), t.gazeWarp.shiftOf(1)]);
}

/** The mouth's shader (teeth, tongue, cavity, lip surface) and what places it on each frame's mesh. */
function mouthParts(avatar: Avatar, width: number, S: number, t: FaceTextures): { mouth: MouthShader; placer: MouthPlacer } {
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
function placeMouth(placer: MouthPlacer, avatar: Avatar, geometry: Deformer, frame: MotionFrame): void {
  // the smile the face makes this frame (the rig's weights: photo + change), not the motion's raw
  // field: audio motions carry no smile (rebaseMouth keeps the photo's), so a smiling photo's teeth
  // read as speech's and were hidden at small partings (the demo's popping teeth, flicker16)
  const d = geometry.delta, p = avatar.rig.photoWeights;
  const smile = 0.5 * (d[SMILE_L]! + p[SMILE_L]! + d[SMILE_R]! + p[SMILE_R]!);
  const rounding = Math.max(0, d[PUCKER]!) + 0.5 * Math.max(0, d[FUNNEL]!);
  placer.place({ sx: geometry.sx, sy: geometry.sy, jawDelta: d[JAW_OPEN]!, rounding, driverDark: frame.mouthDark, driverTeeth: frame.w[DRIVER_TEETH], smile, projectWithHead: geometry.projectWithHead, uvNow: geometry.uvNow });
}

/** What one frame's rasterisation draws with, built once per renderer. */
interface FrameDraw {
  avatar: Avatar;
  geometry: Deformer;
  target: RasterTarget;
  textures: FaceTextures;
  mouth: MouthShader;
  mirrorVerts: MirrorVertices;
  meshVerts: MeshVertices;
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

/** Rasterises the deformed mesh into the target, then the shut eyes and the edge passes. */
function rasterize(f: FrameDraw): void {
  const { avatar, geometry, target, textures, mouth } = f;
  const { sx, sy, siz, uvNow, share } = geometry;
  const { skinTex, eyeTex, gazeWarp } = textures;
  target.color.fill(0);
  target.depth.fill(0);
  clearRowExtents(target.extents!, target.width);
  mouth.beginFrame(target.height);
  const tri = avatar.triangles, mat = avatar.material;
  const m = tri.length / 3;
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
    if (material === MATERIAL.skin && share[a]! + share[b]! + share[c]! > 0) {
      rasterTriangleMirror(target, skinTex, f.mirrorVerts, a, b, c);
      continue;
    }
    const shader = material === MATERIAL.mouth ? mouth.shade : material === MATERIAL.eye ? gazeWarp.shaders[a < f.secondEye ? 0 : 1] ?? null : null;
    rasterMeshTriangle(target, f.meshVerts, a, b, c, bias, material === MATERIAL.eye ? eyeTex : skinTex, shader, lit);
  }
  textures.closedEyes.draw(target, geometry.closure, sx, sy, siz);
  softenLipLine(target, mouth, f.lipMask, f.edgeIndex, f.edgeColor);
  // a depth step of a tenth of the face width between neighbours is an occlusion edge (smoothed);
  // a turned jaw or cheek ends on opaque skin: its outline against the plate gets a coverage
  // ramp, fading in over the first degrees of turn (the rest frame keeps the photo's matte edge)
  smoothAndFeather(target, (0.1 * avatar.head.faceWidth) / avatar.focal, geometry.turnAmount, f.edgeIndex, f.edgeColor);
  // the turned face's far edge over the sheet behind it: a soft seam, not a cut
  farSeamPass(target, sx, sy, f.yaw, f.faceWidthPx, f.edgeIndex, f.edgeColor);
  if (geometry.turnAmount > 0) for (const t of f.backOfHead) rasterTriangleUnder(target, skinTex, sx, sy, uvNow, tri[t * 3]!, tri[t * 3 + 1]!, tri[t * 3 + 2]!);
}

export function createRenderer(avatar: Avatar, opts: RendererOptions): Renderer {
  const W = Math.max(1, Math.round(opts.width)), H = Math.max(1, Math.round(opts.height));
  const size = avatar.size;
  // Output framing: the crop scaled to cover the output, centred.
  const S = Math.max(W, H) / size;
  const offX = (W - size * S) / 2, offY = (H - size * S) / 2;
  const rig = avatar.rig;
  // a motion's jawOpen is a lip gap; the rig's is this face's jaw rotation (mouth/opening.ts)
  const jawMap = jawMapOf(avatar);
  const geometry = new Deformer(avatar, { S, offX, offY }, jawMap, lipUnitsOf(avatar), {
    torsoFollow: opts.torsoFollow ?? { yaw: 0.15, pitch: 0.05, roll: 0.25 },
    revealFlatten: opts.revealFlatten ?? 1,
    turnShading: opts.turnShading ?? true,
  });
  const { sx, sy, sz, siz, uvNow, share, shade } = geometry;

  // reusable buffers
  const colorBytes = new Uint8ClampedArray(W * H * 4);
  // each row's drawn columns: the edge passes and compositing skip the empty margins
  const extents = createRowExtents(H);
  const target: RasterTarget = { width: W, height: H, color: new Uint32Array(colorBytes.buffer), depth: new Float32Array(W * H), extents };
  const out: RgbaImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  const plate = resizeRgbaBilinear(avatar.background, W, H, S, offX, offY);
  // compositing writes alpha 255 and reads only the plate's colour: an opaque plate lets it block-copy the margins
  for (let o = 3; o < plate.length; o += 4) plate[o] = 255;
  const textures = faceTextures(avatar);
  const { mouth, placer } = mouthParts(avatar, W, S, textures);
  const [eyeStart, eyeEnd] = avatar.eyeVertices;
  const draw: FrameDraw = {
    avatar,
    geometry,
    target,
    textures,
    mouth,
    meshVerts: { x: sx, y: sy, iz: siz, uv: uvNow, shade },
    mirrorVerts: { x: sx, y: sy, iz: siz, uv: uvNow, uvMirror: avatar.uvMirror, share, gain: avatar.mirrorGain, shade },
    backOfHead: Int32Array.from({ length: avatar.material.length }, (_, t) => t).filter((t) => avatar.material[t] === MATERIAL.backOfHead),
    secondEye: eyeStart + (eyeEnd - eyeStart) / 2,
    lipMask: new Uint8Array(W * H),
    edgeIndex: new Int32Array(W * H),
    edgeColor: new Uint32Array(W * H),
    yaw: 0,
    faceWidthPx: avatar.head.faceWidth * S,
  };

  function computeVertices(frame: MotionFrame): void {
    geometry.update(frame);
    updateFaceTextures(textures, avatar, geometry, frame);
  }

  const neutral: MotionFrame = {
    w: Object.fromEntries(RIG_CONTROLS.map((c, k) => [c, k === JAW_OPEN ? photoMotionJaw(jawMap) : rig.photoWeights[k]!])),
    pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 },
    gaze: [rig.gaze[0], rig.gaze[1]],
    blink: 0,
  };

  return {
    width: W,
    height: H,
    render(frame: MotionFrame, ropts: RenderOptions = {}): RgbaImage {
      computeVertices(frame);
      placeMouth(placer, avatar, geometry, frame);
      draw.yaw = frame.pose?.yaw || 0;
      rasterize(draw);
      const bg = ropts.background;
      if (bg === null) {
        unpremultiply(colorBytes, out.data);
      } else {
        if (bg && (bg.width !== W || bg.height !== H)) throw new Error(`background is ${bg.width}x${bg.height}, the renderer draws ${W}x${H}`);
        compositeOver(colorBytes, bg ? bg.data : plate, out.data, extents, !bg);
      }
      return out;
    },
    landmarks(frame: MotionFrame): [number, number, number][] {
      computeVertices(frame);
      const res: [number, number, number][] = new Array(LANDMARK_COUNT);
      for (let i = 0; i < LANDMARK_COUNT; i++) res[i] = [sx[i]!, sy[i]!, sz[i]!];
      return res;
    },
    depthMap(): GrayImage {
      return depthImage(target.depth, W, H);
    },
    meshVertices(frame: MotionFrame) {
      computeVertices(frame);
      return { x: sx, y: sy, triangles: avatar.triangles };
    },
    neutralFrame(): MotionFrame {
      return { w: { ...neutral.w }, pose: { ...neutral.pose }, gaze: [neutral.gaze[0], neutral.gaze[1]], blink: 0 };
    },
  };
}
