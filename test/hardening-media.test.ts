// Hostile and broken media (issue 11): each case ends in bounded time with one clear error (or a
// correct result), the right error class / exit code, and nothing left on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegPath, streamsFromFfmpeg } from '../src/io/ffmpeg.ts';
import { decodeAudio, decodeVideoFrames, probeAudio, probeVideo } from '../src/io/media.ts';
import { loadImage, imageSize } from '../src/io/image.ts';
import { breathOpening } from '../src/motion/mouthModel.ts';
import { cancellationCheckpoint } from '../src/cancel.ts';
import { generate } from '../src/pipeline/generate.ts';
import { validateAudio, validateImage, validateVideo, HttpError, DEFAULT_LIMITS } from '../src/server/uploads.ts';
import { AudioError, CancelledError, InputError, Real3dError, VideoError } from '../src/errors.ts';
import { VideoEncoder } from '../src/io/encode.ts';
import { createImage } from '../src/io/image.ts';
import { pngWithHeader } from '../src/server/testing.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;
const SPEECH = new URL('audio/RD_Radio31_000.wav', DATA).pathname;
const LONG_SPEECH = new URL('audio/eng.wav', DATA).pathname;
const PHOTO = new URL('portraits/lp_s42.jpg', DATA).pathname;
const HEIC = new URL('fixtures/portrait-64.heic', import.meta.url).pathname;
const BIN = new URL('../bin/real3d.mjs', import.meta.url).pathname;

let tmp: string;

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-hardening-'));
});

after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A fresh folder per case, so "nothing left behind" can be checked by listing it. */
async function caseDir(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await rm(dir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  return dir;
}

function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', ...args]);
  assert.equal(r.status, 0, String(r.stderr));
}

/** Runs the CLI with a hard time limit; `timedOut` says the limit was hit (the child is then killed). */
function cli(args: string[], cwd: string, limitMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, limitMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
}

/** A 32-bit float WAV (format 3) of mono samples at `rate`. */
function floatWav(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(3, 20); // IEEE float
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 4, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(32, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

function upload(file: string, bytes: number) {
  return { path: file, bytes, sha256: 'x' };
}

test('breathOpening finishes on NaN speech flags (it used to loop forever)', () => {
  const speech = Float64Array.from({ length: 200 }, (_, i) => (i % 50 < 20 ? 1 : i % 7 === 0 ? NaN : 0));
  const out = breathOpening(speech, 25);
  assert.equal(out.length, 200);
  assert.ok(out.every((v) => Number.isFinite(v)));
});

test('a float WAV holding NaN and Inf samples: one clear line, exit 2, no output, within 60 s (CLI)', async () => {
  const dir = await caseDir('nan');
  const speech = await decodeAudio(SPEECH);
  for (let i = 16000; i < 16400; i++) speech[i] = NaN;
  speech[20000] = Infinity;
  speech[20001] = -Infinity;
  await writeFile(path.join(dir, 'nan.wav'), floatWav(speech, 16000));
  const r = await cli(['motion', '--audio', 'nan.wav', '-o', 'out.json', '-q'], dir, 60_000);
  assert.equal(r.timedOut, false, `the CLI hung (killed after ${r.ms} ms)`);
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /invalid samples \(NaN or infinite values\).*16-bit PCM WAV/);
  assert.deepEqual(await readdir(dir), ['nan.wav']);
});

test('an HLS playlist with an mp3 appended is refused: the local file it names is never read', async () => {
  const dir = await caseDir('hls');
  const secret = path.join(dir, 'secret.wav');
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=30', secret]);
  const mp3 = path.join(dir, 'a.mp3');
  ffmpeg(['-t', '3', '-i', SPEECH, '-c:a', 'libmp3lame', '-b:a', '64k', mp3]);
  const playlist = `#EXTM3U\n#EXT-X-TARGETDURATION:30\n#EXTINF:30,\n${secret}\n#EXT-X-ENDLIST\n`;
  const evil = path.join(dir, 'voice.upload');
  await writeFile(evil, Buffer.concat([Buffer.from(playlist), await readFile(mp3)]));
  const t0 = Date.now();
  // library: refused at probe time, whatever the extension
  await assert.rejects(probeAudio(evil), (e: Error) => e instanceof AudioError && /not an accepted audio or video format/.test(e.message) && !e.message.includes('\n'));
  // server upload check: 400 with the same reason, file path not leaked
  await assert.rejects(validateAudio(upload(evil, 1000), DEFAULT_LIMITS), (e: Error) => e instanceof HttpError && e.statusCode === 400 && /playlists/.test(e.message) && !e.message.includes(dir));
  // generate: refused before any work, no output written
  await assert.rejects(generate({ image: PHOTO, audio: evil, output: path.join(dir, 'out.mp4') }), (e: Error) => e instanceof AudioError);
  // the encoder given it as a soundtrack without a probed container (a caller that skipped the probe) refuses it too
  const encoder = new VideoEncoder({ output: path.join(dir, 'enc.mp4'), container: 'mp4', width: 64, height: 64, fps: 25, audio: evil, duration: 1 });
  const encode = async () => {
    for (let i = 0; i < 25; i++) await encoder.write(createImage(64, 64));
    await encoder.finish();
  };
  await assert.rejects(encode(), (e: Error) => e instanceof Real3dError && /Video encoding failed/.test(e.message));
  assert.ok(Date.now() - t0 < 20_000);
  assert.deepEqual((await readdir(dir)).sort(), ['a.mp3', 'secret.wav', 'voice.upload']);
});

test('raw H.264 (no duration in its header) is counted: over --max-seconds it is refused (server 413, decoder VideoError)', async () => {
  const dir = await caseDir('h264');
  const raw = path.join(dir, 'video.upload');
  // 8 s at 25 fps, 64x64: stands for the 700 s one, with a 2 s limit
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=25:duration=8', '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'h264', raw]);
  const t0 = Date.now();
  await assert.rejects(validateVideo(upload(raw, 1000), { ...DEFAULT_LIMITS, maxSeconds: 2 }), (e: Error) => e instanceof HttpError && e.statusCode === 413 && /limit is 2 s/.test(e.message));
  const frames = async () => {
    let n = 0;
    for await (const _ of decodeVideoFrames(raw, { limitSeconds: 2 })) n++;
    return n;
  };
  await assert.rejects(frames(), (e: Error) => e instanceof VideoError && /longer than the limit of 2 s/.test(e.message));
  // within the limit it is accepted with its counted length
  const ok = await validateVideo(upload(raw, 1000), { ...DEFAULT_LIMITS, maxSeconds: 20 });
  assert.ok(Math.abs(Number((ok.info as { duration: number }).duration) - 8) < 0.2, JSON.stringify(ok.info));
  assert.ok(Date.now() - t0 < 30_000);
  assert.deepEqual(await readdir(dir), ['video.media']);
});

