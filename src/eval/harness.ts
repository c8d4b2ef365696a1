// The evaluation harness: runs the engine on real videos and measures it against the real frames
// and against the trivial baseline (the photo repeated, frame after frame).
//
//   reenact  photo = frame N of the video; motion = motionFromVideo(video); compare each generated
//            frame with the real one in the photo's crop space (PSNR/SSIM whole and face region,
//            CSIM, AED, APD, NME).
//   audio    photo = frame N; motion = motionFromAudio(the video's own soundtrack), static pose;
//            correlate the generated mouth opening with the real one (Pearson r, best lag +-3).
//   cross    another photo driven by the video: CSIM to the photo, AED/APD to the driver.
//
// Streaming: frames are decoded, rendered and measured one at a time; only landmarks, scores and
// a few thumbnails are kept.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Motion, MotionFrame, Portrait, RgbaImage } from '../types.ts';
import { InputError, NoFaceError, CancelledError } from '../errors.ts';
import { decodeVideoFrames, probeVideo, decodeAudio, probeAudio, type VideoInfo } from '../io/media.ts';
import { loadImage } from '../io/image.ts';
import { withAtomicDir } from '../io/atomic.ts';
import { detectFaces, type DetectedFace } from '../face/detect.ts';
import { analyzePortrait } from '../analyze/index.ts';
import { extractCrop, type CropBox } from '../analyze/crop.ts';
import { fitRig, estimateNeutral, type Landmarks as RigLandmarks } from '../rig/fit.ts';
import { weightsToVector, BASE_CONTROL_COUNT } from '../rig/controls.ts';
import { RIGID_POINTS } from '../rig/topology.ts';
import { coverResize } from '../pipeline/layout.ts';
import { plotCurves } from '../motion/plot.ts';
import {
  psnr,
  ssimMap,
  lumaStats,
  maskedMean,
  cosineSimilarity,
  weightDistance,
  landmarkExpressionDistance,
  poseDistance,
  nme,
  jitter,
  bestLagCorrelation,
  pearson,
  summarize,
  interOcular,
  type Summary,
  type Landmarks,
  type Angles,
} from './metrics.ts';
import { faceRegionMask } from './masks.ts';
import { lipBox, lipGap, boxMask, closeUp, MostOpenFrames, type Box } from './mouthRegion.ts';
import { contactSheet, sheetFrames, thumbnail, type SheetColumn } from './sheet.ts';

export type EvalMode = 'reenact' | 'audio' | 'cross';

export interface EvalOptions {
  video: string;
  mode: EvalMode;
  /** cross: the photo driven by the video */
  image?: string;
  /** audio: the speech (default: the video's own soundtrack) */
  audio?: string;
  /** reenact/audio: which frame of the video is the photo (default 0) */
  frame: number;
  /** evaluate at most this many seconds of the video */
  maxSeconds?: number;
  /** evaluation frame rate (the motion's too) */
  fps: number;
  /** detection-based metrics every Nth frame (reenact, cross); audio detects every frame */
  detectEvery: number;
  /** contact sheet columns */
  sheetColumns: number;
  /** contact sheet thumbnail side, px */
  thumb: number;
}

export { DEFAULT_EVAL_OPTIONS } from './defaults.ts';

