// Generated head motion against real speakers' (prints; never asserts).
//   node --import tsx bench/headMotion.ts [--temperature 0.2]
// Real: the head angles our tracker read off the non-GRID training clips (the lip teacher's cache,
// REAL3D_LIPSYNC_CACHE, filled by `npm run train:mouth`). Ours: `--pose auto` on the same clips' sound.
// Per clip: standard deviation of each angle (how far the head moves) and of its frame-to-frame
// change (how fast); medians over clips. The real figures include tracker jitter: GRID's still,
// frontal speaker gives its size (printed), which we subtract in quadrature for the "denoised" row.
// These real angles are the face mesh's own (measures.ts headAngles, flat depth): they read a turn at
// ~0.65 of the rig fit's, while ours are commands in the rig's degrees; bench/headRead.ts reads both
// sides with one ruler (what HEAD_GAIN was fitted on).
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { DEFAULT_CACHE, readCachedFaces, trainingClips, type CachedFace } from '../src/motion/train/teacher.ts';
import { standardDeviation as sd } from '../src/math/stats.ts';

const AXES = ['yaw', 'pitch', 'roll'] as const;
type Stats = number[]; // per axis: sd, velocity sd
const temperature = process.argv.includes('--temperature') ? Number(process.argv[process.argv.indexOf('--temperature') + 1]) : 0.2;

const stepSd = (v: number[]) => Math.sqrt(v.slice(1).reduce((a, b, i) => a + (b - v[i]!) ** 2, 0) / (v.length - 1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const statsOf = (series: Record<(typeof AXES)[number], number[]>): Stats => AXES.flatMap((a) => [sd(series[a]), stepSd(series[a])]);

/** The tracked angles of a clip, or null when any frame lost the face (a gap would fake a jump). */
function trackedAngles(frames: (CachedFace | null)[]): Record<(typeof AXES)[number], number[]> | null {
  if (frames.length < 50 || frames.some((f) => !f || f.score <= 0.5)) return null;
  return { yaw: frames.map((f) => f!.angles.yaw), pitch: frames.map((f) => f!.angles.pitch), roll: frames.map((f) => f!.angles.roll) };
}

const real: Stats[] = [], grid: Stats[] = [], ours: Stats[] = [];
for (const clip of trainingClips(200)) {
  const frames = readCachedFaces(DEFAULT_CACHE, clip);
  const angles = frames && trackedAngles(frames);
  if (!angles) continue;
  if (clip.name.startsWith('grid')) { grid.push(statsOf(angles)); continue; }
  real.push(statsOf(angles));
  const m = await motionFromAudio(clip.audio, { pose: 'auto', temperature, seed: 7 });
  ours.push(statsOf({ yaw: m.frames.map((f) => f.pose.yaw), pitch: m.frames.map((f) => f.pose.pitch), roll: m.frames.map((f) => f.pose.roll) }));
}
if (!real.length) throw new Error(`no tracked training clips in ${DEFAULT_CACHE}: run npm run train:mouth first (or set REAL3D_LIPSYNC_CACHE)`);

const col = (rows: Stats[], j: number) => median(rows.map((r) => r[j]!));
const line = (name: string, f: (j: number) => number) => console.log(name.padEnd(26) + [0, 1, 2, 3, 4, 5].map((j) => f(j).toFixed(2).padStart(9)).join(''));
console.log(`head motion, degrees; medians over ${real.length} clips (GRID: ${grid.length}); temperature ${temperature}`);
console.log(''.padEnd(26) + ['yaw sd', 'yaw step', 'pitch sd', 'pitch st', 'roll sd', 'roll st'].map((s) => s.padStart(9)).join(''));
line('real (tracked)', (j) => col(real, j));
line('tracker jitter (GRID)', (j) => col(grid, j));
line('real, jitter removed', (j) => Math.sqrt(Math.max(0, col(real, j) ** 2 - col(grid, j) ** 2)));
line('ours (--pose auto)', (j) => col(ours, j));
