import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VideoEncoder, containerFor, encoderArgs } from '../src/io/encode.ts';
import { probe } from '../src/io/ffmpeg.ts';
import { createImage } from '../src/io/image.ts';
import { withAtomicFile } from '../src/io/atomic.ts';
import { CancelledError, InputError } from '../src/errors.ts';
import { sharedData } from '../bench/sharedData.ts';

const speech = sharedData('audio/RD_Radio31_000.wav');

test('containerFor maps extensions and rejects unknown ones with a clear message', () => {
  assert.equal(containerFor('a/b.MP4'), 'mp4');
  assert.equal(containerFor('x.webm'), 'webm');
  assert.equal(containerFor('x.mov'), 'mov');
  assert.throws(() => containerFor('x.avi'), (e: Error) => e instanceof InputError && /\.mp4/.test(e.message));
  assert.throws(() => containerFor('noext'), InputError);
});

test('encoder args: H.264 yuv420p faststart for mp4, alpha pixel formats for webm/mov', () => {
  const base = { output: 'o', width: 64, height: 64, fps: 25 };
  const mp4 = encoderArgs({ ...base, container: 'mp4', audio: 'a.wav', duration: 2 }).join(' ');
  assert.match(mp4, /libx264.*-pix_fmt yuv420p.*\+faststart/);
  assert.match(mp4, /-c:a aac/);
  assert.match(mp4, /-t 2\.000/);
  assert.match(encoderArgs({ ...base, container: 'webm', alpha: true }).join(' '), /yuva420p/);
  assert.match(encoderArgs({ ...base, container: 'mov', alpha: true }).join(' '), /prores_ks -profile:v 4444 -pix_fmt yuva444p10le/);
});

function gradientFrame(f: number) {
  const img = createImage(64, 48);
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (i / 4 + f * 5) % 256;
    img.data[i + 1] = 80;
    img.data[i + 2] = 160;
    img.data[i + 3] = 255;
  }
  return img;
}

test('streams frames with audio into an mp4 whose duration matches the requested one', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-enc-'));
  try {
    const out = path.join(dir, 'clip.mp4');
    const enc = new VideoEncoder({ output: out, container: 'mp4', width: 64, height: 48, fps: 25, audio: speech, duration: 1 });
    for (let f = 0; f < 25; f++) await enc.write(gradientFrame(f));
    await enc.finish();
    const info = await probe(out);
    const v = info.streams.find((s) => s.codec_type === 'video')!;
    const a = info.streams.find((s) => s.codec_type === 'audio')!;
    assert.equal(v.codec_name, 'h264');
    assert.equal(v.pix_fmt, 'yuv420p');
    assert.equal(v.width, 64);
    assert.equal(a.codec_name, 'aac');
    assert.ok(Math.abs(Number(info.format.duration) - 1) < 0.1, `duration ${info.format.duration}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('cancelling mid-encode leaves no file behind', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-enc-'));
  try {
    const out = path.join(dir, 'cancelled.mp4');
    const controller = new AbortController();
    await assert.rejects(
      withAtomicFile(out, async (tmp) => {
        const enc = new VideoEncoder({ output: tmp, container: 'mp4', width: 64, height: 48, fps: 25, signal: controller.signal });
        for (let f = 0; f < 50; f++) {
          if (f === 10) controller.abort();
          await enc.write(gradientFrame(f));
        }
        await enc.finish();
      }),
      CancelledError,
    );
    assert.deepEqual(await readdir(dir), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
