// One-sided closures against two-eyed blinks, before -> after, in cached driver tracks (bench/driverTracks.ts
// format, 25 fps). An event is a run of frames where either eye's own blink weight (restFace.ts
// blinkFromOpening of its opening share, before any pairing or smoothing) reaches 0.9, extended while
// either stays at 0.5. Measured: "both" when both eyes reach 0.9, else "one-sided" (the other eye's
// peak given). Ours: each eye's closure as the renderer folds blink and eyeBlink, at its peak over the
// event +-1 frame: "two-eyed" when both reach 0.9, else one-sided. Prints per track the two-eyed blinks
// split into one-sided ones and the one-sided closures merged into two-eyed blinks, per checkout.
// --base: another checkout (a git archive with node_modules symlinked here). Weights only; never asserts.
//   node --import tsx bench/winkSplit.ts [--base dir] track.json ...
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import type { MotionFrame } from '../src/types.ts';
import { blinkFromOpening, estimateRest, foldBlink } from '../src/motion/restFace.ts';

const SHUT = 0.9, DOWN = 0.5;
const args = process.argv.slice(2);
const bi = args.indexOf('--base');
const base = bi >= 0 ? args.splice(bi, 2)[1] : undefined;
const roots = [...(base ? [['before', base]] : []), [base ? 'after' : 'now', path.resolve(import.meta.dirname, '..')]] as [string, string][];

const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined }) as (RawFaceFrame | null)[];
const f2 = (v: number) => v.toFixed(2).replace(/^0/, '');

/** Each frame's own per-eye blink weights (subject's left, right), 0 without a face. */
export function ownWeights(raw: (RawFaceFrame | null)[]): [number, number][] {
  const rest = estimateRest(raw.filter((r): r is RawFaceFrame => !!r).map((r) => r.m));
  return raw.map((r) => (r ? [blinkFromOpening(r.m.eyeLeft / rest.eyeLeft), blinkFromOpening(r.m.eyeRight / rest.eyeRight)] : [0, 0]));
}

/** Runs of frames where an eye reaches SHUT, extended both ways while either eye stays at DOWN. */
export function closingEvents(w: [number, number][]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < w.length; i++) {
    if (Math.max(...w[i]!) < SHUT || (runs.length && runs.at(-1)![1] >= i)) continue;
    let a = i, b = i;
    while (a > 0 && Math.max(...w[a - 1]!) >= DOWN) a--;
    while (b + 1 < w.length && Math.max(...w[b + 1]!) >= DOWN) b++;
    runs.push([a, b]);
  }
  return runs;
}

const peaks = (e: [number, number][], a: number, b: number): [number, number] => {
  const p: [number, number] = [0, 0];
  for (let i = Math.max(0, a); i <= Math.min(e.length - 1, b); i++) for (const s of [0, 1]) p[s] = Math.max(p[s]!, e[i]![s]!);
  return p;
};
const folded = (f: MotionFrame): [number, number] => [foldBlink(f.blink ?? 0, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink ?? 0, f.w.eyeBlinkRight ?? 0)];

const framesOf = new Map<string, (raw: (RawFaceFrame | null)[]) => MotionFrame[]>();
for (const [label, root] of roots) {
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  framesOf.set(label, (raw) => motionFramesFromRaw(raw, 25, true).frames);
}
for (const file of args) {
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const w = ownWeights(raw);
  const events = closingEvents(w);
  const both = events.filter(([a, b]) => Math.min(...peaks(w, a, b)) >= SHUT);
  const one = events.filter((e) => !both.includes(e));
  const parts: string[] = [];
  const notes: string[] = [];
  for (const [label, frames] of framesOf) {
    const ours = frames(raw).map(folded);
    const split = both.filter(([a, b]) => Math.min(...peaks(ours, a - 1, b + 1)) < SHUT).length;
    const merged = one.filter(([a, b]) => Math.min(...peaks(ours, a - 1, b + 1)) >= SHUT).length;
    parts.push(`${label}: blinks split ${split}/${both.length}, one-sided merged ${merged}/${one.length}`);
    for (const [a, b] of one) notes.push(`  ${label} one-sided #${a}-${b}: measured ${peaks(w, a, b).map(f2).join('/')} -> ours ${peaks(ours, a - 1, b + 1).map(f2).join('/')}`);
  }
  console.log(`${path.basename(file).padEnd(40)} ${parts.join('; ')}`);
  for (const n of notes.sort()) console.log(n);
}
