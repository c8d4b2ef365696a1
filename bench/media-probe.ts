// Cost of the hardened media probe (prints; never asserts): the decoding ffmpeg opens the file to
// name its container, then ffprobe is forced to that container. Compared with ffprobe alone.
//   node --import tsx bench/media-probe.ts
import { spawnSync } from 'node:child_process';
import { ffmpegPath, ffprobePath, probe } from '../src/io/ffmpeg.ts';
import { sharedData } from './sharedData.ts';

const files = ['audio/RD_Radio31_000.wav', 'audio/eng.wav', 'video/WDA_KatieHill_000.mp4', 'video/lp_d6.mp4'].map(sharedData);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const version = (bin: string) => String(spawnSync(bin, ['-version']).stdout).split('\n')[0];
console.log(`ffmpeg:  ${version(ffmpegPath())}`);
console.log(`ffprobe: ${version(ffprobePath())}`);
for (const file of files) {
  const plain: number[] = [];
  const hardened: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    spawnSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
    plain.push(performance.now() - t);
    t = performance.now();
    await probe(file);
    hardened.push(performance.now() - t);
  }
  console.log(`${file.split('/').slice(-2).join('/')}: ffprobe alone ${median(plain).toFixed(0)} ms, hardened probe ${median(hardened).toFixed(0)} ms (median of 5)`);
}