test('a file name starting with "-" is read as a file, not as an ffprobe option', async () => {
  const dir = await caseDir('dash');
  await copyFile(SPEECH, path.join(dir, '-voice.wav'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const info = await probeAudio('-voice.wav');
    assert.ok(Math.abs(info.duration - 8) < 0.1);
    const samples = await decodeAudio('-voice.wav');
    assert.ok(Math.abs(samples.length / 16000 - 8) < 0.1);
  } finally {
    process.chdir(cwd);
  }
  assert.deepEqual(await readdir(dir), ['-voice.wav']);
});

test('a HEIC photo: says the format is not supported and what to convert to (library and server)', async () => {
  const t0 = Date.now();
  const said = /HEIC\/HEIF photo .*not supported\. Convert it to JPEG or PNG/;
  await assert.rejects(loadImage(HEIC), (e: Error) => e instanceof InputError && said.test(e.message) && !e.message.includes('\n'));
  const dir = await caseDir('heic');
  const copy = path.join(dir, 'photo.upload');
  await copyFile(HEIC, copy);
  await assert.rejects(validateImage('photo', upload(copy, 1349), DEFAULT_LIMITS.maxImagePixels), (e: Error) => e instanceof HttpError && e.statusCode === 400 && /HEIC\/HEIF .*Convert it to JPEG or PNG/.test(e.message));
  // a bare ftyp-heic header (no image data) gets the same answer
  const header = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')]);
  await assert.rejects(loadImage(header), (e: Error) => e instanceof InputError && said.test(e.message));
  assert.ok(Date.now() - t0 < 10_000);
  assert.deepEqual(await readdir(dir), ['photo.upload']);
});

/** A PNG whose header claims width x height, with one tiny IDAT: a decompression "bomb" stand-in. */
const pngHeader = (width: number, height: number) => pngWithHeader(width, height, Buffer.from([120, 156, 3, 0, 0, 0, 0, 1]));

test('a 16000x16000 image "bomb" is refused from its header, before any decode (library and server)', async () => {
  const dir = await caseDir('bomb');
  const bomb = path.join(dir, 'photo.upload');
  await writeFile(bomb, pngHeader(16000, 16000));
  const said = /16000x16000 pixels \(256 megapixels\); the limit is 151 megapixels\. Downscale it/;
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  await assert.rejects(loadImage(bomb), (e: Error) => e instanceof InputError && said.test(e.message));
  await assert.rejects(imageSize(bomb), (e: Error) => e instanceof InputError && said.test(e.message));
  // the server has its own, lower limit (limits.maxImagePixels, 50 MP by default) and answers 413
  await assert.rejects(validateImage('photo', upload(bomb, 100), DEFAULT_LIMITS.maxImagePixels), (e: Error) => e instanceof HttpError && e.statusCode === 413 && /16000x16000 pixels \(256 megapixels\); the limit is 50 megapixels/.test(e.message));
  assert.ok(Date.now() - t0 < 5_000);
  assert.ok(process.memoryUsage().rss - rss0 < 100e6, 'no full-size raster was allocated');
  assert.deepEqual(await readdir(dir), ['photo.upload']);
});

test('a cancellation checkpoint lets a CPU-bound loop see an abort fired by a timer within 1 s', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const checkpoint = cancellationCheckpoint(controller.signal);
  const t0 = Date.now();
  await assert.rejects(
    (async () => {
      // busy work that never awaits real I/O: without the checkpoint's yield the timer never fires
      for (let i = 0; Date.now() - t0 < 10_000; i++) {
        let s = 0;
        for (let k = 0; k < 10_000; k++) s += Math.sqrt(k + i);
        if (s < 0) break;
        await checkpoint();
      }
    })(),
    CancelledError,
  );
  assert.ok(Date.now() - t0 < 1_200, `stopped after ${Date.now() - t0} ms`);
});

