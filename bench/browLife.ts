// Brow life in audio mode against real speakers: the brow channels (browInnerUp, browOuterUp,
// browDown) of eight training-clip speakers, retargeted as a driver video would be (the weights the
// avatar would get in video mode), beside what the audio-mode generator makes for the test audio.
// Per channel: median, p90, p98, share of frames above 0.15, and movement (sum of |change| per second;
// the real tracks' includes their jitter). Tracks cached in $REAL3D_CACHE/tracks.
//   node --import tsx bench/browLife.ts
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { trackVideo } from '../src/motion/fromVideo.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const CACHE = BENCH_CACHE;
const CLIPS = ['styletalk_Obama_clip1', 'styletalk_KristiNoem', 'dfrf_french', 'styletalk_reagan_clip1', 'videoretalking_1', 'styletalk_feifeili_clip1', 'latentsync_demo2', 'pcavs_Audio_Source_00015'];
const AUDIO = ['RD_Radio31_000.wav', 'eng.wav', 'imagine.wav', 'mt_sun.wav'];
const FPS = 10, SECONDS = 12;

function line(name: string, channels: Record<string, ArrayLike<number>>, fps: number): string {
  const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.round(p * (a.length - 1))]!;
  return name.padEnd(28) + Object.entries(channels).map(([k, v]) => {
    const a = Array.from(v);
    let move = 0;
    for (let i = 1; i < a.length; i++) move += Math.abs(a[i]! - a[i - 1]!);
    return `${k} p50 ${q(a, 0.5).toFixed(2)} p90 ${q(a, 0.9).toFixed(2)} p98 ${q(a, 0.98).toFixed(2)} >0.15 ${String(Math.round((a.filter((x) => x > 0.15).length / a.length) * 100)).padStart(2)}% move ${((move / a.length) * fps).toFixed(2)}/s`;
  }).join(' | ');
}

async function clipLandmarks(clip: string): Promise<(number[] | null)[]> {
  const file = path.join(CACHE, 'tracks', `${clip}.brows.${FPS}fps.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  const raw = await trackVideo(path.join(DATA, 'train', 'clips', `${clip}.mp4`), { fps: FPS, maxSide: 720, maxSeconds: SECONDS });
  const lms = raw.map((r) => (r?.lm ? Array.from(r.lm, (v) => Math.round(v * 100) / 100) : null));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(lms));
  return lms;
}

for (const clip of CLIPS) {
  const ch = retargetFromLandmarks(await clipLandmarks(clip));
  const mean = (a: string, b: string) => ch.get(a as never)!.map((v, i) => (v + ch.get(b as never)![i]!) / 2);
  console.log(line(`real ${clip}`, { innerUp: ch.get('browInnerUp')!, outerUp: mean('browOuterUpLeft', 'browOuterUpRight'), down: mean('browDownLeft', 'browDownRight') }, FPS));
}
for (const audio of AUDIO) {
  const m = await motionFromAudio(path.join(DATA, 'audio', audio), { blink: 'natural', seed: 1 });
  const get = (k: string) => m.frames.map((f) => f.w[k as keyof typeof f.w] ?? 0);
  console.log(line(`ours ${audio}`, { innerUp: get('browInnerUp'), outerUp: get('browOuterUpLeft'), down: get('browDownLeft') }, m.fps));
}
