// One options schema with defaults, shared by the CLI, the public API and the HTTP server.
// Reference-system names are noted where they differ (drv_aud, drv_pose, blink_mode, ...).
import { z } from 'zod';

export const BlinkMode = z.enum(['none', 'periodic', 'natural']);
export const OutputMode = z.enum(['final', 'debug']);
export const CropMode = z.enum(['head', 'full']);

/** Options of the analyze stage (also accepted by generate). */
export const AnalyzeOptionsSchema = z.object({
  /** which detected face to use, 0 = largest */
  face: z.number().int().min(0).default(0),
  /** smallest face area, in percent of the image, accepted before auto-crop gives up */
  minFaceArea: z.number().min(0).max(100).default(0.1),
  /** side of the square crop in pixels */
  cropSize: z.number().int().min(128).max(2048).default(512),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptionsSchema>;

/** Options of motion generation from audio [audio-to-motion]. */
export const AudioMotionOptionsSchema = z.object({
  fps: z.number().min(1).max(120).default(25),
  /** pose: static head, or head motion generated from the audio's rhythm */
  pose: z.enum(['static', 'auto']).default('static'),
  blink: BlinkMode.default('periodic'),
  /** scale of mouth opening [mouth_amp] */
  mouthAmp: z.number().min(0).max(2).default(0.45),
  /** variety of generated head motion and blinks [temperature] */
  temperature: z.number().min(0).max(2).default(0.2),
  seed: z.number().int().default(0),
});
export type AudioMotionOptions = z.infer<typeof AudioMotionOptionsSchema>;

export const GenerateOptionsSchema = z
  .object({
    image: z.string().optional(),
    /** reuse a saved avatar instead of --image */
    avatar: z.string().optional(),
    audio: z.string().optional(),
    /** driving video: expressions (and pose unless --pose says otherwise) */
    video: z.string().optional(),
    /** a saved Motion JSON */
    motion: z.string().optional(),
    output: z.string(),
    /**
     * static | auto | path of a video whose head pose drives the photo [drv_pose].
     * Unset: the driving video's pose when --video is given, else static.
     */
    pose: z.string().optional(),
    mapToInitPose: z.boolean().default(true),
    blink: BlinkMode.default('periodic'),
    mouthAmp: z.number().min(0).max(2).default(0.45),
    temperature: z.number().min(0).max(2).default(0.2),
    seed: z.number().int().default(0),
    /** inpainted | path of an image | #rrggbb | transparent [bg_img] */
    bg: z.string().default('inpainted'),
    size: z.number().int().min(64).max(2048).default(512),
    fps: z.number().min(1).max(60).default(25),
    crop: CropMode.default('head'),
    mode: OutputMode.default('final'),
    saveAvatar: z.string().optional(),
    saveMotion: z.string().optional(),
    face: z.number().int().min(0).default(0),
    minFaceArea: z.number().min(0).max(100).default(0.1),
  })
  .strict();
export type GenerateOptions = z.infer<typeof GenerateOptionsSchema>;
export type GenerateInput = z.input<typeof GenerateOptionsSchema>;

/** Progress events emitted by long jobs (CLI bar, --json lines, HTTP server). */
export interface ProgressEvent {
  stage: 'analyze' | 'avatar' | 'motion' | 'render' | 'encode' | 'done';
  /** frames (or steps) done and total, when known */
  done: number;
  total: number;
  /** frames per second of the current stage, when meaningful */
  fps?: number;
  /** estimated seconds left */
  eta?: number;
  message?: string;
}

export interface JobControl {
  onProgress?: (e: ProgressEvent) => void;
  signal?: AbortSignal;
}
