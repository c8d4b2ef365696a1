// Self-reenactment: photo = frame N of the video; motion = motionFromVideo(video); each generated
// frame is compared with the real one in the photo's crop space (PSNR/SSIM whole, face region and
// mouth; CSIM, AED, APD, NME), next to the baseline (the photo repeated).
import path from 'node:path';
import type { Motion, Portrait } from '../../types.ts';
import type { DetectedFace } from '../../face/detect.ts';
import { BASE_CONTROL_COUNT } from '../../rig/controls.ts';
import { psnr, maskedMean } from '../metrics/image.ts';
import { ssimMap } from '../metrics/ssim.ts';
import { faceRegionMask } from '../masks.ts';
import { contactSheet, sheetFrames, thumbnail, type SheetColumn } from '../sheet.ts';
import { driveEngine, renderCopy, renderMotionFrame, type EvalEngine, type Renderer } from '../engine.ts';
import { setupSource, cropReal, numberedFrames, throwIfAborted, type SourceSetup } from '../frames.ts';
import { assembleReport } from '../output.ts';
import type { EvalControl, EvalOptions, EvalReport, EvalResult } from '../types.ts';
import { ReenactScores, isDetectionFrame } from './reenactScores.ts';

const ordinalSuffix = (n: number) => (n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th');

/** What the report's figures mean, for its readers. */
function reenactNotes(o: EvalOptions, src: SourceSetup): string[] {
  return [
    `photo = frame ${o.frame}; the source frame itself is not scored`,
    `real frames cropped with the photo's analysis crop box (${src.box.side} px) and resized to ${src.size} px`,
    `PSNR/SSIM whole-frame on every frame; face-region PSNR/SSIM, CSIM, AED, APD, NME on every ${o.detectEvery}${ordinalSuffix(o.detectEvery)} frame (face detection)`,
    'face region = convex hull of the real frame\'s 478 landmarks grown 10%; crop padding past the video edge is not scored',
    'lip gap / real = inner-lip gap (13-14, IOD) of the generated (baseline: the photo\'s) over the real frame\'s, on the detection frames whose real lips are apart (>= 0.08 IOD); lip gap r = Pearson r of generated vs real gap over the detection frames',
    'faceScale (report.json) = inter-ocular distance generated / real (1 = same size); faceShift = nose-tip distance / inter-ocular: the size and position parts of NME',
    `AED (rig) = mean |weight difference| over the ${BASE_CONTROL_COUNT} base rig controls, both fitted with the driver's neutral face (estimated over the clip); AED (lm) = pose-normalised (Procrustes) landmark distance / inter-ocular distance`,
  ];
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

/** The avatar rendered at rest against the photo it was built from (whole crop and face region). */
function reconstructionScores(renderer: Renderer, portrait: Portrait, photoFace: DetectedFace): NonNullable<EvalReport['reconstruction']> {
  const rest = renderCopy(renderer, renderer.neutralFrame());
  const size = portrait.image.width;
  const mask = faceRegionMask(photoFace.landmarks, size, size, 1.1);
  const map = ssimMap(rest, portrait.image);
  return { psnr: psnr(rest, portrait.image), ssim: maskedMean(map), psnrFace: psnr(rest, portrait.image, mask), ssimFace: maskedMean(map, mask) };
}

/** The frame pass: decode, render, score each frame; the contact sheet columns on the way. */
async function scoreFrames(o: EvalOptions, src: SourceSetup, frames: number, renderer: Renderer | undefined, motion: Motion | undefined, control: EvalControl, timings: Record<string, number>) {
  const log = control.log ?? (() => {});
  const scores = new ReenactScores(src.portrait.image, src.photoFace, src.size, o.thumb);
  const sheetAt = new Set(sheetFrames(o.frame === 0 ? 1 : 0, frames - 1, o.sheetColumns));
  const columns: SheetColumn[] = [];
  let evaluated = 0;
  let tRender = 0;
  for await (const [i, frame] of numberedFrames(o.video, { fps: o.fps, maxSide: src.maxSide, maxFrames: frames, signal: control.signal })) {
    if (i === o.frame) continue;
    evaluated++;
    const { image: real, valid } = await cropReal(frame, src.box, src.size);
    const t = performance.now();
    const gen = renderMotionFrame(renderer, motion, i);
    tRender += performance.now() - t;
    await scores.frame(i, real, valid, gen, isDetectionFrame(evaluated, o.detectEvery));
    if (sheetAt.has(i)) columns.push({ frame: i, real: thumbnail(real, o.thumb), generated: thumbnail(gen ?? src.portrait.image, o.thumb) });
    if (evaluated % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  timings.render = tRender;
  timings.detect = scores.ms.detect;
  timings.metrics = scores.ms.metrics;
  return { scores, columns, evaluated };
}

/** Self-reenactment: the video drives a photo of its own frame N; compare with the real frames. */
export async function evaluateReenact(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<EvalResult> {
  const log = control.log ?? (() => {});
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const src = await setupSource(o, log);
  timings.analyze = performance.now() - t0;
  const notes = reenactNotes(o, src);
  const readVideo = engine.motionFromVideo;
  const drive = await driveEngine(engine, 'motion from video', readVideo && (() => readVideo(o.video, { fps: o.fps, maxSeconds: src.maxFrames / o.fps }, control.signal)), src.portrait, src.size, timings, log);
  const renderer = drive.renderer;
  const motion = drive.motion && rebasePose(drive.motion, o.frame);
  throwIfAborted(control.signal);
  const reconstruction = renderer ? reconstructionScores(renderer, src.portrait, src.photoFace) : undefined;
  if (reconstruction) notes.push(`the avatar re-rendered at rest vs the photo itself: PSNR ${reconstruction.psnr.toFixed(2)} dB (face ${reconstruction.psnrFace.toFixed(2)}), SSIM ${reconstruction.ssim.toFixed(3)} (face ${reconstruction.ssimFace.toFixed(3)}): the ceiling of the image metrics`);

  const frames = motion ? Math.min(src.maxFrames, motion.frames.length) : src.maxFrames;
  const { scores, columns, evaluated } = await scoreFrames(o, src, frames, renderer, motion, control, timings);
  scores.lipGapCorrelation();
  // detection-based metrics, after the pass: the driver's neutral face needs all its frames
  t0 = performance.now();
  scores.landmarkScores(o.video, !!renderer);
  timings.fit = performance.now() - t0;
  const series = scores.series;
  if (!renderer) delete series.engine;
  const report = assembleReport({ video: o.video, mode: 'reenact', frames: evaluated, seconds: frames / o.fps, fps: o.fps, detectEvery: o.detectEvery, unavailable: drive.unavailable, notes, series, reconstruction, timings });
  const name = path.basename(o.video);
  const sheet = await contactSheet(columns, { title: `${name} reenact (photo = frame ${o.frame})${renderer ? '' : ' - ENGINE MISSING: generated = baseline'}`, diffGain: 2 });
  const open = scores.mostOpen.frames();
  const mouthSheet = open.length ? await contactSheet(open, { title: `${name} reenact: the ${open.length} most open real mouths (lip gap ${open.map((f) => f.gap.toFixed(2)).join(', ')} IOD)`, diffGain: 2 }) : undefined;
  return { report, sheet, ...(mouthSheet ? { mouthSheet } : {}) };
}
