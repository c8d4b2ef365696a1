// The frame renderer: deforms the avatar mesh by the rig (expression relative to the photo's own),
// skins head and torso (the torso follows the head, damped), projects through the avatar's pinhole
// camera and rasterizes it over the background. Pure CPU, typed arrays, buffers reused between
// frames: the RgbaImage returned by render() is overwritten by the next call (copy it or consume
// it first).
import type { GrayImage, MotionFrame, RgbaImage } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { MATERIAL } from '../avatar/types.ts';
import { CONTROL_COUNT, CONTROL_INDEX, RIG_CONTROLS, weightsToVector } from '../rig/controls.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { rotationFromAngles, multiply3, transpose3 } from '../rig/pose.ts';
import { rasterTriangle, rasterTriangleMirror, rasterTriangleUnder, packedView, type RasterTarget, type TextureSource, type MirrorVertices } from './raster.ts';
import { smoothDepthEdges, featherSilhouette } from './edgePasses.ts';
import { mirrorShare } from '../avatar/mirror.ts';
import { slideLidTexture, slideEyeballs, EYEBALL_DEPTH_BIAS, LidSkin, blinkCompletion } from './eyes.ts';
import { WideEyes } from './wideEyes.ts';
import { LASH_BAND } from '../avatar/eyes.ts';
import { ClosedEyes } from './closedEye/overlay.ts';
import { ForeheadFolds, UnderBrowSkin } from './brows.ts';
import { MouthShader } from './mouth/shader.ts';
import { readyMouth } from './mouth/layers.ts';
import { softenLipLine } from './mouth/edge.ts';
import { CornerSkin } from './mouth/cornerSkin.ts';
import { lipSurfaceColours, MouthPlacer } from './mouth/placement.ts';
import { jawMapOf, rigJaw, otherLipGap, photoMotionJaw, partLipsInSmile, lipUnitsOf, REST_LIP_GAP } from './mouth/opening.ts';
import { smooth01 } from '../math/smooth.ts';
import { rebaseMouth } from '../rig/mouthBase.ts';
import { revealDepth, revealFlattening, neckTurn } from './turn.ts';
import { compositeOver, unpremultiply, resizeRgbaBilinear } from '../compose/composite.ts';

