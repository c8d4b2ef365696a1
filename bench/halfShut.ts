// Half-shut lids in video mode, weights only (no render): per driver clip (25 fps, the product's
// tracking), the frames the critic's read-back calls half-shut (both eyes' mean opening at 0.25-0.7
// of the clip's median, as /work/review/s15/expr.py) beside each eye's blink weight in our motion
// (blink and eyeBlink folded as the renderer does) and, through a rendered blink curve
// (bench/blinkCurve.ts, lp_s42 / lp_s2 / st_art_1 median), the opening that weight shows. Also: the
// blinks (driver under 0.25 in either eye) and our deepest weight there, and one-sided closures
// (one eye under 0.45, the other over 0.7). Never asserts.
//   node --import tsx bench/halfShut.ts [--base /work/main] video.mp4 ...   (tracks cached in $REAL3D_CACHE/tracks)
import path from 'node:path';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import { cachedTrack } from './driverTracks.ts';
import { percentile } from '../src/motion/restFace.ts';

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args.splice(baseAt, 2)[1]! : undefined;

/**
 * Rendered opening (share of the neutral render's, face mesh read-back) at eyeBlink w = 0, 0.1 .. 1:
 * bench/blinkCurve.ts, median of lp_s42, lp_s2, st_art_1, after s17 (the real shut eye held back from
 * a half lid: render/closedEye/overlay.ts). s16: [1, 0.95, 0.9, 0.86, 0.82, 0.75, 0.72, 0.44, 0.31, 0.29, 0.26].
 */
const RENDERED = [1, 0.99, 0.97, 0.92, 0.82, 0.82, 0.65, 0.53, 0.32, 0.31, 0.26];
const shown = (w: number) => { const x = Math.min(1, Math.max(0, w)) * 10, i = Math.min(9, Math.floor(x)); return RENDERED[i]! + (x - i) * (RENDERED[i + 1]! - RENDERED[i]!); };

type Fold = [number, number][];
async function foldedWeights(root: string, raw: (RawFaceFrame | null)[]): Promise<Fold> {
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const fold = (b: number, e: number) => 1 - (1 - e) * (1 - b);
  return frames.map((f: any) => [fold(f.blink ?? 0, f.w.eyeBlinkLeft ?? 0), fold(f.blink ?? 0, f.w.eyeBlinkRight ?? 0)] as [number, number]);
}

const f2 = (x: number) => x.toFixed(2);
for (const video of args) {
  const raw = await cachedTrack(video, 25);
  const here = await foldedWeights(path.resolve(import.meta.dirname, '..'), raw);
  const before = base ? await foldedWeights(base, raw) : undefined;
  const have = raw.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
  const med = [0, 1].map((s) => percentile(have.map((i) => (s ? raw[i]!.m.eyeRight : raw[i]!.m.eyeLeft)), 50));
  const share = (i: number): [number, number] => [raw[i]!.m.eyeLeft / med[0]!, raw[i]!.m.eyeRight / med[1]!];
  const half = have.filter((i) => { const s = share(i); return (s[0] + s[1]) / 2 > 0.25 && (s[0] + s[1]) / 2 < 0.7; });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const line = (name: string, W: Fold) => `${name} weight ${f2(mean(half.map((i) => (W[i]![0] + W[i]![1]) / 2)))} shows ${f2(mean(half.map((i) => (shown(W[i]![0]) + shown(W[i]![1])) / 2)))}`;
  console.log(`${path.basename(video)}: ${half.length} half-shut frames, driver ${f2(mean(half.map((i) => (share(i)[0] + share(i)[1]) / 2)))} of median; ${before ? line('before', before) + '; ' : ''}${line('now', here)}`);
  for (const i of half.slice(0, 14)) console.log(`  f${i}: driver ${f2(share(i)[0])}/${f2(share(i)[1])}  ${before ? `before ${f2(before[i]![0])}/${f2(before[i]![1])}  ` : ''}now ${f2(here[i]![0])}/${f2(here[i]![1])} (shows ${f2(shown(here[i]![0]))}/${f2(shown(here[i]![1]))})`);
  const shut = have.filter((i) => Math.min(...share(i)) < 0.25);
  console.log(`  driver frames with an eye under 0.25: ${shut.length}; our deeper eye's weight there: mean ${f2(mean(shut.map((i) => Math.max(...here[i]!))))}${before ? ` (before ${f2(mean(shut.map((i) => Math.max(...before[i]!))))})` : ''}; >= 0.9 on ${shut.filter((i) => Math.max(...here[i]!) >= 0.9).length}`);
  const open = have.filter((i) => Math.min(...share(i)) > 0.8);
  console.log(`  driver open (both > 0.8): ${open.length}; ours over 0.3 on ${open.filter((i) => Math.max(...here[i]!) > 0.3).length}${before ? ` (before ${open.filter((i) => Math.max(...before[i]!) > 0.3).length})` : ''}`);
  const wink = have.filter((i) => Math.min(...share(i)) < 0.45 && Math.max(...share(i)) > 0.7);
  for (const i of wink.slice(0, 8)) console.log(`  one-sided f${i}: driver ${f2(share(i)[0])}/${f2(share(i)[1])} now ${f2(here[i]![0])}/${f2(here[i]![1])}`);
}
