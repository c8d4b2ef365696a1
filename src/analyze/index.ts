// The analyze stage: one photo -> Portrait (face, 478 landmarks, head pose, identity, a framed
// head-and-shoulders crop, person matte, region labels and an inpainted background plate).
import path from 'node:path';
import type { Portrait, PortraitAnalysis, RgbaImage } from '../types.ts';
import { AnalyzeOptionsSchema, type AnalyzeOptions, type JobControl } from '../config.ts';
import { InputError, NoFaceError, FaceTooSmallError, CancelledError } from '../errors.ts';
import { loadImage, imageSize } from '../io/image.ts';
import { detectFaces, type DetectedFace } from '../face/detect.ts';
import { faceRuntime } from '../face/runtime.ts';
import { personMatte, selfieMatte } from '../face/matte.ts';
import { detectObjects } from '../face/objects.ts';
import { locateFaces, mapFace } from './locate.ts';
import { cropBoxForFace, extractCrop, fadePadding, type CropBox } from './crop.ts';
import { judgeHumanFace, type HumanEvidence } from './human-check.ts';
import { faceOvalMask, cleanMatte, labelRegions, fuseMattes } from './regions.ts';
import { inpaintBackground } from './inpaint.ts';
import { growMatteIntoUnlikeBackdrop } from './matteGrow.ts';
import { extendPastPhoto } from './extend.ts';
import { flatBorder, paddingStripsSetting, validInsideBorder, restoreStripsInPlate } from './flatBorder.ts';
import { thinStrokeMask } from './thinStrokes.ts';
import { correctMissedEyes, type EyeCorrection } from './eyes.ts';
import { FOREHEAD_TOP, CHIN, NOSE_TIP, dist } from './landmarks.ts';
import { cropLandmarksOf } from './analysisFile.ts';

export { judgeHumanFace } from './human-check.ts';
export { inpaintBackground } from './inpaint.ts';
export { cropBoxForFace } from './crop.ts';
export { writeAnalysis, readAnalysis, cropLandmarksOf } from './analysisFile.ts';

/** Smallest forehead-to-chin length, in source pixels, that still gives a usable face. */
export const MIN_FACE_LENGTH_PX = 24;

/** Progress steps: decode, model load, detect, landmarks, check, matte, regions + inpaint. */
const STEPS = 7;

