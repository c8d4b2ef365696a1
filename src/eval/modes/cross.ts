// Cross-identity: another photo driven by the video. No ground truth: CSIM of the output to the
// photo (identity kept), AED/APD of the output to the driver (motion transferred).
import path from 'node:path';
import type { Motion, Portrait } from '../../types.ts';
import { InputError, NoFaceError } from '../../errors.ts';
import { probeVideo } from '../../io/media.ts';
import { loadImage } from '../../io/image.ts';
import type { DetectedFace } from '../../face/detect.ts';
import { analyzePortrait } from '../../analyze/index.ts';
import { estimateNeutral, type Landmarks as RigLandmarks } from '../../rig/fit.ts';
import { coverResize } from '../../pipeline/layout.ts';
import { cosineSimilarity } from '../metrics/identity.ts';
import { weightDistance, poseDistance, type Angles } from '../metrics/expression.ts';
import { contactSheet, sheetFrames, thumbnail, type SheetColumn } from '../sheet.ts';
import { driveEngine, renderMotionFrame, type EvalEngine, type Renderer } from '../engine.ts';
import { framesToEvaluate, detectOne, numberedFrames } from '../frames.ts';
import { weightsOf, angleChange } from '../rigFit.ts';
import { num, push } from '../series.ts';
import { assembleReport } from '../output.ts';
import type { EvalControl, EvalOptions, EvalResult, MethodSeries } from '../types.ts';

/** What the report's figures mean, for its readers. */
function crossNotes(o: EvalOptions): string[] {
  return [
    'no ground truth: CSIM = identity of the output vs the photo; AED/APD = motion of the output vs the driver',
    `detection every ${o.detectEvery} frame(s)`,
    'AED (rig): output fitted with the photo as its neutral face, driver with its own neutral (estimated over the clip)',
    'APD on pose CHANGES since the first evaluated frame (the photo keeps its own starting pose)',
  ];
}

/** The driver's landmarks and the output's landmarks and identity embedding, per detection frame. */
interface CrossTrack {
  drvLm: (RigLandmarks | null)[];
  genLm: (RigLandmarks | null)[];
  genEmb: (number[] | null)[];
  columns: SheetColumn[];
}

/** The frame pass: decode the driver, render the photo, detect both on every `detectEvery`th frame. */
async function trackCross(o: EvalOptions, portrait: Portrait, frames: number, renderer: Renderer | undefined, motion: Motion | undefined, control: EvalControl): Promise<CrossTrack> {
  const log = control.log ?? (() => {});
  const track: CrossTrack = { drvLm: [], genLm: [], genEmb: [], columns: [] };
  const sheetAt = new Set(sheetFrames(0, frames - 1, o.sheetColumns));
  for await (const [i, frame] of numberedFrames(o.video, { fps: o.fps, maxSide: 640, maxFrames: frames, signal: control.signal })) {
    const gen = renderMotionFrame(renderer, motion, i);
    if (i % o.detectEvery === 0) {
      const df = await detectOne(frame, false);
      const gf = gen ? await detectOne(gen, true) : null;
      track.drvLm.push(df?.landmarks ?? null);
      track.genLm.push(gf?.landmarks ?? null);
      track.genEmb.push(gf?.embedding.length ? gf.embedding : null);
    }
    if (sheetAt.has(i)) {
      const side = Math.min(frame.width, frame.height);
      track.columns.push({ frame: i, real: thumbnail(coverResize(frame, side, side), o.thumb), generated: thumbnail(gen ?? portrait.image, o.thumb) });
    }
    if ((i + 1) % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  return track;
}

/** Head angle changes since the first pose given (the photo keeps its own starting pose). */
function changesSinceFirst(): (pose: Angles | undefined) => Angles | null {
  let start: Angles | undefined;
  return (pose) => {
    if (!pose) return null;
    start ??= pose;
    return angleChange(pose, start);
  };
}

/** CSIM, AED (rig) and APD per detection frame; the baseline is the photo, still. */
function crossSeries(track: CrossTrack, photoFace: DetectedFace, withEngine: boolean, video: string): Record<string, MethodSeries> {
  const goodDrv = track.drvLm.filter((l): l is RigLandmarks => !!l);
  if (!goodDrv.length) throw new NoFaceError(`No face found in the driving video ${video}.`);
  const drvNeutral = estimateNeutral(goodDrv);
  const photoLm = photoFace.landmarks;
  const baseFit = weightsOf(photoLm, photoLm);
  const series: Record<string, MethodSeries> = { engine: {}, baseline: {} };
  const drvChange = changesSinceFirst();
  const genChange = changesSinceFirst();
  for (let k = 0; k < track.drvLm.length; k++) {
    const d = track.drvLm[k];
    const df = d ? weightsOf(d, drvNeutral) : null;
    const drvDelta = drvChange(df?.pose);
    push(series.baseline!, 'csim', 1);
    push(series.baseline!, 'aedRig', df ? weightDistance(baseFit.w, df.w) : null);
    push(series.baseline!, 'apd', drvDelta ? poseDistance({ yaw: 0, pitch: 0, roll: 0 }, drvDelta) : null);
    if (!withEngine) continue;
    const g = track.genLm[k];
    const gf = g ? weightsOf(g, photoLm) : null;
    const genDelta = genChange(gf?.pose);
    const e = track.genEmb[k];
    push(series.engine!, 'csim', e ? num(cosineSimilarity(e, photoFace.embedding)) : null);
    push(series.engine!, 'aedRig', gf && df ? weightDistance(gf.w, df.w) : null);
    push(series.engine!, 'apd', genDelta && drvDelta ? poseDistance(genDelta, drvDelta) : null);
    push(series.engine!, 'faceFound', g ? 1 : 0);
  }
  if (!withEngine) delete series.engine;
  return series;
}

/** Cross-identity: another photo driven by the video. No ground truth: identity and motion transfer only. */
export async function evaluateCross(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<EvalResult> {
  const log = control.log ?? (() => {});
  if (!o.image) throw new InputError('--mode cross needs --image PHOTO (the person driven by the video).');
  const timings: Record<string, number> = {};
  const info = await probeVideo(o.video);
  const t0 = performance.now();
  log(`analyzing ${path.basename(o.image)}`);
  const portrait = await analyzePortrait(await loadImage(o.image));
  const size = portrait.analysis.crop.size;
  const photoFace = await detectOne(portrait.image, true);
  if (!photoFace) throw new NoFaceError(`No face found in the crop of ${o.image}.`);
  timings.analyze = performance.now() - t0;
  const maxFrames = framesToEvaluate(info.duration, o.fps, o.maxSeconds);
  const readVideo = engine.motionFromVideo;
  const drive = await driveEngine(engine, 'motion from video', readVideo && (() => readVideo(o.video, { fps: o.fps, maxSeconds: maxFrames / o.fps }, control.signal)), portrait, size, timings, log);
  const { renderer, motion } = drive;
  const frames = motion ? Math.min(maxFrames, motion.frames.length) : maxFrames;
  const track = await trackCross(o, portrait, frames, renderer, motion, control);
  const series = crossSeries(track, photoFace, !!renderer, o.video);
  const report = assembleReport({ video: o.video, mode: 'cross', image: o.image, frames, seconds: frames / o.fps, fps: o.fps, detectEvery: o.detectEvery, unavailable: drive.unavailable, notes: crossNotes(o), series, timings });
  const sheet = await contactSheet(track.columns, { title: `${path.basename(o.image)} driven by ${path.basename(o.video)}`, realLabel: 'driver', noDiff: true });
  return { report, sheet };
}
