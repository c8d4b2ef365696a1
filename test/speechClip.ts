// Short clips of a real speaker cut from the shared test media, for tests that need real speech
// but not a whole file (the server, browser, queue and generate tests).
import { spawnSync } from 'node:child_process';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { sharedData } from '../bench/sharedData.ts';

const SPEAKER = sharedData('audio/RD_Radio31_000.wav');

/** Writes `seconds` of RD_Radio31_000.wav from `from` s to `dest` (WAV); throws with ffmpeg's message if the cut fails. */
export function cutSpeech(dest: string, seconds: number, from = 0): string {
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', String(from), '-t', String(seconds), '-i', SPEAKER, dest]);
  if (r.status !== 0) throw new Error(`cutting ${SPEAKER} failed: ${String(r.stderr)}`);
  return dest;
}
