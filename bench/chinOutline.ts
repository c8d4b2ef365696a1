// s41 (chin41): the far jaw's outline over a saved motion's frames, per --root checkout (bench/chinOutlineFigures.ts:
// dent, jag, fringe), and the photo's own (its matte as the coverage) as [real]. Never asserts.
//   node --import tsx bench/chinOutline.ts --portrait lp_s10.jpg --motion m.json --frames 70-90 [--root a,b] [--side left] [--per-frame]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { chinOutlineFigures, type ChinOutline } from './chinOutlineFigures.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'lp_s10.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const side = opt('--side', 'left') === 'left' ? -1 : 1;
const frames = opt('--frames', `0-${motion.frames.length - 1}`).split(',').flatMap((r) => { const [a, b] = r.split('-').map(Number); return Array.from({ length: (b ?? a!) - a! + 1 }, (_, k) => a! + k); });
const SIZE = 512;
const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name));
const fmt = (f: ChinOutline) => `dent ${f.dent.toFixed(1)} jag ${f.jag.toFixed(2)} fringe ${f.fringe.toFixed(2)}`;
const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / Math.max(1, v.length);
const m = portrait.matte;
const photo = chinOutlineFigures(portrait.image, (x, y) => 255 * m.data[y * m.width + x]!, portrait.cropLandmarks, side);
console.log(`${name} photo [real]: ${fmt(photo)}`);
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const per: (ChinOutline & { i: number; yaw: number })[] = [];
  for (const i of frames) {
    const f = motion.frames[i]!;
    const shown = r.render(f);
    const img: RgbaImage = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(shown.data) };
    const layer = r.render(f, { background: null });
    per.push({ ...chinOutlineFigures(img, (x, y) => layer.data[(y * SIZE + x) * 4 + 3]!, r.landmarks(f), side), i, yaw: f.pose?.yaw ?? 0 });
  }
  const k = <K extends keyof ChinOutline>(key: K) => mean(per.map((p) => p[key]));
  const worst = [...per].sort((p, q) => q.dent - p.dent)[0]!;
  console.log(`${path.basename(root).padEnd(12)} f${frames[0]}-${frames[frames.length - 1]} mean: dent ${k('dent').toFixed(2)} jag ${k('jag').toFixed(2)} fringe ${k('fringe').toFixed(2)} | worst dent f${worst.i} (yaw ${worst.yaw.toFixed(1)}) ${fmt(worst)}`);
  // by the turn toward the far side: the photo's pose and turns away | the rim's window (1-3°) | past it
  const groups: [string, (y: number) => boolean][] = [['<=1', (y) => y <= 1], ['1..3', (y) => y > 1 && y <= 3], ['>3', (y) => y > 3]];
  console.log('  ' + groups.map(([g, inG]) => { const ps = per.filter((p) => inG(-side * p.yaw)); return `${g}° (${ps.length}): dent ${mean(ps.map((p) => p.dent)).toFixed(2)} jag ${mean(ps.map((p) => p.jag)).toFixed(2)} fringe ${mean(ps.map((p) => p.fringe)).toFixed(2)}`; }).join(' | '));
  if (args.includes('--per-frame')) console.log(per.map((p) => `f${p.i} y${p.yaw.toFixed(1)} d${p.dent.toFixed(1)} j${p.jag.toFixed(2)} fr${p.fringe.toFixed(1)}`).join('  '));
}
process.exit(0);
