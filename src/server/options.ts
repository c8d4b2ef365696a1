// Options of the server and of one job as a client sends them (multipart text fields). Job option
// ranges and defaults come from the shared GenerateOptionsSchema, so the CLI, the API and the
// server agree; paths are never accepted from a client.
import { z } from 'zod';
import { Option, defaultOf } from '../config.ts';
import type { JobOptions } from './jobs.ts';
import { DEFAULT_LIMITS, type UploadLimits } from './limits.ts';
import { HttpError } from './http-error.ts';
import { DEFAULT_MAX_JOB_PIXELS } from './guards.ts';

const boolField = z.union([z.boolean(), z.enum(['true', 'false', 'on', 'off', '1', '0'])]).transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

/** A form field (text) read as the number of a declared option: same range, same default. */
function numberField(option: z.ZodDefault<z.ZodNumber>) {
  return z.coerce.number().pipe(option.unwrap()).default(defaultOf(option)).describe(option.description ?? '');
}

/** The options a job request may set: the generate options without paths, read from form fields. */
export const JobOptionsSchema = z
  .object({
    // a job's driving video is an upload, so pose names it 'video' instead of a path; unset, it depends on
    // the uploads (jobPoseDefault), so it has no fixed default here
    pose: z
      .enum(['static', 'auto', 'video'])
      .optional()
      .describe("head pose: still, generated from the audio, or the pose of the uploaded video [drv_pose]. Unset: the video's pose when a video is uploaded, else auto (moves with the speech)"),
    blink: Option.blink,
    mouthAmp: numberField(Option.mouthAmp),
    temperature: numberField(Option.temperature),
    seed: numberField(Option.seed),
    bg: z
      .string()
      .regex(/^(inpainted|transparent|image|#[0-9a-fA-F]{6})$/, 'bg must be inpainted, transparent, image (with a background file) or a colour #rrggbb')
      .default(defaultOf(Option.bg))
      .describe('background: inpainted, transparent (webm), image (the uploaded background file) or a colour #rrggbb [bg_img]'),
    size: numberField(Option.size),
    fps: numberField(Option.fps),
    crop: Option.crop,
    mode: Option.mode,
    mapToInitPose: boolField.default(defaultOf(Option.mapToInitPose)).describe(Option.mapToInitPose.description ?? ''),
    steadyCamera: numberField(Option.steadyCamera),
    face: numberField(Option.face),
  })
  .strict();

/** Defaults of the job options, as the page and /api/options show them. */
export function jobOptionDefaults(): Record<string, unknown> {
  return JobOptionsSchema.parse({});
}

/** The pose of a job that names none: a driving video's own, else head motion from the speech (as generate's --pose). */
export function jobPoseDefault(uploads: { video: boolean }): JobOptions['pose'] {
  return uploads.video ? 'video' : 'auto';
}

/** Parses the text fields of a job request (unset pose from the uploads); 400 with the first problem in words. */
export function parseJobOptions(fields: Record<string, string>, uploads: { video: boolean }): JobOptions {
  // empty form fields mean "default"
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  const r = JobOptionsSchema.safeParse(present);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.join('.') || 'options';
    const msg = issue.code === 'unrecognized_keys' ? `Unknown option(s): ${(issue as { keys: string[] }).keys.join(', ')}.` : `Invalid ${where}: ${issue.message}.`;
    throw new HttpError(400, msg, 'bad_input');
  }
  return { ...r.data, pose: r.data.pose ?? jobPoseDefault(uploads) } as JobOptions;
}

export interface ServerOptions {
  port: number;
  host: string;
  /** folder of job records, uploads, results and cached avatars */
  dataDir: string;
  workers: number;
  /** most jobs waiting before POST /api/jobs answers 429 */
  maxQueued: number;
  /** finished jobs are deleted after this many hours (0 = never) */
  ttlHours: number;
  limits: UploadLimits;
  /** cache avatars by photo hash when the pipeline can save/load them */
  avatarCache: boolean;
  /** log requests to stderr */
  log: boolean;
  /** most frames x pixels one job may render (debug frames are 4 panels wide); 0 = no limit */
  maxJobPixels: number;
  /** a running job is stopped and marked failed after this many seconds; 0 = no limit */
  maxJobSeconds: number;
  /** origins (http://host:port) whose pages may POST/DELETE here besides the server's own page */
  allowOrigins: string[];
  /** an upload whose body brings no data for this long is refused (408) and removed */
  bodyTimeoutMs: number;
  /** most event streams open at once (429 beyond) */
  maxEventStreams: number;
  /** redis://host:port: queue jobs in BullMQ for `real3d worker` processes instead of rendering here */
  redis?: string;
}

/** What startServer accepts: any subset, limits included. */
export type ServerOptionsInput = Partial<Omit<ServerOptions, 'limits'>> & { limits?: Partial<UploadLimits> };

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  port: 7861,
  host: '127.0.0.1',
  dataDir: './real3d-data',
  workers: 1,
  maxQueued: 50,
  ttlHours: 24,
  limits: DEFAULT_LIMITS,
  avatarCache: true,
  log: false,
  maxJobPixels: DEFAULT_MAX_JOB_PIXELS,
  // a 120 s job takes ~1 min on 2 idle cores; 30 min leaves room for a loaded machine
  maxJobSeconds: 30 * 60,
  allowOrigins: [],
  bodyTimeoutMs: 60_000,
  maxEventStreams: 100,
};
