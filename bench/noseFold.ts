// The nose's texture folds on a turn (issue #15, session 21; src/eval/noseFold.ts): per portrait and
// yaw, along the rendered rows from mid-nose to the subnasale, how far the sampled photo column steps
// back while screen x goes on (the photo drawn twice beside itself: lp_s10's ghost nose at +25).
// Prints the mean and worst step-back per row (photo px) and the rows folded by more than 2 px.
// Never asserts.
//   node --import tsx bench/noseFold.ts [--root CHECKOUT] [--yaws -25,25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { noseFoldRows } from '../src/eval/noseFold.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', path.resolve(import.meta.dirname, '..')));
const yaws = flag('--yaws', '-25,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png'];
const DATA = SHARED_PORTRAITS;
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));

console.log(`${root}\nportrait yaw: mean | worst step-back per row (photo px), rows > 2 px / rows`);
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const avatar = buildAvatar(portrait);
  const cells = yaws.map((yaw) => {
    const rows = noseFoldRows(avatar, portrait.cropLandmarks, yaw);
    const mean = rows.reduce((s, b) => s + b, 0) / Math.max(1, rows.length);
    return `${yaw}: ${mean.toFixed(2)} | ${Math.max(0, ...rows).toFixed(0)}, ${rows.filter((b) => b > 2).length}/${rows.length}`;
  });
  console.log(`${name.padEnd(13)} ${cells.join('   ')}`);
}
process.exit(0);
