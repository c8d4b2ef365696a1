// Which frames of a saved motion a checkout renders byte-identically to another (s42 tongueout42: the frames a driver's tongue
// out must leave alone). Per frame: the pixels that differ and the largest channel difference; a count of identical frames.
//   node --import tsx bench/tongueOutSame.ts --portrait lp_s5.jpg --motion m.json --frames 80-88,15 --base OTHER_CHECKOUT
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { MotionFrame } from '../src/types.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const file = opt('--portrait', 'lp_s5.jpg');
const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const frames = opt('--frames', '').split(',').filter(Boolean).flatMap((s) => {
  const [a, b] = s.split('-').map(Number);
  return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
}).filter((f) => f < motion.frames.length);
const ours = await rendererOfRoot(path.resolve('.'), portrait, 512), base = await rendererOfRoot(path.resolve(opt('--base', '.')), portrait, 512);
let same = 0;
for (const f of frames) {
  const a = ours.render(motion.frames[f]!).data, b = Uint8ClampedArray.from(base.render(motion.frames[f]!).data);
  let n = 0, most = 0;
  for (let i = 0; i < a.length; i++) { const d = Math.abs(a[i]! - b[i]!); if (d) { n++; most = Math.max(most, d); } }
  if (!n) same++;
  console.log(`f${f}: ${n ? `${n} channel values differ, most ${most}` : 'identical'}`);
}
console.log(`${path.basename(file)}: identical ${same}/${frames.length}`);
