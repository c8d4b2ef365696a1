// One options schema with defaults, shared by the CLI, the public API and the HTTP server.
// Reference-system names are noted where they differ (drv_aud, drv_pose, blink_mode, ...).
import { z } from 'zod';

export const BlinkMode = z.enum(['none', 'periodic', 'natural']);
export const OutputMode = z.enum(['final', 'debug']);
export const CropMode = z.enum(['head', 'full']);

/**
 * Each option is declared once, here: its type, range, default and description (with units).
 * The schemas below, the server's form schema, the OpenAPI document, the web page's defaults,
 * the CLI's defaults and docs/api.md are all derived from these declarations.
 */
export const Option = {
  face: z.number().int().min(0).default(0).describe('which detected face to use, 0 = the largest'),
  minFaceArea: z.number().min(0).max(100).default(0.1).describe('smallest face accepted, in percent of the image area'),
  fps: z.number().min(1).max(60).default(25).describe('frames per second of the video'),
  blink: BlinkMode.default('natural').describe('blinks: none, periodic (every ~5 s), or natural (like a speaker: after phrase ends and in pauses, seeded by the clip) [blink_mode]'),
  mouthAmp: z.number().min(0).max(2).default(0.45).describe('scale of mouth opening: 0 keeps the mouth closed, 0.45 is the calibrated default, 2 the widest [mouth_amp]'),
  temperature: z.number().min(0).max(2).default(0.2).describe('variety of generated head motion and blink timing, unitless [temperature]'),
  seed: z.number().int().default(0).describe('random seed: the same seed and inputs give the same motion [seed]'),
  mapToInitPose: z.boolean().default(true).describe("map the driver's first head pose onto the photo's pose [map_to_init_pose]"),
  steadyCamera: z.number().min(0).max(10).default(0).describe("seconds: a driving video's head translation taken against its running median over this half-window, so a drifting or zooming camera does not slide the photo's face (try 1 for a handheld driver); 0 follows the driver's head as seen"),
  bg: z.string().default('inpainted').describe('background: inpainted (the photo\'s own, person removed), a path of an image, a colour #rrggbb, or transparent (webm/mov) [bg_img]'),
  size: z.number().int().min(64).max(2048).default(512).describe('output size in pixels: the square side, or with crop full the longer side'),
  crop: CropMode.default('head').describe('head: the square head crop; full: the whole photo with the head animated in place'),
  mode: OutputMode.default('final').describe('final video, or debug: source | landmarks | driver | result side by side [out_mode]'),
  cache: z.boolean().default(true).describe("reuse the avatar of a photo seen before, from the user's cache folder (REAL3D_CACHE_DIR, else $XDG_CACHE_HOME/real3d or ~/.cache/real3d); false: analyse again and write nothing there"),
};

/** The default of a declared option. */
export function defaultOf<T>(schema: z.ZodType<T, unknown>): T {
  return schema.parse(undefined);
}

/** Options of the analyze stage (also accepted by generate). */
export const AnalyzeOptionsSchema = z.object({
  face: Option.face,
  minFaceArea: Option.minFaceArea,
  cropSize: z.number().int().min(128).max(2048).default(512).describe('side of the square crop in pixels'),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptionsSchema>;

/** Options of motion generation from audio [audio-to-motion]. */
export const AudioMotionOptionsSchema = z.object({
  // a motion file may be sampled faster than a video plays
  fps: z.number().min(1).max(120).default(defaultOf(Option.fps)).describe('frames per second of the motion'),
  // a talking head moves: a still head reads as frozen (critic32), so audio jobs move it unless told static
  pose: z.enum(['static', 'auto']).default('auto').describe('auto: head motion generated from the rhythm of the audio; static: a still head'),
  blink: Option.blink,
  mouthAmp: Option.mouthAmp,
  temperature: Option.temperature,
  seed: Option.seed,
});
export type AudioMotionOptions = z.infer<typeof AudioMotionOptionsSchema>;

export const GenerateOptionsSchema = z
  .object({
    image: z.string().optional().describe('path of the photo of the person to animate (or give avatar)'),
    avatar: z.string().optional().describe('path of a saved avatar, instead of image'),
    audio: z.string().optional().describe('path of speech audio, any format ffmpeg reads [drv_aud]; with motion: the soundtrack'),
    video: z.string().optional().describe('path of a driving video: its expressions (and head pose unless pose says otherwise)'),
    motion: z.string().optional().describe('path of a saved Motion JSON'),
    output: z.string().describe('path of the video to write: .mp4, .webm or .mov (written to a temporary file, renamed when complete)'),
    pose: z.string().optional().describe("static | auto | path of a video whose head pose drives the photo [drv_pose]. Unset: the driving video's pose when video is given, else auto (audio only)"),
    mapToInitPose: Option.mapToInitPose,
    steadyCamera: Option.steadyCamera,
    blink: Option.blink,
    mouthAmp: Option.mouthAmp,
    temperature: Option.temperature,
    seed: Option.seed,
    bg: Option.bg,
    size: Option.size,
    fps: Option.fps,
    crop: Option.crop,
    mode: Option.mode,
    saveAvatar: z.string().optional().describe('also save the avatar to this path, for reuse with avatar'),
    saveMotion: z.string().optional().describe('also save the motion JSON to this path'),
    face: Option.face,
    minFaceArea: Option.minFaceArea,
    cache: Option.cache,
  })
  .strict();
export type GenerateOptions = z.infer<typeof GenerateOptionsSchema>;
export type GenerateInput = z.input<typeof GenerateOptionsSchema>;

/** Progress events emitted by long jobs (CLI bar, --json lines, HTTP server). */
export interface ProgressEvent {
  /** the stage running now */
  stage: 'analyze' | 'avatar' | 'motion' | 'render' | 'encode' | 'done';
  /** frames (or steps) of this stage done */
  done: number;
  /** frames (or steps) of this stage in all, when known */
  total: number;
  /** frames per second of the current stage, when meaningful */
  fps?: number;
  /** estimated seconds left */
  eta?: number;
  /** what is happening, in words */
  message?: string;
}

export interface JobControl {
  /** called with each progress event of the job */
  onProgress?: (e: ProgressEvent) => void;
  /** aborting it cancels the job: it rejects with CancelledError and writes no output */
  signal?: AbortSignal;
}
