// Locates ffmpeg/ffprobe: the binaries shipped inside npm packages by default, a system one only
// when the user points to it with REAL3D_FFMPEG / REAL3D_FFPROBE.
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SetupError } from '../errors.ts';

const require = createRequire(import.meta.url);

function ensureExecutable(file: string, what: string, envName: string): string {
  try {
    statSync(file);
  } catch {
    throw new SetupError(`${what} not found at ${file}. Run npm install, or set ${envName} to an ${what} binary.`);
  }
  try {
    accessSync(file, constants.X_OK);
  } catch {
    // npm may skip the package's own `chmod` install script; fix the mode if we own the file.
    try {
      chmodSync(file, 0o755);
      accessSync(file, constants.X_OK);
    } catch {
      throw new SetupError(`${what} at ${file} is not executable. Run: chmod +x ${file} (or set ${envName}).`);
    }
  }
  return file;
}

let cachedFfmpeg: string | undefined;
let cachedFfprobe: string | undefined;

export function ffmpegPath(): string {
  if (cachedFfmpeg) return cachedFfmpeg;
  const fromEnv = process.env.REAL3D_FFMPEG;
  const file = fromEnv || (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  cachedFfmpeg = ensureExecutable(file, 'ffmpeg', 'REAL3D_FFMPEG');
  return cachedFfmpeg;
}

export function ffprobePath(): string {
  if (cachedFfprobe) return cachedFfprobe;
  const fromEnv = process.env.REAL3D_FFPROBE;
  const file = fromEnv || (require('@ffprobe-installer/ffprobe') as { path: string }).path;
  cachedFfprobe = ensureExecutable(file, 'ffprobe', 'REAL3D_FFPROBE');
  return cachedFfprobe;
}

export interface ProbeStream {
  index: number;
  codec_type: 'video' | 'audio' | string;
  codec_name?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  nb_frames?: string;
}

export interface ProbeResult {
  streams: ProbeStream[];
  format: { duration?: string; format_name?: string; size?: string };
  /** the demuxer the file is read with (forced on every later decode) */
  container: string;
}

/**
 * Containers (ffmpeg demuxer names) that a user's file may be read as. Everything else is refused
 * before it is opened, notably the formats that make ffmpeg read OTHER files or URLs named inside
 * the upload: hls/dash playlists, concat lists, image2 sequences, webm_dash_manifest, ffmetadata,
 * sdp/rtp, lavfi. Each listed one carries its own media only.
 */
export const ACCEPTED_CONTAINERS: readonly string[] = [
  // audio
  'wav', 'w64', 'mp3', 'flac', 'ogg', 'aac', 'aiff', 'caf', 'au', 'amr', 'wv', 'ape', 'tta', 'ac3', 'eac3', 'dts',
  // audio and video
  'mov', 'matroska', 'asf', 'avi', 'mpegts', 'mpeg', 'flv', 'nut',
  // raw video streams (no duration in their header: limits are counted while reading)
  'h264', 'hevc', 'm4v', 'mpegvideo', 'ivf', 'mjpeg', 'yuv4mpegpipe',
];

const PROBE_TIMEOUT_MS = 20_000;

/** Why a media file could not be opened: `refused` = a container we do not accept, `timeout` = the tool hung. */
export class MediaOpenError extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'unreadable' | 'timeout',
  ) {
    super(message);
  }
}

/**
 * The file as an ffmpeg input URL: absolute, with the `file:` protocol, so a name that starts with
 * `-` is not an option and a name like `concat:a|b` or `http://x` is not a protocol.
 */
export function fileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}

/**
 * ffmpeg input arguments that read `file` as the container `format` and nothing else: only the file
 * protocol, only that demuxer (so a decoder build that would guess differently cannot open it as
 * a playlist), never stdin.
 */
export function inputArgs(file: string, format: string): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', format, '-f', format, '-i', fileUrl(file)];
}

interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a short tool to completion with a hard time limit (the child is killed past it). */
function runTool(bin: string, args: string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, timeoutMs);
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => {
      if (stderr.length < 65536) stderr += d;
    });
    p.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}

/**
 * The container of a file as the DECODING ffmpeg sees it (the same binary that will read it, so
 * a probe by another build cannot disagree), restricted to ACCEPTED_CONTAINERS.
 */
