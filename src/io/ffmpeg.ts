// Locates ffmpeg/ffprobe: the binaries shipped inside npm packages by default, a system one only
// when the user points to it with REAL3D_FFMPEG / REAL3D_FFPROBE.
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
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
}

/** Runs ffprobe on a file; rejects with the tool's stderr when it cannot read it. */
export function probe(file: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(err.trim() || `ffprobe exited with ${code}`));
      try {
        resolve(JSON.parse(out) as ProbeResult);
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** Parses an ffprobe rate like "25/1" into a number. */
export function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [n, d] = rate.split('/').map(Number);
  return d ? n! / d : n!;
}
