// Checks of `real3d serve` that refuse a request before it costs anything: cross-site requests
// (CSRF) and jobs whose work (frames x pixels) is beyond the server's budget. Pure functions: the
// routes in app.ts turn their messages into 403 / 422 answers.
import type { JobFile, JobOptions, UploadField } from './jobs.ts';
import { fullFrameSize } from '../pipeline/layout.ts';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** "http://Example.org:80/" -> "http://example.org" (the form browsers send in Origin). */
export function normaliseOrigin(origin: string): string {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    return `${u.protocol}//${u.host}`;
  } catch {
    throw new Error(`${JSON.stringify(origin)} is not an origin: give a URL such as http://localhost:3000`);
  }
}

/** True when `origin` names the same scheme-less host:port as the Host header the request was sent to. */
function sameHost(origin: string, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  try {
    const o = new URL(origin);
    // the same scheme puts both through the same default-port rule (":80" is dropped for http)
    return new URL(`${o.protocol}//${hostHeader}`).host === o.host;
  } catch {
    return false;
  }
}

/**
 * Why a state-changing request must be refused as cross-site (undefined: allowed). A web page on
 * another site can make the user's browser POST a form here; browsers say where it came from
 * (Origin, Sec-Fetch-Site). Clients that are not browsers send neither and are allowed.
 */
export function crossSiteRefusal(method: string, headers: Record<string, string | string[] | undefined>, allowed: ReadonlySet<string>): string | undefined {
  if (SAFE_METHODS.has(method)) return undefined;
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  const site = headers['sec-fetch-site'];
  if (isAllowedOrigin(origin, allowed)) return undefined;
  const from = origin ? `a page at ${origin}` : 'another site';
  const hint = origin && origin !== 'null' ? ` To accept requests from that site, start the server with --allow-origin ${safeNormalise(origin)}.` : '';
  const refusal = `Refused: this ${method} request came from ${from}, not from this server's own page (cross-site request).${hint}`;
  if (site === 'cross-site' || site === 'same-site') return refusal;
  if (origin !== undefined && !sameHost(origin, headers.host as string | undefined)) return refusal;
  return undefined;
}

/** True when the user allowed pages of this origin (--allow-origin). */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return !!origin && origin !== 'null' && allowed.has(safeNormalise(origin));
}

function safeNormalise(origin: string): string {
  try {
    return normaliseOrigin(origin);
  } catch {
    return origin;
  }
}

// ---- work budget

/** Width and height of the frames a job's video will have, as generate() lays them out. */
export function outputFrameSize(options: Pick<JobOptions, 'size' | 'mode' | 'crop'>, photo: { width: number; height: number }): { width: number; height: number } {
  if (options.crop === 'full' && photo.width > 0 && photo.height > 0) return fullFrameSize(photo.width, photo.height, options.size);
  // the debug view puts four panels side by side: source, landmarks, driver, result
  return { width: options.mode === 'debug' ? options.size * 4 : options.size, height: options.size };
}

export interface JobWork {
  /** seconds of the driving audio (or video when there is no audio) */
  seconds: number;
  frames: number;
  width: number;
  height: number;
  /** frames x pixels per frame */
  pixels: number;
}

/** The work of a job: how many frames of which size it renders and encodes. */
export function jobWork(options: Pick<JobOptions, 'size' | 'mode' | 'crop' | 'fps'>, files: Partial<Record<UploadField, JobFile>> & { photo: JobFile }): JobWork {
  const driver = files.audio ?? files.video;
  const seconds = Number(driver?.info.duration ?? 0) || 0;
  const photo = { width: Number(files.photo.info.width) || 0, height: Number(files.photo.info.height) || 0 };
  const { width, height } = outputFrameSize(options, photo);
  const frames = Math.ceil(seconds * options.fps);
  return { seconds, frames, width, height, pixels: frames * width * height };
}

/** The default budget: a 120 s job at 512x512 and 25 fps (about 1 minute of rendering on 2 cores). */
export const DEFAULT_MAX_JOB_PIXELS = 120 * 25 * 512 * 512;

function millions(n: number): string {
  return n >= 1e9 ? `${Math.round(n / 1e8) / 10} billion` : `${Math.round(n / 1e6)} million`;
}

/** Why a job is over the budget, with what would fit (undefined: within it). */
export function budgetRefusal(work: JobWork, options: Pick<JobOptions, 'mode' | 'crop' | 'fps'>, maxPixels: number): string | undefined {
  if (!(maxPixels > 0) || work.pixels <= maxPixels) return undefined;
  const longest = Math.floor(maxPixels / (options.fps * work.width * work.height));
  const ways = [
    longest >= 1 ? `a driver of at most ${longest} s at these settings` : undefined,
    options.crop === 'full' ? 'crop=head' : 'a smaller size',
    'a lower fps',
    options.mode === 'debug' && options.crop !== 'full' ? 'mode=final (the debug view is 4 panels wide)' : undefined,
  ].filter(Boolean);
  return (
    `This job is too much work for this server: ${Math.round(work.seconds * 10) / 10} s at ${options.fps} fps of ${work.width}x${work.height} frames ` +
    `is ${millions(work.pixels)} frame pixels; the limit is ${millions(maxPixels)} (--max-job-pixels). To fit, use ${ways.join(', or ')}.`
  );
}
