// The eye's own texels drawn beside it on a turn (issue #15, session 22; src/eval/eyeFold.ts): per
// portrait and yaw, the face pixels clear of each rendered eye opening (by 2 px) that sample the
// photo's eye opening (within 1 px): lp_s10's doubled far eye at +25. Prints image-left eye |
// image-right eye. Never asserts. A name may be a
// path (a flipped copy in /tmp: the other side as a held-out check).
//   node --import tsx bench/eyeFold.ts [--root CHECKOUT] [--yaws -25,0,25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { eyeTexelsBeside } from '../src/eval/eyeFold.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', path.resolve(import.meta.dirname, '..')));
const yaws = flag('--yaws', '-25,0,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png'];
const DATA = SHARED_PORTRAITS;
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));

console.log(`${root}\nportrait yaw: eye texels beside the image-left | image-right eye (px)`);
for (const name of names) {
  const portrait = await cachedPortrait(path.resolve(DATA, name));
  const avatar = buildAvatar(portrait);
  const cells = yaws.map((yaw) => `${yaw}: ${eyeTexelsBeside(avatar, portrait.cropLandmarks, yaw).join(' | ')}`);
  console.log(`${name.padEnd(13)} ${cells.join('   ')}`);
}
process.exit(0);
