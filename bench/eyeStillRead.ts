// Stills of gaze and wide eyes, drawn vs read back: per portrait, the neutral frame at gaze x -1, -.5,
// .5, 1 (y at the photo's) and at eyeWide .5 / 1 (both eyes), rendered at 512 and read by the face mesh.
// Gaze: what the renderer draws (each disc's eased shift over its eye's half width, render/gazeIris.ts,
// mean of the eyes; the head does not turn here) beside what the mesh reads (measures.ts eyeGazes, each
// iris on its own eye's corners, minus the rest read; 1 = half an eye width). Wide: each eye's opening
// (eval/eyes.ts eyeOpenings) over the rest render's. Never asserts.
// --sheet out.png: both eyes (about 3x) at rest, each gaze and each wide still.
//   node --import tsx bench/eyeStillRead.ts [--sheet out.png] st_art_1.png,lp_s2.jpg,...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer, GAZE_SHIFT_X } from '../src/render/renderer.ts';
import { GazeIris, easeInto, eyeShiftX } from '../src/render/gazeIris.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeGazes, type Landmarks } from '../src/motion/measures.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

const sheetAt = process.argv.indexOf('--sheet');
const sheet = sheetAt > 0 ? process.argv[sheetAt + 1] : undefined;
const list = (process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).at(-1) ?? 'st_art_1.png,lp_s2.jpg,lp_s12.jpg,lp_s42.jpg').split(',');
const rows: GridCell[][] = [];
const GX = [-1, -0.5, 0.25, 0.5, 1], WIDE = [0.5, 1];
const f2 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(2);
for (const file of list) {
  const avatar = buildAvatar(await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file)));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  let box: [number, number, number, number] | null = null;
  const row: GridCell[] = [];
  const read = async (f: MotionFrame, label = 'rest'): Promise<Landmarks | undefined> => {
    const img = r.render(f);
    if (box) row.push({ label: `${file} ${label}`, image: cropImage({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, box) });
    return (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
  };
  const gazeOf = (lm: Landmarks) => { const g = eyeGazes(lm); return (g[0][0] + g[1][0]) / 2; };
  const rest0 = await read(n);
  if (!rest0) { console.log(`${file}: no face at rest`); continue; }
  // both eyes, 1.3 corner distances wide, 3:1
  const iodPx = Math.hypot(rest0[263]![0]! - rest0[33]![0]!, rest0[263]![1]! - rest0[33]![1]!);
  const bw = Math.round(1.3 * iodPx), bh = Math.round(bw / 3);
  box = [Math.round((rest0[263]![0]! + rest0[33]![0]!) / 2 - bw / 2), Math.round((rest0[263]![1]! + rest0[33]![1]!) / 2 - bh / 2), bw, bh];
  const rest = (await read(n))!;
  // what is drawn: the discs' eased shifts (the same GazeIris the renderer builds) over each eye's half width
  const uv = avatar.uv, iod = avatar.head.iod;
  const gi = new GazeIris(uv, { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) });
  const halfW = [EYE_L_UPPER, EYE_R_UPPER].map((u) => Math.abs(uv[u.at(-1)! * 2]! - uv[u[0]! * 2]!) / 2);
  const drawn = (gx: number) => gi.discs.reduce((s, d, e) => { const x = eyeShiftX(e, (gx - n.gaze[0]) * GAZE_SHIFT_X * iod, 0); return s + easeInto(x, d.reach[x < 0 ? 0 : 1]) / halfW[e]! / 2; }, 0);
  const cells: string[] = [];
  for (const gx of GX) {
    const lm = await read({ ...n, gaze: [gx, n.gaze[1]] }, `gaze ${gx}`);
    cells.push(`${gx}: drawn ${f2(drawn(gx))} read ${lm ? f2(gazeOf(lm) - gazeOf(rest)) : 'none'}`);
  }
  const o0 = eyeOpenings(rest);
  for (const w of WIDE) {
    const lm = await read({ ...n, w: { ...n.w, eyeWideLeft: w, eyeWideRight: w } }, `wide ${w}`);
    const o = lm ? eyeOpenings(lm) : null;
    cells.push(`wide ${w}: ${o ? `${(o.left / o0.left).toFixed(2)}/${(o.right / o0.right).toFixed(2)}` : 'none'}`);
  }
  console.log(`${file.padEnd(14)} ${cells.join(' | ')}`);
  rows.push(row);
}
if (sheet) await writeFile(sheet, await labelledGrid(rows, { title: 'rest | gaze x -1 -.5 .25 .5 1 | eyeWide .5 1', cellW: 240, cellH: 80 }));
