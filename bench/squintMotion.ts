// A driver's motion (motionFramesFromRaw on the cached 25 fps track) saved as a motion JSON for bench/blinkFrames.ts,
// from this checkout or (--root DIR) another's modules (squint41: before/after of the eye channels on a squint).
//   node --import tsx bench/squintMotion.ts lp_d6.mp4 out.json [--root /work/wt/before41] [--seconds 9]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [driver, out] = [process.argv[2]!, process.argv[3]!];
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const seconds = Number(arg('--seconds') ?? Infinity);
const raw = (await cachedTrack(driver, 25)).slice(0, Math.min(Infinity, seconds * 25));
const { motionFramesFromRaw } = await import(pathToFileURL(path.join(root, 'src/motion/framesFromRaw.ts')).href);
const { frames } = motionFramesFromRaw(raw, 25, true);
await writeFile(out, JSON.stringify({ version: 1, fps: 25, frameCount: frames.length, frames }));
console.log(`${out}: ${frames.length} frames from ${root}`);