test('generate: an abort during the render stops it within 1 s, with no output or temporary file', async () => {
  const dir = await caseDir('cancel');
  const output = path.join(dir, 'out.mp4');
  const controller = new AbortController();
  let abortedAt = 0;
  const started = generate(
    { image: PHOTO, audio: LONG_SPEECH, output, size: 256 },
    {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.stage === 'render' && e.done >= 10 && !abortedAt) {
          // fired from a timer, like a Ctrl-C handler or an HTTP DELETE: needs the event loop
          setTimeout(() => {
            abortedAt = Date.now();
            controller.abort();
          }, 0);
        }
      },
    },
  );
  await assert.rejects(started, CancelledError);
  assert.ok(abortedAt > 0, 'the render was reached');
  assert.ok(Date.now() - abortedAt < 1_000, `stopped ${Date.now() - abortedAt} ms after the abort`);
  assert.deepEqual(await readdir(dir), []);
});

test('Ctrl-C (SIGINT) during a CLI render: exit 130 within ~1 s, one line, nothing left', async () => {
  const dir = await caseDir('sigint');
  const t0 = Date.now();
  const p = spawn(process.execPath, [BIN, 'generate', '--image', PHOTO, '--audio', LONG_SPEECH, '-o', 'out.mp4', '--size', '256', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d) => (stderr += d));
  let sentAt = 0;
  p.stdout.on('data', (d: Buffer) => {
    if (!sentAt && /"stage":"render"/.test(String(d))) {
      sentAt = Date.now();
      p.kill('SIGINT');
    }
  });
  const guard = setTimeout(() => p.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => p.on('close', resolve));
  clearTimeout(guard);
  assert.ok(sentAt > 0, `the render was never reached (${Date.now() - t0} ms): ${stderr}`);
  assert.ok(Date.now() - sentAt < 1_500, `exited ${Date.now() - sentAt} ms after Ctrl-C`);
  assert.equal(code, 130, stderr);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.match(stderr, /cancelled/);
  assert.deepEqual(await readdir(dir), []);
});

test('an MPEG-TS video (the bundled ffprobe build segfaults on it) is probed from ffmpeg\'s own description', async () => {
  const dir = await caseDir('mpegts');
  const ts = path.join(dir, 'clip.ts');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=96x64:rate=25:duration=1', '-f', 'lavfi', '-i', 'sine=duration=1', '-shortest', ts]);
  const info = await probeVideo(ts);
  assert.equal(info.container, 'mpegts');
  assert.deepEqual([info.width, info.height, info.fps, info.hasAudio], [96, 64, 25, true]);
  assert.ok(Math.abs(info.duration - 1) < 0.1, String(info.duration));
  assert.ok(Math.abs((await probeAudio(ts)).sampleRate - 44100) < 1);
  assert.deepEqual(await readdir(dir), ['clip.ts']);
});

test('streamsFromFfmpeg reads the fields the pipeline needs from ffmpeg\'s input description', () => {
  const text = [
    "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/x.mp4':",
    '  Duration: 00:01:02.50, start: 0.000000, bitrate: 900 kb/s',
    '    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 512x384 [SAR 1:1 DAR 4:3], 800 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)',
    '    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, 5.1, fltp, 128 kb/s (default)',
  ].join('\n');
  const r = streamsFromFfmpeg(text);
  assert.equal(r.format.duration, '62.5');
  assert.deepEqual(r.streams.map((s) => [s.codec_type, s.codec_name, s.width, s.height, s.avg_frame_rate, s.sample_rate, s.channels]), [
    ['video', 'h264', 512, 384, '29.97', undefined, undefined],
    ['audio', 'aac', undefined, undefined, undefined, '48000', 6],
  ]);
});
