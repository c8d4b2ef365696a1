// Benchmark of the main job: wall time vs clip duration, time per stage, peak memory for a
// 10 s and a 120 s audio (memory must stay flat in clip length). Prints figures; asserts nothing.
//   node --import tsx bench/generate.ts [--runs 3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { SHARED_DATA_URL } from './sharedData.ts';

const data = SHARED_DATA_URL.pathname;
const photo = path.join(data, 'portraits', 'lp_s42.jpg');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const dir = mkdtempSync(path.join(tmpdir(), 'real3d-bench-'));

function cutAudio(seconds: number): string {
  const out = path.join(dir, `speech-${seconds}s.wav`);
  // eng.wav is 60 s; loop it for longer clips
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-stream_loop', '-1', '-i', path.join(data, 'audio', 'eng.wav'), '-t', String(seconds), out]);
  return out;
}

function runOnce(audio: string): any {
  const out = path.join(dir, 'out.mp4');
  const line = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'generate-once.ts'), photo, audio, out], { encoding: 'utf8' });
  return JSON.parse(line.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const a10 = cutAudio(10);
  const results = Array.from({ length: runs }, () => runOnce(a10));
  const wall = results.map((r) => r.wallMs / 1000);
  console.log(`generate, 10 s audio, 512x512, lp_s42 (${runs} runs, each a fresh process incl. model load)`);
  console.log(`  wall time median ${median(wall).toFixed(2)} s  (runs: ${wall.map((w) => w.toFixed(2)).join(', ')})`);
  console.log(`  ratio to clip duration: ${(median(wall) / 10).toFixed(2)}x  (goal < 1.0x, moonshot 0.5x)`);
  for (const stage of Object.keys(results[0].timings)) {
    console.log(`  ${stage.padEnd(8)} median ${(median(results.map((r) => r.timings[stage])) / 1000).toFixed(2)} s`);
  }
  console.log(`  per frame (render+compose): ${(median(results.map((r) => r.timings.render / r.frames))).toFixed(1)} ms`);
  console.log(`  peak RSS 10 s clip: ${median(results.map((r) => r.peakRssMb)).toFixed(0)} MB`);
  const long = runOnce(cutAudio(120));
  console.log(`  peak RSS 120 s clip: ${long.peakRssMb.toFixed(0)} MB  (wall ${(long.wallMs / 1000).toFixed(1)} s, ratio ${(long.wallMs / 1000 / 120).toFixed(2)}x)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
