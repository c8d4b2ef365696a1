// Per-eye blink travel (lids31): both eyes at the same blink weight w, each eye's opening over its own
// rest opening, read two ways: the mesh lids as drawn (renderer.landmarks, the geometry alone) and the
// face mesh read off the render (what the critic's read-back sees, shading included). Equal weights
// should give equal relative openings; the last columns are the largest L-R split over the weights.
// Never asserts.
//   node --import tsx bench/blinkPerEye.ts [--only lp_s12.jpg,lp_s42.jpg] [--weights .3,.5,.7,.85,1] [--from0] [--sheet out.png]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { writeFile } from 'node:fs/promises';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { eyesBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const only = arg('--only', 'lp_s12.jpg,lp_s42.jpg,lp_s5.jpg,lp_s9.jpg,st_art_1.png,lp_s7.jpg,mt_man.png').split(',');
const sheet = arg('--sheet', '');
const rows: GridCell[][] = [];
const weights = arg('--weights', '0.3,0.5,0.7,0.85,1').split(',').map(Number);

async function readBack(img: RgbaImage): Promise<{ left: number; right: number } | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  return f ? eyeOpenings(f.landmarks as Landmarks) : null;
}

const fmt = (o: { left: number; right: number } | null, rest: { left: number; right: number }) =>
  o ? `${(o.left / rest.left).toFixed(2)}/${(o.right / rest.right).toFixed(2)}` : '  --/--  ';
const split = (o: { left: number; right: number } | null, rest: { left: number; right: number }) =>
  o ? Math.abs(o.left / rest.left - o.right / rest.right) : 0;

console.log(`per eye L/R (subject's left = image-right) opening over its rest at eyeBlinkLeft = eyeBlinkRight = w`);
console.log(`photo        pw L/R     rest mesh / read   | mesh ${weights.map((w) => `w${w}`.padEnd(9)).join(' ')} | read ${weights.map((w) => `w${w}`.padEnd(9)).join(' ')} | max split mesh read`);
for (const file of only) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(DATA, 'portraits', file));
  const avatar = buildAvatar(portrait);
  const r = createRenderer(avatar, { width: portrait.image.width, height: portrait.image.height });
  const n0 = r.neutralFrame();
  // --from0: the rest is blink 0 on both eyes (a driver at its own rest), not the photo's fitted weights
  const n = process.argv.includes('--from0') ? { ...n0, w: { ...n0.w, eyeBlinkLeft: 0, eyeBlinkRight: 0 } } : n0;
  const pw = avatar.rig.photoWeights;
  const restMesh = eyeOpenings(r.landmarks(n));
  const restRead = await readBack(r.render(n));
  if (!restRead) { console.log(`${file}: no face on the rest render`); continue; }
  const mesh: string[] = [], read: string[] = [];
  const box = eyesBox(r.landmarks(n), r.width, r.height);
  const row: GridCell[] = [{ label: `${path.basename(file)} rest`, image: cropImage(r.render(n), box) }];
  let sMesh = 0, sRead = 0;
  for (const w of weights) {
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
    const m = eyeOpenings(r.landmarks(f));
    const img = r.render(f);
    const o = await readBack(img);
    row.push({ label: `w ${w} read L/R ${fmt(o, restRead)}`, image: cropImage(img, box) });
    mesh.push(fmt(m, restMesh).padEnd(9)); read.push(fmt(o, restRead).padEnd(9));
    sMesh = Math.max(sMesh, split(m, restMesh)); sRead = Math.max(sRead, split(o, restRead));
  }
  const pws = `${pw[CONTROL_INDEX.eyeBlinkLeft]!.toFixed(2)}/${pw[CONTROL_INDEX.eyeBlinkRight]!.toFixed(2)}`;
  const rests = `${restMesh.left.toFixed(2)},${restMesh.right.toFixed(2)} / ${restRead.left.toFixed(2)},${restRead.right.toFixed(2)}`;
  console.log(`${path.basename(file).padEnd(12)} ${pws.padEnd(10)} ${rests.padEnd(20)} | ${mesh.join(' ')} | ${read.join(' ')} | ${sMesh.toFixed(2)} ${sRead.toFixed(2)}`);
  rows.push(row);
}
if (sheet) await writeFile(sheet, await labelledGrid(rows, { title: `both eyes at eyeBlinkLeft = eyeBlinkRight = w (image-left eye = subject right); read = face mesh L/R over rest`, cellW: 360, cellH: 120 }));
