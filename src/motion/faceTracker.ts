// One face followed through video frames: detection on an upscaled crop around the previous box
// (the face model reports whole-pixel landmarks, so a small face would lose its lip detail), and
// the per-frame measures the video path needs. Used by trackVideo, on the main thread and in
// helper threads (trackPool.ts).
import sharp from 'sharp';
import { detectFaces, type DetectedFace } from '../face/detect.ts';
import type { RgbaImage } from '../types.ts';
import { faceMeasures, headAngles, type FaceMeasures } from './measures.ts';
import { darknessOfTeeth, teethShare } from './mouthDark.ts';
import { depthWithSoft, softTeethRead, teethWithSoft, type SoftTeethOptions } from './softTeeth.ts';
import { openingMiddle } from './driverCavity.ts';
import { underTeethLight } from './underTeeth.ts';
import { upperRowDepth } from './teethDepth.ts';
import { middleBox } from './mouthMiddle.ts';
import { BELOW_LIP, lowerRowShow, THROUGH_PALE, type LowerRowOptions } from './lowerTeeth.ts';
import { lowerShowWithSides, lowerSideShow } from './lowerSide.ts';
import { sealedShare } from './sealedLips.ts';
import { eyeWhiteShows } from './eyeWhiteShow.ts';
import { irisShows } from './irisShow.ts';
import { eyeWhiteReference } from './eyeWhiteRef.ts';
import { lipSidePixels } from './sneerRead.ts';
import { underLipRows, underLipSetting } from './underLip.ts';
import { lipInsideRows } from './lipInside.ts';
import { teethToneRead } from './teethTone.ts';

/** What one video frame yields before smoothing (null = no usable face). */
export interface RawFaceFrame {
  m: FaceMeasures;
  angles: { yaw: number; pitch: number; roll: number };
  score: number;
  box: [number, number, number, number];
  /** the 478 landmarks in frame pixels, flat x, y, z (the rig fit reads expressions from them; flat float32 keeps a long clip's frames small) */
  lm?: Float32Array;
  /** how dark the inside of the mouth is (mouthDark.ts; null: lips closed) */
  mouthDark?: number | null;
  /** the share of the opening that is teeth (mouthDark.ts teethShare, which mouthDark saturates at 0.12; null: lips closed) */
  teethShare?: number | null;
  /** the share of the opening's middle that is dark cavity (driverCavity.ts openingMiddle; null: lips closed) */
  cavity?: number | null;
  /** the light under the upper row's teeth over the lips' (underTeeth.ts; null: no teeth, or nothing under them) */
  under?: number | null;
  /** the tongue's lit run up from the lower lip, a share of the opening's middle columns (driverCavity.ts openingMiddle; null: lips closed) */
  tongue?: number | null;
  /** the light of the opening's dark part over the lips' (driverCavity.ts openingMiddle cavityLight; null: lips closed, nothing dark) */
  back?: number | null;
  /** the tongue's lit run's median light over the lips' (driverCavity.ts openingMiddle tongueLight; null: lips closed, no lit run) */
  tongueLight?: number | null;
  /** how far down the opening's middle the upper row of teeth hangs, over its height (teethDepth.ts; null: lips closed) */
  teethDepth?: number | null;
  /** the run of teeth standing on the lower lip, over the opening's height (lowerTeeth.ts; beside the middle where the tongue hides it, lowerSide.ts; null: lips closed) */
  lowerShow?: number | null;
  /** the share of the mouth's middle columns whose lips read shut, outer lip line to outer lip line (sealedLips.ts; null: not read) */
  sealed?: number | null;
  /** the white above each iris off the pixels, iris diameters, [subject's left, right] (eyeWhiteShow.ts; NaN: unread) */
  whiteShow?: [number, number];
  /** how much of each iris shows between the lids off the pixels, iris diameters, [subject's left, right] (irisShow.ts; NaN: unread) */
  irisShow?: [number, number];
  /** each side's teeth height off the pixels, IOD, [image left, image right] (sneerRead.ts; null: not read) */
  sideTeeth?: [number, number] | null;
  /** the lower-tooth rows straight under the inner lower-lip contour, IOD (underLip.ts: opening the mesh's gap misses; null: not read) */
  underLip?: number | null;
  /** the lower lip read inside the inner lower-lip contour, IOD (lipInside.ts: a blurry lip the mesh counts as opening; null: not read) */
  lipInside?: number | null;
  /** the upper row's lit pixels' median luma over the cheeks' (teethTone.ts; null: not read) */
  teethTone?: number | null;
}

