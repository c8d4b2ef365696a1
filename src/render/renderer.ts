// The frame renderer: deforms the avatar mesh by the rig (expression relative to the photo's own),
// skins head and torso (the torso follows the head, damped), projects through the avatar's pinhole
// camera and rasterizes it over the background. Pure CPU, typed arrays, buffers reused between
// frames: the RgbaImage returned by render() is overwritten by the next call (copy it or consume
// it first).
// A frame's stages, in order: geometry (deform.ts), face textures (faceTextures.ts), the mouth's
// placement (mouthParts.ts), rasterisation and edge passes (rasterize.ts), compositing over the
// background (compose/composite.ts). This file builds them once and runs them per frame.
import type { GrayImage, MotionFrame, RgbaImage } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { MATERIAL } from '../avatar/types.ts';
import { CONTROL_INDEX, RIG_CONTROLS } from '../rig/controls.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { eyesFromLandmarks, raiseCapper } from './raiseCap.ts';
import { createRowExtents, type RasterTarget } from './raster.ts';
import type { ShutEyeProbe } from './closedEye/draw.ts';
import { faceTextures, updateFaceTextures } from './faceTextures.ts';
import { mouthParts, placeMouth } from './mouthParts.ts';
import { rasterize, depthImage, type FrameDraw } from './rasterize.ts';
import { grainPartnerSetting, grainPartnerUv, grainReach } from './stretchGrain.ts';
import { jawMapOf, photoMotionJaw, lipUnitsOf } from './mouth/opening.ts';
import { revealLightBandSetting, revealLightSetting } from './revealLight.ts';
import { Deformer } from './deform.ts';
import { isBlink } from './blinkFromPhotoLid.ts';
import { compositeOver, unpremultiply, resizeRgbaBilinear } from '../compose/composite.ts';
import { stripSpans, paintStrips } from './photoFrame.ts';
// the iris's shift per unit of gaze is the face textures stage's; importers of the renderer keep it here
export { GAZE_SHIFT_X, GAZE_SHIFT_Y } from './faceTextures.ts';

export interface RendererOptions {
  width: number;
  height: number;
  /** how much of the head's rotation the torso follows (default yaw 0.15, pitch 0.05, roll 0.25) */
  torsoFollow?: { yaw: number; pitch: number; roll: number };
  /** how far (face widths) inside the photo's outline below the chin the torso's motion fades in, so the shoulders' outline stays over the photo's own pixels (torsoPin.ts; default 0.35; 0 = off) */
  torsoPin?: number;
  /** every triangle the shoulders' outline crosses takes one torsoPin share, so the edge is carried, not sheared (outlineHold.ts; default true) */
  outlineHold?: boolean;
  /** a turn's stretched skin sampled across its stretch, so its texels do not draw out into streaks (stretchCrossBlur.ts; default true) */
  stretchCrossBlur?: boolean;
  /** on those stretched triangles, the mirror partner's fine detail (craquelure, pores, grain) multiplied into the own colour, so the revealed side is not a smooth mask (stretchGrain.ts; default true) */
  stretchGrain?: boolean;
  /** where the mirror keeps off (eyes, nose), the grain read at the mirror-symmetric landmark (stretchGrain.ts grainPartnerUv; default grainPartnerSetting.on). Its mirror map is the shipped table rig/faceMirror.ts, so the browser's render worker draws it too */
  grainPartners?: boolean;
  /**
   * share of render/turn.ts depthRemoved (the depth behind the cheek past a soft cap) taken away at a
   * 25° yaw on the side the turn shows (default 1; 0 = the true depth, whose widened cheek-to-ear
   * band is a smear of a few edge texels)
   */
  revealFlatten?: number;
  /** a turned head's skin darkens where it turns away from the camera (render/turn.ts turnShade; default true) */
  turnShading?: boolean;
  /** a chin-down nod leaves the forehead's and temples' texture its own, no reveal pull (pitchReveal.ts; default true: s45) */
  hairlineHold?: boolean;
  /** a torso cut by a picture's own straight edges inside the photo (a print, a frame) does not follow the head (framedTorso.ts; default true: s57) */
  framedTorso?: boolean;
  /** a turn's pulled texel (avatar/reveal.ts) is shaded from the facing of the skin the photo saw it on, so a revealed far cheek darkens toward its outline instead of keeping the mid-cheek's light (revealLight.ts; default revealLightSetting.on: s58) */
  revealLight?: boolean;
  /** with revealLight, the outline band's own texels (not only the pulled ones) shaded from their photographed light as the turn shows them (revealLight.ts; default revealLightBandSetting.on: s59 turn59) */
  revealLightBand?: boolean;
}