export interface EvalControl {
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** One method's scores: metric name -> summary over frames. */
export type MethodScores = Record<string, Summary>;

export interface EvalReport {
  video: string;
  mode: EvalMode;
  image?: string;
  audio?: string;
  date: string;
  /** frames evaluated (the source frame excluded in reenact/audio) and seconds covered */
  frames: number;
  seconds: number;
  fps: number;
  detectEvery: number;
  /** why the engine rows are missing, if they are */
  engineUnavailable?: string;
  notes: string[];
  /** method ("engine", "baseline", ...) -> metric -> summary */
  methods: Record<string, MethodScores>;
  /** per-frame series for plots and checks, by method then metric */
  perFrame: Record<string, Record<string, (number | null)[]>>;
  /**
   * The avatar re-rendered at rest (the photo's own pose and expression) against the photo: the
   * ceiling of the image metrics, whatever the motion does. Absent without the engine.
   */
  reconstruction?: { psnr: number; ssim: number; psnrFace: number; ssimFace: number };
  /** ms spent */
  timings: Record<string, number>;
}

// ------------------------------------------------------------------ engine

interface Renderer {
  render(frame: MotionFrame): RgbaImage;
  /** the photo's own expression and pose */
  neutralFrame(): MotionFrame;
}

/** The engine pieces the harness needs; each may be missing while the project is being built. */
export interface EvalEngine {
  makeRenderer?: (portrait: Portrait, size: number) => Renderer;
  motionFromVideo?: (file: string, opts: { fps: number; maxSeconds?: number }, signal?: AbortSignal) => Promise<Motion>;
  motionFromAudio?: (file: string, opts: { fps: number }, signal?: AbortSignal) => Promise<Motion>;
  /** why a piece is missing */
  missing: string[];
}

async function tryImport(spec: string, missing: string[]): Promise<any> {
  try {
    return await import(spec);
  } catch (err) {
    missing.push(`${spec}: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Loads the engine modules that exist (avatar+render, motion); records what is missing. */
export async function loadEngine(): Promise<EvalEngine> {
  const missing: string[] = [];
  // specifiers through variables: the modules may not exist yet, and then eval still runs the baseline
  const avatarSpec = '../avatar/build.ts';
  // REAL3D_EVAL_RENDERER: score another renderer module (e.g. an older checkout's) on the same motion
  const renderSpec = process.env.REAL3D_EVAL_RENDERER || '../render/renderer.ts';
  const videoSpec = '../motion/fromVideo.ts';
  const audioSpec = '../motion/fromAudio.ts';
  const avatar = await tryImport(avatarSpec, missing);
  const render = await tryImport(renderSpec, missing);
  const fromVideo = await tryImport(videoSpec, missing);
  const fromAudio = await tryImport(audioSpec, missing);
  const engine: EvalEngine = { missing };
  if (avatar?.buildAvatar && render?.createRenderer) {
    engine.makeRenderer = (portrait, size) => {
      const r = render.createRenderer(avatar.buildAvatar(portrait), { width: size, height: size });
      const rest: MotionFrame = { w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 };
      return { render: (f: MotionFrame) => r.render(f) as RgbaImage, neutralFrame: () => (typeof r.neutralFrame === 'function' ? r.neutralFrame() : rest) };
    };
  }
  if (fromVideo?.motionFromVideo) engine.motionFromVideo = (file, opts, signal) => fromVideo.motionFromVideo(file, { fps: opts.fps, maxSeconds: opts.maxSeconds, mapToInitPose: true }, { signal });
  if (fromAudio?.motionFromAudio) engine.motionFromAudio = (file, opts, signal) => fromAudio.motionFromAudio(file, { fps: opts.fps, pose: 'static', seed: 0 }, { signal });
  return engine;
}

// ------------------------------------------------------------------ helpers

interface EngineDrive {
  motion?: Motion;
  renderer?: Renderer;
  /** why the engine rows are missing, when they are */
  unavailable?: string;
}

/**
 * Reads the motion and builds the renderer when the engine has both pieces; otherwise says which
 * are missing (the report then has the baseline rows only).
 */
async function driveEngine(
  engine: EvalEngine,
  source: string,
  readMotion: (() => Promise<Motion>) | undefined,
  portrait: Portrait,
  size: number,
  timings: Record<string, number>,
  log: (s: string) => void,
): Promise<EngineDrive> {
  const missing = [!engine.makeRenderer && 'renderer', !readMotion && source].filter(Boolean);
  if (missing.length) return { unavailable: `${missing.join(', ')} not available (${engine.missing.join('; ')})` };
  let t0 = performance.now();
  log(`reading ${source}`);
  const motion = await readMotion!();
  timings.motion = performance.now() - t0;
  t0 = performance.now();
  const renderer = engine.makeRenderer!(portrait, size);
  timings.avatar = performance.now() - t0;
  return { motion, renderer };
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Frame N of a video at the evaluation frame rate (decoded the same way as the later pass). */
async function videoFrame(file: string, index: number, fps: number, maxSide: number): Promise<RgbaImage> {
  let last: RgbaImage | undefined;
  let count = 0;
  for await (const f of decodeVideoFrames(file, { fps, maxSide, maxFrames: index + 1 })) {
    last = f;
    count++;
  }
  if (!last || count <= index) throw new InputError(`--frame ${index} is past the end of ${file} (${count} frames at ${fps} fps).`);
  return last;
}

function copyImage(img: RgbaImage): RgbaImage {
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

/**
 * Crops a real frame exactly as the photo was cropped. `valid` marks the pixels that come from
 * the frame (a crop box reaching past the image edge is padded; those pixels are not scored).
 */
async function cropReal(frame: RgbaImage, box: CropBox, size: number): Promise<{ image: RgbaImage; valid: Uint8Array | undefined }> {
  const c = (await extractCrop(frame, box, size)) as unknown as { image: RgbaImage; valid?: [number, number, number, number] } | RgbaImage;
  if (!('image' in c)) return { image: c, valid: undefined };
  const v = c.valid;
  if (!v || (v[0] <= 0.5 && v[1] <= 0.5 && v[2] >= size - 0.5 && v[3] >= size - 0.5)) return { image: c.image, valid: undefined };
  const mask = new Uint8Array(size * size);
  const x0 = Math.max(0, Math.ceil(v[0])), y0 = Math.max(0, Math.ceil(v[1]));
  const x1 = Math.min(size, Math.floor(v[2])), y1 = Math.min(size, Math.floor(v[3]));
  for (let y = y0; y < y1; y++) mask.fill(1, y * size + x0, y * size + x1);
  return { image: c.image, valid: mask };
}

/** Pixel-wise product of two masks (undefined = everything). */
function intersect(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** The largest face, or null. */
async function detectOne(img: RgbaImage, embedding: boolean): Promise<DetectedFace | null> {
  const faces = await detectFaces(img, { embedding });
  return faces[0] ?? null;
}

/** Inner-lip gap (13-14) over the outer-eye-corner distance: the mouth opening, pose-robust enough for lip sync. */
export function mouthOpening(lm: Landmarks): number {
  const a = lm[13]!;
  const b = lm[14]!;
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) / (interOcular(lm) || 1);
}

function weightsOf(lm: RigLandmarks, neutral: ArrayLike<number> | RigLandmarks | undefined): { w: Float64Array; pose: Angles } {
  const fit = fitRig(lm, neutral ? { neutral } : {});
  // AED is scored on the base controls (see BASE_CONTROL_COUNT)
  return { w: weightsToVector(fit.weights).subarray(0, BASE_CONTROL_COUNT), pose: { yaw: fit.pose.yaw, pitch: fit.pose.pitch, roll: fit.pose.roll } };
}

/** Distance between the nose tips (landmark 1) of two faces, over the second's inter-ocular distance. */
function noseShift(a: Landmarks, b: Landmarks): number {
  return Math.hypot(a[1]![0]! - b[1]![0]!, a[1]![1]! - b[1]![1]!) / (interOcular(b) || 1);
}

/** The avatar rendered at rest against the photo it was built from (whole crop and face region). */
function reconstructionScores(renderer: Renderer, portrait: Portrait, photoFace: DetectedFace): NonNullable<EvalReport['reconstruction']> {
  const rest = copyImage(renderer.render(renderer.neutralFrame()));
  const size = portrait.image.width;
  const mask = faceRegionMask(photoFace.landmarks, size, size, 1.1);
  const map = ssimMap(rest, portrait.image);
  return { psnr: psnr(rest, portrait.image), ssim: maskedMean(map), psnrFace: psnr(rest, portrait.image, mask), ssimFace: maskedMean(map, mask) };
}

/** Shifts a relative-pose motion so that frame `index` has zero pose (the photo's own pose). */
function rebasePose(motion: Motion, index: number): Motion {
  if (!motion.relativePose || index === 0 || index >= motion.frames.length) return motion;
  const p0 = motion.frames[index]!.pose;
  return {
    ...motion,
    frames: motion.frames.map((f) => ({
      ...f,
      pose: { yaw: f.pose.yaw - p0.yaw, pitch: f.pose.pitch - p0.pitch, roll: f.pose.roll - p0.roll, tx: f.pose.tx - p0.tx, ty: f.pose.ty - p0.ty, tz: f.pose.tz - p0.tz },
    })),
  };
}

/** RMS loudness per video frame (a reference signal for lip sync), log-compressed. */
async function loudnessPerFrame(file: string, fps: number, frames: number): Promise<Float64Array> {
  const rate = 16000;
  const samples = await decodeAudio(file, { sampleRate: rate });
  const hop = rate / fps;
  const out = new Float64Array(frames);
  for (let i = 0; i < frames; i++) {
    const from = Math.max(0, Math.round(i * hop - hop / 2));
    const to = Math.min(samples.length, Math.round(i * hop + hop * 1.5));
    let s = 0;
    for (let k = from; k < to; k++) s += samples[k]! * samples[k]!;
    out[i] = Math.log10(1e-6 + Math.sqrt(s / Math.max(1, to - from)));
  }
  return out;
}

const num = (v: number | undefined | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Summaries of every series: higher-is-better for the metrics that say so. */
const HIGHER_IS_BETTER = new Set(['lipGapR', 'psnr', 'psnrFace', 'ssim', 'ssimFace', 'psnrMouth', 'ssimMouth', 'psnrMouthOpen', 'ssimMouthOpen', 'csim', 'faceFound', 'lipR', 'lipR0', 'lipRWide']);

function summarizeAll(series: Record<string, (number | null)[]>): MethodScores {
  const out: MethodScores = {};
  for (const [k, v] of Object.entries(series)) out[k] = summarize(v, HIGHER_IS_BETTER.has(k));
  return out;
}

/** The scored part of a report: each method's summaries, and the per-frame series they come from. */
function scored(series: Record<string, Record<string, (number | null)[]>>): Pick<EvalReport, 'methods' | 'perFrame'> {
  return { methods: Object.fromEntries(Object.entries(series).map(([m, s]) => [m, summarizeAll(s)])), perFrame: series };
}

function push(series: Record<string, (number | null)[]>, key: string, value: number | null): void {
  (series[key] ??= []).push(value);
}

// ------------------------------------------------------------------ reenact / audio

interface SourceSetup {
  info: VideoInfo;
  portrait: Portrait;
  box: CropBox;
  size: number;
  maxSide: number;
  maxFrames: number;
  photoFace: DetectedFace;
}

async function setupSource(o: EvalOptions, log: (s: string) => void): Promise<SourceSetup> {
  const info = await probeVideo(o.video);
  const maxSide = 1024;
  const available = Math.max(1, Math.floor(info.duration * o.fps));
  const maxFrames = o.maxSeconds ? Math.min(available, Math.max(1, Math.round(o.maxSeconds * o.fps))) : available;
  if (o.frame >= maxFrames) throw new InputError(`--frame ${o.frame} is outside the evaluated part of the video (${maxFrames} frames).`);
  const photo = await videoFrame(o.video, o.frame, o.fps, maxSide);
  log(`analyzing frame ${o.frame} of ${path.basename(o.video)} as the photo`);
  const portrait = await analyzePortrait(photo);
  const c = portrait.analysis.crop;
  const photoFace = await detectOne(portrait.image, true);
  if (!photoFace) throw new NoFaceError(`No face found in the crop of frame ${o.frame} of ${o.video}.`);
  return { info, portrait, box: { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) }, size: c.size, maxSide, maxFrames, photoFace };
}

/** Self-reenactment: the video drives a photo of its own frame N; compare with the real frames. */
export async function evaluateReenact(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<{ report: EvalReport; sheet: Buffer }> {
  const log = control.log ?? (() => {});
  const signal = control.signal;
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const src = await setupSource(o, log);
  timings.analyze = performance.now() - t0;
  const notes: string[] = [
    `photo = frame ${o.frame}; the source frame itself is not scored`,
    `real frames cropped with the photo's analysis crop box (${src.box.side} px) and resized to ${src.size} px`,
    `PSNR/SSIM whole-frame on every frame; face-region PSNR/SSIM, CSIM, AED, APD, NME on every ${o.detectEvery}${o.detectEvery === 1 ? 'st' : o.detectEvery === 2 ? 'nd' : o.detectEvery === 3 ? 'rd' : 'th'} frame (face detection)`,
    'face region = convex hull of the real frame\'s 478 landmarks grown 10%; crop padding past the video edge is not scored',
    'lip gap / real = inner-lip gap (13-14, IOD) of the generated (baseline: the photo\'s) over the real frame\'s, on the detection frames whose real lips are apart (>= 0.08 IOD); lip gap r = Pearson r of generated vs real gap over the detection frames',
    'faceScale (report.json) = inter-ocular distance generated / real (1 = same size); faceShift = nose-tip distance / inter-ocular: the size and position parts of NME',
    `AED (rig) = mean |weight difference| over the ${BASE_CONTROL_COUNT} base rig controls, both fitted with the driver's neutral face (estimated over the clip); AED (lm) = pose-normalised (Procrustes) landmark distance / inter-ocular distance`,
  ];
  const readVideo = engine.motionFromVideo;
  const drive = await driveEngine(engine, 'motion from video', readVideo && (() => readVideo(o.video, { fps: o.fps, maxSeconds: src.maxFrames / o.fps }, signal)), src.portrait, src.size, timings, log);
  const renderer = drive.renderer;
  const motion = drive.motion && rebasePose(drive.motion, o.frame);
  throwIfAborted(signal);
  const reconstruction = renderer ? reconstructionScores(renderer, src.portrait, src.photoFace) : undefined;
  if (reconstruction) notes.push(`the avatar re-rendered at rest vs the photo itself: PSNR ${reconstruction.psnr.toFixed(2)} dB (face ${reconstruction.psnrFace.toFixed(2)}), SSIM ${reconstruction.ssim.toFixed(3)} (face ${reconstruction.ssimFace.toFixed(3)}): the ceiling of the image metrics`);

  const series: Record<string, Record<string, (number | null)[]>> = { engine: {}, baseline: {} };
  const base = src.portrait.image;
  const baseStats = lumaStats(base);
  const frames = motion ? Math.min(src.maxFrames, motion.frames.length) : src.maxFrames;
  const sheetAt = new Set(sheetFrames(o.frame === 0 ? 1 : 0, frames - 1, o.sheetColumns));
  const columns: SheetColumn[] = [];
  const realLms: (RigLandmarks | null)[] = [];
  const genLms: (RigLandmarks | null)[] = [];
  const genEmb: (number[] | null)[] = [];
  let evaluated = 0;
  let i = -1;
  // the real lips of the latest detection (each frame with --detect-every 1)
  let lips: { box: Box; gap: number } | null = null;
  // the lip gap (IOD) of each detection frame, real and generated: how far our mouth opens
  const realGaps: number[] = [], genGaps: number[] = [];
  const photoGap = lipGap(src.photoFace.landmarks);
  const mostOpen = new MostOpenFrames(8, 6);
  let tRender = 0;
  let tMetrics = 0;
  let tDetect = 0;
  for await (const frame of decodeVideoFrames(o.video, { fps: o.fps, maxSide: src.maxSide, maxFrames: frames, signal })) {
    i++;
    throwIfAborted(signal);
    if (i === o.frame) continue;
    evaluated++;
    const { image: real, valid } = await cropReal(frame, src.box, src.size);
    let gen: RgbaImage | undefined;
    if (renderer && motion) {
      const t = performance.now();
      gen = copyImage(renderer.render(motion.frames[i]!));
      tRender += performance.now() - t;
    }
    let t = performance.now();
    // one SSIM map per pair, reused for the whole frame and the face region
    const realStats = lumaStats(real);
    const baseMap = ssimMap(baseStats, realStats);
    const genMap = gen ? ssimMap(lumaStats(gen), realStats) : undefined;
    push(series.baseline!, 'psnr', num(psnr(base, real, valid)));
    push(series.baseline!, 'ssim', num(maskedMean(baseMap, valid)));
    if (gen && genMap) {
      push(series.engine!, 'psnr', num(psnr(gen, real, valid)));
      push(series.engine!, 'ssim', num(maskedMean(genMap, valid)));
    }
    tMetrics += performance.now() - t;
    if (evaluated % o.detectEvery === 1 || o.detectEvery === 1) {
      t = performance.now();
      const realFace = await detectOne(real, false);
      const genFace = gen ? await detectOne(gen, true) : null;
      tDetect += performance.now() - t;
      t = performance.now();
      realLms.push(realFace?.landmarks ?? null);
      genLms.push(genFace?.landmarks ?? null);
      genEmb.push(genFace?.embedding.length ? genFace.embedding : null);
      if (realFace) lips = { box: lipBox(realFace.landmarks), gap: lipGap(realFace.landmarks) };
      if (realFace && lips!.gap >= MOUTH_OPEN_GAP) push(series.baseline!, 'lipGapRatio', photoGap / lips!.gap);
      if (realFace && genFace) {
        const g = lipGap(genFace.landmarks);
        realGaps.push(lips!.gap);
        genGaps.push(g);
        if (lips!.gap >= MOUTH_OPEN_GAP) push(series.engine!, 'lipGapRatio', g / lips!.gap);
      }
      if (realFace && gen && mostOpen.wants(i, lips!.gap)) mostOpen.offer({ frame: i, gap: lips!.gap, real: closeUp(real, lips!.box, o.thumb), generated: closeUp(gen, lips!.box, o.thumb) });
      const mask = realFace ? intersect(valid, faceRegionMask(realFace.landmarks, src.size, src.size, 1.1)) : null;
      push(series.baseline!, 'psnrFace', mask ? num(psnr(base, real, mask)) : null);
      push(series.baseline!, 'ssimFace', mask ? num(maskedMean(baseMap, mask)) : null);
      if (gen && genMap) {
        push(series.engine!, 'psnrFace', mask ? num(psnr(gen, real, mask)) : null);
        push(series.engine!, 'ssimFace', mask ? num(maskedMean(genMap, mask)) : null);
        push(series.engine!, 'faceFound', genFace ? 1 : 0);
      }
      tMetrics += performance.now() - t;
    }
    if (lips) {
      // the mouth: a box around the real lips; "open" = frames whose real lips are apart
      t = performance.now();
      const m = intersect(valid, boxMask(lips.box, src.size, src.size));
      const open = lips.gap >= MOUTH_OPEN_GAP;
      const bp = num(psnr(base, real, m)), bs = num(maskedMean(baseMap, m));
      push(series.baseline!, 'psnrMouth', bp);
      push(series.baseline!, 'ssimMouth', bs);
      push(series.baseline!, 'psnrMouthOpen', open ? bp : null);
      push(series.baseline!, 'ssimMouthOpen', open ? bs : null);
      if (gen && genMap) {
        const gp = num(psnr(gen, real, m)), gs = num(maskedMean(genMap, m));
        push(series.engine!, 'psnrMouth', gp);
        push(series.engine!, 'ssimMouth', gs);
        push(series.engine!, 'psnrMouthOpen', open ? gp : null);
        push(series.engine!, 'ssimMouthOpen', open ? gs : null);
      }
      tMetrics += performance.now() - t;
    }
    if (sheetAt.has(i)) columns.push({ frame: i, real: thumbnail(real, o.thumb), generated: thumbnail(gen ?? base, o.thumb) });
    if (evaluated % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  timings.render = tRender;
  timings.detect = tDetect;
  timings.metrics = tMetrics;
  if (genGaps.length > 2) push(series.engine!, 'lipGapR', num(pearson(realGaps, genGaps)));

  // detection-based metrics, after the pass: the driver's neutral face needs all its frames
  t0 = performance.now();
  const goodReal = realLms.filter((l): l is RigLandmarks => !!l);
  if (!goodReal.length) throw new NoFaceError(`No face found in the evaluated frames of ${o.video}.`);
  const neutral = estimateNeutral(goodReal);
  const photoLm = src.photoFace.landmarks;
  const baseFit = weightsOf(photoLm, neutral);
  for (let k = 0; k < realLms.length; k++) {
    const r = realLms[k];
    const rf = r ? weightsOf(r, neutral) : null;
    push(series.baseline!, 'csim', num(cosineSimilarity(src.photoFace.embedding, src.photoFace.embedding)));
    push(series.baseline!, 'aedRig', rf ? weightDistance(baseFit.w, rf.w) : null);
    push(series.baseline!, 'aedLm', r ? landmarkExpressionDistance(photoLm, r) : null);
    push(series.baseline!, 'apd', rf ? poseDistance(baseFit.pose, rf.pose) : null);
    push(series.baseline!, 'nme', r ? nme(photoLm, r) : null);
    // where NME comes from: face size and position, apart from shape
    push(series.baseline!, 'faceScale', r ? interOcular(photoLm) / (interOcular(r) || 1) : null);
    push(series.baseline!, 'faceShift', r ? noseShift(photoLm, r) : null);
    if (renderer) {
      const g = genLms[k];
      const gf = g ? weightsOf(g, neutral) : null;
      const e = genEmb[k];
      push(series.engine!, 'csim', e ? num(cosineSimilarity(e, src.photoFace.embedding)) : null);
      push(series.engine!, 'aedRig', rf && gf ? weightDistance(gf.w, rf.w) : null);
      push(series.engine!, 'aedLm', r && g ? landmarkExpressionDistance(g, r) : null);
      push(series.engine!, 'apd', rf && gf ? poseDistance(gf.pose, rf.pose) : null);
      push(series.engine!, 'nme', r && g ? nme(g, r) : null);
      push(series.engine!, 'faceScale', r && g ? interOcular(g) / (interOcular(r) || 1) : null);
      push(series.engine!, 'faceShift', r && g ? noseShift(g, r) : null);
    }
  }
  timings.fit = performance.now() - t0;
  if (!renderer) delete series.engine;
  const report: EvalReport = {
    video: o.video,
    mode: 'reenact',
    date: new Date().toISOString(),
    frames: evaluated,
    seconds: frames / o.fps,
    fps: o.fps,
    detectEvery: o.detectEvery,
    ...(drive.unavailable ? { engineUnavailable: drive.unavailable } : {}),
    notes,
    ...scored(series),
    ...(reconstruction ? { reconstruction } : {}),
    timings,
  };
  const sheet = await contactSheet(columns, { title: `${path.basename(o.video)} reenact (photo = frame ${o.frame})${renderer ? '' : ' - ENGINE MISSING: generated = baseline'}`, diffGain: 2 });
  const open = mostOpen.frames();
  const mouthSheet = open.length ? await contactSheet(open, { title: `${path.basename(o.video)} reenact: the ${open.length} most open real mouths (lip gap ${open.map((f) => f.gap.toFixed(2)).join(', ')} IOD)`, diffGain: 2 }) : undefined;
  return { report, sheet, ...(mouthSheet ? { mouthSheet } : {}) };
}

/** Real lips apart by this share of the inter-ocular distance count as an open mouth. */
const MOUTH_OPEN_GAP = 0.08;

/** Where a video's speech is: the given file, the video's own track, or audio/<name>.wav beside a data folder. */
export async function soundtrackFor(video: string, info: VideoInfo, given?: string): Promise<string | null> {
  if (given) return given;
  if (info.hasAudio) return video;
  const candidate = path.join(path.dirname(path.dirname(path.resolve(video))), 'audio', `${path.basename(video, path.extname(video))}.wav`);
  try {
    await probeAudio(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/** Videos the audio lip model was trained on (so lip sync there is in-sample): file names from its model card meta. */
async function mouthModelTrainingVideos(): Promise<string[]> {
  try {
    const spec = '../motion/lipModel.ts';
    const lips = (await import(spec)) as { loadLipModel: () => { meta: { trainedOnFiles?: string[] } } };
    return lips.loadLipModel().meta.trainedOnFiles ?? [];
  } catch {
    return [];
  }
}

/** Audio-driven lip sync: photo = frame N, motion from the video's own speech, static pose. */
export async function evaluateAudio(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<{ report: EvalReport; sheet: Buffer }> {
  const log = control.log ?? (() => {});
  const signal = control.signal;
  const timings: Record<string, number> = {};
  const info = await probeVideo(o.video);
  const audio = await soundtrackFor(o.video, info, o.audio);
  if (!audio) throw new InputError(`${o.video} has no audio track and no audio/<name>.wav beside its folder: give the speech with --audio.`);
  let t0 = performance.now();
  const src = await setupSource(o, log);
  timings.analyze = performance.now() - t0;
  const inSample = (await mouthModelTrainingVideos()).includes(path.basename(o.video));
  const notes = [
    `photo = frame ${o.frame}; motion from ${path.basename(audio)} with a STATIC head pose (no pose generation), seed 0`,
    'mouth opening = inner-lip gap (landmarks 13-14) / outer-eye-corner distance, measured by face detection on every real and generated frame',
    'lipR = Pearson r of generated vs real mouth opening at the best lag within +-3 frames (lag > 0: generated is late)',
    'jitter = mean frame-to-frame movement of the rigid (non-expression) landmarks / inter-ocular distance: head shake with a still pose (the real video\'s is real head motion)',
    'rows: engine = measured on the rendered frames; motion = the motion\'s own jawOpen curve (no render); loudness = RMS of the audio (a reference, not a method); baseline = the photo repeated (constant mouth: r undefined)',
  ];
  if (inSample) notes.push('IN-SAMPLE: this clip is in the audio mouth model\'s training data (meta.trainedOnFiles in src/motion/models/lips.json): the lip-sync figure is not fully held out');
  notes.push('lipRWide / lipLagWide (report.json): the same with a +-8 frame window, for clips whose picture is offset from their sound');
  if (audio !== o.video) notes.push(`soundtrack: ${audio} (the video has no audio track)`);
  const readAudio = engine.motionFromAudio;
  const drive = await driveEngine(engine, 'motion from audio', readAudio && (() => readAudio(audio, { fps: o.fps }, signal)), src.portrait, src.size, timings, log);
  const { renderer, motion } = drive;
  const frames = motion ? Math.min(src.maxFrames, motion.frames.length) : src.maxFrames;
  const realGap: (number | null)[] = [];
  const genGap: (number | null)[] = [];
  const genLm: (Landmarks | null)[] = [];
  const realLm: (Landmarks | null)[] = [];
  const sheetAt = new Set(sheetFrames(o.frame === 0 ? 1 : 0, frames - 1, o.sheetColumns));
  const columns: SheetColumn[] = [];
  let i = -1;
  let tDetect = 0;
  let tRender = 0;
  for await (const frame of decodeVideoFrames(o.video, { fps: o.fps, maxSide: src.maxSide, maxFrames: frames, signal })) {
    i++;
    throwIfAborted(signal);
    const { image: real } = await cropReal(frame, src.box, src.size);
    let t = performance.now();
    const gen = renderer && motion ? copyImage(renderer.render(motion.frames[i]!)) : undefined;
    tRender += performance.now() - t;
    t = performance.now();
    const rf = await detectOne(real, false);
    const gf = gen ? await detectOne(gen, false) : null;
    tDetect += performance.now() - t;
    realGap.push(rf ? mouthOpening(rf.landmarks) : null);
    realLm.push(rf?.landmarks ?? null);
    genGap.push(gf ? mouthOpening(gf.landmarks) : null);
    genLm.push(gf?.landmarks ?? null);
    if (sheetAt.has(i)) columns.push({ frame: i, real: thumbnail(real, o.thumb), generated: thumbnail(gen ?? src.portrait.image, o.thumb) });
    if ((i + 1) % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  timings.render = tRender;
  timings.detect = tDetect;
  // skip the source frame in the correlation (the engine starts from the photo's mouth there)
  const drop = <T>(a: T[]) => a.map((v, k) => (k === o.frame ? null : v));
  const realSeries = drop(realGap).map((v) => (v === null ? NaN : v));
  const loud = await loudnessPerFrame(audio, o.fps, frames);
  const series: Record<string, Record<string, (number | null)[]>> = { baseline: {}, loudness: {} };
  const lagged = (values: ArrayLike<number>) => bestLagCorrelation(values, realSeries, 3);
  const scoreInto = (key: string, values: ArrayLike<number>, extra: Record<string, (number | null)[]> = {}) => {
    const c = lagged(values);
    // a wider window as information only: a mouth left open after speech moves the peak 4-5 frames late
    const w = bestLagCorrelation(values, realSeries, 8);
    series[key] = { lipR: [num(c.r)], lipLag: [Number.isFinite(c.r) ? c.lag : null], lipR0: [num(c.r0)], lipRWide: [num(w.r)], lipLagWide: [Number.isFinite(w.r) ? w.lag : null], ...extra };
  };
  const constant = realSeries.map(() => (src.photoFace ? mouthOpening(src.photoFace.landmarks) : 0));
  scoreInto('baseline', constant, { mouthOpening: constant.slice(), jitter: [0] });
  scoreInto('loudness', loud);
  if (renderer && motion) {
    const genSeries = drop(genGap).map((v) => (v === null ? NaN : v));
    scoreInto('engine', genSeries, { mouthOpening: drop(genGap), jitter: [num(jitter(genLm, RIGID_POINTS))], faceFound: genGap.map((v) => (v === null ? 0 : 1)) });
    scoreInto('motion', motion.frames.slice(0, frames).map((f) => f.w.jawOpen ?? 0));
  }
  series.real = { mouthOpening: drop(realGap), jitter: [num(jitter(realLm, RIGID_POINTS))] };
  const report: EvalReport = {
    video: o.video,
    mode: 'audio',
    audio,
    date: new Date().toISOString(),
    frames: frames - 1,
    seconds: frames / o.fps,
    fps: o.fps,
    detectEvery: 1,
    ...(drive.unavailable ? { engineUnavailable: drive.unavailable } : {}),
    notes,
    ...scored(series),
    timings,
  };
  const plotSeries = [
    { label: 'real mouth opening', values: realSeries, color: '#2ca02c' },
    ...(renderer ? [{ label: 'generated mouth opening', values: drop(genGap).map((v) => (v === null ? NaN : v)), color: '#ff7f0e' }] : []),
  ];
  const plot = await plotCurves([{ title: 'mouth opening (inner-lip gap / IOD)', series: plotSeries }, { title: 'audio', series: [{ label: 'loudness (log RMS)', values: loud, color: '#1f77b4' }] }], { width: 1400, panelHeight: 120, fps: o.fps });
  const sheet = await contactSheet(columns, { title: `${path.basename(o.video)} audio-driven (${path.basename(audio)})${renderer ? '' : ' - ENGINE MISSING: generated = baseline'}`, diffGain: 2, plot });
  return { report, sheet };
}

// ------------------------------------------------------------------ cross

/** Cross-identity: another photo driven by the video. No ground truth: identity and motion transfer only. */
export async function evaluateCross(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<{ report: EvalReport; sheet: Buffer }> {
  const log = control.log ?? (() => {});
  const signal = control.signal;
  if (!o.image) throw new InputError('--mode cross needs --image PHOTO (the person driven by the video).');
  const timings: Record<string, number> = {};
  const info = await probeVideo(o.video);
  let t0 = performance.now();
  log(`analyzing ${path.basename(o.image)}`);
  const portrait = await analyzePortrait(await loadImage(o.image));
  const size = portrait.analysis.crop.size;
  const photoFace = await detectOne(portrait.image, true);
  if (!photoFace) throw new NoFaceError(`No face found in the crop of ${o.image}.`);
  timings.analyze = performance.now() - t0;
  const available = Math.max(1, Math.floor(info.duration * o.fps));
  const maxFrames = o.maxSeconds ? Math.min(available, Math.max(1, Math.round(o.maxSeconds * o.fps))) : available;
  const notes = [
    'no ground truth: CSIM = identity of the output vs the photo; AED/APD = motion of the output vs the driver',
    `detection every ${o.detectEvery} frame(s)`,
    'AED (rig): output fitted with the photo as its neutral face, driver with its own neutral (estimated over the clip)',
    'APD on pose CHANGES since the first evaluated frame (the photo keeps its own starting pose)',
  ];
  const readVideo = engine.motionFromVideo;
  const drive = await driveEngine(engine, 'motion from video', readVideo && (() => readVideo(o.video, { fps: o.fps, maxSeconds: maxFrames / o.fps }, signal)), portrait, size, timings, log);
  const { renderer, motion } = drive;
  const frames = motion ? Math.min(maxFrames, motion.frames.length) : maxFrames;
  const sheetAt = new Set(sheetFrames(0, frames - 1, o.sheetColumns));
  const columns: SheetColumn[] = [];
  const drvLm: (RigLandmarks | null)[] = [];
  const genLm: (RigLandmarks | null)[] = [];
  const genEmb: (number[] | null)[] = [];
  let i = -1;
  for await (const frame of decodeVideoFrames(o.video, { fps: o.fps, maxSide: 640, maxFrames: frames, signal })) {
    i++;
    throwIfAborted(signal);
    const gen = renderer && motion ? copyImage(renderer.render(motion.frames[i]!)) : undefined;
    if (i % o.detectEvery === 0) {
      const df = await detectOne(frame, false);
      const gf = gen ? await detectOne(gen, true) : null;
      drvLm.push(df?.landmarks ?? null);
      genLm.push(gf?.landmarks ?? null);
      genEmb.push(gf?.embedding.length ? gf.embedding : null);
    }
    if (sheetAt.has(i)) {
      const side = Math.min(frame.width, frame.height);
      columns.push({ frame: i, real: thumbnail(coverResize(frame, side, side), o.thumb), generated: thumbnail(gen ?? portrait.image, o.thumb) });
    }
    if ((i + 1) % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  const goodDrv = drvLm.filter((l): l is RigLandmarks => !!l);
  if (!goodDrv.length) throw new NoFaceError(`No face found in the driving video ${o.video}.`);
  const drvNeutral = estimateNeutral(goodDrv);
  const photoLm = photoFace.landmarks;
  const baseFit = weightsOf(photoLm, photoLm);
  const series: Record<string, Record<string, (number | null)[]>> = { engine: {}, baseline: {} };
  let drv0: Angles | null = null;
  let gen0: Angles | null = null;
  for (let k = 0; k < drvLm.length; k++) {
    const d = drvLm[k];
    const df = d ? weightsOf(d, drvNeutral) : null;
    if (df && !drv0) drv0 = df.pose;
    const drvDelta = df && drv0 ? { yaw: df.pose.yaw - drv0.yaw, pitch: df.pose.pitch - drv0.pitch, roll: df.pose.roll - drv0.roll } : null;
    push(series.baseline!, 'csim', 1);
    push(series.baseline!, 'aedRig', df ? weightDistance(baseFit.w, df.w) : null);
    push(series.baseline!, 'apd', drvDelta ? poseDistance({ yaw: 0, pitch: 0, roll: 0 }, drvDelta) : null);
    if (renderer) {
      const g = genLm[k];
      const gf = g ? weightsOf(g, photoLm) : null;
      if (gf && !gen0) gen0 = gf.pose;
      const genDelta = gf && gen0 ? { yaw: gf.pose.yaw - gen0.yaw, pitch: gf.pose.pitch - gen0.pitch, roll: gf.pose.roll - gen0.roll } : null;
      const e = genEmb[k];
      push(series.engine!, 'csim', e ? num(cosineSimilarity(e, photoFace.embedding)) : null);
      push(series.engine!, 'aedRig', gf && df ? weightDistance(gf.w, df.w) : null);
      push(series.engine!, 'apd', genDelta && drvDelta ? poseDistance(genDelta, drvDelta) : null);
      push(series.engine!, 'faceFound', g ? 1 : 0);
    }
  }
  if (!renderer) delete series.engine;
  const report: EvalReport = {
    video: o.video,
    mode: 'cross',
    image: o.image,
    date: new Date().toISOString(),
    frames,
    seconds: frames / o.fps,
    fps: o.fps,
    detectEvery: o.detectEvery,
    ...(drive.unavailable ? { engineUnavailable: drive.unavailable } : {}),
    notes,
    ...scored(series),
    timings,
  };
  const sheet = await contactSheet(columns, { title: `${path.basename(o.image)} driven by ${path.basename(o.video)}`, realLabel: 'driver', noDiff: true });
  return { report, sheet };
}

// ------------------------------------------------------------------ run + write

export async function evaluate(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<{ report: EvalReport; sheet: Buffer; mouthSheet?: Buffer }> {
  if (o.mode === 'reenact') return evaluateReenact(o, engine, control);
  if (o.mode === 'audio') return evaluateAudio(o, engine, control);
  return evaluateCross(o, engine, control);
}

/** JSON with non-finite numbers as null (JSON has no Infinity/NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1);
}

/** Writes report.json, report.md and sheet.png into `dir` atomically. */
export async function writeReport(dir: string, report: EvalReport, sheet: Buffer, markdown: string, mouthSheet?: Buffer): Promise<void> {
  await withAtomicDir(dir, async (tmp) => {
    await writeFile(path.join(tmp, 'report.json'), toJson(report));
    await writeFile(path.join(tmp, 'report.md'), markdown);
    await writeFile(path.join(tmp, 'sheet.png'), sheet);
    if (mouthSheet) await writeFile(path.join(tmp, 'mouth.png'), mouthSheet);
  });
}