export interface RendererOptions {
  width: number;
  height: number;
  /** how much of the head's rotation the torso follows (default yaw 0.15, pitch 0.05, roll 0.25) */
  torsoFollow?: { yaw: number; pitch: number; roll: number };
  /**
   * share of the depth behind the cheek removed, at a 25° yaw, on the side the turn shows (default
   * 0.7; 0 = the true depth, whose widened cheek-to-ear band is a smear of a few edge texels)
   */
  revealFlatten?: number;
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

const BLINK_L = CONTROL_INDEX.eyeBlinkLeft, BLINK_R = CONTROL_INDEX.eyeBlinkRight, JAW_OPEN = CONTROL_INDEX.jawOpen;

export function createRenderer(avatar: Avatar, opts: RendererOptions): Renderer {
  const W = Math.max(1, Math.round(opts.width)), H = Math.max(1, Math.round(opts.height));
  const follow = opts.torsoFollow ?? { yaw: 0.15, pitch: 0.05, roll: 0.25 };
  const revealFlatten = opts.revealFlatten ?? 0.7;
  const n = avatar.vertexCount;
  const size = avatar.size;
  const f = avatar.focal;
  const c0 = size / 2;
  // Output framing: the crop scaled to cover the output, centred.
  const S = Math.max(W, H) / size;
  const offX = (W - size * S) / 2, offY = (H - size * S) / 2;
  const rig = avatar.rig;
  // a motion's jawOpen is a lip gap; the rig's is this face's jaw rotation (mouth/opening.ts)
  const jawMap = jawMapOf(avatar);
  const lipUnits = lipUnitsOf(avatar);

  // reusable buffers
  const wv = new Float64Array(CONTROL_COUNT);
  const delta = new Float64Array(CONTROL_COUNT);
  const canonDisp = new Float64Array(LANDMARK_COUNT * 3);
  const cropDisp = new Float64Array(LANDMARK_COUNT * 3);
  const sx = new Float32Array(n), sy = new Float32Array(n), siz = new Float32Array(n), sz = new Float32Array(n);
  const uvNow = Float32Array.from(avatar.uv);
  const colorBytes = new Uint8ClampedArray(W * H * 4);
  const edgeIndex = new Int32Array(W * H), edgeColor = new Uint32Array(W * H);
  const target: RasterTarget = { width: W, height: H, color: new Uint32Array(colorBytes.buffer), depth: new Float32Array(W * H) };
  // the skin texture is the renderer's own copy: closing lids blend their band toward smooth lid skin
  // where mesh vertex i sits in the photo (texture pixels)
  const photoXY = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const lidSkin = new LidSkin(avatar.texture, photoXY, LASH_BAND);
  const skinTex: TextureSource = { width: size, height: size, data32: packedView(lidSkin.data) };
  // a real shut eye (library) fitted to the photo, shown as a blink completes
  const closedEyes = new ClosedEyes({ texture: avatar.texture, xy: photoXY });
  const closure: [number, number] = [0, 0];
  // raised brows deepen the photo's own forehead grooves (same working texture)
  const folds = new ForeheadFolds(lidSkin.data, size, size, photoXY, avatar.head.iod);
  // and uncover clean skin between brow and crease
  const underBrow = new UnderBrowSkin(lidSkin.data, size, size, photoXY, avatar.head.iod);
  // wide eyes: the lid's shadow on the eye moves up with the lid (the renderer's own eye texture)
  const wideEyes = new WideEyes(avatar.eyeTexture, photoXY);
  const eyeTex: TextureSource = { width: size, height: size, data32: packedView(wideEyes.data) };
  const out: RgbaImage = { width: W, height: H, data: new Uint8ClampedArray(W * H * 4) };
  const plate = resizeRgbaBilinear(avatar.background, W, H, S, offX, offY);
  const iod = avatar.head.iod;
  const mouthLayers = readyMouth(avatar, iod * S);
  const mouth = new MouthShader(W, mouthLayers);
  const lipMask = new Uint8Array(W * H);
  mouth.texture = skinTex;
  const lips = lipSurfaceColours(avatar);
  mouth.lipInner = lips.lipInner;
  mouth.lipEdge = lips.lipEdge;
  mouth.lipRimUpper = lips.lipRimUpper;
  mouth.lipRimLower = lips.lipRimLower;
  const mouthPlacer = new MouthPlacer(avatar, mouth, mouthLayers, S, new CornerSkin(lidSkin.data, size, size, photoXY, iod));
  const photoR = rig.rotation;
  const photoRT = transpose3(photoR);
  const headR = new Float64Array(9), torsoR = new Float64Array(9), tmpR = new Float64Array(9);
  const pivot = avatar.head.pivot, tPivot = avatar.head.torsoPivot;
  const toWorld = (x: number, y: number, z: number, o: Float64Array) => {
    const k = (f + z) / f;
    o[0] = (x - c0) * k; o[1] = (y - c0) * k; o[2] = f + z;
  };
  const pivotW = new Float64Array(3), tPivotW = new Float64Array(3);
  toWorld(pivot[0], pivot[1], pivot[2], pivotW);
  toWorld(tPivot[0], tPivot[1], tPivot[2], tPivotW);
  const [eyeStart, eyeEnd] = avatar.eyeVertices;
  // far side: vertices that may blend in their mirror partner's texture, and this frame's share
  const backOfHead = Int32Array.from({ length: avatar.material.length }, (_, t) => t).filter((t) => avatar.material[t] === MATERIAL.backOfHead);
  const mirrorList = Int32Array.from({ length: n }, (_, v) => v).filter((v) => avatar.mirrorReach[v]! > 0);
  const share = new Float32Array(n);
  const mirrorVerts: MirrorVertices = { x: sx, y: sy, iz: siz, uv: uvNow, uvMirror: avatar.uvMirror, share, gain: avatar.mirrorGain };
  const revealList = Int32Array.from({ length: n }, (_, v) => v).filter((v) => avatar.revealDir[v * 2] !== 0 || avatar.revealDir[v * 2 + 1] !== 0);
  // the side a turn shows is drawn shallower (turn.ts)
  const behindCheek = revealDepth(avatar);
  // on the side turning away the neck lags the head and steps back behind the jaw (turn.ts)
  const neck = neckTurn(avatar);
  const headT = new Float64Array(3);
  /** 0 at the photo's pose, 1 from a 6° turn on */
  let turnAmount = 0;
  const rigidOut = new Float64Array(3);
  /** A crop-space point moved rigidly with the head (no expression) and projected: rigidOut = [x, y, depth]. */
  const projectWithHead = (x: number, y: number, z: number): Float64Array => {
    const kk = (f + z) / f;
    const px = (x - c0) * kk - pivotW[0]!, py = (y - c0) * kk - pivotW[1]!, pz = f + z - pivotW[2]!;
    const ox = headR[0]! * px + headR[1]! * py + headR[2]! * pz + pivotW[0]! + headT[0]!;
    const oy = headR[3]! * px + headR[4]! * py + headR[5]! * pz + pivotW[1]! + headT[1]!;
    const oz = Math.max(1, headR[6]! * px + headR[7]! * py + headR[8]! * pz + pivotW[2]! + headT[2]!);
    rigidOut[0] = (f * ox / oz + c0) * S + offX; rigidOut[1] = (f * oy / oz + c0) * S + offY; rigidOut[2] = oz;
    return rigidOut;
  };

  function computeVertices(frame: MotionFrame): void {
    // expression relative to the photo's own, in canonical units
    weightsToVector(frame.w, wv);
    rebaseMouth(wv, rig.photoWeights, frame.w);
    partLipsInSmile(wv, jawMap, lipUnits, avatar, frame.w[REST_LIP_GAP]);
    wv[JAW_OPEN] = rigJaw(jawMap, wv[JAW_OPEN]!, otherLipGap(wv, avatar), frame.w[REST_LIP_GAP]);
    const blink = Math.min(1, Math.max(0, Number.isFinite(frame.blink) ? frame.blink : 0));
    if (blink > 0) {
      wv[BLINK_L] = 1 - (1 - wv[BLINK_L]!) * (1 - blink);
      wv[BLINK_R] = 1 - (1 - wv[BLINK_R]!) * (1 - blink);
    }
    // how far each blink has come from the photo's lid to shut (side 0 is the image-left eye, the subject's right)
    closure[0] = blinkCompletion(wv[BLINK_R]!, rig.photoWeights[BLINK_R]!);
    closure[1] = blinkCompletion(wv[BLINK_L]!, rig.photoWeights[BLINK_L]!);
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
    // canonical -> crop frame of the photo
    const s = rig.scale;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const x = canonDisp[i * 3]!, y = canonDisp[i * 3 + 1]!, z = canonDisp[i * 3 + 2]!;
      cropDisp[i * 3] = s * (photoR[0]! * x + photoR[1]! * y + photoR[2]! * z);
      cropDisp[i * 3 + 1] = s * (photoR[3]! * x + photoR[4]! * y + photoR[5]! * z);
      cropDisp[i * 3 + 2] = s * (photoR[6]! * x + photoR[7]! * y + photoR[8]! * z);
    }
    // head and torso rigid transforms (relative to the photo's pose)
    const pose = frame.pose ?? { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 };
    const ang = rig.angles;
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0), ang.pitch + (pose.pitch || 0), ang.roll + (pose.roll || 0), tmpR), photoRT, headR);
    multiply3(rotationFromAngles(ang.yaw + (pose.yaw || 0) * follow.yaw, ang.pitch + (pose.pitch || 0) * follow.pitch, ang.roll + (pose.roll || 0) * follow.roll, tmpR), photoRT, torsoR);
    const fw = avatar.head.faceWidth;
    const tx = (pose.tx || 0) * fw, ty = (pose.ty || 0) * fw, tz = -(pose.tz || 0) * fw;
    headT[0] = tx; headT[1] = ty; headT[2] = tz;
    const rest = avatar.rest, infl = avatar.influence, inflW = avatar.influenceWeight, hw = avatar.headWeight, lag = avatar.neckLag;
    // the side a yaw turns toward the camera (+yaw: image-left) is drawn shallower (turn.ts)
    const yawNow = pose.yaw || 0;
    const flatten = revealFlattening(yawNow, rig.angles.yaw, revealFlatten);
    const behind = yawNow > 0 ? behindCheek.left : behindCheek.right;
    turnAmount = smooth01(Math.hypot(pose.yaw || 0, pose.pitch || 0) / 6);
    const neckAmount = smooth01(Math.abs(yawNow) / 6), farIsRight = yawNow > 0;
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
      if (oz < 1) oz = 1;
      const iz = 1 / oz;
      sx[v] = (f * ox * iz + c0) * S + offX;
      sy[v] = (f * oy * iz + c0) * S + offY;
      siz[v] = iz;
      sz[v] = (oz - f) * S;
    }
    // far side: where the turn shows this side more squarely than the photo did, its mirror partner's
    // texture (seen more squarely) is blended in
    const nrm = avatar.normal;
    for (let q = 0; q < mirrorList.length; q++) {
      const v = mirrorList[q]!;
      const nx = nrm[v * 3]!, ny = nrm[v * 3 + 1]!, nz = nrm[v * 3 + 2]!;
      const facingNow = -(headR[6]! * nx + headR[7]! * ny + headR[8]! * nz);
      share[v] = mirrorShare(avatar.photoFacing[v]!, avatar.mirrorFacing[v]!, -nz, facingNow, avatar.mirrorReach[v]!);
    }
    // sides of the head turning toward the camera sample nearby skin instead of edge pixels
    const revealX = -(pose.yaw || 0) / 25, revealY = -(pose.pitch || 0) / 25;
    for (let q = 0; q < revealList.length; q++) {
      const v = revealList[q]!;
      let k = avatar.revealDir[v * 2]! * revealX + avatar.revealDir[v * 2 + 1]! * revealY;
      k = k < 0 ? 0 : k > 1 ? 1 : k;
      uvNow[v * 2] = avatar.uv[v * 2]! + k * (avatar.uvRevealed[v * 2]! - avatar.uv[v * 2]!);
      uvNow[v * 2 + 1] = avatar.uv[v * 2 + 1]! + k * (avatar.uvRevealed[v * 2 + 1]! - avatar.uv[v * 2 + 1]!);
    }
    // closing lids show lid skin (the lash line rides on the lash strips)
    slideLidTexture(wv, rig.photoWeights, avatar.uv, uvNow);
    lidSkin.update(wv, rig.photoWeights);
    folds.update(wv, rig.photoWeights);
    underBrow.update(wv, rig.photoWeights);
    wideEyes.update(wv, rig.photoWeights);
    // gaze: move the eyeball's texture under the lids (its centre, the rim staying)
    const gaze = frame.gaze ?? [0, 0];
    const gx = Math.max(-1, Math.min(1, gaze[0] || 0)) - rig.gaze[0];
    const gy = Math.max(-1, Math.min(1, gaze[1] || 0)) - rig.gaze[1];
    const shiftX = gx * 0.075 * iod, shiftY = gy * 0.04 * iod;
    slideEyeballs(avatar.uv, uvNow, eyeStart, eyeEnd, shiftX, shiftY);
  }

  const JAW = CONTROL_INDEX.jawOpen;
  function prepareMouth(): void {
    mouthPlacer.place({ sx, sy, jawDelta: delta[JAW]!, projectWithHead, uvNow });
  }

  function rasterize(): void {
    target.color.fill(0);
    target.depth.fill(0);
    mouth.beginFrame(H);
    const tri = avatar.triangles, mat = avatar.material;
    const m = tri.length / 3;
    for (let t = 0; t < m; t++) {
      const a = tri[t * 3]!, b = tri[t * 3 + 1]!, c = tri[t * 3 + 2]!;
      const material = mat[t]!;
      // the neck under the jaw only shows when the jaw turns off it (the photo's pose keeps its matte edge)
      if (material === MATERIAL.underJaw && turnAmount === 0) continue;
      // the back of the head goes under everything, after the rest (zero area at the photo's pose)
      if (material === MATERIAL.backOfHead) continue;
      // the eyeball stays behind the lids whatever their depth (a uniform 1/z factor leaves the texturing unchanged)
      const bias = material === MATERIAL.eye ? EYEBALL_DEPTH_BIAS : 1;
      if (material === MATERIAL.skin && share[a]! + share[b]! + share[c]! > 0) {
        rasterTriangleMirror(target, skinTex, mirrorVerts, a, b, c);
        continue;
      }
      rasterTriangle(
        target,
        sx[a]!, sy[a]!, siz[a]! * bias, uvNow[a * 2]!, uvNow[a * 2 + 1]!,
        sx[b]!, sy[b]!, siz[b]! * bias, uvNow[b * 2]!, uvNow[b * 2 + 1]!,
        sx[c]!, sy[c]!, siz[c]! * bias, uvNow[c * 2]!, uvNow[c * 2 + 1]!,
        material === MATERIAL.eye ? eyeTex : skinTex,
        material === MATERIAL.mouth ? mouth.shade : null,
      );
    }
    closedEyes.draw(target, closure, sx, sy, siz);
    softenLipLine(target, mouth, lipMask, edgeIndex, edgeColor);
    // a depth step of a tenth of the face width between neighbours is an occlusion edge
    smoothDepthEdges(target, (0.1 * avatar.head.faceWidth) / f, edgeIndex, edgeColor);
    // a turned jaw or cheek ends on opaque skin: its outline against the plate gets a coverage
    // ramp, fading in over the first degrees of turn (the rest frame keeps the photo's matte edge)
    featherSilhouette(target, turnAmount, edgeIndex, edgeColor);
    if (turnAmount > 0) for (const t of backOfHead) rasterTriangleUnder(target, skinTex, sx, sy, uvNow, tri[t * 3]!, tri[t * 3 + 1]!, tri[t * 3 + 2]!);
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
      prepareMouth();
      rasterize();
      const bg = ropts.background;
      if (bg === null) {
        unpremultiply(colorBytes, out.data);
      } else {
        if (bg && (bg.width !== W || bg.height !== H)) throw new Error(`background is ${bg.width}x${bg.height}, the renderer draws ${W}x${H}`);
        compositeOver(colorBytes, bg ? bg.data : plate, out.data);
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
      const d = target.depth;
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < d.length; i++) { const v = d[i]!; if (v === 0) continue; if (v < lo) lo = v; if (v > hi) hi = v; }
      const out = new Float32Array(d.length);
      const span = hi > lo ? hi - lo : 1;
      for (let i = 0; i < d.length; i++) { const v = d[i]!; out[i] = v === 0 ? 0 : 0.15 + (0.85 * (v - lo)) / span; }
      return { width: W, height: H, data: out };
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
