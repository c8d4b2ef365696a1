// The training data of the lip model, per clip: the teacher's mouth weights (the rig's mouth
// controls as the video path reads them, relative to the clip's own rest face), the audio context
// vectors, and what the scores need (the video path's jawOpen, the lip gap, speech activity).
import { motionFramesFromRaw, type RawFaceFrame, type RestFace } from '../fromVideo.ts';
import type { FaceMeasures } from '../measures.ts';
import { contextVector, LIP_FRAME_DIM, lipAudio, speechActivity, type LipAudio } from '../lipFeatures.ts';
import { TEACHER_FPS, type CachedFace, type TrainClip } from './teacher.ts';
import { percentile } from '../restFace.ts';

export const LIP_TARGETS = ['jawOpen', 'mouthFunnel', 'mouthPucker', 'mouthStretchLeft', 'mouthStretchRight', 'mouthPress', 'mouthUpperUp', 'mouthLowerDown'];
/** offline context: 13 pooled 40 ms windows, -240..+240 ms */
export const OFFLINE_OFFSETS = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
/** causal variant: windows centred at -480..0 ms (the one at 0 reaches +20 ms, its 100 Hz frames +32 ms: within a 40 ms look-ahead) */
export const CAUSAL_OFFSETS = [-12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0];
/** heads turned further than this (deg) read the lips badly: those frames are not trained on */
const MAX_YAW = 35;
const MAX_PITCH = 25;
/** lips apart by more than this (eye-corner distances over rest) count as open in the silence figure (~3 px when the eye corners span 150 px of a 512 px portrait) */
export const OPEN_GAP = 0.02;
/**
 * The lip teacher keeps the video path's short jaw closures (framesFromRaw.ts closuresKept)? No: with them the
 * speech frames the teacher reads shut rose from 18 to 28 % and a retrained network shut Katie's speech 20 -> 49
 * frames (lipnet23, docs/lipsync/README.md). The targets and scores stay those every lips.json was trained on.
 */
export const TEACHER_CLOSURES = false;
/** fewer silent frames than this (1 s): the lip lengths' rest is the median over the whole clip */
const MIN_SILENT_FRAMES = 25;
/** the video path's scale: a lip gap of 0.6 eye-corner distances is jawOpen 1 */
export const JAW_SCALE = 0.6;

export interface ClipData {
  clip: TrainClip;
  n: number;
  /** n x dim raw (unstandardised) context vectors */
  X: Float32Array;
  /** n x T targets (relative to the clip's closed-mouth rest) */
  Y: Float32Array;
  valid: Uint8Array;
  /** the measure: jawOpen of the video path as `motion --video` computes it */
  videoJaw: Float64Array;
  /** lip gap over the clip's rest, eye-corner distances (NaN where no face) */
  gapOverRest: Float64Array;
  speech: Float64Array;
  audio: LipAudio;
  /** targets the calibration maps onto (the raw teacher; Y itself may be per-clip standardised) */
  Ycal?: Float32Array;
  /** loss weight of the whole clip (1 unless the teacher is doubtful) */
  weight?: number;
  /** the teacher's smile (mean of mouthSmileLeft/Right), for lipseq's smile experiments; not a model target */
  smile?: Float32Array;
}

/** Nearest-rank percentile (0..100, 0 for no values): the trainers import it from here. */
export { percentile };

/**
 * The clip's rest face from its closed-mouth frames: lip gap at its 5th percentile, the two-sided
 * measures (width, corners, lip thickness) as medians over the frames whose gap is in the lowest
 * fifth, the lip lengths (upperUp/lowerDown) as medians over the silent frames (`silent`).
 * More robust than the video path's first 0.2 s when a clip starts mid-word.
 */
