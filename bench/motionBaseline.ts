// The plain energy-envelope baseline for lip sync: relative loudness -> opening, with the same
// co-articulation and silence handling as the model.
import { audioFrameFeatures, measureLevels } from '../src/motion/audioFeatures.ts';
import { postprocessMouth, REFERENCE_MOUTH_AMP } from '../src/motion/mouthModel.ts';
export { bestLagPearson } from '../src/motion/filters.ts';

export async function postprocessMouthEnergyBaseline(file: string, fps: number): Promise<Float64Array> {
  const levels = await measureLevels(file);
  const e: number[] = [];
  const s: number[] = [];
  for await (const f of audioFrameFeatures(file, fps, levels)) {
    e.push(Math.max(0, f.energy + 4.6) / 4.6);
    s.push(f.speech);
  }
  return postprocessMouth([Float64Array.from(e)], s, fps, REFERENCE_MOUTH_AMP)[0]!;
}
