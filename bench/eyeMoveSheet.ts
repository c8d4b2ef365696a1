// Eyes zoomed, one row per analysis folder (e.g. before / after the missed-eye check,
// analyze/eyes.ts): photo with the landmarks' lids (green upper, red lower) | rest | blink 0.5 |
// blink 1 | yaw -20 | yaw +20. For looking, never asserts.
//   node --import tsx bench/eyeMoveSheet.ts [--far] out.png analysisDirA [analysisDirB ...]
// --far: only the image-left eye (the far eye of a head turned to the viewer's right, lp_s10), larger.
import path from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { readAnalysis } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, eyeRegion, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const far = process.argv.includes('--far');
const [out, ...dirs] = process.argv.slice(2).filter((a) => a !== '--far');
/** The image-left eye in a square of 3.4 eye widths (after the eye widths of the analysis row). */
const farEyeBox = (lm: [number, number, number][], size: number): [number, number, number, number] => {
  const [a, b] = [lm[33]!, lm[133]!];
  const half = 1.7 * Math.hypot(a[0] - b[0], a[1] - b[1]);
  const x = Math.max(0, Math.round((a[0] + b[0]) / 2 - half)), y = Math.max(0, Math.round((a[1] + b[1]) / 2 - half));
  return [x, y, Math.min(size - x, Math.round(2 * half)), Math.min(size - y, Math.round(2 * half))];
};
const region = (lm: [number, number, number][], size: number) => (far ? farEyeBox(lm, size) : eyeRegion(lm, size, size));
if (!out || dirs.length === 0) throw new Error('usage: node --import tsx bench/eyeMoveSheet.ts out.png analysisDir [analysisDir ...]');
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
const rowLabels: string[] = [];
for (const dir of dirs) {
  const portrait = await readAnalysis(dir);
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const n = r.neutralFrame();
  const cell = (label: string, frame: MotionFrame): GridCell => ({ label, image: cropImage(copy(r.render(frame)), region(r.landmarks(frame), size)) });
  rows.push([
    { label: 'photo + landmark lids', image: cropImage(markLids(portrait.image, portrait.cropLandmarks), region(portrait.cropLandmarks, size)) },
    cell('rest', n),
    cell('blink 0.5', { ...n, w: { ...n.w, eyeBlinkLeft: 0.5, eyeBlinkRight: 0.5 } }),
    cell('blink 1', { ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }),
    cell('yaw -20', { ...n, pose: { ...n.pose, yaw: -20 } }),
    cell('yaw +20', { ...n, pose: { ...n.pose, yaw: 20 } }),
  ]);
  // the folder's two last parts (the cache's "analysis" level skipped): before/lp_s10.jpg
  rowLabels.push(dir.split(path.sep).filter((p) => p && p !== 'analysis').slice(-2).join('/'));
}
const png = await labelledGrid(rows, { title: 'eyes zoomed: photo | rest | blink 0.5 | blink 1 | yaw -20 | yaw +20', cellW: far ? 240 : 360, cellH: far ? 240 : 150, rowLabels });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log(out);