export async function analyzePortrait(input: string | Buffer | RgbaImage, opts: Partial<AnalyzeOptions> = {}, control: JobControl = {}): Promise<Portrait> {
  const parsed = AnalyzeOptionsSchema.safeParse(opts);
  if (!parsed.success) throw new InputError(`Invalid analyze options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const options = parsed.data;
  const size = options.cropSize;
  const step: ProgressStep = (done, message) => {
    if (control.signal?.aborted) throw new CancelledError();
    control.onProgress?.({ stage: 'analyze', done, total: STEPS, message });
  };
  const name = typeof input === 'string' ? path.basename(input) : 'the image';

  // 1. decode (EXIF-rotated, sRGB, huge images downscaled; transparent pixels onto white)
  step(0, 'decoding');
  const { img, source } = await decodeInput(input);
  const toSource = source.width / img.width;
  // A photo padded with flat strips (lp_s1's white columns): a frame in front of the picture, or past the photo (flatBorder.ts).
  const border: [number, number, number, number] = paddingStripsSetting.mode === 'off' ? [0, 0, 0, 0] : flatBorder(img);

  // 2. find faces (overview, then windows for small faces); the models load first (1-2 s, once per process)
  step(1, 'loading the face models');
  await faceRuntime();
  step(2, 'finding faces');
  const located = await locateFaces(img, control.signal);
  const faces = located.faces;
  if (faces.length === 0) throw new NoFaceError(`No face found in ${name}. Use a photo in which a person's face is clearly visible (frontal or three-quarter, not covered).`);
  if (options.face >= faces.length) throw new InputError(`--face ${options.face} is out of range: ${name} has ${faces.length} face${faces.length > 1 ? 's' : ''} (use 0 to ${faces.length - 1}).`);
  // 3-4. frame the chosen face and check that it is a person's
  const { framed, chosenIndex, skipped } = await chooseFace(img, faces, options.face, { size, toSource, source, name, minFaceArea: options.minFaceArea, border }, step);
  const { box, crop: faded, valid, cropFace } = framed;

  // 5. person matte, regions, background plate
  step(5, 'matting');
  const oval = faceOvalMask(cropFace.landmarks, size, size);
  // Parts of the person the segmenters missed but the backdrop cannot explain join the matte (matteGrow.ts).
  // Past the photo's edges: synthesise the missing pixels and continue the matte (extend.ts).
  const personMatteGrown = growMatteIntoUnlikeBackdrop(cleanMatte(fuseMattes(await personMatte(faded), await selfieMatte(faded)), oval), faded, valid, oval);
  // a padded photo's fills never copy the backdrop's letters (its watermark) into the strips or the hole
  const padded = paddingStripsSetting.mode === 'pastPhoto' && border.some((b) => b > 0);
  const keepOut = padded ? Uint8Array.from(thinStrokeMask(faded), (v, i) => (v && personMatteGrown.data[i]! < 0.5 ? 1 : 0)) : undefined;
  const { image: crop, matte, invented } = extendPastPhoto(faded, personMatteGrown, valid, cropFace.landmarks, oval, Math.ceil(3 * Math.max(1, size / box.side)) + 1, keepOut);
  step(6, 'regions and inpainting the background');
  const regions = { width: size, height: size, data: labelRegions(cropFace.landmarks, matte, oval, crop) };
  // below the chin the hole's margin the photo shows as backdrop stays the photo's (backdropMargin.ts, s40 shoulder40)
  const background = inpaintBackground(crop, matte, { invented, backdropFromRow: cropFace.landmarks[152]![1], ...(keepOut ? { keepOut } : {}) });
  if (paddingStripsSetting.mode === 'frame') restoreStripsInPlate(background, img, box, border);

  const reason =
    faces.length === 1
      ? 'the only face'
      : skipped.length > 0
        ? `face ${chosenIndex}, the largest human face of ${faces.length} (skipped ${skipped.join('; ')})`
        : options.face === 0
          ? `the largest of ${faces.length} faces (use --face N to pick another)`
          : `face ${options.face} of ${faces.length} as asked (--face ${options.face})`;
  const analysis = analysisRecord({ input, source, border, toSource, size, faces, chosenIndex, reason, search: located.search, framed, invented });
  step(7, 'done');
  return { analysis, cropLandmarks: cropLandmarksOf(analysis), image: crop, matte, regions, background };
}

type ProgressStep = (done: number, message: string) => void;

/** The image to analyse and the size of the source it came from (before any downscale). */
async function decodeInput(input: string | Buffer | RgbaImage): Promise<{ img: RgbaImage; source: { width: number; height: number } }> {
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    const source = await imageSize(input);
    return { img: flattenAlpha(await loadImage(input)), source };
  }
  if (!(input.width > 0 && input.height > 0 && input.data?.length === input.width * input.height * 4)) throw new InputError('The image given to analyzePortrait is not a valid RGBA image (width * height * 4 bytes).');
  return { img: flattenAlpha(input), source: { width: input.width, height: input.height } };
}

/**
 * Frames the asked face; without an explicit choice, the largest face of the first three that passes
 * as human (a pet beside its owner is skipped, and said so in `skipped`).
 */
async function chooseFace(img: RgbaImage, faces: DetectedFace[], asked: number, c: FrameContext, step: ProgressStep): Promise<{ framed: FramedFace; chosenIndex: number; skipped: string[] }> {
  const order = asked === 0 && faces.length > 1 ? faces.slice(0, 3).map((_, i) => i) : [asked];
  const skipped: string[] = [];
  for (const index of order) {
    try {
      return { framed: await frameFace(img, faces[index]!, c, step), chosenIndex: index, skipped };
    } catch (err) {
      if (!(err instanceof NoFaceError) || index === order[order.length - 1]) throw err;
      skipped.push(`face ${index} ${err.message.replace(/^.*region /, '').replace(/\. Use .*$/, '')}`);
    }
  }
  throw new Error('unreachable: the last face either frames or throws');
}

