// Fuzz of the media inputs (issue 11): random corruptions of the sample photo, audio and video
// (byte flips, truncations, spliced headers, zeroed or repeated blocks; seeded) through analyze,
// motion and generate, in process. Every run must end within a time bound with success or ONE
// clear line (a Real3dError of one line), and leave no file behind. Prints counts; never asserts.
//   node --import tsx bench/fuzz.ts [--count 300] [--seed 1] [--bound 60] [--verbose]
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { generate } from '../src/pipeline/generate.ts';
import { CancelledError, Real3dError } from '../src/errors.ts';
import { mulberry32 } from '../src/math/random.ts';
import { sharedData } from './sharedData.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('--count', 300);
const SEED = arg('--seed', 1);
const BOUND_S = arg('--bound', 60);
const VERBOSE = process.argv.includes('--verbose');
/** --keep DIR: copy each input that timed out or failed unclearly there, to replay it */
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;

const data = sharedData;

const rng = mulberry32;

type Kind = 'photo' | 'audio' | 'video';

/** One corruption of `src`; `others` supply headers to splice in. Returns the bytes and a label. */
function corrupt(src: Buffer, others: Buffer[], rand: () => number): { bytes: Buffer; how: string } {
  const int = (n: number) => Math.floor(rand() * n);
  const b = Buffer.from(src);
  switch (int(6)) {
    case 0: {
      // flips in the first 4 KB, where the headers are
      const n = 1 + int(16);
      for (let i = 0; i < n; i++) b[int(Math.min(4096, b.length))]! ^= 1 << int(8);
      return { bytes: b, how: `flip ${n} header bytes` };
    }
    case 1: {
      const n = 1 + int(200);
      for (let i = 0; i < n; i++) b[int(b.length)] = int(256);
      return { bytes: b, how: `randomise ${n} bytes` };
    }
    case 2: {
      const keep = int(b.length);
      return { bytes: b.subarray(0, keep), how: `truncate to ${keep} B` };
    }
    case 3: {
      const other = others[int(others.length)]!;
      const n = 16 + int(512);
      return { bytes: Buffer.concat([other.subarray(0, n), b.subarray(n)]), how: `splice ${n} B of another file's header` };
    }
    case 4: {
      const at = int(b.length);
      const n = int(8192);
      b.fill(0, at, Math.min(b.length, at + n));
      return { bytes: b, how: `zero ${n} B at ${at}` };
    }
    default: {
      const at = int(b.length);
      const n = 1 + int(4096);
      return { bytes: Buffer.concat([b.subarray(0, at), b.subarray(at, at + n), b.subarray(at)]), how: `repeat ${n} B at ${at}` };
    }
  }
}

type Outcome = 'ok' | 'clear error' | 'unclear error' | 'timeout';

