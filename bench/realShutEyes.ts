// Real shut eyes to look at beside ours: each eye of a few real blink frames (the closed-eye
// library's candidates in the train clips, Katie's blinks in the Katie clip), cropped as
// bench/shutEyeCrops.ts crops a portrait's eye (2 eye widths wide, 1.2 high, corners from the
// face mesh on the shut frame), saved as PNGs named real-<clip>-<frame>-<L|R>.png. Never asserts.
//   node --import tsx bench/realShutEyes.ts outDir [--picks clip:frame,...]
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { encodePng } from '../src/io/image.ts';
import { eyeBox } from './eyeBox.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node --import tsx bench/realShutEyes.ts outDir [--picks clip:frame,...]');
/** Real shut frames (25 fps): the library's four candidates (bench/lidProfile.ts REAL) and Katie's two blinks the critic used (f24, f172). */
const PICKS = 'styletalk_andrew_clip_1.mp4:105,dfrf_french.mp4:78,edtalk_mouth_source.mp4:169,videoretalking_4.mp4:106,WDA_KatieHill_000.mp4:24,WDA_KatieHill_000.mp4:172';
mkdirSync(outDir, { recursive: true });

for (const pick of (arg('--picks') ?? PICKS).split(',')) {
  const [clip, at] = pick.split(':');
  const file = [path.join(DATA, 'train', 'clips', clip!), path.join(DATA, 'video', clip!)].find((f) => existsSync(f));
  if (!file) { console.log(`${clip}: not found`); continue; }
  const frame = await videoFrameAt(file, Number(at));
  const lm = (await detectFaces(frame, { embedding: false }))[0]?.landmarks;
  if (!lm) { console.log(`${pick}: no face`); continue; }
  for (const [side, a, b] of [['L', 33, 133], ['R', 362, 263]] as const) {
    const name = `real-${clip!.replace(/\.[^.]+$/, '')}-${at}-${side}.png`;
    await writeFile(path.join(outDir, name), await encodePng(cropImage(frame, eyeBox(lm, a, b, frame.width, frame.height))));
    console.log(name);
  }
}