/** analysis.json: the chosen face in source pixels (rounded for a stable, small file) and how it was found. */
function analysisRecord(a: {
  input: string | Buffer | RgbaImage;
  source: { width: number; height: number };
  border: [number, number, number, number];
  toSource: number;
  size: number;
  faces: DetectedFace[];
  chosenIndex: number;
  reason: string;
  search: NonNullable<PortraitAnalysis['detection']>['search'];
  framed: FramedFace;
  invented: Uint8Array;
}): PortraitAnalysis {
  const { face, box, evidence, faceAreaPercent, eyesMoved } = a.framed;
  const toSource = a.toSource;
  const inSource = mapFace(face, (x, y) => [x * toSource, y * toSource], toSource);
  let inventedCount = 0;
  for (let i = 0; i < a.invented.length; i++) inventedCount += a.invented[i]!;
  const round2 = (v: number) => Math.round(v * 100) / 100 || 0; // never -0: it would not survive JSON
  return {
    version: 1,
    source: { ...a.source, ...(typeof a.input === 'string' ? { file: a.input } : {}), ...(a.border.some((b) => b > 0) ? { [paddingStripsSetting.mode === 'frame' ? 'frame' : 'padding']: a.border.map((b) => Math.round(b * toSource)) as [number, number, number, number] } : {}) },
    face: { box: inSource.box.map(round2) as [number, number, number, number], score: round2(a.faces[a.chosenIndex]!.boxScore), index: a.chosenIndex },
    faces: { count: a.faces.length, chosen: a.chosenIndex, reason: a.reason, boxes: a.faces.map((f) => f.box.map((v) => round2(v * toSource)) as [number, number, number, number]) },
    landmarks: inSource.landmarks.map(([x, y, z]) => [round2(x), round2(y), round2(z)]),
    iris: { left: inSource.iris.left.map(round2) as [number, number], right: inSource.iris.right.map(round2) as [number, number] },
    pose: { yaw: round2(face.pose.yaw), pitch: round2(face.pose.pitch), roll: round2(face.pose.roll) },
    embedding: face.embedding.map((v) => Math.round(v * 1e5) / 1e5),
    crop: { x: box.x * toSource, y: box.y * toSource, side: box.side * toSource, size: a.size },
    invented: { share: Math.round((inventedCount / a.invented.length) * 1000) / 1000, how: 'exemplar synthesis past the photo edges (analyze/extend.ts)' },
    detection: { search: a.search, person: round2(evidence.person), animal: round2(evidence.animal), eyeMouthRatio: round2(evidence.eyeMouthRatio), faceAreaPercent: round2(faceAreaPercent) },
    ...(eyesMoved.length > 0 ? { eyesMoved: eyesMoved.map((m) => ({ eye: m.eye, offset: round2(m.miss.offset), scale: round2(m.miss.scale), size: round2(m.miss.size) })) } : {}),
  };
}

interface FramedFace {
  /** the face in decoded-image pixels, with precise landmarks from the crop */
  face: DetectedFace;
  box: CropBox;
  crop: RgbaImage;
  /** the part of the crop that shows the photo (the rest is padding), in crop pixels */
  valid: [number, number, number, number];
  /** the face in crop pixels */
  cropFace: DetectedFace;
  evidence: HumanEvidence;
  faceAreaPercent: number;
  /** eyes moved by the missed-eye check (usually none) */
  eyesMoved: EyeCorrection['moved'];
}

interface FrameContext {
  size: number;
  toSource: number;
  source: { width: number; height: number };
  name: string;
  minFaceArea: number;
  /** flat padding strips at the image's edges [left, top, right, bottom], decoded-image px (flatBorder.ts) */
  border: [number, number, number, number];
}

/**
 * Frames one detected face: crop, detect again on the crop for precise landmarks, re-frame on
 * those, then check the face is big enough (FaceTooSmallError) and human (NoFaceError).
 */
