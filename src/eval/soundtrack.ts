// The audio mode's sound: where a video's speech is, its loudness per frame (a reference curve
// for lip sync), and whether the audio lip model was trained on this clip.
import path from 'node:path';
import { decodeAudio, probeAudio, type VideoInfo } from '../io/media.ts';

/** Where a video's speech is: the given file, the video's own track, or audio/<name>.wav beside a data folder. */
export async function soundtrackFor(video: string, info: VideoInfo, given?: string): Promise<string | null> {
  if (given) return given;
  if (info.hasAudio) return video;
  const candidate = path.join(path.dirname(path.dirname(path.resolve(video))), 'audio', `${path.basename(video, path.extname(video))}.wav`);
  try {
    await probeAudio(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/** RMS loudness per video frame (a reference signal for lip sync), log-compressed. */
export async function loudnessPerFrame(file: string, fps: number, frames: number): Promise<Float64Array> {
  const rate = 16000;
  const samples = await decodeAudio(file, { sampleRate: rate });
  const hop = rate / fps;
  const out = new Float64Array(frames);
  for (let i = 0; i < frames; i++) {
    const from = Math.max(0, Math.round(i * hop - hop / 2));
    const to = Math.min(samples.length, Math.round(i * hop + hop * 1.5));
    let s = 0;
    for (let k = from; k < to; k++) s += samples[k]! * samples[k]!;
    out[i] = Math.log10(1e-6 + Math.sqrt(s / Math.max(1, to - from)));
  }
  return out;
}

/** Videos the audio lip model was trained on (so lip sync there is in-sample): file names from its model card meta. */
export async function mouthModelTrainingVideos(): Promise<string[]> {
  try {
    const spec = '../motion/lipModel.ts';
    const lips = (await import(spec)) as { loadLipModel: () => { meta: { trainedOnFiles?: string[] } } };
    return lips.loadLipModel().meta.trainedOnFiles ?? [];
  } catch {
    return [];
  }
}
