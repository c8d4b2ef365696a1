// A turned head's far mouth corner (issue #15, session 32): per checkout (--root, repeatable; default
// this one), portrait and yaw the half-tone lip pixels around the far corner (src/eval/cornerPaleLip.ts:
// lp_s10's pale doubled corner at +12.5 / +25); at yaw 0 both corners (image-left / image-right: the
// photo's own). `--sheet FILE` also writes, per portrait and yaw, a row of each checkout's head and its
// far cheek and mouth corner 3x, over the plate. Never asserts.
//   node --import tsx bench/farMouthCorner.ts --root BEFORE --root . [--yaws -25,-12.5,0,12.5,25] [--sheet docs/edges/x.jpg] [--cell 300] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, ovalBox, squareCell, turnSheetArgs, writeGappedSheet } from './headCells.ts';
import { paleLipAtCorner } from '../src/eval/cornerPaleLip.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const argv = process.argv.slice(2);
const sheetAt = argv.indexOf('--sheet');
const sheet = sheetAt >= 0 ? argv.splice(sheetAt, 2)[1]! : null;
const cellAt = argv.indexOf('--cell');
const CELL = cellAt >= 0 ? Number(argv.splice(cellAt, 2)[1]) : 300;
const { roots, names, yaws } = turnSheetArgs(argv, '');
const yawList = argv.includes('--yaws') ? yaws : [-25, -12.5, 0, 12.5, 25];
const list = names.length ? names : ['lp_s10.jpg', 'mt_man.png', 'lp_s42.jpg', 'lp_s12.jpg', 'st_art_1.png', 'lp_s9.jpg'];
const rows: Buffer[][] = [];
for (const name of list) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const renderers = await Promise.all(roots.map((root) => checkoutRenderer(root, portrait)));
  const line: string[] = [];
  for (const yaw of yawList) {
    const heads: Buffer[] = [], zooms: Buffer[] = [], counts: string[] = [];
    for (const { renderer, neutral } of renderers) {
      const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
      const lm = renderer.landmarks(frame) as [number, number, number][];
      // without a backdrop first (the renderer reuses its output buffer), then over the plate for the sheet
      const bareFrame = renderer.render(frame, { background: null });
      const bare = { ...bareFrame, data: Uint8ClampedArray.from(bareFrame.data) };
      const img = renderer.render(frame);
      const iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
      const at = (i: number, out: -1 | 1) => { const r = paleLipAtCorner(img, [lm[i]![0], lm[i]![1]], out, iod, bare); return `${r.count}|${r.outlineRed}`; };
      counts.push(yaw > 0 ? `${at(61, -1)}` : yaw < 0 ? `${at(291, 1)}` : `${at(61, -1)}/${at(291, 1)}`);
      if (!sheet) continue;
      const box = ovalBox(lm);
      heads.push(await squareCell(img, box.cx, box.cy + 0.1 * box.extent, 1.6 * box.extent, CELL));
      // the far side: from the far oval point (234 image-left for +yaw) to the mouth corner, at the corner's height, a third of the face box, 3x
      const far = lm[yaw >= 0 ? 234 : 454]!, corner = lm[yaw >= 0 ? 61 : 291]!;
      zooms.push(await squareCell(img, (far[0] + 2 * corner[0]) / 3, corner[1] - 0.05 * box.extent, 1.6 * box.extent / 3, CELL));
    }
    line.push(`${yaw > 0 ? '+' : ''}${yaw}: ${counts.join(' -> ')}`);
    if (sheet) rows.push([...heads, ...zooms]);
  }
  console.log(`${name.padEnd(13)} pale-lip px|outline red px ${line.join('  ')}`);
}
if (sheet) { await writeGappedSheet(rows, CELL, sheet); console.log(sheet); }
process.exit(0);
