// The half-shut lid before | after render/lidBow.ts (lidbow45): per portrait and blink (or per frame of a saved
// motion), both eyes zoomed, the bow off then on, in one process. Never asserts.
//   node --import tsx bench/lidBowSheet.ts out.png lp_s7.jpg,lp_s12.jpg [--steps .3,.5,.7,.85] [--motion m.motion.json --frames 59,64] [--eye left|right] [--keep k] [--also k2: a third column]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { lidBowSetting } from '../src/render/lidBow.ts';
import { SHARED_DATA } from './sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/lidBowSheet.ts out.png a.jpg,b.png [--steps ..] [--motion m.json --frames ..]');
const steps = (arg('--steps') ?? '0.3,0.5,0.7,0.85').split(',').map(Number);
const motion = arg('--motion') ? (JSON.parse(readFileSync(arg('--motion')!, 'utf8')) as { frames: MotionFrame[] }).frames : undefined;
const frames = (arg('--frames') ?? '').split(',').filter(Boolean).map(Number);
if (arg('--keep')) lidBowSetting.keep = Number(arg('--keep'));
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const shots: [string, MotionFrame][] = motion ? frames.map((f) => [`f${f}`, motion[f]!]) : steps.map((b) => [`blink ${b}`, { ...n, blink: b }]);
  for (const [label, fr] of shots) {
    // both eyes' box on this frame's landmarks (outer corners 33 / 263)
    const lm = r.landmarks(fr) as unknown as number[][];
    // (--eye left|right: one eye, image side: 33-133 is the image-left eye, 362-263 the image-right)
    const one = arg('--eye'), [ia, ib] = one === 'left' ? [33, 133] : one === 'right' ? [362, 263] : [33, 263];
    const a = lm[ia]!, b = lm[ib]!, w = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!), m = one ? 0.25 : 0.15, hh = one ? 0.45 : 0.3;
    const x = Math.max(0, Math.round(Math.min(a[0]!, b[0]!) - m * w)), y = Math.max(0, Math.round((a[1]! + b[1]!) / 2 - hh * w));
    const box: [number, number, number, number] = [x, y, Math.min(512 - x, Math.round((1 + 2 * m) * w)), Math.min(512 - y, Math.round(2 * hh * w * (one ? 0.8 : 1)))];
    const row: GridCell[] = [];
    const keep = lidBowSetting.keep, also = arg('--also');
    for (const k of ['off', keep, ...(also ? [Number(also)] : [])] as const) {
      lidBowSetting.on = k !== 'off'; lidBowSetting.keep = k === 'off' ? keep : k;
      row.push({ label: `${file} ${label} ${k === 'off' ? 'before' : `lidBow ${k ?? 'per eye'}`}`, image: cropImage(r.render(fr), box) });
    }
    lidBowSetting.keep = keep;
    rows.push(row);
  }
}
lidBowSetting.on = true;
await writeFile(out + '.tmp', await labelledGrid(rows, { title: 'half-shut lids: before | after (render/lidBow.ts) [| --also]', cellW: arg('--eye') ? 420 : 520, cellH: arg('--eye') ? 260 : 200 }));
await rename(out + '.tmp', out);
console.log(`sheet: ${out}`);
