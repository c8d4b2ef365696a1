// The turned-head frames audio mode actually shows (issue #14/#15): each portrait driven by a speech
// clip with `--pose auto` (seed 0), the frames at the generated pose's peaks (most yaw either way,
// most pitch either way); per peak the face at ~1x and, 3x, the far cheek / ear at a turn or the chin
// and neck at a nod. One row per portrait and head gain: the gain of 1 on every axis (the old size of
// the same seeded motion; nods are not gained) and the shipped HEAD_GAIN, each at its own peaks;
// --shipped-only leaves out the gain-1 row. For looking, not measuring.
//   node --import tsx bench/headPeaks.ts --out FILE.jpg [--audio FILE] [--seconds 20] [--shipped-only] [names...]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { contextVector, lipAudio, LIP_FRAME_DIM } from '../src/motion/lipFeatures.ts';
import { headMotion, HEAD_GAIN, type HeadGain } from '../src/motion/headMotion.ts';
import { cachedPortrait } from './portraitCache.ts';
import { ovalBox, squareCell } from './headCells.ts';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const argv = process.argv.slice(2);
const VALUED = ['--out', '--audio', '--seconds'];
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const out = arg('--out', '/tmp/headPeaks.jpg');
const audioFile = arg('--audio', path.join(DATA, 'audio', 'eng.wav'));
const seconds = Number(arg('--seconds', '20'));
const names = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1] ?? ''));
if (!names.length) names.push('lp_s42.jpg', 'lp_s12.jpg', 'lp_s9.jpg');
const FPS = 25, CELL = 240, LABEL = 150;

const base = await motionFromAudio(audioFile, { fps: FPS, pose: 'static', seed: 0 });
const audio = await lipAudio(audioFile);
const n = Math.min(base.frames.length, seconds * FPS);
const energy = new Float64Array(n), here = new Float32Array(LIP_FRAME_DIM);
for (let i = 0; i < n; i++) energy[i] = contextVector(audio, i / FPS, [0], here)[0]!;

const label = (s: string, w: number, h: number) => Buffer.from(`<svg width="${w}" height="${h}"><style>text{font:14px sans-serif;fill:#fff}</style>${s.split('\n').map((l, i) => `<text x="6" y="${18 + i * 17}">${l}</text>`).join('')}</svg>`);
const tiles: OverlayOptions[] = [];
let row = 0;
const PEAKS = [['yaw+', 'yaw', 1], ['yaw-', 'yaw', -1], ['pitch+', 'pitch', 1], ['pitch-', 'pitch', -1]] as const;
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', name));
  const size = portrait.image.width;
  const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const gains = [['gain 1', { yaw: 1, pitch: 1, roll: 1 }], ['HEAD_GAIN', HEAD_GAIN]] as [string, HeadGain][];
  for (const [tag, gain] of argv.includes('--shipped-only') ? gains.slice(1) : gains) {
    const head = headMotion(energy, FPS, 0, 0.2, gain);
    tiles.push({ input: label(`${name}\n${tag}\n${Object.values(gain).map((g) => g.toFixed(2)).join(' ')}`, LABEL, CELL), left: 0, top: row * CELL });
    let col = 0;
    for (const [peak, axis, sign] of PEAKS) {
      let at = 0;
      for (let i = 0; i < n; i++) if (sign * head[axis][i]! > sign * head[axis][at]!) at = i;
      const f: MotionFrame = { ...base.frames[at]!, pose: { yaw: head.yaw[at]!, pitch: head.pitch[at]!, roll: head.roll[at]!, tx: 0, ty: 0, tz: 0 } };
      const img = renderer.render(f);
      const lm = renderer.landmarks(f);
      const box = ovalBox(lm);
      // the far cheek: the side of the face oval nearer the nose tip in the image (234 image-left, 454 image-right)
      const nose = lm[1]!, far = Math.abs(lm[234]![0] - nose[0]) < Math.abs(lm[454]![0] - nose[0]) ? lm[234]! : lm[454]!;
      const face = await squareCell(img, box.cx, box.cy, box.extent * 1.3, CELL);
      // at a nod the chin and the neck below it (landmark 152, the chin's tip)
      const chin = lm[152]!;
      const cheek = axis === 'pitch'
        ? await squareCell(img, chin[0], chin[1] + box.extent * 0.05, (box.extent * 1.3) / 3, CELL)
        : await squareCell(img, far[0] - (far[0] - nose[0]) * 0.15, far[1] + box.extent * 0.12, (box.extent * 1.3) / 3, CELL);
      tiles.push({ input: face, left: LABEL + col * CELL, top: row * CELL }, { input: cheek, left: LABEL + (col + 1) * CELL, top: row * CELL });
      tiles.push({ input: label(`${peak} f${at} y${head.yaw[at]!.toFixed(1)} p${head.pitch[at]!.toFixed(1)} r${head.roll[at]!.toFixed(1)}`, CELL, 22), left: LABEL + col * CELL, top: row * CELL });
      col += 2;
    }
    row++;
  }
}
await sharp({ create: { width: LABEL + PEAKS.length * 2 * CELL, height: row * CELL, channels: 3, background: '#222' } }).composite(tiles).jpeg({ quality: 85 }).toFile(out);
console.log(out);
