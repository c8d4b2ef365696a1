// Per-frame eye weights of cached driver tracks (25 fps): the driver's own per-eye blink weight (its opening share,
// before any pairing) beside ours as the renderer folds blink and eyeBlink per eye. Counts false winks: frames where
// ours is one-eyed (one eye >= .8, the other <= .55) while the driver's two own weights are within .25 of each other.
// --frames a-b prints those frames. --base another checkout. Weights only; never asserts.
//   node --import tsx bench/winkWeights.ts [--base dir] [--frames 85-140] track.json ...
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import type { MotionFrame } from '../src/types.ts';
import { blinkFromOpening, estimateRest, foldBlink } from '../src/motion/restFace.ts';

const args = process.argv.slice(2);
const take = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const base = take('--base');
const span = take('--frames')?.split('-').map(Number);
const roots = [...(base ? [['before', base]] : []), [base ? 'after' : 'now', path.resolve(import.meta.dirname, '..')]] as [string, string][];
const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined }) as (RawFaceFrame | null)[];
const folded = (f: MotionFrame): [number, number] => [foldBlink(f.blink ?? 0, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink ?? 0, f.w.eyeBlinkRight ?? 0)];
const f2 = (v: number) => v.toFixed(2);

/** Each frame's own per-eye blink weights (subject's left, right), 0 without a face. */
function ownWeights(raw: (RawFaceFrame | null)[]): [number, number][] {
  const rest = estimateRest(raw.filter((r): r is RawFaceFrame => !!r).map((r) => r.m));
  return raw.map((r) => (r ? [blinkFromOpening(r.m.eyeLeft / rest.eyeLeft), blinkFromOpening(r.m.eyeRight / rest.eyeRight)] : [0, 0]));
}

/** Ours one-eyed while the driver's two lids match. */
export const falseWink = (d: [number, number], o: [number, number]) =>
  Math.abs(d[0] - d[1]) < 0.25 && Math.max(...o) >= 0.8 && Math.min(...o) <= 0.55;

for (const file of args) {
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const w = ownWeights(raw);
  const ours: [string, [number, number][]][] = [];
  for (const [label, root] of roots) {
    const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
    ours.push([label, (motionFramesFromRaw(raw, 25, true).frames as MotionFrame[]).map(folded)]);
  }
  const counts = ours.map(([l, o]) => { const fr = o.map((x, i) => (falseWink(w[i]!, x) ? i : -1)).filter((i) => i >= 0); return `${l} ${fr.length} [${fr.join(',')}]`; });
  console.log(`${path.basename(file).padEnd(32)} false winks: ${counts.join('; ')}`);
  if (span) for (let i = span[0]!; i <= span[1]!; i++) {
    const sh = raw[i] ? `${f2(raw[i]!.m.eyeLeft)}/${f2(raw[i]!.m.eyeRight)}` : '-';
    console.log(`  f${i} open ${sh} own ${w[i]!.map(f2).join('/')} ` + ours.map(([l, o]) => `${l} ${o[i]!.map(f2).join('/')}`).join(' '));
  }
}