export interface RenderOptions {
  /** undefined = the avatar's inpainted plate; an image of width x height; null = transparent */
  background?: RgbaImage | null;
  /** Bench only: record the shut eye's coverage per pixel and each eye's frame this frame (closedEye/draw.ts ShutEyeProbe; bench/shutSeam.ts) */
  shutEyeProbe?: ShutEyeProbe;
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

/** default of RendererOptions.torsoPin: a third of a face width (s37 torso37: the band a moving torso uncovers below the chin 3-10x smaller) */
const TORSO_PIN = 0.35;

/** Output framing: the crop scaled to cover the output, centred. */
function outputFraming(size: number, W: number, H: number): { S: number; offX: number; offY: number } {
  const S = Math.max(W, H) / size;
  return { S, offX: (W - size * S) / 2, offY: (H - size * S) / 2 };
}

/** The geometry stage (deform.ts) with the options' defaults filled in: one place says what "default" means. */
function createGeometry(avatar: Avatar, framing: { S: number; offX: number; offY: number }, jawMap: ReturnType<typeof jawMapOf>, opts: RendererOptions): Deformer {
  return new Deformer(avatar, framing, jawMap, lipUnitsOf(avatar), {
    torsoFollow: opts.torsoFollow ?? { yaw: 0.15, pitch: 0.05, roll: 0.25 },
    torsoPin: opts.torsoPin ?? TORSO_PIN,
    outlineHold: opts.outlineHold ?? true,
    revealFlatten: opts.revealFlatten ?? 1,
    turnShading: opts.turnShading ?? true,
    hairlineHold: opts.hairlineHold ?? true,
    framedTorso: opts.framedTorso ?? true,
    revealLight: opts.revealLight ?? revealLightSetting.on,
    revealLightBand: opts.revealLightBand ?? revealLightBandSetting.on,
  });
}

/** The buffers reused by every frame: rasterised colour and depth, each row's drawn columns, the returned image. */
function frameBuffers(W: number, H: number): { colorBytes: Uint8ClampedArray; target: RasterTarget; out: RgbaImage } {
  const colorBytes = new Uint8ClampedArray(W * H * 4);
  // each row's drawn columns: the edge passes and compositing skip the empty margins
  const extents = createRowExtents(H);
  const target: RasterTarget = { width: W, height: H, color: new Uint32Array(colorBytes.buffer), depth: new Float32Array(W * H), extents };
  const out: RgbaImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  return { colorBytes, target, out };
}

/** The inpainted plate at the output framing, made opaque, and a padded photo's strips drawn over it. */
function backgroundPlate(avatar: Avatar, W: number, H: number, { S, offX, offY }: { S: number; offX: number; offY: number }) {
  const plate = resizeRgbaBilinear(avatar.background, W, H, S, offX, offY);
  // compositing writes alpha 255 and reads only the plate's colour: an opaque plate lets it block-copy the margins
  for (let o = 3; o < plate.length; o += 4) plate[o] = 255;
  const strips = stripSpans(avatar.analysis, W, H, S, offX, offY); // a padded photo's strips: a frame over the picture
  return { plate, strips };
}

/** Everything rasterize() reads per frame, built once: the mesh's and the mirror's vertex views, the edge buffers, the switches. */
function frameDraw(avatar: Avatar, geometry: Deformer, target: RasterTarget, textures: FrameDraw['textures'], mouth: FrameDraw['mouth'], S: number, opts: RendererOptions): FrameDraw {
  const { width: W, height: H } = target;
  const { sx, sy, siz, uvNow, share, shade } = geometry;
  const [eyeStart, eyeEnd] = avatar.eyeVertices;
  // the far side's grain partners (stretchGrain.ts): the mirror's, and where it keeps off, the symmetric point's
  const grainUv = opts.stretchGrain !== false && (opts.grainPartners ?? grainPartnerSetting.on) ? grainPartnerUv(avatar) : undefined;
  return {
    avatar,
    geometry,
    target,
    textures,
    mouth,
    meshVerts: { x: sx, y: sy, iz: siz, uv: uvNow, shade },
    mirrorVerts: { x: sx, y: sy, iz: siz, uv: uvNow, uvMirror: avatar.uvMirror, share, gain: avatar.mirrorGain, shade, grain: opts.stretchGrain === false ? undefined : grainReach(avatar, grainUv), grainUv },
    backOfHead: Int32Array.from({ length: avatar.material.length }, (_, t) => t).filter((t) => avatar.material[t] === MATERIAL.backOfHead),
    secondEye: eyeStart + (eyeEnd - eyeStart) / 2,
    lipMask: new Uint8Array(W * H),
    edgeIndex: new Int32Array(W * H),
    edgeColor: new Uint32Array(W * H),
    yaw: 0,
    faceWidthPx: avatar.head.faceWidth * S,
    crossBlur: opts.stretchCrossBlur ?? true,
    stretchGrain: opts.stretchGrain ?? true,
  };
}

/** The frame that reproduces the photo: its own weights (jaw as a motion's lip gap, no blink) and gaze, zero relative pose. */
function photoFrame(rig: Avatar['rig'], jawMap: ReturnType<typeof jawMapOf>): MotionFrame {
  return {
    w: Object.fromEntries(RIG_CONTROLS.map((c, k) => [c, k === CONTROL_INDEX.jawOpen ? photoMotionJaw(jawMap) : isBlink(k) ? 0 : rig.photoWeights[k]!])),
    pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 },
    gaze: [rig.gaze[0], rig.gaze[1]],
    blink: 0,
  };
}

