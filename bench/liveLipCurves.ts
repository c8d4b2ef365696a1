// The live microphone mouth (src/live/lipMouth.ts, 10 ms hops, streaming normalisation, causal
// gate) on clips the shipped models never trained on (Katie, mt_sun), against the real jaw
// (`motion --video` from the teacher cache): jawOpen r at the best lag within +-15 frames (the live
// mouth runs late by its look-ahead, and the clips have their own audio/video offsets) and a curve plot, for
// lips-causal.json and any other causal model file given (e.g. main's MLP, for before/after).
// Usage: node --import tsx bench/liveLipCurves.ts [--other FILE.json --other-name NAME] [--out docs/live/live-lips.png]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createLearnedLiveMouth } from '../src/live/lipMouth.ts';
import { LIP_CAUSAL_MODEL_FILE, loadLipModel } from '../src/motion/lipModel.ts';
import { decodeAudio } from '../src/io/media.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { plotCurves } from '../src/motion/plot.ts';
import { DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces } from '../src/motion/train/teacher.ts';
import { CAUSAL_OFFSETS, loadClipData } from '../src/motion/train/lipData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const models: [string, URL][] = [['lips-causal.json', LIP_CAUSAL_MODEL_FILE]];
if (arg('--other')) models.push([arg('--other-name') ?? 'other', pathToFileURL(arg('--other')!)]);
const out = arg('--out') ?? new URL('../docs/live/live-lips.png', import.meta.url).pathname;

/** The live jaw at 25 fps: the mouth's state once the audio up to each frame's time has been pushed. */
function liveJaw(url: URL, samples: Float32Array, n: number): number[] {
  const mouth = createLearnedLiveMouth(loadLipModel(url));
  const jaw: number[] = [];
  for (let o = 0; o < samples.length && jaw.length < n; o += 128) {
    mouth.push(samples.subarray(o, o + 128));
    while (jaw.length < n && jaw.length / 25 <= (o + 128) / 16000) jaw.push(mouth.state.weights.jawOpen!);
  }
  return jaw;
}

const panels: { title: string; series: { label: string; values: number[] }[] }[] = [];
for (const clip of HELDOUT_CLIPS) {
  const faces = readCachedFaces(DEFAULT_CACHE, clip);
  if (!faces) { console.log(`${clip.name}: not in the teacher cache`); continue; }
  const data = await loadClipData(clip, faces, CAUSAL_OFFSETS);
  const real = Array.from(data.videoJaw);
  const samples = await decodeAudio(clip.audio, { sampleRate: 16000 });
  const series = [{ label: 'real (motion --video)', values: real }];
  for (const [name, url] of models) {
    const jaw = liveJaw(url, samples, real.length);
    const { r, lag } = bestLagPearson(real, jaw, 15);
    console.log(`${clip.name}: live ${name} jawOpen r ${r.toFixed(3)} at lag ${lag} frames (positive: the live jaw is late)`);
    series.push({ label: `live ${name} (r ${r.toFixed(2)}, lag ${lag})`, values: jaw });
  }
  panels.push({ title: `${clip.name}: jawOpen, real vs the live microphone mouth`, series });
}
writeFileSync(out, await plotCurves(panels, { width: 1400, panelHeight: 200 }));
console.log(`wrote ${out}`);
