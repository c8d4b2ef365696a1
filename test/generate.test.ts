// End-to-end: the main job on real media, its stream properties, bad inputs and cancellation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, planDrive, parseGenerateOptions } from '../src/pipeline/generate.ts';
import { probe, parseRate } from '../src/io/ffmpeg.ts';
import { CancelledError, InputError, NoFaceError, AudioError, FileFormatError, Real3dError } from '../src/errors.ts';
import { formatBar } from '../src/cli/progress.ts';
import { cutSpeech } from './speechClip.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const data = `${SHARED_DATA}/`;
const photo = path.join(data, 'portraits', 'lp_s42.jpg');
let dir = '';
let shortAudio = '';

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'real3d-gen-'));
  shortAudio = cutSpeech(path.join(dir, 'speech2s.wav'), 2);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Files in the work dir other than our inputs: a failed job must leave none. */
async function outputsLeft(): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !f.startsWith('speech2s') && !f.startsWith('input-'));
}

test('photo + 2 s speech -> H.264/AAC mp4, 512x512, 25 fps, duration equal to the audio within one frame', async () => {
  const out = path.join(dir, 'talk.mp4');
  const events: string[] = [];
  const result = await generate({ image: photo, audio: shortAudio, output: out }, { onProgress: (e) => events.push(e.stage) });
  const info = await probe(out);
  const v = info.streams.find((s) => s.codec_type === 'video')!;
  const a = info.streams.find((s) => s.codec_type === 'audio');
  assert.equal(v.codec_name, 'h264');
  assert.equal(v.pix_fmt, 'yuv420p');
  assert.equal(v.width, 512);
  assert.equal(v.height, 512);
  assert.equal(parseRate(v.avg_frame_rate), 25);
  assert.ok(a, 'audio track present');
  assert.equal(a!.codec_name, 'aac');
  assert.ok(Math.abs(Number(v.duration) - 2) <= 1 / 25 + 1e-6, `video duration ${v.duration} vs audio 2 s`);
  assert.equal(result.frames, 50);
  for (const stage of ['analyze', 'avatar', 'motion', 'render', 'done']) assert.ok(events.includes(stage), `progress stage ${stage}`);
  await rm(out);
});

test('a transparent webm keeps alpha', async () => {
  const out = path.join(dir, 'alpha.webm');
  await generate({ image: photo, audio: shortAudio, output: out, bg: 'transparent', size: 256 });
  const info = await probe(out);
  const v = info.streams.find((s) => s.codec_type === 'video')! as { codec_name?: string; tags?: Record<string, string> };
  assert.equal(v.codec_name, 'vp9');
  await rm(out);
});

test('bad inputs fail before any video work, with a clear message and no output file', async () => {
  const out = path.join(dir, 'bad.mp4');
  const notAudio = path.join(dir, 'input-not-audio.mp3');
  await writeFile(notAudio, 'this is text, not audio');
  const cases: Array<[string, Parameters<typeof generate>[0], new (...a: any[]) => Real3dError, RegExp]> = [
    ['missing photo', { image: path.join(dir, 'nope.jpg'), audio: shortAudio, output: out }, InputError, /does not exist/],
    ['a dog', { image: path.join(data, 'portraits', 'lp_s25.jpg'), audio: shortAudio, output: out }, NoFaceError, /face/i],
    ['not audio', { image: photo, audio: notAudio, output: out }, AudioError, /audio/i],
    ['missing output dir', { image: photo, audio: shortAudio, output: path.join(dir, 'no', 'such', 'dir', 'x.mp4') }, InputError, /does not exist|not writable/],
    ['unknown extension', { image: photo, audio: shortAudio, output: path.join(dir, 'x.avi') }, InputError, /\.mp4/],
    ['unreadable background', { image: photo, audio: shortAudio, output: out, bg: notAudio }, InputError, /background/],
    ['motion with video', { image: photo, video: shortAudio, motion: notAudio, output: out }, InputError, /--motion/],
    ['broken motion file (read before the photo is analysed)', { image: photo, audio: shortAudio, motion: notAudio, output: out }, FileFormatError, /motion file .* not valid JSON/],
    ['transparent mp4', { image: photo, audio: shortAudio, output: out, bg: 'transparent' }, InputError, /webm/],
    ['nothing drives', { image: photo, output: out }, InputError, /--audio/],
    ['unknown option', { image: photo, audio: shortAudio, output: out, colour: 'x' } as never, InputError, /Invalid option/],
  ];
  for (const [name, opts, cls, pattern] of cases) {
    await assert.rejects(generate(opts), (e: Error) => {
      assert.ok(e instanceof cls, `${name}: expected ${cls.name}, got ${e.constructor.name}: ${e.message}`);
      assert.match(e.message, pattern, name);
      return true;
    });
    assert.deepEqual(await outputsLeft(), [], `${name} left files`);
  }
});

test('cancellation mid-render stops the job and leaves no file', async () => {
  const out = path.join(dir, 'cancel.mp4');
  const controller = new AbortController();
  await assert.rejects(
    generate({ image: photo, audio: shortAudio, output: out }, { signal: controller.signal, onProgress: (e) => e.stage === 'render' && e.done >= 10 && controller.abort() }),
    CancelledError,
  );
  assert.deepEqual(await outputsLeft(), []);
});

test('drive plan: audio+video = expressions from audio, pose from video; --pose auto needs audio', () => {
  const plan = planDrive(parseGenerateOptions({ image: 'p', audio: 'a.wav', video: 'v.mp4', output: 'o.mp4' }));
  assert.deepEqual(plan.expressions, { kind: 'audio', file: 'a.wav' });
  assert.deepEqual(plan.pose, { kind: 'video', file: 'v.mp4' });
  assert.match(plan.note ?? '', /only the head pose/, 'the user is told the video gives only the pose');
  assert.equal(planDrive(parseGenerateOptions({ image: 'p', audio: 'a.wav', output: 'o.mp4' })).note, undefined);
  assert.deepEqual(planDrive(parseGenerateOptions({ image: 'p', video: 'v.mp4', output: 'o.mp4' })).pose, { kind: 'video', file: 'v.mp4' });
  assert.deepEqual(planDrive(parseGenerateOptions({ image: 'p', video: 'v.mp4', output: 'o.mp4', pose: 'static' })).pose, { kind: 'static' });
  assert.throws(() => planDrive(parseGenerateOptions({ image: 'p', video: 'v.mp4', output: 'o.mp4', pose: 'auto' })), InputError);
});

test('progress bar line shows stage, counts, fps and ETA', () => {
  const line = formatBar({ stage: 'render', done: 50, total: 100, fps: 31.5, eta: 1.6 }, 10);
  assert.equal(line, 'render  [#####-----] 50/100  31.5 fps  ETA 2s');
});
