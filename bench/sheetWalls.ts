// Walls in the head sheet next to the face oval (issue #15, session 19): per portrait, the sheet vertices
// over the photo's person within 12 px of the oval that lie more than 4 px deeper per px of image distance
// (src/eval/sheetWall.ts; a wall a turn shows face-on, lp_s10's torn chin lobe), the steepest, and where.
// Avatar only, no render. Never asserts.
//   node --import tsx bench/sheetWalls.ts [--root DIR] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const names = args.length ? args : ['lp_s42.jpg', 'st_happy.png', 'lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s1.jpg'];
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
// the measure is this checkout's, whatever root builds the avatar
const { sheetWalls } = await import(path.join(HERE, 'src/eval/sheetWall.ts'));
console.log('portrait'.padEnd(14), 'wall vertices  steepest (px deep per px)  at');
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const w = sheetWalls(buildAvatar(portrait), portrait.matte);
  console.log(name.padEnd(14), String(w.count).padEnd(15), w.steepest.toFixed(2).padEnd(26), `(${w.at[0].toFixed(0)}, ${w.at[1].toFixed(0)})`);
}
process.exit(0);
