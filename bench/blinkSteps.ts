// A blink frame by frame, eyes zoomed (about 3x): per portrait, the image-left eye at blink weights
// 0.5 .. 1, to look for a double image while the real shut eye fades in over the closing lid.
// Never asserts.   node --import tsx bench/blinkSteps.ts out.png lp_s42.jpg,lp_s2.jpg,... [title] [--steps 0,0.6,0.75,...]
import path from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const [out, list, title] = process.argv.slice(2).filter((a, i, all) => a !== '--steps' && all[i - 1] !== '--steps');
if (!out || !list) throw new Error('usage: node --import tsx bench/blinkSteps.ts out.png file1,file2,... [title] (portraits in ../shared/data/portraits)');
const stepsAt = process.argv.indexOf('--steps');
const STEPS = stepsAt > 0 ? process.argv[stepsAt + 1]!.split(',').map(Number) : [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  const w = Math.hypot(lm[133]![0]! - lm[33]![0]!, lm[133]![1]! - lm[33]![1]!);
  const cx = (lm[33]![0]! + lm[133]![0]!) / 2, cy = (lm[33]![1]! + lm[133]![1]!) / 2;
  const x = Math.max(0, Math.round(cx - 0.8 * w)), y = Math.max(0, Math.round(cy - 0.6 * w));
  const box: [number, number, number, number] = [x, y, Math.min(portrait.image.width - x, Math.round(1.6 * w)), Math.min(portrait.image.height - y, Math.round(1.0 * w))];
  rows.push(STEPS.map((b) => {
    const img = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b } });
    return { label: `${b === 0 ? file + ' ' : ''}blink ${b}`, image: cropImage(img, box) };
  }));
}
await writeFile(out + '.tmp', await labelledGrid(rows, { title: title ?? 'a blink step by step (image-left eye, zoomed)', cellW: 200, cellH: 125 }));
await rename(out + '.tmp', out);
console.log(`sheet: ${out}`);
