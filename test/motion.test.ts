// Motion record, filters, the audio path and its bad inputs.
import { test } from 'node:test';
import { MOUTH_ON_PHOTO } from '../src/rig/mouthBase.ts';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { saveMotion, loadMotion, parseMotion } from '../src/motion/record.ts';
import { OneEuroFilter, oneEuro, fillGaps, bestLagPearson, anticipatorySmooth } from '../src/motion/filters.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { combineMotion } from '../src/motion/combine.ts';
import { fft } from '../src/motion/features.ts';
import { breathOpening, JAW_PHYSICAL } from '../src/motion/mouthModel.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { AudioError, CancelledError, FileFormatError } from '../src/errors.ts';
import type { Motion } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);
const speech = data('audio/RD_Radio31_000.wav');

function sampleMotion(n = 3): Motion {
  return {
    version: 1,
    fps: 25,
    frameCount: n,
    source: { kind: 'manual' },
    options: {},
    seed: 7,
    relativePose: true,
    frames: Array.from({ length: n }, (_, i) => ({
      w: { jawOpen: i / 10, mouthPucker: 0.123456789 },
      pose: { yaw: i, pitch: -i, roll: 0.5, tx: 0, ty: 0.01, tz: 0 },
      gaze: [0.1, -0.1] as [number, number],
      blink: i === 1 ? 1 : 0,
    })),
  };
}

