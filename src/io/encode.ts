// Streams raw RGBA frames into one ffmpeg process, muxing an audio track in sync.
// Frames are written as they are made, with backpressure, so memory stays flat in clip length.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ACCEPTED_CONTAINERS, ffmpegPath, fileUrl, inputArgs } from './ffmpeg.ts';
import { InputError, CancelledError, Real3dError } from '../errors.ts';
import type { RgbaImage } from '../types.ts';

export type Container = 'mp4' | 'webm' | 'mov';

/** The container for an output path, or an InputError that lists the accepted extensions. */
export function containerFor(file: string): Container {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mp4' || ext === '.m4v') return 'mp4';
  if (ext === '.webm') return 'webm';
  if (ext === '.mov') return 'mov';
  throw new InputError(`Unknown output extension "${ext || '(none)'}" for ${file}: use .mp4 (H.264), .webm (VP9, keeps transparency) or .mov (ProRes 4444, keeps transparency).`);
}

export interface EncoderOptions {
  output: string;
  container: Container;
  width: number;
  height: number;
  fps: number;
  /** audio file to mux (any format ffmpeg reads); its first audio stream is used */
  audio?: string;
  /** the audio file's container as probed (probeAudio().container): it is read as that and nothing else; unset, any of ACCEPTED_CONTAINERS */
  audioContainer?: string;
  /** seconds of audio to keep (the video's duration), so video and audio end together */
  duration?: number;
  /** keep the alpha channel (webm/mov only) */
  alpha?: boolean;
  signal?: AbortSignal;
}

/**
 * x264's chroma quantiser offset for mp4 (s46 flecks46). At crf 18 x264 steps the 4:2:0 chroma as coarsely as the
 * luma: on a dark, sharp, saturated edge against bright skin (a painted mouth's corner, lp_s9 <- lp_d11 f98/f168) a
 * chroma block's error leaves dark pixels grey between orange ones, read as a teal or blue-grey fleck that no render
 * draws (the raw frames have none). -12 (x264's finest) gives the chroma finer steps: lp_s9 <- lp_d11 mouth box
 * grey flecks 50 -> 19 per frame [4:2:0 alone, lossless: 15], file +28 %.
 */
export const mp4ChromaSetting = { qpOffset: -12 };

/**
 * VP9's quality for webm (libvpx crf; lower is finer). At 32 the realtime encoder dropped the skin's grain and
 * smeared the mouth corners' hue: lp_s9 <- lp_d11 f80-119, mouth box (bench/encodeLoss.ts, s47): PSNR 35.1 dB,
 * chroma flecks (off > 8) 111 per frame, 160 KB [mp4 37.5 dB, 33, 281 KB]; at 24 36.6 dB, 67, 299 KB, about the mp4's
 * size, same encode time (realtime, cpu-used 8).
 */
export const webmQualitySetting = { crf: 24 };

