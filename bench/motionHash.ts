// Identity of the video path's motion against another checkout: motionFramesFromRaw (framesFromRaw.ts)
// of both checkouts on the same cached driver tracks (driverTracks.ts, tracked once), under several
// options, every frame's every value compared. The motion-side partner of renderHash.ts for refactors of
// the video path. Prints identical N/N and, per differing run, the first frame and value that differ;
// never asserts. --audio a.wav,b.wav (s33): also motionFromAudio of both checkouts with each pose given
// explicitly (static, auto), all at 25 fps.
//   node --import tsx bench/motionHash.ts --base OTHER_CHECKOUT [--fps 10] [--drivers lp_d6.mp4,WDA_KatieHill_000.mp4] [--audio imagine.wav,eng.wav]
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import type { FramesFromRawOptions } from '../src/motion/framesFromRaw.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const here = path.resolve(import.meta.dirname, '..');
const base = path.resolve(opt('--base', here));
const fps = Number(opt('--fps', '10'));
const drivers = opt('--drivers', 'lp_d6.mp4,WDA_KatieHill_000.mp4').split(',');

/** [name, mapToInitPose, options]: the default path and each switch that skips or changes a step */
const runs: [string, boolean, FramesFromRawOptions][] = [
  ['default', true, {}],
  ['absolute pose', false, {}],
  ['measures only', true, { expressions: 'measures' }],
  ['blinks as measured', true, { blinksAsMeasured: true }],
  ['no jaw closures', true, { jawClosuresKept: false }],
  ['no lid events', true, { lidEvents: false }],
  ['mouth on photo', true, { fit: { mouthOnPhoto: true, mouthFromStart: true } }],
];

type FromRaw = (raw: unknown, fps: number, mapToInitPose: boolean, opts?: FramesFromRawOptions) => { frames: MotionFrame[] };
const load = async (root: string): Promise<FromRaw> => (await import(pathToFileURL(path.join(root, 'src/motion/framesFromRaw.ts')).href)).motionFramesFromRaw;
const [ofBase, ofHere] = [await load(base), await load(here)];

/** The first differing value of two frame lists as `frame i key: a vs b`, or null when they are the same. */
function firstDifference(a: MotionFrame[], b: MotionFrame[]): string | null {
  if (a.length !== b.length) return `${a.length} vs ${b.length} frames`;
  for (let i = 0; i < a.length; i++) {
    const x = JSON.stringify(a[i]), y = JSON.stringify(b[i]);
    if (x !== y) return `frame ${i}: ${x.slice(0, 160)} vs ${y.slice(0, 160)}`;
  }
  return null;
}

let same = 0, total = 0;
const all = createHash('sha1');
for (const driver of drivers) {
  const raw = await cachedTrack(driver, fps);
  for (const [name, initPose, options] of runs) {
    const a = ofBase(raw, fps, initPose, options).frames, b = ofHere(raw, fps, initPose, options).frames;
    all.update(JSON.stringify(b));
    total++;
    const diff = firstDifference(a, b);
    if (diff === null) same++;
    else console.log(`${driver} ${name}: ${diff}`);
  }
}

// the audio path with explicit options: a change of defaults must leave these untouched
type FromAudio = (file: string, opts: Record<string, unknown>) => Promise<{ frames: MotionFrame[] }>;
const loadAudio = async (root: string): Promise<FromAudio> => (await import(pathToFileURL(path.join(root, 'src/motion/fromAudio.ts')).href)).motionFromAudio;
const audios = args.includes('--audio') ? opt('--audio', '').split(',').filter(Boolean) : [];
const [audioBase, audioHere] = audios.length ? [await loadAudio(base), await loadAudio(here)] : [];
for (const clip of audios) {
  for (const pose of ['static', 'auto']) {
    const file = path.join(SHARED_DATA, 'audio', clip);
    const a = (await audioBase!(file, { pose, seed: 0 })).frames, b = (await audioHere!(file, { pose, seed: 0 })).frames;
    all.update(JSON.stringify(b));
    total++;
    const diff = firstDifference(a, b);
    if (diff === null) same++;
    else console.log(`${clip} audio pose ${pose}: ${diff}`);
  }
}
console.log(`identical motions ${same}/${total} (${path.basename(base)} vs ${path.basename(here)}, ${drivers.length} drivers at ${fps} fps${audios.length ? `, ${audios.length} audios` : ''}); hash of ours ${all.digest('hex').slice(0, 16)}`);
