// A driver's video motion as the product makes it (fromVideo.ts videoMotionFromRaw: the driver's mouth readings in) on
// the cached 25 fps track of a checkout's tracker (s49 teethshow49): `--root DIR` takes that checkout's driverTracks.ts
// (its tracker fingerprint, so main's track and motion) and motion code; squintMotion.ts leaves the mouth readings out.
//   node --import tsx bench/videoMotion.ts lp_d6.mp4 out.json [--root /work/main] [--track FILE]
// (`--track FILE`: a track written by bench/rereadTrack.ts instead of the cached one)
// Never asserts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFile, writeFile } from 'node:fs/promises';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [driver, out] = [process.argv[2]!, process.argv[3]!];
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const { cachedTrack } = await import(pathToFileURL(path.join(root, 'bench/driverTracks.ts')).href);
const trackArg = arg('--track');
const raw = trackArg
  ? (JSON.parse(await readFile(trackArg, 'utf8')) as any[]).map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined })
  : await cachedTrack(driver, 25);
const { videoMotionFromRaw } = await import(pathToFileURL(path.join(root, 'src/motion/fromVideo.ts')).href);
const m = videoMotionFromRaw(raw, driver, { fps: 25, mapToInitPose: true, maxSide: 720 });
await writeFile(out, JSON.stringify(m));
console.log(`${out}: ${m.frames.length} frames from ${root}`);
