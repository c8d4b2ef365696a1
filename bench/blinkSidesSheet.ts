// s50 halfblink50: each eye 4x at eyeBlink = 0 and the given weights, the mesh upper/lower lid middles dotted (green/yellow).
//   node --import tsx bench/blinkSidesSheet.ts st_full_body_1.png out.png [0.3,0.5,0.7] [--midoff]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { eyeBox } from './eyeBox.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';
const file = process.argv[2]!; const out = process.argv[3]!;
const weights = (process.argv[4] ?? '0.3,0.5,0.7').split(',').map(Number);
if (process.argv.includes('--midoff')) midLidSetting.on = false;
const portrait = await cachedPortrait(path.join('/work/shared/data/portraits', file));
const r = createRenderer(buildAvatar(portrait), (process.argv.includes('--512') ? { width: 512, height: 512 } : { width: portrait.image.width, height: portrait.image.height }));
const n = r.neutralFrame();
const rows: GridCell[][] = [];
// image-left eye corners 33/133 (upper mid 159, lower 145), image-right 263/362 (upper 386, lower 374)
for (const [a, b, up, lo] of [[33, 133, 159, 145], [362, 263, 386, 374]] as const) {
  const box = eyeBox(r.landmarks(n), a, b, r.width, r.height);
  const row: GridCell[] = [];
  for (const w of [0, ...weights]) {
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
    const img = r.render(f); const lm = r.landmarks(f);
    for (const id of [up, lo]) { const x = Math.round(lm[id]![0]!), y = Math.round(lm[id]![1]!); for (const dx of [-2,-1,0,1,2]) { const k = (y * img.width + x + dx) * 4; img.data[k] = id === up ? 0 : 255; img.data[k+1] = 255; img.data[k+2] = 0; } }
    row.push({ label: `${a === 33 ? 'img-left' : 'img-right'} w${w} mesh gap ${Math.hypot(lm[up]![0]!-lm[lo]![0]!, lm[up]![1]!-lm[lo]![1]!).toFixed(1)}px`, image: cropImage(img, box) });
  }
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: file + ' yellow/cyan dots: mesh upper/lower lid mid', cellW: 400, cellH: 240 }));