/** ffmpeg arguments for the chosen container: pure, so tests can check them. */
export function encoderArgs(o: EncoderOptions): string[] {
  const args = ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${o.width}x${o.height}`, '-r', String(o.fps), '-i', 'pipe:0'];
  // a user's file is read as its probed container only, through the file protocol only
  if (o.audio) args.push(...(o.audioContainer ? inputArgs(o.audio, o.audioContainer) : ['-protocol_whitelist', 'file', '-format_whitelist', ACCEPTED_CONTAINERS.join(','), '-i', fileUrl(o.audio)]));
  args.push('-map', '0:v:0');
  if (o.audio) args.push('-map', '1:a:0');
  if (o.container === 'mp4') {
    args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-movflags', '+faststart');
    if (mp4ChromaSetting.qpOffset) args.push('-x264-params', `chroma-qp-offset=${mp4ChromaSetting.qpOffset}`);
    if (o.audio) args.push('-c:a', 'aac', '-b:a', '128k');
  } else if (o.container === 'webm') {
    args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1', '-b:v', '0', '-crf', String(webmQualitySetting.crf), '-pix_fmt', o.alpha ? 'yuva420p' : 'yuv420p');
    if (o.alpha) args.push('-auto-alt-ref', '0', '-metadata:s:v:0', 'alpha_mode=1');
    if (o.audio) args.push('-c:a', 'libopus', '-b:a', '96k');
  } else {
    args.push('-c:v', 'prores_ks', '-profile:v', o.alpha ? '4444' : '3', '-pix_fmt', o.alpha ? 'yuva444p10le' : 'yuv422p10le');
    if (o.audio) args.push('-c:a', 'aac', '-b:a', '192k');
  }
  if (o.duration !== undefined) args.push('-t', o.duration.toFixed(3));
  args.push('-f', o.container === 'mp4' ? 'mp4' : o.container === 'webm' ? 'webm' : 'mov', fileUrl(o.output));
  return args;
}

/** An encoder that takes no frame (or does not finish the file) for this long is killed: a hung ffmpeg must not hold a job forever. */
const ENCODER_STALL_MS = 120_000;

/** One running ffmpeg encode. Call write() per frame (awaiting it), then finish(). */
export class VideoEncoder {
  private readonly proc: ChildProcess;
  private stderr = '';
  private readonly exited: Promise<number | null>;
  private failed: Error | null = null;
  readonly frameBytes: number;

  constructor(private readonly opts: EncoderOptions) {
    this.frameBytes = opts.width * opts.height * 4;
    this.proc = spawn(ffmpegPath(), encoderArgs(opts), { stdio: ['pipe', 'ignore', 'pipe'] });
    this.proc.stderr!.on('data', (d) => {
      if (this.stderr.length < 20000) this.stderr += d;
    });
    // EPIPE when ffmpeg dies early: the exit code and stderr tell the real story.
    this.proc.stdin!.on('error', (err) => (this.failed ??= err));
    this.exited = new Promise((resolve) => {
      this.proc.on('error', (err) => {
        this.failed ??= err;
        resolve(null);
      });
      this.proc.on('close', resolve);
    });
    opts.signal?.addEventListener('abort', () => this.kill(), { once: true });
  }

  /** Writes one frame; resolves when ffmpeg can take more (backpressure). */
  async write(frame: RgbaImage): Promise<void> {
    if (frame.width !== this.opts.width || frame.height !== this.opts.height) throw new Error(`frame is ${frame.width}x${frame.height}, encoder expects ${this.opts.width}x${this.opts.height}`);
    if (this.opts.signal?.aborted) throw new CancelledError();
    if (this.failed || this.proc.exitCode !== null) throw this.error();
    // copy: the renderer reuses its buffer for the next frame
    const ok = this.proc.stdin!.write(Buffer.from(frame.data.buffer.slice(frame.data.byteOffset, frame.data.byteOffset + this.frameBytes) as ArrayBuffer));
    if (!ok)
      await this.untilStalled(
        new Promise<void>((resolve) => {
          const done = () => {
            this.proc.stdin!.off('drain', done);
            this.proc.off('close', done);
            resolve();
          };
          this.proc.stdin!.once('drain', done);
          this.proc.once('close', done);
        }),
      );
    if (this.stalled) throw this.error();
  }

  private stalled = false;

  /** Waits for `p`; kills ffmpeg (and marks the encode stalled) when it takes ENCODER_STALL_MS. */
  private async untilStalled<T>(p: Promise<T>): Promise<T> {
    const timer = setTimeout(() => {
      this.stalled = true;
      this.kill();
    }, ENCODER_STALL_MS);
    try {
      return await p;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the input and waits for ffmpeg to finish the file. */
  async finish(): Promise<void> {
    this.proc.stdin!.end();
    const code = await this.untilStalled(this.exited);
    if (this.opts.signal?.aborted) throw new CancelledError();
    if (code !== 0) throw this.error();
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }

  private error(): Error {
    if (this.opts.signal?.aborted) return new CancelledError();
    if (this.stalled) return new Real3dError(`Video encoding stalled: ffmpeg took no frame for ${ENCODER_STALL_MS / 1000} s and was stopped.`);
    const detail = this.stderr.trim().split('\n').slice(-3).join(' | ') || this.failed?.message || 'ffmpeg stopped';
    return new Real3dError(`Video encoding failed: ${detail}`);
  }
}