test('saveMotion / loadMotion round trip, one frame per line, rounded to 1e-4', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-'));
  try {
    const file = path.join(dir, 'm.json');
    const m = sampleMotion(4);
    await saveMotion(m, file);
    const text = await readFile(file, 'utf8');
    assert.equal(text.split('\n').filter((l) => l.trim().startsWith('{"w"')).length, 4);
    const back = await loadMotion(file);
    assert.equal(back.frameCount, 4);
    assert.equal(back.frames[2]!.w.jawOpen, 0.2);
    assert.equal(back.frames[0]!.w.mouthPucker, 0.1235);
    assert.deepEqual(back.frames[1]!.pose, m.frames[1]!.pose);
    assert.equal(back.seed, 7);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('parseMotion names the bad field and frame', () => {
  const bad = JSON.parse(JSON.stringify(sampleMotion(3)));
  bad.frames[2].w.jawOpen = 'wide';
  assert.throws(() => parseMotion(bad), (e: Error) => e instanceof FileFormatError && /frame 2, w\.jawOpen/.test(e.message));
  const bad2 = JSON.parse(JSON.stringify(sampleMotion(3)));
  bad2.frames[1].blink = 3;
  assert.throws(() => parseMotion(bad2), /frame 1, blink: blink must be within 0\.\.1/);
  const bad3 = JSON.parse(JSON.stringify(sampleMotion(3)));
  bad3.frameCount = 5;
  assert.throws(() => parseMotion(bad3), /frameCount: says 5 but the file has 3 frames/);
  const bad4 = JSON.parse(JSON.stringify(sampleMotion(1)));
  delete bad4.frames[0].pose.yaw;
  assert.throws(() => parseMotion(bad4), /frame 0, pose\.yaw/);
});

test('loadMotion: missing, empty and non-JSON files fail clearly', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-'));
  try {
    await assert.rejects(loadMotion(path.join(dir, 'nope.json')), /does not exist/);
    await writeFile(path.join(dir, 'empty.json'), '');
    await assert.rejects(loadMotion(path.join(dir, 'empty.json')), /is empty/);
    await writeFile(path.join(dir, 'bad.json'), '{"version": 1,');
    await assert.rejects(loadMotion(path.join(dir, 'bad.json')), (e: Error) => e instanceof FileFormatError && /not valid JSON/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('One Euro filter: low jitter on a still noisy signal, little lag on a fast ramp', () => {
  let seed = 1;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
  const still = Array.from({ length: 200 }, () => 5 + noise() * 0.5);
  const f = oneEuro(still, 25, 1, 0.01);
  const jitter = (xs: ArrayLike<number>) => {
    let s = 0;
    for (let i = 1; i < xs.length; i++) s += Math.abs(xs[i]! - xs[i - 1]!);
    return s / (xs.length - 1);
  };
  assert.ok(jitter(f.slice(20)) < jitter(still) / 4, `filtered jitter ${jitter(f.slice(20))} vs raw ${jitter(still)}`);
  // fast ramp: 50 units/s; with beta the lag stays small
  const ramp = Array.from({ length: 100 }, (_, i) => i * 2);
  const fr = oneEuro(ramp, 25, 1, 0.5);
  assert.ok(Math.abs(fr[99]! - ramp[99]!) < 4, `lag ${ramp[99]! - fr[99]!}`);
  const slow = oneEuro(ramp, 25, 1, 0);
  assert.ok(Math.abs(slow[99]! - ramp[99]!) > Math.abs(fr[99]! - ramp[99]!), 'beta must reduce lag');
  const one = new OneEuroFilter(25);
  assert.equal(one.filter(3), 3);
});

test('fillGaps interpolates inside and holds at the ends; bestLagPearson finds a shift', () => {
  const v = Float64Array.from([0, 9, 9, 3, 9, 9]);
  const n = fillGaps(v, [false, true, false, true, false, false]);
  assert.equal(n, 4);
  assert.deepEqual(Array.from(v), [9, 9, 6, 3, 3, 3]);
  const a = Array.from({ length: 60 }, (_, i) => Math.sin(i / 3));
  const b = a.map((_, i) => Math.sin((i - 2) / 3));
  const r = bestLagPearson(a, b, 3);
  assert.equal(r.lag, 2);
  assert.ok(r.r > 0.99);
  // anticipation: a step is felt before it happens
  const step = Array.from({ length: 20 }, (_, i) => (i >= 10 ? 1 : 0));
  const s = anticipatorySmooth(step, 1, 2);
  assert.ok(s[9]! > 0 && s[8]! > 0 && s[7] === 0);
});

test('fft matches a direct DFT', () => {
  const n = 16;
  const x = Array.from({ length: n }, (_, i) => Math.sin(i) + (i % 3));
  const re = Float64Array.from(x);
  const im = new Float64Array(n);
  fft(re, im);
  for (const k of [0, 3, 7]) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      sr += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
      si += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
    }
    assert.ok(Math.abs(re[k]! - sr) < 1e-9 && Math.abs(im[k]! - si) < 1e-9);
  }
});

test('motionFromAudio: frame count, mouth moves with speech, same seed -> identical motion', async () => {
  const a = await motionFromAudio(speech, { seed: 3, pose: 'auto', blink: 'natural' });
  assert.equal(a.frameCount, 200); // 8 s at 25 fps
  assert.equal(a.frames.length, 200);
  const jaw = a.frames.map((f) => f.w.jawOpen!);
  assert.ok(Math.max(...jaw) > 0.15, `max jawOpen ${Math.max(...jaw)}`);
  // shut for lip closures and pauses
  assert.ok(jaw.filter((v) => v < 0.05).length > 8, `mouth closes at times: ${jaw.filter((v) => v < 0.05).length} frames`);
  assert.ok(a.frames.some((f) => f.blink > 0.9), 'natural blinks happen in 8 s');
  const yaw = a.frames.map((f) => f.pose.yaw);
  // auto pose moves like a real speaker's head (bench/headMotion.ts: real clips' yaw sd ~2.8°, ~0.6°
  // per frame): a few degrees, and not a slow drift (the old generator changed 0.07° per frame)
  const sd = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + (x - v.reduce((a, b) => a + b, 0) / v.length) ** 2, 0) / v.length);
  const steps = yaw.slice(1).map((v, i) => v - yaw[i]!);
  assert.ok(sd(yaw) > 1 && Math.max(...yaw.map(Math.abs)) < 15, `auto pose: a few degrees (yaw sd ${sd(yaw)})`);
  assert.ok(sd(steps) > 0.2, `auto pose moves at a speaker's speed (yaw step sd ${sd(steps)})`);
  const b = await motionFromAudio(speech, { seed: 3, pose: 'auto', blink: 'natural' });
  assert.deepEqual(b.frames, a.frames);
  const c = await motionFromAudio(speech, { seed: 4, pose: 'auto', blink: 'natural' });
  assert.notDeepEqual(c.frames.map((f) => f.pose.yaw), yaw);
  // mouthAmp scales the opening; static pose is zero
  const loud = await motionFromAudio(speech, { seed: 3, mouthAmp: 0.9, blink: 'periodic', pose: 'static' });
  const sum = (m: Motion) => m.frames.reduce((s, f) => s + f.w.jawOpen!, 0);
  assert.ok(sum(loud) > 1.5 * sum(a));
  assert.ok(loud.frames.every((f) => f.pose.yaw === 0 && f.pose.pitch === 0));
  // periodic blinks: about every 5 s
  const blinks = loud.frames.filter((f, i) => f.blink > 0.9 && !(loud.frames[i - 1]!.blink > 0.9)).length;
  assert.ok(blinks >= 1 && blinks <= 2);
  // a combined motion takes expressions from one, pose from the other
  const mixed = combineMotion(loud, a);
  assert.equal(mixed.frames[50]!.w.jawOpen, loud.frames[50]!.w.jawOpen);
  assert.equal(mixed.frames[50]!.pose.yaw, a.frames[50]!.pose.yaw);
});

test('jawOpen: shut in the silence around a phrase, open with it, not before the sound by more than 80 ms', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-'));
  try {
    // 1 s of silence, 2 s of real speech (RD_Radio31 from 1 s), 1 s of silence
    const phrase = path.join(dir, 'phrase.wav');
    execFileSync(ffmpegPath(), ['-v', 'error', '-ss', '1', '-t', '2', '-i', speech, '-af', 'aformat=channel_layouts=mono,adelay=1000,apad', '-t', '4', '-ar', '16000', '-ac', '1', phrase]);
    const m = await motionFromAudio(phrase, { blink: 'none' });
    const jaw = m.frames.map((f) => f.w.jawOpen!);
    assert.equal(jaw.length, 100);
    // the learned model's silence gate: the sound starts at frame 25; the lips may move 2 frames (80 ms) early
    assert.ok(jaw.slice(0, 23).every((v) => v === 0), `shut before the phrase: ${jaw.slice(0, 25)}`);
    assert.ok(Math.max(...jaw.slice(25, 75)) > 0.15, `opens with the speech: ${jaw.slice(25, 75)}`);
    assert.ok(jaw.slice(78).every((v) => v === 0), `shut after it: ${jaw.slice(74)}`);
    for (const k of ['mouthFunnel', 'mouthPucker', 'mouthPress']) assert.ok(m.frames.slice(0, 23).every((f) => f.w[k] === 0), `${k} still in the leading silence`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('breathOpening: only in the last 0.6 s of a pause that is long enough and followed by speech', () => {
  const fps = 25;
  // speech 20 frames, pause 30, speech 20, pause 3, speech 10, pause 20 to the end
  const runs: [number, number][] = [[1, 20], [0, 30], [1, 20], [0, 3], [1, 10], [0, 20]];
  const speechAt = runs.flatMap(([v, len]) => Array<number>(len).fill(v));
  const b = breathOpening(speechAt, fps);
  const window = Math.round(JAW_PHYSICAL.breathWindow * fps);
  assert.ok(b.slice(0, 50 - window).every((v) => v === 0), 'nothing before the window or in speech');
  assert.ok(b.slice(50 - window, 50).every((v) => v > 0), 'opens in the window');
  assert.equal(b[49], JAW_PHYSICAL.breath, 'fully open just before the phrase');
  assert.ok(b.slice(50 - window, 50).every((v, i, a) => i === 0 || v >= a[i - 1]!), 'rises and holds');
  assert.ok(b.slice(50).every((v) => v === 0), 'no breath in a 3-frame gap or after the last phrase');
  assert.ok(breathOpening(Array<number>(100).fill(0), fps).every((v) => v === 0), 'a silent file stays closed');
});

test('audio bad input: silence gives a closed mouth; empty, non-audio and too short files fail clearly', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-'));
  try {
    const ff = ffmpegPath();
    const silent = path.join(dir, 'silent.wav');
    execFileSync(ff, ['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '2', silent]);
    const m = await motionFromAudio(silent, { blink: 'none' });
    assert.equal(m.frameCount, 50);
    // (every weight 0 but the marker that puts the lip shapes on the photo's own mouth, rig/mouthBase.ts)
    assert.ok(m.frames.every((f) => Object.entries(f.w).every(([k, v]) => v === (k === MOUTH_ON_PHOTO ? 1 : 0))), 'silent audio: still, closed mouth');
    assert.ok(m.frames.every((f) => f.blink === 0));
    const empty = path.join(dir, 'empty.wav');
    await writeFile(empty, '');
    await assert.rejects(motionFromAudio(empty), (e: Error) => e instanceof AudioError && /empty/.test(e.message));
    const text = path.join(dir, 'notes.mp3');
    await writeFile(text, 'this is not audio at all\n'.repeat(50));
    await assert.rejects(motionFromAudio(text), (e: Error) => e instanceof AudioError);
    const image = data('portraits/lp_s42.jpg');
    await assert.rejects(motionFromAudio(image), (e: Error) => e instanceof AudioError && /no audio stream/.test(e.message));
    const tiny = path.join(dir, 'tiny.wav');
    execFileSync(ff, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '0.01', tiny]);
    await assert.rejects(motionFromAudio(tiny), (e: Error) => e instanceof AudioError && /too short/.test(e.message));
    await assert.rejects(motionFromAudio(speech, { fps: 0 }), /fps/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('real3d motion --audio writes a loadable motion; a cancelled job stops with CancelledError', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-cli-'));
  try {
    const out = path.join(dir, 'm.json');
    const bin = new URL('../bin/real3d.mjs', import.meta.url).pathname;
    const stdout = execFileSync(process.execPath, [bin, 'motion', '--audio', data('audio/imagine.wav'), '-o', out, '--pose', 'auto', '--blink', 'none', '--seed', '5', '-q'], { encoding: 'utf8' });
    assert.match(stdout, /wrote .*m\.json: frames 140/);
    const m = await loadMotion(out);
    assert.equal(m.frameCount, 140);
    assert.equal(m.options.pose, 'auto');
    assert.ok(m.frames.every((f) => f.blink === 0));
    const bad = (() => {
      try {
        execFileSync(process.execPath, [bin, 'motion', '--audio', data('audio/imagine.wav'), '-o', out, '--blink', 'sometimes'], { encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
    })();
    assert.match(bad, /error: --blink must be none, periodic or natural/);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(motionFromAudio(speech, {}, { signal: ac.signal }), (e: Error) => e instanceof CancelledError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('audio eyes and brows: blinks cluster at phrase ends, gaze fixates with saccades and look-aways, brows move with stresses (seeded)', async () => {
  const { blinkCurve, gazeCurve, browMotion, phraseEnds } = await import('../src/motion/generators.ts');
  const fps = 25, n = 250;
  // 10 s of synthetic speech energy: phrases of 1.6 s with 0.6 s pauses and a stress every 0.4 s
  const energy = Float64Array.from({ length: n }, (_, i) => (i % 55 < 40 ? (i % 10 < 2 ? 0 : -2.5) : -8));
  const ends = phraseEnds(energy, fps);
  assert.deepEqual(ends.slice(0, 3), [40, 95, 150]);
  const blink = blinkCurve(n, fps, 'natural', 7, 0.2, ends);
  const onsets = [...blink.keys()].filter((i) => blink[i]! > 0 && !(blink[i - 1]! > 0));
  const nearEnd = onsets.filter((i) => ends.some((e) => i >= e && i <= e + 6)).length;
  assert.ok(nearEnd >= 2 && nearEnd / onsets.length >= 0.4, `blinks at phrase ends: ${nearEnd} of ${onsets.length}`);
  const [gx] = gazeCurve(n, fps, 7, 0.2, energy);
  const steps = [...gx.keys()].filter((i) => i > 0 && Math.abs(gx[i]! - gx[i - 1]!) > 0.02).length;
  assert.ok(steps >= 10, `gaze moves (${steps} frames in saccades)`);
  assert.ok(Math.max(...gx.map(Math.abs)) > 0.25, 'at least one look-away');
  const brows = browMotion(energy, fps, 7, 0.2);
  // sized on real speakers (src/motion/generators.ts): raises up to ~0.5, not maxed
  assert.ok(Math.max(...brows.innerUp) > 0.2 && Math.max(...brows.innerUp) <= 0.7, `brows rise with stresses: ${Math.max(...brows.innerUp).toFixed(2)}`);
  assert.ok(Math.max(...brows.outerUp) > 0.1 && Math.max(...brows.down) > 0.05, 'the outer brows rise too, and some frowns');
  assert.ok(brows.innerUp.slice(45, 55).every((v) => v < Math.max(...brows.innerUp)), 'brows settle in pauses');
  assert.deepEqual(gazeCurve(n, fps, 7, 0.2, energy)[0], gx, 'same seed, same gaze');
});

test("audio blinks at a short pause are shut within it, not on the next phrase's first vowel (mt_sun: 0.3 s pauses)", async () => {
  const { blinkCurve, phraseEnds, contentSeed } = await import('../src/motion/generators.ts');
  const fps = 25, n = 60 * fps;
  // phrases of 1.3 s (words of 0.32 s, 0.08 s gaps) with pauses of 0.32 s, as mt_sun speaks
  const period = Math.round(1.62 * fps), pause = 8;
  const energy = Float64Array.from({ length: n }, (_, i) => (i % period >= period - pause ? -8 : i % 10 < 8 ? -1.5 : -6));
  const ends = phraseEnds(energy, fps);
  let shutAtEnds = 0, shutLoud = 0;
  for (let seed = 0; seed < 5; seed++) {
    const b = blinkCurve(n, fps, 'natural', contentSeed(seed, energy), 0.2, ends, energy);
    for (const e of ends) {
      // a blink started in this pause, up to two frames before its end (its curve rises one frame after the start;
      // one started on the pause's last frames is a spontaneous one quietNear put there, not the phrase end's)
      if (!(b[e]! === 0 && [1, 2, 3, 4, 5, 6].some((k) => b[e + k]! > 0))) continue;
      for (let i = e; i < Math.min(n, e + pause + 8); i++) if (b[i]! >= 0.99) { shutAtEnds++; if (energy[i]! > -4.6) shutLoud++; }
    }
  }
  // before s22 the 0.05-0.25 s delay put about half of these shut frames on the next phrase's sound
  assert.ok(shutAtEnds >= 20, `phrase-end blinks' shut frames: ${shutAtEnds}`);
  assert.equal(shutLoud, 0, `shut frames on speech: ${shutLoud} of ${shutAtEnds}`);
});

test('audio blinks: speaker-like rate, in pauses rather than mid-word, timed by the clip as well as the seed', async () => {
  const { blinkCurve, phraseEnds, contentSeed } = await import('../src/motion/generators.ts');
  const fps = 25, n = 60 * fps;
  // a minute of synthetic speech: words of 0.3-0.5 s with 0.1 s gaps, phrases of 2-4 s, pauses of 0.6 s
  const speechEnergy = (phraseS: number) => Float64Array.from({ length: n }, (_, i) => {
    const inPhrase = i % Math.round((phraseS + 0.6) * fps);
    if (inPhrase >= phraseS * fps) return -8;
    return inPhrase % 10 < 8 ? -1.5 : -6;
  });
  const onsetsOf = (energy: Float64Array, seed: number) => {
    const b = blinkCurve(n, fps, 'natural', contentSeed(seed, energy), 0.2, phraseEnds(energy, fps), energy);
    return [...b.keys()].filter((i) => b[i]! > 0 && !(b[i - 1]! > 0));
  };
  for (const phraseS of [2, 3, 4]) {
    const energy = speechEnergy(phraseS);
    const onsets = onsetsOf(energy, 0);
    // speakers blink about 15-30 times a minute
    assert.ok(onsets.length >= 12 && onsets.length <= 32, `${onsets.length} blinks a minute (phrases of ${phraseS} s)`);
    // most start where the speech is quiet (a pause or the gap between words)
    const quiet = onsets.filter((i) => energy[i - 1]! < -4.6).length; // the curve rises from 0 one frame after a blink starts
    assert.ok(quiet >= 0.8 * onsets.length, `blinks in quiet moments: ${quiet} of ${onsets.length}`);
  }
  // two clips, one seed: different first blinks; one clip, one seed: the same
  const a = speechEnergy(3), b = speechEnergy(3.4);
  assert.notEqual(contentSeed(0, a), contentSeed(0, b));
  assert.deepEqual(onsetsOf(a, 0), onsetsOf(a, 0));
  const firsts = [0, 1, 2, 3, 4, 5].map((k) => onsetsOf(speechEnergy(2 + k * 0.3), 0)[0]!);
  assert.ok(new Set(firsts).size >= 4, `first blinks differ between clips: ${firsts.join(' ')}`);
});
