// The live microphone mouth in silence (#12): each sound streamed through the live learned mouth
// (src/live/lipMouth.ts, 128-sample blocks as the AudioWorklet gets them), sampled at 25 fps and
// read `--lag` frames later (the causal model shows the audio 2 frames behind); the share of
// silent-stretch frames (more than 0.1 s from speech, per-file speech activity, as bench/lipChecks.ts
// counts them) where the lips are apart (jawOpen x 0.6 eye-corner distances > 0.02). Prints only.
//
//   node --import tsx bench/liveSilence.ts [--lag 2]
import path from 'node:path';
import { decodeAudioChunks } from '../src/io/media.ts';
import { createLearnedLiveMouth } from '../src/live/lipMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { silentStretchMask } from '../src/motion/lipGate.ts';
import { LIP_CAUSAL_MODEL_FILE, loadLipModel } from '../src/motion/lipModel.ts';
import { DATA } from '../src/motion/train/teacher.ts';
import { JAW_SCALE, OPEN_GAP } from '../src/motion/train/lipData.ts';

const FPS = 25;
const lagArg = process.argv.indexOf('--lag');
const LAG = lagArg >= 0 ? Number(process.argv[lagArg + 1]) : 2;

/** The live jawOpen at 25 fps for a whole file, streamed in 128-sample blocks. */
async function liveJaw(file: string): Promise<number[]> {
  const mouth = createLearnedLiveMouth(loadLipModel(LIP_CAUSAL_MODEL_FILE));
  const jaw: number[] = [];
  let heard = 0;
  for await (const chunk of decodeAudioChunks(file, { sampleRate: 16000, chunkSamples: 16000 })) {
    for (let o = 0; o < chunk.length; o += 128) {
      const block = chunk.subarray(o, o + 128);
      mouth.push(block);
      heard += block.length;
      while (jaw.length / FPS <= heard / 16000) jaw.push(mouth.state.weights.jawOpen ?? 0);
    }
  }
  return jaw;
}

const files = ['audio/eng.wav', 'audio/japanese.wav', 'audio/imagine.wav', 'audio/mt_sun.wav', 'audio/RD_Radio31_000.wav', 'video/WDA_KatieHill_000.mp4'];
let allSilent = 0;
let allOpen = 0;
for (const f of files) {
  const file = path.join(DATA, f);
  const jaw = await liveJaw(file);
  const audio = await lipAudio(file);
  const n = Math.min(jaw.length - LAG, Math.round((audio.samples / 16000) * FPS));
  const silent = silentStretchMask(speechActivity(audio, FPS, n), Math.round(0.1 * FPS));
  let count = 0;
  let open = 0;
  for (let i = 0; i < n; i++) {
    if (!silent[i]) continue;
    count++;
    if (jaw[i + LAG]! * JAW_SCALE > OPEN_GAP) open++;
  }
  allSilent += count;
  allOpen += open;
  console.log(`${path.basename(f).padEnd(24)} silent frames ${String(count).padStart(4)}, live lips apart in ${((100 * open) / Math.max(1, count)).toFixed(1)} %`);
}
console.log(`all: ${allSilent} silent frames, live lips apart in ${((100 * allOpen) / Math.max(1, allSilent)).toFixed(1)} %`);