/** The rasterised frame into the returned image: unpremultiplied (transparent background), or over the given image or the plate. */
function composeFrame(colorBytes: Uint8ClampedArray, target: RasterTarget, out: RgbaImage, bg: RgbaImage | null | undefined, back: ReturnType<typeof backgroundPlate>): void {
  const { width: W, height: H, extents } = target;
  if (bg === null) {
    unpremultiply(colorBytes, out.data);
  } else {
    if (bg && (bg.width !== W || bg.height !== H)) throw new Error(`background is ${bg.width}x${bg.height}, the renderer draws ${W}x${H}`);
    compositeOver(colorBytes, bg ? bg.data : back.plate, out.data, extents, !bg);
    if (!bg) paintStrips(out.data, back.plate, back.strips, extents);
  }
}

export function createRenderer(avatar: Avatar, opts: RendererOptions): Renderer {
  const W = Math.max(1, Math.round(opts.width)), H = Math.max(1, Math.round(opts.height));
  const framing = outputFraming(avatar.size, W, H);
  const rig = avatar.rig;
  // a motion's jawOpen is a lip gap; the rig's is this face's jaw rotation (mouth/opening.ts)
  const jawMap = jawMapOf(avatar);
  const geometry = createGeometry(avatar, framing, jawMap, opts);
  const { sx, sy, sz } = geometry;
  const { colorBytes, target, out } = frameBuffers(W, H);
  const back = backgroundPlate(avatar, W, H, framing);
  const textures = faceTextures(avatar);
  const { mouth, placer } = mouthParts(avatar, W, framing.S, textures);
  const draw = frameDraw(avatar, geometry, target, textures, mouth, framing.S, opts);

  function computeVertices(shown: MotionFrame): void {
    const frame = capRaise(shown);
    geometry.update(frame);
    updateFaceTextures(textures, avatar, geometry, frame);
  }

  const neutral = photoFrame(rig, jawMap);

  // a raised lid no higher than a real stare's (raiseCap.ts)
  const capRaise = raiseCapper(rig.photoWeights, (raise) => {
    geometry.update({ ...neutral, w: { ...neutral.w, eyeWideLeft: neutral.w.eyeWideLeft! + raise, eyeWideRight: neutral.w.eyeWideRight! + raise } });
    return eyesFromLandmarks(sx, sy);
  });
  return {
    width: W,
    height: H,
    render(frame: MotionFrame, ropts: RenderOptions = {}): RgbaImage {
      computeVertices(frame);
      placeMouth(placer, avatar, geometry, frame);
      draw.yaw = frame.pose?.yaw || 0;
      target.shutEyeProbe = ropts.shutEyeProbe;
      rasterize(draw);
      composeFrame(colorBytes, target, out, ropts.background, back);
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