export async function detectContainer(file: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string> {
  return (await openWithFfmpeg(file, timeoutMs)).container;
}

/** detectContainer, plus ffmpeg's own description of the input (stderr), for streamsFromFfmpeg. */
async function openWithFfmpeg(file: string, timeoutMs: number): Promise<{ container: string; stderr: string }> {
  const r = await runTool(ffmpegPath(), ['-hide_banner', '-nostdin', '-protocol_whitelist', 'file', '-format_whitelist', ACCEPTED_CONTAINERS.join(','), '-i', fileUrl(file)], timeoutMs);
  if (r.timedOut) throw new MediaOpenError(`reading its header took more than ${timeoutMs / 1000} s`, 'timeout');
  const m = /^Input #0, ([^ ]+), from '/m.exec(r.stderr);
  if (m) return { container: m[1]!.split(',')[0]!, stderr: r.stderr };
  if (/not on whitelist/i.test(r.stderr)) throw new MediaOpenError('its container is not an accepted audio or video format (playlists, concat lists and image sequences are refused)', 'refused');
  throw new MediaOpenError(lastLine(r.stderr).replace(/^file:[^:]*: /, '') || `ffmpeg exited with ${r.code}`, 'unreadable');
}

/**
 * Stream and container details of a media file. The container is detected by the decoding ffmpeg
 * (detectContainer) and ffprobe is forced to read the file as that container only.
 */
export async function probe(file: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const opened = await openWithFfmpeg(file, timeoutMs);
  const container = opened.container;
  const r = await runTool(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', ...inputArgs(file, container).filter((a) => a !== '-i')], timeoutMs);
  if (r.timedOut) throw new MediaOpenError(`ffprobe took more than ${timeoutMs / 1000} s`, 'timeout');
  // the bundled ffprobe build crashes (SIGSEGV) on any MPEG-TS file: use what ffmpeg said instead
  if (r.code === null) return { ...streamsFromFfmpeg(opened.stderr), container };
  if (r.code !== 0) throw new MediaOpenError(lastLine(r.stderr) || `ffprobe exited with ${r.code}`, 'unreadable');
  let result: ProbeResult;
  try {
    result = JSON.parse(r.stdout) as ProbeResult;
  } catch {
    throw new MediaOpenError('ffprobe gave no readable answer', 'unreadable');
  }
  return { ...result, streams: result.streams ?? [], format: { ...result.format }, container };
}

/**
 * The streams and duration of an input from ffmpeg's own description of it (the "Input #0" block
 * it prints on stderr): only the fields the pipeline reads. A fallback for when ffprobe fails.
 */
export function streamsFromFfmpeg(stderr: string): Omit<ProbeResult, 'container'> {
  const d = /^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/m.exec(stderr);
  const duration = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : undefined;
  const streams: ProbeStream[] = [];
  for (const m of stderr.matchAll(/^\s*Stream #0:(\d+)[^:]*: (Video|Audio): (\w+)(.*)$/gm)) {
    const rest = m[4]!;
    const s: ProbeStream = { index: Number(m[1]), codec_type: m[2]!.toLowerCase(), codec_name: m[3] };
    if (s.codec_type === 'video') {
      const size = /, (\d+)x(\d+)/.exec(rest);
      if (size) [s.width, s.height] = [Number(size[1]), Number(size[2])];
      const fps = /, ([\d.]+k?) (?:fps|tbr)/.exec(rest);
      if (fps && !fps[1]!.endsWith('k')) s.avg_frame_rate = s.r_frame_rate = fps[1];
    } else {
      const hz = /, (\d+) Hz/.exec(rest);
      if (hz) s.sample_rate = hz[1];
      const ch = /Hz, ([^,]+)/.exec(rest)?.[1] ?? '';
      s.channels = ch === 'mono' ? 1 : ch === 'stereo' ? 2 : Number(/(\d+) channels/.exec(ch)?.[1] ?? /^(\d)\.(\d)/.exec(ch)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 1) || 1;
    }
    streams.push(s);
  }
  return { streams, format: { duration: duration !== undefined ? String(duration) : undefined } };
}

/** Parses an ffprobe rate like "25/1" into a number. */
export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [n, d] = rate.split('/').map(Number);
  return d ? n! / d : n!;
}
