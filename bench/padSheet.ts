// Shut eyes before/after (the pad's tone, bench/padTone.ts measures it): per portrait, both eyes
// zoomed: photo | blink 1 from --base (another checkout sharing this one's node_modules, e.g. a
// git archive with node_modules symlinked here) | blink 1 from this checkout, each with the face
// mesh's read-back (shut / photo opening, worse eye). Never asserts.
//   node --import tsx bench/padSheet.ts out.png lp_s42.jpg,lp_s2.jpg --base /tmp/base [--blink 0.6]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const [out, list] = process.argv.slice(2);
const baseAt = process.argv.indexOf('--base');
if (!out || !list || baseAt < 0) throw new Error('usage: bench/padSheet.ts out.png a.jpg,b.png --base dir');
const blinkAt = process.argv.indexOf('--blink');
const blink = blinkAt > 0 ? Number(process.argv[blinkAt + 1]) : 1;
const roots: [string, string][] = [['before', process.argv[baseAt + 1]!], ['after', path.resolve(import.meta.dirname, '..')]];
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(DATA, 'portraits', file));
  const photoFace = (await detectFaces(copy(portrait.image), { embedding: false }))[0];
  if (!photoFace) continue;
  const lm = photoFace.landmarks, o = eyeOpenings(lm);
  const w = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const x = Math.max(0, Math.round(cx - 0.75 * w)), y = Math.max(0, Math.round(cy - 0.3 * w));
  const box: [number, number, number, number] = [x, y, Math.min(portrait.image.width - x, Math.round(1.5 * w)), Math.min(portrait.image.height - y, Math.round(0.55 * w))];
  const row: GridCell[] = [{ label: `${path.basename(file)} photo`, image: cropImage(portrait.image, box) }];
  for (const [label, root] of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
    const n = r.neutralFrame();
    const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: blink, eyeBlinkRight: blink } }));
    const f = (await detectFaces(copy(shut), { embedding: false }))[0];
    const s = f ? eyeOpenings(f.landmarks) : undefined;
    const ratio = s ? Math.max(s.left / o.left, s.right / o.right).toFixed(2) : '--';
    row.push({ label: `${label} blink ${blink} (read-back ${ratio})`, image: cropImage(shut, box) });
  }
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: `shut eyes: photo | before | after (blink ${blink}; read-back = shut / photo opening, worse eye)`, cellW: 480, cellH: 176 }));
console.log('sheet:', out);