async function withBound(run: (signal: AbortSignal) => Promise<unknown>): Promise<{ outcome: Outcome; message: string; ms: number }> {
  const controller = new AbortController();
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, BOUND_S * 1000);
  });
  try {
    const r = await Promise.race([run(controller.signal).then(() => 'ok' as const), bound]);
    // after a timeout the run is cancelled; give it a moment to clean up before counting leftovers
    if (r === 'timeout') await new Promise((res) => setTimeout(res, 2000));
    return { outcome: r, message: '', ms: performance.now() - t0 };
  } catch (err) {
    const e = err as Error;
    const clear = err instanceof Real3dError && !(err instanceof CancelledError) && !e.message.includes('\n') && e.message.length < 500;
    return { outcome: clear ? 'clear error' : 'unclear error', message: `${e.name}: ${e.message}`, ms: performance.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'real3d-fuzz-'));
  // small seeds keep each run short: 2 s of speech, 0.6 s of a talking face at 256 px
  const audioSeed = path.join(root, 'seed.wav');
  const mp3Seed = path.join(root, 'seed.mp3');
  const videoSeed = path.join(root, 'seed.mp4');
  const ff = (args: string[]) => {
    const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', ...args]);
    if (r.status !== 0) throw new Error(String(r.stderr));
  };
  ff(['-t', '2', '-i', data('audio/RD_Radio31_000.wav'), '-ac', '1', audioSeed]);
  ff(['-t', '2', '-i', data('audio/RD_Radio31_000.wav'), '-c:a', 'libmp3lame', '-b:a', '48k', mp3Seed]);
  ff(['-t', '0.6', '-i', data('video/WDA_KatieHill_000.mp4'), '-vf', 'scale=256:256', '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', videoSeed]);
  const seeds: Record<Kind, Buffer[]> = {
    photo: [await readFile(data('portraits/lp_s42.jpg')), await readFile(data('portraits/st_happy.png'))],
    audio: [await readFile(audioSeed), await readFile(mp3Seed)],
    video: [await readFile(videoSeed)],
  };
  const all = [...seeds.photo, ...seeds.audio, ...seeds.video];
  const rand = rng(SEED);
  const counts: Record<string, number> = { ok: 0, 'clear error': 0, 'unclear error': 0, timeout: 0, leftovers: 0 };
  const byTarget: Record<string, Record<Outcome, number>> = {};
  const unclear: string[] = [];
  const started = performance.now();
  let slowest = 0;
  for (let i = 0; i < COUNT; i++) {
    const dir = path.join(root, `case-${i}`);
    await mkdir(dir);
    // analyze 25 %, motion from audio 40 %, motion from video 15 %, generate 20 %
    const r = rand();
    const target = r < 0.25 ? 'analyze' : r < 0.65 ? 'motion-audio' : r < 0.8 ? 'motion-video' : 'generate';
    const kind: Kind = target === 'analyze' ? 'photo' : target === 'motion-audio' ? 'audio' : target === 'motion-video' ? 'video' : rand() < 0.5 ? 'photo' : 'audio';
    const pool = seeds[kind];
    const src = pool[Math.floor(rand() * pool.length)]!;
    const { bytes, how } = corrupt(src, all.filter((b) => b !== src), rand);
    const input = path.join(dir, `input-${kind}.bin`);
    await writeFile(input, bytes);
    const res = await withBound(async (signal) => {
      if (target === 'analyze') return analyzePortrait(input, {}, { signal });
      if (target === 'motion-audio') return motionFromAudio(input, {}, { signal });
      if (target === 'motion-video') return motionFromVideo(input, {}, { signal });
      return generate({ image: kind === 'photo' ? input : data('portraits/lp_s42.jpg'), audio: kind === 'audio' ? input : audioSeed, output: path.join(dir, 'out.mp4'), size: 64 }, { signal });
    });
    slowest = Math.max(slowest, res.ms);
    counts[res.outcome]!++;
    (byTarget[target] ??= { ok: 0, 'clear error': 0, 'unclear error': 0, timeout: 0 })[res.outcome]++;
    // a successful generate leaves its out.mp4: that is the product, not a leftover
    const left = (await readdir(dir)).filter((f) => f !== path.basename(input) && !(res.outcome === 'ok' && f === 'out.mp4'));
    if (left.length) counts.leftovers!++;
    if (res.outcome === 'unclear error' || res.outcome === 'timeout' || left.length) unclear.push(`#${i} ${target} ${how}: ${res.outcome} ${res.message.slice(0, 300)}${left.length ? ` LEFT ${left.join(',')}` : ''}`);
    if (KEEP && (res.outcome === 'unclear error' || res.outcome === 'timeout')) await writeFile(path.join(KEEP, `case-${i}-${target}.bin`), bytes);
    if (VERBOSE) console.log(`#${i} ${target} ${how} -> ${res.outcome} ${(res.ms / 1000).toFixed(1)} s ${res.message.slice(0, 160)}`);
    await rm(dir, { recursive: true, force: true });
  }
  await rm(root, { recursive: true, force: true });
  const minutes = (performance.now() - started) / 60000;
  console.log(`fuzz: ${COUNT} runs, seed ${SEED}, bound ${BOUND_S} s per run, ${minutes.toFixed(1)} min, slowest run ${(slowest / 1000).toFixed(1)} s`);
  console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(' / '));
  for (const [t, c] of Object.entries(byTarget)) console.log(`  ${t}: ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const line of unclear) console.log(`  ${line}`);
}

await main();
