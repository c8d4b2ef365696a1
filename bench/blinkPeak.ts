// Does a driver's blink reach shut in our motion? Per driver (raw 25 fps tracks), each blink's deepest
// reading of the driver (per eye: the blink channels as measured, squint taken out, before any
// smoothing: motionFramesFromRaw blinksAsMeasured) beside our eye weight there (blink and eyeBlink per eye folded as the renderer does, restFace.ts foldBlink; a sum before eyes15) from this
// checkout and from --base (another checkout, default /work/main); and the false blinks: frames away from
// any driver blink (2+ frames from a frame the driver reads >= 0.3) where our eye weight reaches 0.3.
// Weights only, no render. Never asserts.
//   node --import tsx bench/blinkPeak.ts [--base /work/main] [--tracks a.json,b.json]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const base = arg('--base', '/work/main');
/** 25 fps raw tracks: the review's self-reenactment clips (Obama, Fei-Fei), Katie, lp_d0/d6 and (bench/driverTracks.ts --fps 25 into /tmp/blinkpeak) lp_d10/11/14. */
const TRACKS = arg('--tracks', [
  '/work/cache/raw_obama6.json', '/work/cache/raw_feifei6.json', '/work/cache/raw_WDA_KatieHill_000.json', '/work/cache/raw_lp_d0.json',
  '/work/cache/eyes/tracks/lp_d6.mp4.25fps.json', ...['lp_d10', 'lp_d11', 'lp_d14'].map((d) => `/tmp/blinkpeak/tracks/${d}.mp4.25fps.json`),
].join(',')).split(',').filter((f) => existsSync(f));
const FPS = 25, BLINK = 0.3, FALSE = 0.3;

const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from(Array.isArray(r.lm[0]) ? (r.lm as number[][]).flat() : r.lm) : undefined }) as (RawFaceFrame | null)[];
const baseFrames = (await import(path.join(base, 'src/motion/framesFromRaw.ts'))).motionFramesFromRaw as typeof motionFramesFromRaw;
const eyes = (f: MotionFrame | undefined): [number, number] => {
  const b = f?.blink ?? 0;
  return [foldBlink(b, f?.w.eyeBlinkLeft ?? 0), foldBlink(b, f?.w.eyeBlinkRight ?? 0)];
};
const f2 = (v: number) => v.toFixed(2).replace(/^0/, '');

let falseBefore = 0, falseAfter = 0, frames = 0;
const gaps: [number, number][] = [];
/** one-frame driver events (a flicker or a blink too quick to tell): ours before, after */
const singles: [number, number][] = [];
for (const file of TRACKS) {
  const raw = revive(JSON.parse(await readFile(file, 'utf8')));
  const name = path.basename(file).replace(/^raw_|\.mp4.*|\.json$/g, '');
  const driver = motionFramesFromRaw(raw, FPS, true, { blinksAsMeasured: true }).frames.map(eyes);
  const after = motionFramesFromRaw(raw, FPS, true).frames.map(eyes);
  const before = baseFrames(raw, FPS, true).frames.map(eyes);
  const shut = driver.map(([l, r]) => Math.max(l!, r!) >= BLINK);
  // blinks: runs of frames the driver reads >= BLINK on either eye
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!shut[i] || shut[i - 1]) continue;
    let j = i;
    while (shut[j + 1]) j++;
    const peak = (series: number[][], eye: number) => Math.max(...series.slice(i, j + 1).map((e) => e[eye]!));
    const cells = [0, 1].map((e) => {
      const d = peak(driver, e), b = peak(before, e), a = peak(after, e);
      if (j > i) gaps.push([d - b, d - a]);
      else singles.push([b, a]);
      return `${e ? 'R' : 'L'} driver ${f2(d)} ours ${f2(b)} -> ${f2(a)}`;
    });
    lines.push(`  #${i}-#${j} (${j - i + 1} fr): ${cells.join('; ')}`);
  }
  // false blinks: frames 2+ frames away from any driver frame >= BLINK where ours reaches FALSE
  let fb = 0, fa = 0, n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (shut.slice(Math.max(0, i - 2), i + 3).some(Boolean)) continue;
    n++;
    if (Math.max(...before[i]!) >= FALSE) fb++;
    if (Math.max(...after[i]!) >= FALSE) fa++;
  }
  falseBefore += fb; falseAfter += fa; frames += n;
  console.log(`${name}: ${raw.length} frames, ${lines.length} blinks; false blinks (ours >= ${FALSE} away from the driver's) ${fb} -> ${fa} of ${n} frames`);
  for (const l of lines) console.log(l);
}
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / Math.max(a.length, 1);
console.log(`one-frame driver events: ${singles.length} eyes, ours mean ${f2(mean(singles.map((g) => g[0])))} -> ${f2(mean(singles.map((g) => g[1])))}, max ${f2(Math.max(...singles.map((g) => g[0])))} -> ${f2(Math.max(...singles.map((g) => g[1])))}`);
console.log(`all: ${gaps.length} blink-eyes of 2+ frames, mean (driver peak - ours) ${f2(mean(gaps.map((g) => g[0])))} -> ${f2(mean(gaps.map((g) => g[1])))}; `
  + `ours short by > 0.1: ${gaps.filter((g) => g[0] > 0.1).length} -> ${gaps.filter((g) => g[1] > 0.1).length}; false-blink frames ${falseBefore} -> ${falseAfter} of ${frames}`);
