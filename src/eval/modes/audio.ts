// Audio-driven lip sync: photo = frame N; motion = motionFromAudio(the video's own soundtrack)
// with a static pose; the generated mouth opening is correlated with the real one (Pearson r at
// the best lag within +-3 frames), next to the motion's own jaw curve, the loudness and the photo.
import path from 'node:path';
import type { Motion } from '../../types.ts';
import { InputError } from '../../errors.ts';
import { probeVideo } from '../../io/media.ts';
import { RIGID_POINTS } from '../../rig/topology.ts';
import { plotCurves } from '../../motion/plot.ts';
import { jitter, type Landmarks } from '../metrics/landmarks.ts';
import { bestLagCorrelation } from '../metrics/correlation.ts';
import { lipGap } from '../mouthRegion.ts';
import { contactSheet, sheetFrames, thumbnail, type SheetColumn } from '../sheet.ts';
import { driveEngine, renderMotionFrame, type EvalEngine, type Renderer } from '../engine.ts';
import { setupSource, cropReal, detectOne, numberedFrames, type SourceSetup } from '../frames.ts';
import { soundtrackFor, loudnessPerFrame, mouthModelTrainingVideos } from '../soundtrack.ts';
import { num } from '../series.ts';
import { assembleReport } from '../output.ts';
import type { EvalControl, EvalOptions, EvalResult, MethodSeries, Series } from '../types.ts';

/** What the report's figures mean, for its readers. */
function audioNotes(o: EvalOptions, audio: string, inSample: boolean): string[] {
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
  return notes;
}

/** The mouth opening and landmarks of every real and generated frame (null where no face was found). */
interface MouthTrack {
  realGap: Series;
  genGap: Series;
  realLm: (Landmarks | null)[];
  genLm: (Landmarks | null)[];
  columns: SheetColumn[];
}

/** The frame pass: decode, render, detect both faces on every frame. */
async function trackMouths(o: EvalOptions, src: SourceSetup, frames: number, renderer: Renderer | undefined, motion: Motion | undefined, control: EvalControl, timings: Record<string, number>): Promise<MouthTrack> {
  const log = control.log ?? (() => {});
  const track: MouthTrack = { realGap: [], genGap: [], realLm: [], genLm: [], columns: [] };
  const sheetAt = new Set(sheetFrames(o.frame === 0 ? 1 : 0, frames - 1, o.sheetColumns));
  let tDetect = 0;
  let tRender = 0;
  for await (const [i, frame] of numberedFrames(o.video, { fps: o.fps, maxSide: src.maxSide, maxFrames: frames, signal: control.signal })) {
    const { image: real } = await cropReal(frame, src.box, src.size);
    let t = performance.now();
    const gen = renderMotionFrame(renderer, motion, i);
    tRender += performance.now() - t;
    t = performance.now();
    const rf = await detectOne(real, false);
    const gf = gen ? await detectOne(gen, false) : null;
    tDetect += performance.now() - t;
    track.realGap.push(rf ? lipGap(rf.landmarks) : null);
    track.realLm.push(rf?.landmarks ?? null);
    track.genGap.push(gf ? lipGap(gf.landmarks) : null);
    track.genLm.push(gf?.landmarks ?? null);
    if (sheetAt.has(i)) track.columns.push({ frame: i, real: thumbnail(real, o.thumb), generated: thumbnail(gen ?? src.portrait.image, o.thumb) });
    if ((i + 1) % 25 === 0) log(`frame ${i + 1}/${frames}`);
  }
  timings.render = tRender;
  timings.detect = tDetect;
  return track;
}

/** Lip-sync figures of a mouth curve against the real one: best-lag r within +-3 frames, and +-8 as information. */
function lipSyncScores(values: ArrayLike<number>, real: ArrayLike<number>): MethodSeries {
  const c = bestLagCorrelation(values, real, 3);
  // a wider window as information only: a mouth left open after speech moves the peak 4-5 frames late
  const w = bestLagCorrelation(values, real, 8);
  return { lipR: [num(c.r)], lipLag: [Number.isFinite(c.r) ? c.lag : null], lipR0: [num(c.r0)], lipRWide: [num(w.r)], lipLagWide: [Number.isFinite(w.r) ? w.lag : null] };
}

