// s56 (irisshow56): each eye's iris show off the pixels (irisShow.ts) per frame beside the mesh's opening shares, read from
// the video's frames and a cached track's landmarks (the newest track of the video in the cache, whatever its fingerprint),
// so the reading can be tried without re-tracking. Prints frames a..b (all with --all: only the frames either eye's show
// drops under half its open median). `--write`: the whole track with its irisShow filled in, saved as this checkout's track
// (the tracker computes the same reading from the same frame and landmarks; the cached landmarks are rounded to .01 px).
//   node --import tsx bench/irisShowTrace.ts /path/clip.mp4 80 95 [--fps 25] [--write]
import path from 'node:path';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { cachedTrack, trackFile } from './driverTracks.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { irisShows } from '../src/motion/irisShow.ts';
import { irisShowShares } from '../src/motion/irisShowShares.ts';
import { usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const arg = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const [video, a, b] = args;
const FPS = Number(arg('--fps') ?? 25);
const raw = await cachedTrack(video!, FPS, { cache: BENCH_CACHE });
let i = 0;
for await (const img of decodeVideoFrames(path.resolve(SHARED_DATA, 'video', video!), { fps: FPS, maxSide: 720 })) {
  const r = raw[i++];
  if (r?.lm) r.irisShow = irisShows(img, r.lm);
}
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((_r, k) => valid[k]).map((r) => r!.m));
const shares = raw.map((r, k) => (valid[k] && r ? eyeSharesOf(r.m, rest) : null));
const rel = irisShowShares(raw.map((r) => r?.irisShow ?? null), shares);
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '  -');
const all = args.includes('--all');
console.log('f yaw | share L/R | iris raw L/R | iris of open L/R');
for (let k = all ? 0 : Number(a); k <= (all ? raw.length - 1 : Math.min(Number(b), raw.length - 1)); k++) {
  const r = raw[k], s = shares[k], v = rel[k];
  if (all && !(v && Math.min(v[0], v[1]) < 0.5)) continue;
  console.log(`f${k} ${f2(r?.angles.yaw ?? NaN)} | ${f2(s?.[0] ?? NaN)}/${f2(s?.[1] ?? NaN)} | ${f2(r?.irisShow?.[0] ?? NaN)}/${f2(r?.irisShow?.[1] ?? NaN)} | ${f2(v?.[0] ?? NaN)}/${f2(v?.[1] ?? NaN)}`);
}
if (args.includes('--write')) {
  const file = trackFile(video!, FPS);
  const round = (v: number) => Math.round(v * 100) / 100;
  const slim = raw.map((r) => r && { ...r, lm: r.lm ? Array.from({ length: r.lm.length / 3 }, (_, j) => [round(r.lm![j * 3]!), round(r.lm![j * 3 + 1]!), round(r.lm![j * 3 + 2]!)]) : undefined });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file + '.tmp', JSON.stringify(slim));
  await rename(file + '.tmp', file);
  console.log(`wrote ${file}`);
}
