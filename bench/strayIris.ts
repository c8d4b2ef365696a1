// A coloured iris torn on a glance (iristear49, lp_s7): per frame of a saved motion and per eye, in a box round the
// eye's corners on the 512 px render, the iris-coloured pixels (b - r > 20, b > 60: a blue iris) and how many lie
// outside the largest 4-connected blob of iris and pupil (blue, or all channels under 70) (a crescent left under the
// moved iris, blue split off by a straight cut, blue dashes), per checkout (`--base` and this). Never asserts.
// `--blue-only`: the blob of blue pixels alone (a pupil splitting the ring leaves its far side stray).
//   node --import tsx bench/strayIris.ts lp_s7.jpg eng.motion.json 92,104,115,126 [--base /work/main] [--blue-only]
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { checkoutPortraitRenderer } from './checkoutRenderer.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, motionPath, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const frames = (JSON.parse(readFileSync(motionPath!, 'utf8')) as { frames: MotionFrame[] }).frames;
const FR = frameList!.split(',').flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i); });
const SIZE = 512;

/** The pixels in the box that are iris-blue, and how many lie outside the largest 4-connected blob of blue and dark (pupil) pixels. */
export function strayBlue(rgba: Uint8ClampedArray, width: number, box: { left: number; top: number; width: number; height: number }, blueOnly = false): { blue: number; stray: number } {
  const { left, top, width: w, height: h } = box;
  const mask = new Uint8Array(w * h);
  let blue = 0;
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
    const o = ((top + j) * width + left + i) * 4, r = rgba[o]!, g = rgba[o + 1]!, b = rgba[o + 2]!;
    if (b - r > 20 && b > 60) { mask[j * w + i] = 2; blue++; } else if (!blueOnly && Math.max(r, g, b) < 70) mask[j * w + i] = 1;
  }
  let best = 0;
  const seen = new Uint8Array(w * h), stack: number[] = [];
  for (let k = 0; k < w * h; k++) {
    if (!mask[k] || seen[k]) continue;
    let n = 0;
    stack.push(k); seen[k] = 1;
    while (stack.length) {
      const p = stack.pop()!, x = p % w, y = (p - x) / w;
      if (mask[p] === 2) n++;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) if (q >= 0 && mask[q] && !seen[q]) { seen[q] = 1; stack.push(q); }
    }
    best = Math.max(best, n);
  }
  return { blue, stray: blue - best };
}

function eyeBox(lm: number[][], a: number, b: number) {
  const x0 = Math.min(lm[a]![0]!, lm[b]![0]!), x1 = Math.max(lm[a]![0]!, lm[b]![0]!), cy = (lm[a]![1]! + lm[b]![1]!) / 2;
  const w = Math.round((x1 - x0) * 1.3), h = Math.round(w / 2);
  return { left: Math.max(0, Math.round((x0 + x1) / 2 - w / 2)), top: Math.max(0, Math.round(cy - h / 2)), width: w, height: h };
}

const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const renderers = await Promise.all(roots.map((root) => checkoutPortraitRenderer(root, file!)));
const totals = roots.map(() => 0);
for (const f of FR) {
  const lm = renderers.at(-1)!.landmarks(frames[f]!) as number[][];
  const boxes = [eyeBox(lm, 33, 133), eyeBox(lm, 362, 263)];
  const cells = renderers.map((r, k) => {
    const img = r.render(frames[f]!).data;
    return boxes.map((box) => { const s = strayBlue(img, SIZE, box, process.argv.includes('--blue-only')); totals[k]! += s.stray; return `${s.stray}/${s.blue}`; }).join(' ');
  });
  console.log(`f${f} gaze ${frames[f]!.gaze.map((g) => g.toFixed(2)).join('/')}: stray/blue (image-left eye, image-right eye) ${cells.join(' | ')}`);
}
console.log(`stray blue summed over ${FR.length} frames: ${roots.map((r, k) => `${r} ${totals[k]}`).join(' | ')}`);