/** The per-frame pixel readings of the mouth and eyes on a frame's 478 landmarks (pixels, flat x, y, z): what track() adds to the mesh (a bench may re-read a cached track's landmarks with them). */
export function frameReadings(img: RgbaImage, flat: Float32Array, soft_: SoftTeethOptions = {}, { throughPale = THROUGH_PALE, belowLip = BELOW_LIP }: LowerRowOptions = {}): Omit<RawFaceFrame, 'm' | 'angles' | 'score' | 'box' | 'lm'> {
  // (the larger of the bright-pixel share and the soft read: a soft face's teeth are a ridge no lighter than its lips, softTeeth.ts)
  const bright = teethShare(img, flat), soft = bright === null ? null : softTeethRead(img, flat, soft_);
  const teeth = teethWithSoft(bright, img, flat, soft);
  // (the opening's middle box and its lip light found once for the three readings that scan it)
  const box = middleBox(img, flat);
  const middle = openingMiddle(img, box), cavity = middle?.dark ?? null, back = middle && Number.isFinite(middle.cavityLight) ? middle.cavityLight : null;
  const tongueLight = middle && Number.isFinite(middle.tongueLight) ? middle.tongueLight : null;
  // (a dim row only the soft read finds hangs as deep as its ridges: softTeeth.ts depthWithSoft)
  const depth = depthWithSoft(upperRowDepth(img, box), bright, soft);
  // (the eye whites: the lower row's second grey reference on tinted video, lowerTeeth.ts whiteRefSetting)
  const white = box ? eyeWhiteReference(img, flat) : null;
  return { mouthDark: darknessOfTeeth(teeth), teethShare: teeth, cavity, under: underTeethLight(img, box), tongue: middle?.tongue ?? null, back, tongueLight, teethDepth: depth, lowerShow: lowerShowWithSides(lowerRowShow(img, box, undefined, throughPale, belowLip, white), lowerSideShow(img, box, undefined, throughPale, white), depth), sealed: sealedShare(img, flat), whiteShow: eyeWhiteShows(img, flat), irisShow: irisShows(img, flat), sideTeeth: lipSidePixels(img, flat)?.teeth ?? null, underLip: underLipIod(img, box, flat), lipInside: lipInsideIod(img, box, flat), teethTone: teethToneRead(img, flat, teeth) };
}

/** The 3D eye-corner distance (px), as measures.ts. */
const iodOf = (flat: Float32Array) => Math.hypot(flat[33 * 3]! - flat[263 * 3]!, flat[33 * 3 + 1]! - flat[263 * 3 + 1]!, flat[33 * 3 + 2]! - flat[263 * 3 + 2]!);

/** lipInside.ts lipInsideRows in IOD. */
function lipInsideIod(img: RgbaImage, box: ReturnType<typeof middleBox>, flat: Float32Array): number | null {
  const iod = iodOf(flat), rows = iod > 0 ? lipInsideRows(img, box) : null;
  return rows === null ? null : rows / iod;
}

/** underLip.ts underLipRows in IOD (the 3D eye-corner distance, as measures.ts), capped at a row's height. */
function underLipIod(img: RgbaImage, box: ReturnType<typeof middleBox>, flat: Float32Array): number | null {
  const iod = iodOf(flat);
  const rows = iod > 0 ? underLipRows(img, box, Math.ceil(underLipSetting.most * iod)) : null;
  return rows === null ? null : rows / iod;
}

/**
 * Defaults measured with bench/track.ts on lp_d6 (CPU ms per frame, one thread): detecting every
 * frame, 60-69 ms; reusing the previous frame's box (the mesh's own box, as MediaPipe tracks) for
 * up to 10 frames, 35-40 ms. A tighter crop is cheaper (1.5x box at 288 px: 33 ms; at 256 px: 30 ms) but
 * Katie's head yaw then jitters more frame to frame (0.54 deg per frame at 2x, 0.62 at 1.75x, 0.73
 * at 1.5x/288 px, 0.82 at 1.5x/256 px; 0.57 before): the mesh sees less context, so the crop stays
 * at 2x box sizes, 384 px. Reusing for 10 frames let the box drift on mt_sun (self-reenactment
 * APD 0.68 -> 2.85 deg, NME 0.030 -> 0.079, PSNR 26.5 -> 22.1 dB against detecting every frame);
 * 3 frames keeps it (0.86 deg, 0.033, 25.7 dB; Katie 1.55 deg vs 1.64 at 10) at the same speed
 * (generate --video lp_d6: 29.4 s vs 30.1 s). Session 22: the detector runs on every frame. On the
 * previous mesh's box the mesh stuck to the last mouth shape through a fast change: lp_d6's tall "O"
 * at 7.6 s read 0.04 / 0.01 IOD where a fresh detection reads 0.40 / 0.41 (motion/README.md).
 */
const DEFAULTS: Required<FaceTrackerOptions> = { reuseBoxes: 0, cropScale: 2, cropSide: 384 };

