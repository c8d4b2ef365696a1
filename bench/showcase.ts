// Runs the issue's showcase jobs on ../shared/data and writes, for each, the video (in bench-out/)
// and a contact sheet (every 1 s, in docs/generate/). Prints wall time and stream checks.
//   node --import tsx bench/showcase.ts [name ...]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ffmpegPath, probe } from '../src/io/ffmpeg.ts';

const root = path.resolve(import.meta.dirname, '..');
const data = path.resolve(root, '..', 'shared', 'data');
const p = (...x: string[]) => path.join(data, ...x);
const outDir = path.join(root, 'bench-out', 'showcase');
const sheetDir = path.join(root, 'docs', 'generate');
mkdirSync(outDir, { recursive: true });
mkdirSync(sheetDir, { recursive: true });

const jobs: Record<string, string[]> = {
  lp_s42_radio: ['-i', p('portraits', 'lp_s42.jpg'), '-a', p('audio', 'RD_Radio31_000.wav'), '-o', 'lp_s42_radio.mp4'],
  mt_man_eng60: ['-i', p('portraits', 'mt_man.png'), '-a', p('audio', 'eng.wav'), '--pose', 'auto', '--blink', 'natural', '-o', 'mt_man_eng60.mp4'],
  lp_s2_japanese_bg: ['-i', p('portraits', 'lp_s2.jpg'), '-a', p('audio', 'japanese.wav'), '--bg', '#203040', '-o', 'lp_s2_japanese_bg.mp4'],
  st_happy_singing: ['-i', p('portraits', 'st_happy.png'), '-a', p('audio', 'imagine.wav'), '-o', 'st_happy_singing.mp4'],
  lp_s0_full: ['-i', p('portraits', 'lp_s0.jpg'), '-a', p('audio', 'RD_Radio31_000.wav'), '--crop', 'full', '-o', 'lp_s0_full.mp4'],
  lp_s42_by_lp_d6: ['-i', p('portraits', 'lp_s42.jpg'), '--video', p('video', 'lp_d6.mp4'), '-o', 'lp_s42_by_lp_d6.mp4'],
  lp_s42_transparent: ['-i', p('portraits', 'lp_s42.jpg'), '-a', p('audio', 'RD_Radio31_000.wav'), '--bg', 'transparent', '-o', 'lp_s42_transparent.webm'],
  lp_s42_debug: ['-i', p('portraits', 'lp_s42.jpg'), '--video', p('video', 'lp_d0.mp4'), '--mode', 'debug', '-o', 'lp_s42_debug.mp4'],
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(jobs);
for (const name of wanted) {
  const args = jobs[name]!.map((a, i, all) => (all[i - 1] === '-o' ? path.join(outDir, a) : a));
  const output = args[args.indexOf('-o') + 1]!;
  const t0 = performance.now();
  execFileSync(process.execPath, [path.join(root, 'bin', 'real3d.mjs'), 'generate', ...args, '--quiet'], { stdio: 'inherit' });
  const wall = (performance.now() - t0) / 1000;
  const info = await probe(output);
  const v = info.streams.find((s) => s.codec_type === 'video')!;
  const a = info.streams.find((s) => s.codec_type === 'audio');
  const vDur = Number(v.duration ?? info.format.duration);
  const aDur = Number(a?.duration ?? info.format.duration);
  console.log(`${name}: ${wall.toFixed(1)} s wall, ${v.codec_name} ${v.width}x${v.height}, video ${vDur.toFixed(2)} s, audio ${a ? `${a.codec_name} ${aDur.toFixed(2)} s` : 'none'}, ratio ${(wall / vDur).toFixed(2)}x`);
  const sheet = path.join(sheetDir, `${name}.jpg`);
  // one frame per second of video; wide (debug) videos stack as rows
  const wide = Number(v.width) > Number(v.height) * 1.5;
  const filter = wide ? 'fps=1,scale=1024:-2,tile=1x3' : 'fps=1,scale=-2:200,tile=6x2';
  const decoder = output.endsWith('.webm') ? ['-c:v', 'libvpx-vp9'] : [];
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...decoder, '-i', output, '-vf', filter, '-frames:v', '1', '-q:v', '4', sheet]);
}