/** Each row's series: baseline (the photo's constant mouth), loudness, engine and motion when present, real. */
function audioSeries(o: EvalOptions, src: SourceSetup, track: MouthTrack, loud: Float64Array, motion: Motion | undefined, frames: number): Record<string, MethodSeries> {
  // skip the source frame in the correlation (the engine starts from the photo's mouth there)
  const drop = <T>(a: T[]) => a.map((v, k) => (k === o.frame ? null : v));
  const asNumbers = (a: Series) => drop(a).map((v) => (v === null ? NaN : v));
  const realSeries = asNumbers(track.realGap);
  const constant = realSeries.map(() => (src.photoFace ? lipGap(src.photoFace.landmarks) : 0));
  const series: Record<string, MethodSeries> = {
    baseline: { ...lipSyncScores(constant, realSeries), mouthOpening: constant.slice(), jitter: [0] },
    loudness: lipSyncScores(loud, realSeries),
  };
  if (motion) {
    const faceFound = track.genGap.map((v) => (v === null ? 0 : 1));
    series.engine = { ...lipSyncScores(asNumbers(track.genGap), realSeries), mouthOpening: drop(track.genGap), jitter: [num(jitter(track.genLm, RIGID_POINTS))], faceFound };
    series.motion = lipSyncScores(motion.frames.slice(0, frames).map((f) => f.w.jawOpen ?? 0), realSeries);
  }
  series.real = { mouthOpening: drop(track.realGap), jitter: [num(jitter(track.realLm, RIGID_POINTS))] };
  return series;
}

/** The contact sheet with the mouth-opening and loudness curves plotted under it. */
async function audioSheet(o: EvalOptions, audio: string, series: Record<string, MethodSeries>, loud: Float64Array, columns: SheetColumn[]): Promise<Buffer> {
  const curve = (s: Series) => s.map((v) => (v === null ? NaN : v));
  const withEngine = !!series.engine;
  const plotSeries = [
    { label: 'real mouth opening', values: curve(series.real!.mouthOpening!), color: '#2ca02c' },
    ...(series.engine ? [{ label: 'generated mouth opening', values: curve(series.engine.mouthOpening!), color: '#ff7f0e' }] : []),
  ];
  const plot = await plotCurves([{ title: 'mouth opening (inner-lip gap / IOD)', series: plotSeries }, { title: 'audio', series: [{ label: 'loudness (log RMS)', values: loud, color: '#1f77b4' }] }], { width: 1400, panelHeight: 120, fps: o.fps });
  return contactSheet(columns, { title: `${path.basename(o.video)} audio-driven (${path.basename(audio)})${withEngine ? '' : ' - ENGINE MISSING: generated = baseline'}`, diffGain: 2, plot });
}

/** Audio-driven lip sync: photo = frame N, motion from the video's own speech, static pose. */
export async function evaluateAudio(o: EvalOptions, engine: EvalEngine, control: EvalControl = {}): Promise<EvalResult> {
  const log = control.log ?? (() => {});
  const timings: Record<string, number> = {};
  const info = await probeVideo(o.video);
  const audio = await soundtrackFor(o.video, info, o.audio);
  if (!audio) throw new InputError(`${o.video} has no audio track and no audio/<name>.wav beside its folder: give the speech with --audio.`);
  const t0 = performance.now();
  const src = await setupSource(o, log);
  timings.analyze = performance.now() - t0;
  const notes = audioNotes(o, audio, (await mouthModelTrainingVideos()).includes(path.basename(o.video)));
  const readAudio = engine.motionFromAudio;
  const drive = await driveEngine(engine, 'motion from audio', readAudio && (() => readAudio(audio, { fps: o.fps }, control.signal)), src.portrait, src.size, timings, log);
  const { renderer, motion } = drive;
  const frames = motion ? Math.min(src.maxFrames, motion.frames.length) : src.maxFrames;
  const track = await trackMouths(o, src, frames, renderer, motion, control, timings);
  const loud = await loudnessPerFrame(audio, o.fps, frames);
  const series = audioSeries(o, src, track, loud, renderer && motion, frames);
  const report = assembleReport({ video: o.video, mode: 'audio', audio, frames: frames - 1, seconds: frames / o.fps, fps: o.fps, detectEvery: 1, unavailable: drive.unavailable, notes, series, timings });
  const sheet = await audioSheet(o, audio, series, loud, track.columns);
  return { report, sheet };
}
