// What a user's media file is, decided by ffprobe on the file itself (never by its name): its
// streams, frame rate, duration and the container every later decode is forced to. A file that is
// missing, empty, a photo, or unreadable gets one line saying what to give instead.
import { stat, open } from 'node:fs/promises';
import { probe, parseRate, MediaOpenError, type ProbeResult } from './ffmpeg.ts';
import { AudioError, VideoError, InputError, SetupError } from '../errors.ts';

async function assertReadableFile(file: string, what: string, ErrorClass: typeof InputError): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ErrorClass(`Cannot read the ${what} ${file}: the file does not exist.`);
  }
  if (size === 0) throw new ErrorClass(`The ${what} ${file} is empty (0 bytes). Give a real ${what} file.`);
}

/** The kind of image a file starts like (its magic bytes), or undefined. */
async function imageKind(file: string): Promise<string | undefined> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(16);
    await fh.read(b, 0, 16, 0);
    if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
    if (b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return 'PNG';
    if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'WebP';
    if (b.toString('latin1', 0, 3) === 'GIF') return 'GIF';
    if (b.toString('latin1', 0, 2) === 'BM') return 'BMP';
    if (b.toString('latin1', 4, 8) === 'ftyp' && /^(hei|hev|mif|avi)/.test(b.toString('latin1', 8, 12))) return 'HEIF/AVIF';
    return undefined;
  } finally {
    await fh.close();
  }
}

/** ffprobe of a media file that must exist and be non-empty; the error names what to give instead. */
async function probeMedia(file: string, what: 'video' | 'audio', ErrorClass: typeof InputError, hint: string): Promise<ProbeResult> {
  await assertReadableFile(file, what, ErrorClass);
  try {
    return await probe(file);
  } catch (err) {
    if (err instanceof SetupError) throw err; // a missing ffmpeg is not the file's fault
    const reason = err instanceof MediaOpenError ? err.message : (err as Error).message.split('\n')[0];
    // a photo given where sound or video is expected: say so rather than "format refused"
    const image = err instanceof MediaOpenError && err.reason === 'refused' ? await imageKind(file) : undefined;
    if (image) throw new ErrorClass(`${file} is an image (${image}): it has no ${what === 'video' ? 'video' : 'audio'} stream. ${hint}`);
    throw new ErrorClass(`Cannot read ${file} as ${what === 'video' ? 'a video' : 'audio'}: ${reason}. ${hint}`);
  }
}

export interface VideoInfo {
  width: number;
  height: number;
  fps: number;
  /** seconds from the header; 0 when the container has none (raw H.264): count frames instead */
  duration: number;
  frameCount: number;
  hasAudio: boolean;
  /** the ffmpeg demuxer every decode of this file is forced to */
  container: string;
}

const VIDEO_HINT = 'Use an mp4, mov, webm, mkv or avi video.';
const AUDIO_HINT = 'Use wav, mp3, m4a, ogg, flac or a video with sound.';

/** Reads a video's stream properties; VideoError with a clear message if it is not a video. */
export async function probeVideo(file: string): Promise<VideoInfo> {
  const info = await probeMedia(file, 'video', VideoError, VIDEO_HINT);
  const v = info.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!v) throw new VideoError(`${file} has no video stream. Give a video of a face (mp4, mov, webm...).`);
  const fps = parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate) || 25;
  const duration = Number(v.duration ?? info.format.duration ?? 0) || 0;
  return {
    width: v.width!,
    height: v.height!,
    fps,
    duration,
    frameCount: Math.round(duration * fps),
    hasAudio: info.streams.some((s) => s.codec_type === 'audio'),
    container: info.container,
  };
}

export interface AudioInfo {
  /** seconds from the header; 0 when the container has none (count samples instead) */
  duration: number;
  sampleRate: number;
  channels: number;
  /** the ffmpeg demuxer every decode of this file is forced to */
  container: string;
}

/** Reads an audio (or video-with-audio) file's first audio stream; AudioError if there is none. */
export async function probeAudio(file: string): Promise<AudioInfo> {
  const info = await probeMedia(file, 'audio', AudioError, AUDIO_HINT);
  const a = info.streams.find((s) => s.codec_type === 'audio');
  if (!a) throw new AudioError(`${file} has no audio stream. Give a speech recording (wav, mp3, m4a...).`);
  return {
    duration: Number(a.duration ?? info.format.duration ?? 0) || 0,
    sampleRate: Number(a.sample_rate ?? 0),
    channels: a.channels ?? 1,
    container: info.container,
  };
}

