// s57 card57: a saved motion on a saved avatar with render/framedTorso.ts off | on (RendererOptions.framedTorso),
// raw frames (no video codec). Per run: the print's motion, mean |frame - frame 0| (RGB, 0..255) over the rows
// from half a face width below the chin down (the torso and what lies beside it), mean and max over the frames and
// at the largest |roll|; the head, mean |on - off| over the rows above the chin (0: the head moves as before); the
// framed share. --png DIR writes frame 0 and the largest-roll frame of each run.
//   node --import tsx bench/framedTorsoFrames.ts --avatar a.avatar --motion m.json [--every 5] [--png DIR]
import { parseArgs } from 'node:util';
import { writeFile, mkdir } from 'node:fs/promises';
import { loadAvatar } from '../src/avatar/file.ts';
import { loadMotion } from '../src/motion/record.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { encodePng } from '../src/io/image.ts';
import { framedTorsoSides } from '../src/render/framedTorso.ts';

const { values } = parseArgs({ options: { avatar: { type: 'string' }, motion: { type: 'string' }, every: { type: 'string', default: '5' }, png: { type: 'string' } } });
const av = await loadAvatar(values.avatar!);
const motion = await loadMotion(values.motion!);
const size = av.size, every = Number(values.every);
const chin = av.rest[152 * 3 + 1]!, fw = av.head.faceWidth;
const y0 = Math.round(chin + 0.5 * fw), yHead = Math.round(chin);
let roll = 0, R = 0;
motion.frames.forEach((f, i) => { if (Math.abs(f.pose?.roll ?? 0) > roll) { roll = Math.abs(f.pose!.roll); R = i; } });
const idx = [...new Set([0, ...motion.frames.map((_, i) => i).filter((i) => i % every === 0), R])].sort((a, b) => a - b);
const rgbDiff = (a: Uint8ClampedArray, b: Uint8ClampedArray, ya: number, yb: number) => {
  let s = 0; for (let y = ya; y < yb; y++) for (let x = 0; x < size; x++) { const o = (y * size + x) * 4; s += Math.abs(a[o]! - b[o]!) + Math.abs(a[o + 1]! - b[o + 1]!) + Math.abs(a[o + 2]! - b[o + 2]!); }
  return s / ((yb - ya) * size * 3);
};
const frames: Record<string, Map<number, Uint8ClampedArray>> = {};
for (const [name, framedTorso] of [['off', false], ['on', true]] as const) {
  const r = createRenderer(av, { width: size, height: size, framedTorso });
  const m = new Map<number, Uint8ClampedArray>();
  for (const i of idx) m.set(i, Uint8ClampedArray.from(r.render(motion.frames[i]!).data));
  frames[name] = m;
  const d = idx.map((i) => rgbDiff(m.get(i)!, m.get(0)!, y0, size));
  const mean = d.reduce((a, b) => a + b, 0) / d.length, max = Math.max(...d);
  console.log(`${name.padEnd(3)} print below y ${y0}: |f - f0| mean ${mean.toFixed(2)} max ${max.toFixed(2)}, at f${R} (roll ${roll.toFixed(2)}) ${rgbDiff(m.get(R)!, m.get(0)!, y0, size).toFixed(2)}`);
  if (values.png) {
    await mkdir(values.png, { recursive: true });
    for (const i of [0, R]) await writeFile(`${values.png}/${name}_f${i}.png`, await encodePng({ width: size, height: size, data: m.get(i)! }));
  }
}
for (const top of [yHead, Math.round(chin - 0.4 * fw)]) {
  const head = idx.map((i) => rgbDiff(frames.on!.get(i)!, frames.off!.get(i)!, 0, top));
  console.log(`head above y ${top}: |on - off| mean ${(head.reduce((a, b) => a + b, 0) / head.length).toFixed(3)} max ${Math.max(...head).toFixed(3)}`);
}
console.log(`framed ${framedTorsoSides(av).framed.toFixed(2)}; frames ${idx.length}`);