/** Crops a square (clamped to the image) and scales it to `size`. */
async function cropSquare(img: RgbaImage, cx: number, cy: number, side: number, size: number): Promise<{ image: RgbaImage; x0: number; y0: number; s: number }> {
  const s = Math.max(16, Math.min(Math.round(side), img.width, img.height));
  const x0 = Math.max(0, Math.min(img.width - s, Math.round(cx - s / 2)));
  const y0 = Math.max(0, Math.min(img.height - s, Math.round(cy - s / 2)));
  const { data, info } = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left: x0, top: y0, width: s, height: s })
    .resize(size, size, { kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { image: { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) }, x0, y0, s: s / size };
}

function boxCentre(b: [number, number, number, number]): [number, number] {
  return [b[0] + b[2] / 2, b[1] + b[3] / 2];
}

/** The face nearest the previous box (largest first when there is no previous one). */
function pickFace(faces: DetectedFace[], prev: [number, number, number, number] | null): DetectedFace | undefined {
  if (!faces.length) return undefined;
  if (!prev) return faces[0];
  const [px, py] = boxCentre(prev);
  let best = faces[0]!;
  let bestD = Infinity;
  for (const f of faces) {
    const [x, y] = boxCentre(f.box);
    const d = Math.hypot(x - px, y - py);
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  return best;
}

/**
 * Finds the face in one frame. The face model reports whole-pixel landmarks, so a small face loses
 * the lip detail; detecting on an upscaled crop around the previous box keeps it.
 */
export interface FaceTrackerOptions {
  /** consecutive frames that reuse the previous frame's face box instead of running the detector (0 = detect every frame; default 3) */
  reuseBoxes?: number;
  /** crop side around the previous box, in box sizes (default 2) */
  cropScale?: number;
  /** the crop is scaled to this many pixels (default 384) */
  cropSide?: number;
}

export class FaceTracker {
  private prev: [number, number, number, number] | null = null;
  private readonly reuseBoxes: number;
  private readonly cropScale: number;
  private readonly cropSide: number;
  /**
   * The face model remembers the boxes of its last call, whoever made it (it is one per thread):
   * they are only reused when that call was this tracker's previous crop with the face found.
   * Otherwise a new clip would start from the box where the last clip ended.
   */
  private boxesAreOurs = false;

  constructor(opts: FaceTrackerOptions = {}) {
    this.reuseBoxes = opts.reuseBoxes ?? DEFAULTS.reuseBoxes;
    this.cropScale = opts.cropScale ?? DEFAULTS.cropScale;
    this.cropSide = opts.cropSide ?? DEFAULTS.cropSide;
  }

  /** `refine`: a small face found on the whole frame may be looked for once more on an upscaled crop (once: a face that the crop does not confirm is kept as found) */
  async track(img: RgbaImage, refine = true): Promise<RawFaceFrame | null> {
    let face: DetectedFace | undefined;
    let map = (x: number, y: number, z: number): [number, number, number] => [x, y, z];
    if (this.prev) {
      const [cx, cy] = boxCentre(this.prev);
      const side = Math.max(this.prev[2], this.prev[3]) * this.cropScale;
      const crop = await cropSquare(img, cx, cy, side, this.cropSide);
      const faces = await detectFaces(crop.image, { embedding: false, reuseBoxes: this.boxesAreOurs ? this.reuseBoxes : 0 });
      // in the crop the tracked face is the one near the centre
      face = pickFace(faces, [this.cropSide / 2 - 1, this.cropSide / 2 - 1, 2, 2]);
      this.boxesAreOurs = !!face;
      if (face) {
        const { x0, y0, s } = crop;
        map = (x, y, z) => [x0 + x * s, y0 + y * s, z * s];
        face = { ...face, box: [x0 + face.box[0] * s, y0 + face.box[1] * s, face.box[2] * s, face.box[3] * s] };
      }
    }
    if (!face) {
      this.boxesAreOurs = false;
      face = pickFace(await detectFaces(img, { embedding: false }), this.prev);
      if (refine && face) {
        // read the face again on a crop round its box, as every following frame is: read on the
        // whole frame, the first frame's mesh tilted differently (Obama 2: pitch 6 deg off the
        // frames after it, while the real head stayed still, so a video's whole pose, relative to
        // its first frame, was off by that), and a small face gets finer landmarks. Only once: on a
        // corrupt frame the crop may find nothing again, and recursing then never ended.
        this.prev = face.box;
        const refined = await this.track(img, false);
        if (refined) return refined;
      }
    }
    if (!face) return null;
    const lm = face.landmarks.map((p) => map(p[0], p[1], p[2]));
    this.prev = face.box;
    const flat = Float32Array.from(lm.flat());
    return { m: faceMeasures(lm), angles: headAngles(lm), score: face.meshScore, box: face.box, lm: flat, ...frameReadings(img, flat) };
  }
}
