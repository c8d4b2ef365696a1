// Face tracks of the lip benches' real clips (audio18): the first 8 s at 25 fps of Obama clip1, Katie, mt_sun,
// Fei-Fei clip1, 16 GRID s1 sentences (every 61st from the 8th of the sorted list; speaker never trained on),
// Andrew Ng clip 1, Reagan, Kristi Noem; one JSON per clip { clip, video, fps, frames } (frames as the teacher
// cache's, train/teacher.ts), read by bench/lipTiming.ts --faces DIR. ~15 min on a shared core; resumes.
//   node --import tsx bench/trackLipClips.ts [--out /tmp/audio18/faces]
import { readdirSync, existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { trackVideo } from '../src/motion/fromVideo.ts';
import { DATA, TEACHER_FPS } from '../src/motion/train/teacher.ts';

const argv = process.argv.slice(2);
const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1]! : '/tmp/audio18/faces';
mkdirSync(out, { recursive: true });
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const clips: [string, string][] = [
  ['obama1', 'train/clips/styletalk_Obama_clip1.mp4'],
  ['katie', 'video/WDA_KatieHill_000.mp4'],
  ['mt_sun', 'video/mt_sun.mp4'],
  ['feifei1', 'train/clips/styletalk_feifeili_clip1.mp4'],
];
const grid = readdirSync(path.join(DATA, 'train/grid_s1')).filter((f) => f.endsWith('.mp4')).sort();
for (let i = 7; i < grid.length && clips.length < 4 + 16; i += 61) clips.push([`grid_${grid[i]!.replace('.mp4', '')}`, `train/grid_s1/${grid[i]}`]);
clips.push(['andrew1', 'train/clips/styletalk_andrew_clip_1.mp4'], ['reagan1', 'train/clips/styletalk_reagan_clip1.mp4'], ['noem', 'train/clips/styletalk_KristiNoem.mp4']);
for (const [name, rel] of clips) {
  const f = path.join(out, `${name}.json`);
  if (existsSync(f)) continue;
  const t0 = Date.now();
  const raw = await trackVideo(path.join(DATA, rel), { fps: TEACHER_FPS, maxSide: 720, maxSeconds: 8, threads: 1 });
  const frames = raw.map((r) => r && { m: Object.fromEntries(Object.entries(r.m).map(([k, v]) => [k, Array.isArray(v) ? v.map(round) : round(v as number)])), angles: r.angles, score: round(r.score) });
  writeFileSync(`${f}.tmp`, JSON.stringify({ clip: name, video: path.join(DATA, rel), fps: TEACHER_FPS, frames }));
  renameSync(`${f}.tmp`, f);
  console.log(name, frames.length, ((Date.now() - t0) / 1000).toFixed(0), 's');
}
