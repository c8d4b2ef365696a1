// A video motion from one cached 25 fps track (driverTracks.ts) made by this checkout or by `--root OTHER_CHECKOUT`'s
// src/ (the before of a motion change, on the same track), cut to `--seconds` (6) as `motion --max-seconds` would.
// No scene camera (the CLI's readCameraPath decodes the video): compare the two outputs with each other, not with the CLI's.
//   node --import tsx bench/trackMotion.ts VIDEO OUT.json [--root DIR] [--seconds 6]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedTrack } from './driverTracks.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args.splice(i, 2)[1]! : d; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const seconds = Number(opt('--seconds', '6'));
const [video, out] = args as [string, string];
const { videoMotionFromRaw } = await import(pathToFileURL(path.join(root, 'src/motion/fromVideo.ts')).href);
const { saveMotion } = await import(pathToFileURL(path.join(root, 'src/motion/record.ts')).href);
const raw = (await cachedTrack(video, 25)).slice(0, Math.round(seconds * 25));
const m = videoMotionFromRaw(raw, video, { fps: 25, mapToInitPose: true, maxSide: 720, maxSeconds: seconds });
delete (m as any).stats;
await saveMotion(m, out);
console.log(`${out}: ${m.frames.length} frames from ${root}`);
