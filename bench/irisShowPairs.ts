// s56 (irisshow56): what the iris-show pairing (DriverFitOptions.irisShowPairs) changes per cached track of this
// checkout's tracker (tracks holding the irisShow reading): frames where either eye's closure (restFace.ts foldBlink) or
// eyeSquint moved more than .05, off -> on, each listed with the mesh's shares. Weights only, no render.
//   node --import tsx bench/irisShowPairs.ts [track.json ...]   (default: every track of this fingerprint in the cache)
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { trackerFingerprint } from './driverTracks.ts';

const dir = path.join(BENCH_CACHE, 'tracks');
const args = process.argv.slice(2);
const tracks = args.length ? args : readdirSync(dir).filter((f) => f.endsWith(`.${trackerFingerprint()}.json`)).sort().map((f) => path.join(dir, f));
const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined }) as (RawFaceFrame | null)[];
const f2 = (v: number) => v.toFixed(2);
for (const file of tracks) {
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const fps = Number(/\.(\d+)fps\./.exec(file)?.[1] ?? 25);
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
  const eyes = (on: boolean) => motionFramesFromRaw(raw, fps, true, { fit: { irisShowPairs: on } }).frames.map((f) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0), f.w.eyeSquintLeft ?? 0, f.w.eyeSquintRight ?? 0]);
  const off = eyes(false), on = eyes(true);
  const moved: string[] = [];
  let most = 0;
  off.forEach((o, i) => {
    const d = Math.max(...o.map((v, k) => Math.abs(v - on[i]![k]!)));
    most = Math.max(most, d);
    if (d > 0.05) {
      const s = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : [NaN, NaN];
      moved.push(`f${i} (${f2(s[0]!)}/${f2(s[1]!)} yaw ${f2(raw[i]?.angles.yaw ?? NaN)}) ${f2(o[0]!)}/${f2(o[1]!)} -> ${f2(on[i]![0]!)}/${f2(on[i]![1]!)}`);
    }
  });
  const read = raw.filter((r) => r?.irisShow).length;
  console.log(`${path.basename(file).padEnd(44)} irisShow on ${read}/${raw.length} frames; moved > .05: ${moved.length} frames (most ${f2(most)})`);
  for (const m of moved.slice(0, 16)) console.log(`    ${m}`);
}