async function frameFace(img: RgbaImage, chosen: DetectedFace, c: FrameContext, step: ProgressStep): Promise<FramedFace> {
  const size = c.size;
  step(3, 'landmarks on the crop');
  const box1 = cropBoxForFace(chosen.landmarks, img.width, img.height);
  const crop1 = (await extractCrop(img, box1, size)).image;
  const expected = mapFace(chosen, (x, y) => toCrop(box1, size, x, y), size / box1.side);
  const detected = nearest(await detectFaces(crop1, { embedding: true }), expected) ?? expected;
  // An eye the mesh missed (a turned, painted face) moves onto the iris in the crop, so the
  // avatar, blink, gaze and mirror all use the corrected points.
  const eyes = correctMissedEyes(crop1, detected.landmarks);
  const refinedInCrop = eyes.moved.length === 0 ? detected : withLandmarks(detected, eyes.landmarks);
  const face = mapFace(refinedInCrop, (x, y) => fromCrop(box1, size, x, y), box1.side / size);
  if (face.embedding.length === 0) face.embedding = chosen.embedding;
  let box = cropBoxForFace(face.landmarks, img.width, img.height);
  if (Math.abs(box.x - box1.x) + Math.abs(box.y - box1.y) + Math.abs(box.side - box1.side) <= box1.side * 0.01) box = box1;
  const framed = await extractCrop(img, box, size);
  if (paddingStripsSetting.mode === 'pastPhoto') framed.valid = validInsideBorder(framed.valid, box, size, img, c.border);
  // Past the photo's edges: a faded edge for the detectors only; analyzePortrait synthesises it (extend.ts).
  const crop = framed.image;
  fadePadding(crop, framed.valid);
  const cropFace = mapFace(face, (x, y) => toCrop(box, size, x, y), size / box.side);

  step(4, 'checking the face');
  const faceLength = dist(face.landmarks[FOREHEAD_TOP]!, face.landmarks[CHIN]!) * c.toSource;
  const faceAreaPercent = ((face.box[2] * face.box[3] * c.toSource * c.toSource) / (c.source.width * c.source.height)) * 100;
  if (faceLength < MIN_FACE_LENGTH_PX || faceAreaPercent < c.minFaceArea) {
    throw new FaceTooSmallError(`The face in ${c.name} is too small (${Math.round(faceLength)} px forehead to chin, ${faceAreaPercent.toFixed(2)}% of the image; need ${MIN_FACE_LENGTH_PX} px and ${c.minFaceArea}%). Use a closer or higher-resolution photo, or crop it around the face.`);
  }
  const evidence = judgeHumanFace(cropFace.landmarks, await detectObjects(crop));
  if (!evidence.human) throw new NoFaceError(`No human face found in ${c.name}: the face-like region ${evidence.reason}. Use a photo of a person.`);
  return { face, box, crop, valid: framed.valid, cropFace, evidence, faceAreaPercent, eyesMoved: eyes.moved };
}

/** The face with new landmarks (and the iris centres that come from them, as detect.ts reads them). */
function withLandmarks(f: DetectedFace, landmarks: [number, number, number][]): DetectedFace {
  return { ...f, landmarks, iris: { left: [landmarks[468]![0], landmarks[468]![1]], right: [landmarks[473]![0], landmarks[473]![1]] } };
}

function toCrop(box: CropBox, size: number, x: number, y: number): [number, number] {
  return [((x - box.x) * size) / box.side, ((y - box.y) * size) / box.side];
}

function fromCrop(box: CropBox, size: number, x: number, y: number): [number, number] {
  return [box.x + (x * box.side) / size, box.y + (y * box.side) / size];
}

/** The detection whose nose tip is nearest the expected one (within a face length), if any. */
function nearest(found: DetectedFace[], expected: DetectedFace): DetectedFace | null {
  const nose = expected.landmarks[NOSE_TIP]!;
  const reach = dist(expected.landmarks[FOREHEAD_TOP]!, expected.landmarks[CHIN]!);
  let best: DetectedFace | null = null, bestD = reach;
  for (const f of found) {
    const d = dist(f.landmarks[NOSE_TIP]!, nose);
    if (d < bestD) { best = f; bestD = d; }
  }
  return best;
}

/** Composites semi-transparent pixels over white (the detector and matte ignore alpha). */
function flattenAlpha(img: RgbaImage): RgbaImage {
  let opaque = true;
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i]! < 255) { opaque = false; break; }
  if (opaque) return img;
  const data = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = img.data[i + 3]! / 255;
    data[i] = img.data[i]! * a + 255 * (1 - a);
    data[i + 1] = img.data[i + 1]! * a + 255 * (1 - a);
    data[i + 2] = img.data[i + 2]! * a + 255 * (1 - a);
    data[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}
