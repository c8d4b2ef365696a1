// The audio pose's turn on turned photos (s34, nod34; issue #15): per portrait (its rig-fit yaw) and
// bundled voice, over seeds, the worst total |photo yaw + motion yaw| and the worst outward motion yaw
// (toward the side the photo hides), without and with the outward limit (src/motion/turnRoom.ts).
// --sheet FILE: per turned portrait (|photo yaw| > 5) its most outward frame, rendered (neutral face,
// the frame's yaw/pitch/roll) unlimited | limited, head and the face 2.6x about the nose tip. Never asserts.
//   node --import tsx bench/turnRoom.ts [--seeds 8] [--seconds 9] [--sheet out.jpg] [portraits...]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { cachedPortrait } from './portraitCache.ts';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { frameEnergy } from '../src/motion/lipRounding.ts';
import { headMotion } from '../src/motion/headMotion.ts';
import { limitOutwardYaw } from '../src/motion/turnRoom.ts';
import { SHARED_DATA } from './sharedData.ts';
import sharp from 'sharp';
import { createRenderer } from '../src/render/renderer.ts';
import { ovalBox, squareCell, writeSheet } from './headCells.ts';

const DATA = SHARED_DATA;
const FPS = 25;
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const seeds = Number(flag('--seeds', '8')), seconds = Number(flag('--seconds', '9')), sheet = flag('--sheet', '');
const CELL = 256;
const sheetRows: Buffer[][] = [];
const names = args.length ? args : ['lp_s10.jpg', 'lp_s12.jpg', 'mt_man.png', 'lp_s42.jpg'];
const voices = ['eng.wav', 'japanese.wav', 'imagine.wav', 'mt_sun.wav', 'RD_Radio31_000.wav'];

const energies = await Promise.all(voices.map(async (v) => {
  const audio = await lipAudio(path.join(DATA, 'audio', v));
  return frameEnergy(audio, FPS, Math.min(Math.round((audio.samples / 16000) * FPS), seconds * FPS));
}));
console.log(`worst over ${voices.length} voices x ${seeds} seeds, first ${seconds} s: |photo yaw + motion yaw| (deg), outward motion yaw; unlimited -> limited`);
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, 'portraits', name)));
  const photoYaw = avatar.rig.angles.yaw;
  const side = Math.sign(photoYaw) || 1;
  let total = [0, 0], out = [0, 0], sdOut = [0, 0], count = 0;
  let worst = { yaw: 0, pitch: 0, roll: 0 };
  for (const e of energies) for (let s = 0; s < seeds; s++) {
    const { yaw, pitch, roll } = headMotion(e, FPS, s, 0.2);
    for (const [i, y] of yaw.entries()) {
      if (y * side > worst.yaw * side) worst = { yaw: y, pitch: pitch[i]!, roll: roll[i]! };
      const lim = limitOutwardYaw(y, photoYaw);
      total = [Math.max(total[0]!, Math.abs(photoYaw + y)), Math.max(total[1]!, Math.abs(photoYaw + lim))];
      out = [Math.max(out[0]!, y * side), Math.max(out[1]!, lim * side)];
      sdOut = [sdOut[0]! + y * y, sdOut[1]! + lim * lim];
      count++;
    }
  }
  const f = (p: number[]) => `${p[0]!.toFixed(1)} -> ${p[1]!.toFixed(1)}`;
  if (sheet && Math.abs(photoYaw) > 5) {
    const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
    const cells: Buffer[] = [], cheeks: Buffer[] = [];
    for (const yaw of [worst.yaw, limitOutwardYaw(worst.yaw, photoYaw)]) {
      const frame = { ...r.neutralFrame(), pose: { ...worst, yaw, tx: 0, ty: 0, tz: 0 } };
      const img = r.render(frame), lm = r.landmarks(frame) as [number, number, number][];
      const box = ovalBox(lm), nose = lm[1]!; // nose, eyes and mouth: where a far turn folds the face (issue #15)
      console.log(`  sheet: motion yaw ${yaw.toFixed(1)} (total ${(photoYaw + yaw).toFixed(1)}), pitch ${worst.pitch.toFixed(1)}, roll ${worst.roll.toFixed(1)}`);
      cells.push(await squareCell(img, box.cx, box.cy, box.extent * 1.3, CELL));
      cheeks.push(await squareCell(img, nose[0], nose[1], box.extent / 2, CELL));
    }
    sheetRows.push([cells[0]!, cheeks[0]!, cells[1]!, cheeks[1]!]);
  }
  console.log(`${name.padEnd(12)} photo yaw ${photoYaw.toFixed(1).padStart(6)}: worst total ${f(total)}, worst outward ${f(out)}, rms motion yaw ${f(sdOut.map((x) => Math.sqrt(x / count)))}`);
}
if (sheet && sheetRows.length) {
  const png = `${sheet}.png`;
  await writeSheet(sheetRows, CELL, png);
  await sharp(png).jpeg({ quality: 82 }).toFile(sheet);
  console.log(`wrote ${sheet}: per row unlimited head | its nose, eyes and mouth 2.6x | limited head | the same`);
}
