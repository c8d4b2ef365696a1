// Motion benchmarks and quality figures (prints; never asserts).
//   node --import tsx bench/motion.ts            speed, lip sync r, reenactment curves (PNG in bench-out/)
//   node --import tsx bench/motion.ts --long     also a 1-hour audio (made with ffmpeg in /tmp): time and peak RSS
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { bestLagPearson, postprocessMouthEnergyBaseline } from './motionBaseline.ts';
import { plotMotion } from '../src/motion/plot.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { describeLipModel, loadLipModel } from '../src/motion/lipModel.ts';
import type { Motion } from '../src/types.ts';
import { sharedData } from './sharedData.ts';

const data = sharedData;
const OUT = fileURLToPath(new URL('../bench-out/', import.meta.url));
mkdirSync(OUT, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const jaw = (m: Motion) => m.frames.map((f) => f.w.jawOpen ?? 0);
const r3 = (v: number) => v.toFixed(3);

if (process.argv.includes('--child-long')) {
  // child process: one long run, reports its own peak RSS
  const file = process.argv[process.argv.indexOf('--child-long') + 1]!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m = await motionFromAudio(file, { pose: 'auto', blink: 'natural' });
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ frames: m.frameCount, seconds: s, cpuSeconds: (c.user + c.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

// ---- audio speed
{
  const file = data('audio/eng.wav');
  const times: number[] = [];
  const cpu: number[] = [];
  let frames = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const m = await motionFromAudio(file, { pose: 'auto', blink: 'natural' });
    const c = process.cpuUsage(c0);
    times.push((performance.now() - t0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
    frames = m.frameCount;
  }
  const audioSeconds = frames / 25;
  console.log(
    `audio -> motion: eng.wav ${audioSeconds.toFixed(1)} s in ${median(times).toFixed(2)} s wall (median of 3) = ${(audioSeconds / median(times)).toFixed(0)}x real time; ` +
      `node CPU ${median(cpu).toFixed(2)} s = ${(audioSeconds / median(cpu)).toFixed(0)}x (ffmpeg decode not included); load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
  );
}

// ---- lip sync: audio path vs video path
const katie = data('video/WDA_KatieHill_000.mp4');
const pairs = [
  { name: 'WDA_KatieHill_000 (own soundtrack)', video: katie, audio: katie },
  { name: 'mt_sun (mt_sun.wav + mt_sun.mp4)', video: data('video/mt_sun.mp4'), audio: data('audio/mt_sun.wav') },
];
for (const p of pairs) {
  const t0 = performance.now();
  const v = await motionFromVideo(p.video, { fps: 25 });
  const vs = (performance.now() - t0) / 1000;
  const a = await motionFromAudio(p.audio, { fps: 25 });
  const n = Math.min(v.frameCount, a.frameCount);
  const vj = jaw(v).slice(0, n);
  const model = bestLagPearson(jaw(a).slice(0, n), vj, 3);
  const base = await postprocessMouthEnergyBaseline(p.audio, 25);
  const baseline = bestLagPearson(base.slice(0, n), vj, 3);
  const speechIdx = [...Array(n).keys()].filter((i) => base[i]! > 0.05);
  const inSpeech = bestLagPearson(speechIdx.map((i) => jaw(a)[i]!), speechIdx.map((i) => vj[i]!), 0);
  console.log(`lip sync ${p.name}: jawOpen r (best lag +-3) audio model ${r3(model.r)} (lag ${model.lag}), energy-envelope baseline ${r3(baseline.r)} (lag ${baseline.lag}); video tracked at ${(v.stats.frames / vs).toFixed(1)} frames/s, ${v.stats.interpolated} interpolated`);
  console.log(`  only the ${speechIdx.length} frames with speech in the audio: audio model r at lag 0 = ${r3(inSpeech.r)}`);
  // the clip's own audio/picture offset: where the best lag lies when it may go beyond +-3 frames
  const wide = bestLagPearson(jaw(a).slice(0, n), vj, 10);
  console.log(`  best lag within +-10 frames: r ${r3(wide.r)} at lag ${wide.lag} (positive = the picture follows the sound)`);
}
const lips = loadLipModel();
const { weights, layers } = describeLipModel(lips);
console.log(`lip model (src/motion/models/lips.json): ${weights} weights, ${layers}; figures from training: ${JSON.stringify({ meanHeldOutR: lips.meta.meanHeldOutR, katie: lips.meta.katie, mt_sun: lips.meta.mt_sun })}`);

// ---- reenactment curves
for (const [name, seconds] of [['lp_d0', 3], ['lp_d6', 10]] as const) {
  const t0 = performance.now();
  const m = await motionFromVideo(data(`video/${name}.mp4`), { fps: 25, maxSeconds: seconds });
  const s = (performance.now() - t0) / 1000;
  writeFileSync(path.join(OUT, `motion_${name}.png`), await plotMotion(m));
  // jitter: median absolute frame-to-frame change of yaw and jawOpen
  const dy = m.frames.slice(1).map((f, i) => Math.abs(f.pose.yaw - m.frames[i]!.pose.yaw));
  const dj = m.frames.slice(1).map((f, i) => Math.abs(f.w.jawOpen! - m.frames[i]!.w.jawOpen!));
  const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  console.log(
    `reenactment ${name} (${seconds} s): ${(m.frameCount / s).toFixed(1)} frames/s, missing ${m.stats.missing}, interpolated ${m.stats.interpolated}; ` +
      `yaw range ${range(m.frames.map((f) => f.pose.yaw)).toFixed(1)} deg, median |d yaw| ${median(dy).toFixed(3)} deg/frame; jawOpen max ${Math.max(...jaw(m)).toFixed(2)}, median |d jaw| ${median(dj).toFixed(4)}; ` +
      `blinks>0.5: ${m.frames.filter((f, i) => f.blink > 0.5 && !(m.frames[i - 1]?.blink! > 0.5)).length}; plot bench-out/motion_${name}.png`,
  );
}

// ---- one hour of audio, in a child process (peak RSS of that run only)
if (process.argv.includes('--long')) {
  const hour = '/tmp/real3d-hour.wav';
  if (!existsSync(hour)) execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-stream_loop', '-1', '-i', data('audio/eng.wav'), '-t', '3600', '-ac', '1', '-ar', '16000', hour]);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child-long', hour], { encoding: 'utf8' });
  const res = JSON.parse(r.stdout.trim().split('\n').pop()!);
  console.log(`1-hour audio: ${res.frames} frames in ${res.seconds.toFixed(1)} s wall (${(3600 / res.seconds).toFixed(0)}x real time), node CPU ${res.cpuSeconds.toFixed(1)} s (${(3600 / res.cpuSeconds).toFixed(0)}x), peak RSS ${res.maxRssMB.toFixed(0)} MB`);
}