export function closedMouthRest(ms: FaceMeasures[], silent?: boolean[]): RestFace {
  const gaps = ms.map((m) => m.lipGap);
  const closedGap = percentile(gaps, 20);
  const closed = ms.filter((m) => m.lipGap <= closedGap);
  const med = (k: keyof FaceMeasures) => percentile(closed.map((m) => m[k] as number), 50);
  const all = (k: keyof FaceMeasures, p: number) => percentile(ms.map((m) => m[k] as number), p);
  // The lips' lengths (upperUp/lowerDown) are not taken from the closed frames: those are mostly
  // pressed lips (p/b/m), where the upper lip is stretched long, so a speaker's relaxed face read as
  // "upper lip up" all along (teacher upperUp medians in silence up to 0.9, above the speech ones).
  // Their rest is the relaxed face: the median over the clip's silent frames (all frames when it
  // has under a second of silence), so the target is the speaker's lift, not a resting offset.
  const quiet = silent ? ms.filter((_, i) => silent[i]) : [];
  const relaxed = (k: keyof FaceMeasures) => percentile((quiet.length >= MIN_SILENT_FRAMES ? quiet : ms).map((m) => m[k] as number), 50);
  return {
    lipGap: percentile(gaps, 5),
    mouthWidth: med('mouthWidth'),
    lipThickness: med('lipThickness'),
    upperLip: relaxed('upperLip'),
    lowerLip: relaxed('lowerLip'),
    cornerLiftLeft: med('cornerLiftLeft'),
    cornerLiftRight: med('cornerLiftRight'),
    eyeLeft: all('eyeLeft', 80),
    eyeRight: all('eyeRight', 80),
    browLeft: all('browLeft', 50),
    browRight: all('browRight', 50),
    browInnerLeft: all('browInnerLeft', 50),
    browInnerRight: all('browInnerRight', 50),
  };
}

export async function loadClipData(clip: TrainClip, faces: (CachedFace | null)[], offsets: number[], streaming = false): Promise<ClipData> {
  const raw = faces as unknown as (RawFaceFrame | null)[];
  const audio = await lipAudio(clip.audio, undefined, streaming);
  const audioFrames = Math.round((audio.samples / 16000) * TEACHER_FPS);
  const n = Math.min(faces.length, audioFrames);
  const speech = speechActivity(audio, TEACHER_FPS, n);
  const usable = faces.map((f, i) => ({ f, i })).filter((u): u is { f: CachedFace; i: number } => !!u.f && u.f.score >= 0.5);
  const rest = closedMouthRest(usable.map((u) => u.f.m), usable.map((u) => u.i < n && speech[u.i]! < 0.5));
  // the video path's jaw without its kept short closures (c2b9660): on the teacher cache they took the shut
  // speech frames from 18 to 28 %, which no sound foretells; the held-out r fell .485 -> .439 (lipnet23)
  const teacher = motionFramesFromRaw(raw, TEACHER_FPS, true, { rest, expressions: 'measures', jawClosuresKept: TEACHER_CLOSURES }).frames;
  const video = motionFramesFromRaw(raw, TEACHER_FPS, true, { expressions: 'measures', jawClosuresKept: TEACHER_CLOSURES }).frames;
  const dim = offsets.length * LIP_FRAME_DIM;
  const T = LIP_TARGETS.length;
  const X = new Float32Array(n * dim);
  const Y = new Float32Array(n * T);
  const valid = new Uint8Array(n);
  const videoJaw = new Float64Array(n);
  const gapOverRest = new Float64Array(n).fill(NaN);
  const smile = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    contextVector(audio, i / TEACHER_FPS, offsets, X.subarray(i * dim, (i + 1) * dim));
    for (let t = 0; t < T; t++) Y[i * T + t] = teacher[i]!.w[LIP_TARGETS[t]!] ?? 0;
    videoJaw[i] = video[i]!.w.jawOpen ?? 0;
    smile[i] = ((teacher[i]!.w.mouthSmileLeft ?? 0) + (teacher[i]!.w.mouthSmileRight ?? 0)) / 2;
    const f = faces[i];
    if (f) gapOverRest[i] = f.m.lipGap - rest.lipGap;
    valid[i] = f && f.score >= 0.5 && Math.abs(f.angles.yaw) <= MAX_YAW && Math.abs(f.angles.pitch) <= MAX_PITCH ? 1 : 0;
  }
  return { clip, n, X, Y, valid, videoJaw, gapOverRest, speech, audio, smile };
}
