// The learned lip model: it loads and is consistent, its input does not depend on loudness,
// silence gives a still closed mouth, and held-out real speech (Katie) drives the jaw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLipModel, parseLipModel, serialiseLipModel, postprocessLips, mapThrough, describeLipModel, rawLipCurves } from '../src/motion/lipModel.ts';
import { silentStretchMask, bridgeShortPauses, LIP_BRIDGED_PAUSE, LIP_REFERENCE_AMP } from '../src/motion/lipGate.ts';
import { FLOOR_VALUE, lipAudio, LIP_FRAME_DIM, contextVector, normaliseLogMelStreaming, type LipAudio } from '../src/motion/lipFeatures.ts';
import { conv1d, frameOnsets, ONSET_DIM, tcnCurves, tcnInputs, type LipTcn } from '../src/motion/lipTcn.ts';
import { LipTcnStream } from '../src/motion/lipTcnStream.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { FileFormatError } from '../src/errors.ts';
import { readFileSync } from 'node:fs';
import { base64ToFloat32, float32ToBase64 } from '../src/motion/base64.ts';
import { LIP_CAUSAL_MODEL_FILE, LIP_MODEL_FILE } from '../src/motion/lipModel.ts';
import { loudness, openRoundedVowels, roundedJaw, ROUNDED_OPEN_SHARE } from '../src/motion/lipRounding.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);

/** A short synthetic normalised log-mel stream (values in the features' range). */
function fakeAudio(n100: number, seed = 1): LipAudio {
  let a = seed;
  const rnd = () => ((a = (a * 16807) % 2147483647) / 2147483647);
  return { frames: Float32Array.from({ length: n100 * LIP_FRAME_DIM }, () => -6 + 8 * rnd()), n100, samples: n100 * 160, silent: false };
}

test('lip model: loads, sizes agree, survives a save/parse round trip; a broken file fails clearly', () => {
  const m = loadLipModel();
  assert.ok(m.targets.includes('jawOpen'));
  const { weights } = describeLipModel(m);
  assert.ok(weights > 1000 && 4 * weights < 2e6, `weights ${4 * weights} bytes: small`);
  const again = parseLipModel(serialiseLipModel(m), 'round trip');
  const audio = fakeAudio(400);
  assert.deepEqual(rawLipCurves(again, audio, 25, 100).map((c) => Array.from(c)), rawLipCurves(m, audio, 25, 100).map((c) => Array.from(c)));
  const broken = JSON.parse(serialiseLipModel(m));
  if (broken.tcn) broken.tcn.input.inputs += 1;
  else broken.layers[0].inputs += 1;
  assert.throws(() => parseLipModel(JSON.stringify(broken), 'broken.json'), (e: Error) => e instanceof FileFormatError && /train:mouth/.test(e.message));
  assert.throws(() => parseLipModel('{', 'bad.json'), (e: Error) => e instanceof FileFormatError && /not valid JSON/.test(e.message));
});

test('sequence lip network: a dilated convolution computes what it should; with a look-ahead of k frames, frame i never hears audio after frame i + k', () => {
  // one input, one output, kernel 3, dilation 2: y[i] = b + w0 x[i-2] + w1 x[i] + w2 x[i+2] (symmetric), zero outside
  const l = { outputs: 1, inputs: 1, kernel: 3, dilation: 2, w: Float32Array.from([1, 10, 100]), b: Float32Array.from([0.5]) };
  const x = [1, 2, 3, 4, 5].map((v) => Float32Array.from([v]));
  assert.deepEqual(conv1d(l, x, 2, false).map((v) => v[0]), [0.5 + 10 + 300, 0.5 + 20 + 400, 0.5 + 1 + 30 + 500, 0.5 + 2 + 40, 0.5 + 3 + 50]);
  assert.deepEqual(conv1d(l, x, 4, false).map((v) => v[0]), [0.5 + 100, 0.5 + 200, 0.5 + 10 + 300, 0.5 + 20 + 400, 0.5 + 1 + 30 + 500], 'causal: taps at i-4, i-2, i');
  // a random causal network with a look-ahead of 2 frames: changing the audio from frame 32 + 3 on leaves frames 0..32 alone
  let s = 7;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5);
  const conv = (o: number, i: number, k: number, d: number) => ({ outputs: o, inputs: i, kernel: k, dilation: d, w: Float32Array.from({ length: o * i * k }, rnd), b: Float32Array.from({ length: o }, rnd) });
  const D = 4 * LIP_FRAME_DIM;
  const net: LipTcn = { kind: 'lip-tcn', version: 1, targets: ['jawOpen'], mean: new Float32Array(D), std: new Float32Array(D).fill(1), input: conv(8, D, 1, 1), residual: [conv(8, 8, 3, 1), conv(8, 8, 3, 4)], output: conv(1, 8, 1, 1), lookahead: 2, onsets: false };
  const a = fakeAudio(240);
  const b = { ...a, frames: Float32Array.from(a.frames) };
  for (let j = 4 * 35 - 3; j < b.n100; j++) for (let d = 0; d < LIP_FRAME_DIM; d++) b.frames[j * LIP_FRAME_DIM + d] = 0;
  const [ya, yb] = [tcnCurves(net, a, 60)[0]!, tcnCurves(net, b, 60)[0]!];
  assert.deepEqual(Array.from(yb.subarray(0, 33)), Array.from(ya.subarray(0, 33)), 'frames up to 32 unchanged');
  assert.notEqual(yb[33], ya[33], 'frame 33 hears frame 35');
});

test('onset inputs of the sequence network: spectral flux counts only the bands that rise since the frame before, the frame before the audio is the floor', () => {
  const D = LIP_FRAME_DIM;
  // frame 0: energy -2, bands 0; frame 1: energy -1, band 1 up by 2, band 2 down by 3
  const frames = [[-2, ...new Array(D - 1).fill(0)], [-1, 2, -3, ...new Array(D - 3).fill(0)]];
  const frame = (j: number, d: number) => (j >= 0 && j < 2 ? frames[j]![d]! : FLOOR_VALUE);
  const [flux1, rise1] = frameOnsets(frame, 1);
  assert.ok(Math.abs(flux1 - 2 / (D - 1)) < 1e-12, `flux ${flux1}: the fall of band 2 is ignored`);
  assert.equal(rise1, 1);
  assert.deepEqual(frameOnsets(frame, 0), [-FLOOR_VALUE, -2 - FLOOR_VALUE], 'the first frame rises from the floor');
  assert.deepEqual(frameOnsets(frame, 5), [0, 0], 'after the audio: floor on floor');
});

test('streaming sequence lip network (live microphone): one row in, one row out, the same numbers as the whole-clip pass; the output at step t never hears input after t + look-ahead', () => {
  let s = 11;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5);
  const conv = (o: number, i: number, k: number, d: number) => ({ outputs: o, inputs: i, kernel: k, dilation: d, w: Float32Array.from({ length: o * i * k }, rnd), b: Float32Array.from({ length: o }, rnd) });
  for (const [lookahead, onsets] of [[0, false], [1, false], [2, false], [1, true]] as const) {
    const D = 4 * (LIP_FRAME_DIM + (onsets ? ONSET_DIM : 0));
    // the shipped layout (dilations 1, 2, 4, 8), fewer channels; random standardisation
    const net: LipTcn = { kind: 'lip-tcn', version: 1, targets: ['jawOpen', 'mouthFunnel'], mean: Float32Array.from({ length: D }, rnd), std: Float32Array.from({ length: D }, () => 1 + rnd()), input: conv(12, D, 1, 1), residual: [1, 2, 4, 8].map((d) => conv(12, 12, 3, d)), output: conv(2, 12, 1, 1), lookahead, onsets };
    const n = 90;
    const audio = fakeAudio(4 * n + 2, 3 + lookahead);
    const offline = tcnCurves(net, audio, n);
    const stream = new LipTcnStream(net);
    const rows = tcnInputs(net, audio, n);
    const out: number[][] = [];
    for (const [i, x] of rows.entries()) {
      const y = stream.push(x);
      assert.equal(y === null, i < lookahead, `step ${i}: an output once ${lookahead} more rows have come`);
      if (y) out.push(Array.from(y));
    }
    out.push(...stream.flush().map((y) => Array.from(y)));
    assert.equal(out.length, n);
    let worst = 0;
    for (let i = 0; i < n; i++) for (let t = 0; t < 2; t++) worst = Math.max(worst, Math.abs(out[i]![t]! - offline[t]![i]!));
    assert.ok(worst <= 1e-6, `look-ahead ${lookahead}: streaming differs from the whole-clip pass by ${worst}`);
    // causality of the stream itself: new rows after step 40 + lookahead change nothing up to step 40
    const other = new LipTcnStream(net);
    const early: number[][] = [];
    for (const [i, x] of rows.entries()) {
      const y = other.push(i > 40 + lookahead ? x.map(() => 5 * rnd()) : x);
      if (y) early.push(Array.from(y));
    }
    assert.deepEqual(early.slice(0, 41), out.slice(0, 41));
    assert.notDeepEqual(early[41], out[41], 'step 41 hears row 41 + lookahead');
  }
  assert.throws(() => new LipTcnStream({ ...loadLipModel().tcn!, lookahead: null }), /causal/);
});

test('lip model weights: the plain-TS base64 decoder (used in the browser) reads the shipped files exactly as node\'s Buffer does', () => {
  for (const file of [LIP_MODEL_FILE, LIP_CAUSAL_MODEL_FILE]) {
    // every base64 field of the file, MLP (mean, std, layers) or sequence network (tcn.mean, tcn.input.w, ...)
    const fields: string[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) typeof v === 'string' && ['mean', 'std', 'w', 'b'].includes(k) ? fields.push(v) : walk(v);
    };
    walk(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(fields.length >= 4, `${file.pathname}: weights found`);
    for (const b64 of fields) {
      const buf = Buffer.from(b64, 'base64');
      const ours = base64ToFloat32(b64);
      assert.equal(ours.length, buf.byteLength / 4);
      for (let i = 0; i < ours.length; i++) if (ours[i] !== buf.readFloatLE(i * 4)) assert.fail(`${file.pathname}: value ${i} differs`);
      assert.equal(float32ToBase64(ours), b64, 'and encodes back to the same text');
    }
  }
  // every padding length
  for (const n of [0, 1, 2, 3, 7]) {
    const a = Float32Array.from({ length: n }, (_, i) => Math.PI * (i - 2) * 1e-3);
    assert.deepEqual(Array.from(base64ToFloat32(float32ToBase64(a))), Array.from(a));
  }
  assert.throws(() => base64ToFloat32('AAAA*AAA'), /not base64/);
  assert.throws(() => base64ToFloat32('AAA='), /multiple of 4/);
});

test('lip calibration: the quantile map is piecewise linear through its knots, extended past the ends; unordered knots are refused', () => {
  const from = [-1, 0, 2];
  const to = [0, 0.1, 0.5];
  assert.equal(mapThrough(0, from, to), 0.1);
  assert.ok(Math.abs(mapThrough(1, from, to) - 0.3) < 1e-12);
  assert.ok(Math.abs(mapThrough(3, from, to) - 0.7) < 1e-12, 'above the top knot: the top segment continued');
  assert.ok(Math.abs(mapThrough(-2, from, to) + 0.1) < 1e-12, 'below the bottom knot: the bottom segment continued');
  const m = loadLipModel();
  assert.ok(m.quantileMap, 'the shipped model is calibrated by quantiles');
  const broken = JSON.parse(serialiseLipModel(m));
  broken.quantileMap[0].from = [...broken.quantileMap[0].from].reverse();
  assert.throws(() => parseLipModel(JSON.stringify(broken), 'unordered.json'), (e: Error) => e instanceof FileFormatError && /train:mouth/.test(e.message));
});

test('lip features do not depend on loudness (the same speech 20 dB quieter gives the same input)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'lips-'));
  try {
    const quiet = path.join(dir, 'quiet.wav');
    const src = data('audio/RD_Radio31_000.wav');
    execFileSync(ffmpegPath(), ['-v', 'error', '-i', src, '-t', '3', '-af', 'volume=0.1', '-ar', '16000', '-ac', '1', quiet]);
    const loud = path.join(dir, 'loud.wav');
    execFileSync(ffmpegPath(), ['-v', 'error', '-i', src, '-t', '3', '-ar', '16000', '-ac', '1', loud]);
    const [a, b] = [await lipAudio(loud), await lipAudio(quiet)];
    const offsets = [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
    const va = contextVector(a, 1.5, offsets, new Float32Array(offsets.length * LIP_FRAME_DIM));
    const vb = contextVector(b, 1.5, offsets, new Float32Array(offsets.length * LIP_FRAME_DIM));
    const maxDiff = Math.max(...va.map((v, i) => Math.abs(v - vb[i]!)));
    assert.ok(maxDiff < 0.05, `max feature difference ${maxDiff}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('streaming lip normalisation (for a live microphone): a frame never depends on later audio, and after a few seconds it is close to the per-file one', async () => {
  const D = LIP_FRAME_DIM;
  const r = (await import('../src/math/random.ts')).mulberry32(3);
  // raw [logEnergy, logMel...] frames: 2 s of noise floor, then syllables (~-4 ln) with pauses
  const n = 900;
  const raw = new Float32Array(n * D).map((_, k) => {
    const j = Math.floor(k / D);
    const loud = j >= 200 && Math.floor(j / 20) % 2 === 0;
    return (loud ? -4 : -16) + r() - 0.5 + (k % D) * 0.05;
  });
  const whole = Float32Array.from(raw);
  normaliseLogMelStreaming(whole, n);
  const prefix = raw.slice(0, 400 * D);
  normaliseLogMelStreaming(prefix, 400);
  assert.deepEqual(Array.from(prefix), Array.from(whole.subarray(0, 400 * D)), 'the first 4 s do not change when more audio follows');
  // leading noise: the level is held 30 dB above the quietest frames, so noise reads ~30 dB down
  // (per file it would read at the floor; a known limit until speech has been heard)
  const leading = Array.from({ length: 200 }, (_, j) => whole[j * D]!);
  assert.ok(Math.max(...leading) < -5.5, `leading noise stays far below the speech level: ${Math.max(...leading)}`);
  // a real recording: after 3 s, within 0.2 (energy) and 0.4 (bands) of the per-file normalisation, mean absolute
  const file = data('audio/eng.wav');
  const [a, b] = [await lipAudio(file), await lipAudio(file, undefined, true)];
  let e = 0;
  let bd = 0;
  for (let j = 300; j < a.n100; j++) {
    e += Math.abs(a.frames[j * D]! - b.frames[j * D]!);
    for (let d = 1; d < D; d++) bd += Math.abs(a.frames[j * D + d]! - b.frames[j * D + d]!) / (D - 1);
  }
  assert.ok(e / (a.n100 - 300) < 0.2, `energy ${e / (a.n100 - 300)}`);
  assert.ok(bd / (a.n100 - 300) < 0.4, `bands ${bd / (a.n100 - 300)}`);
});

test('silence gate: the mouth is shut where there is no sound and opens at most 80 ms before it', () => {
  const fps = 25;
  const speech = Array.from({ length: 50 }, (_, i) => (i >= 20 && i < 35 ? 1 : 0));
  const open = [new Float64Array(50).fill(0.5)];
  const [jaw] = postprocessLips(open, speech, fps, 0.45);
  assert.ok(jaw!.slice(0, 18).every((v) => v === 0), `shut until 2 frames (80 ms) before the sound: ${Array.from(jaw!.slice(0, 20))}`);
  assert.ok(jaw!.slice(21, 34).every((v) => v > 0.3), 'open with the sound');
  assert.ok(jaw!.slice(37).every((v) => v === 0), 'shut after it');
});

test('silence gate: breaths and room noise below speech level (activity 0.4) leave the lips shut more than 0.1 s from speech', () => {
  const fps = 25;
  // noise at 0.4 throughout, speech at frames 20..34
  const speech = Array.from({ length: 60 }, (_, i) => (i >= 20 && i < 35 ? 1 : 0.4));
  const [jaw] = postprocessLips([new Float64Array(60).fill(0.5)], speech, fps, 0.45);
  const far = [...Array(60).keys()].filter((i) => i < 20 - 3 || i > 34 + 3);
  assert.ok(far.every((i) => jaw![i] === 0), `shut more than 3 frames from speech: ${Array.from(jaw!)}`);
  assert.ok(jaw![18]! > 0.1 && jaw![36]! > 0.1, 'the soft gate still opens right next to speech');
  assert.deepEqual(Array.from(silentStretchMask([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], 3)), [1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
});

test('motionFromAudio with the lip model: speech opens and closes the mouth; a pure tone between silences stays shut outside it', async () => {
  const m = await motionFromAudio(data('audio/RD_Radio31_000.wav'), { blink: 'none' });
  const jaw = m.frames.map((f) => f.w.jawOpen!);
  assert.ok(Math.max(...jaw) > 0.15, `max jawOpen ${Math.max(...jaw)}`);
  assert.ok(jaw.filter((v) => v < 0.03).length > 10, `closes at times: ${jaw.filter((v) => v < 0.03).length} frames`);
  const dir = await mkdtemp(path.join(tmpdir(), 'lips-'));
  try {
    const tone = path.join(dir, 'tone.wav');
    execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'aevalsrc=sin(2*PI*500*t)*0.5*gte(t\\,1)*lt(t\\,1.6):s=16000:d=2.4', tone]);
    const t = (await motionFromAudio(tone, { blink: 'none' })).frames.map((f) => f.w.jawOpen!);
    assert.ok(t.slice(0, 22).every((v) => v === 0), `shut before the sound (starts at frame 25): ${t.slice(0, 25)}`);
    assert.ok(t.slice(44).every((v) => v === 0), `shut after it: ${t.slice(40)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('lip training is deterministic with a seed and learns a simple mapping', async () => {
  const { trainMlp, predictRows, rng } = await import('../src/motion/train/mlp.ts');
  const rows = 600;
  const dim = 6;
  const r = rng(5);
  const X = new Float32Array(rows * dim).map(() => r() * 2 - 1);
  const Y = new Float32Array(rows).map((_, i) => Math.max(0, X[i * dim]! + 0.5 * X[i * dim + 1]!));
  const set = { X, Y, rowWeight: new Float32Array(rows).fill(1), rows, dim, T: 1 };
  const opts = { hidden: [16], epochs: 15, batch: 16, lr: 3e-3, decay: 0, targetWeight: [1], inputNoise: 0.05, seed: 1 };
  const a = trainMlp(set, opts);
  const b = trainMlp(set, opts);
  const c = trainMlp(set, { ...opts, seed: 2 });
  assert.deepEqual(Array.from(a[0]!.w), Array.from(b[0]!.w), 'same seed, same weights');
  assert.notDeepEqual(Array.from(a[0]!.w), Array.from(c[0]!.w));
  const p = predictRows(a, X, rows, dim, 1);
  let se = 0;
  let sv = 0;
  const mean = Y.reduce((s, v) => s + v, 0) / rows;
  for (let i = 0; i < rows; i++) {
    se += (p[i]! - Y[i]!) ** 2;
    sv += (Y[i]! - mean) ** 2;
  }
  assert.ok(se / sv < 0.2, `explains most of the variance: residual ${(se / sv).toFixed(3)}`);
});

test('a short pause inside speech does not snap the mouth shut; a long one does', () => {
  const fps = 25;
  const activity = (gap: number) => [...Array(10).fill(1), ...Array(gap).fill(0), ...Array(10).fill(1)];
  const bridged = bridgeShortPauses(activity(4), Math.round(LIP_BRIDGED_PAUSE * fps));
  assert.ok(bridged.slice(10, 14).every((v) => v === 1), `4-frame dropout bridged: ${[...bridged.slice(10, 14)]}`);
  const curve = (n: number) => [Float64Array.from({ length: n }, () => 0.3)];
  const short = postprocessLips(curve(24), activity(4), fps, LIP_REFERENCE_AMP)[0]!;
  assert.ok(Math.min(...short) > 0.25, `mouth through a 160 ms dropout: min ${Math.min(...short)}`);
  const long = postprocessLips(curve(32), activity(12), fps, LIP_REFERENCE_AMP)[0]!;
  assert.equal(Math.min(...long), 0, 'a 480 ms pause still shuts the mouth');
});

test('loud rounded vowels: the jaw moves toward the opening funnel and pucker imply, never down; p/b/m (pucker alone), quiet frames and unrounded frames are left alone', () => {
  // funnel-heavy rounding at jawOpen 0.02: the teacher's split implies 0.25 x 0.3 / 0.4 = 0.1875
  const opened = roundedJaw(0.02, 0.3, 0.1, 1);
  assert.ok(Math.abs(opened - 0.1875) < 1e-9, `full share reaches the implied opening, got ${opened}`);
  assert.ok(roundedJaw(0.02, 0.3, 0.1, ROUNDED_OPEN_SHARE) > 0.02 + 0.5 * ROUNDED_OPEN_SHARE * 0.1675);
  assert.equal(roundedJaw(0.3, 0.3, 0.1, 1), 0.3, 'an already wider jaw is never lowered');
  assert.equal(roundedJaw(0.02, 0, 0.5, 1), 0.02, 'pucker alone (lips shut and rounded) implies no opening');
  assert.equal(roundedJaw(0.02, 0.04, 0.04, 1), 0.02, 'barely rounded: no change');
  assert.equal(roundedJaw(0.02, 0.3, 0.1, 0), 0.02);
  assert.equal(loudness(-6), 0);
  assert.equal(loudness(0), 1);
  // on curves: loud in this frame and the one before, else untouched (a closure's loud burst frame keeps its dip)
  const jaw = Float64Array.from([0.02, 0.02, 0.02, 0.02]);
  const curves = [jaw, Float64Array.from([0.3, 0.3, 0.3, 0.3]), Float64Array.from([0.1, 0.1, 0.1, 0.1])];
  openRoundedVowels(curves, ['jawOpen', 'mouthFunnel', 'mouthPucker'], [-6, 0, 0, -6]);
  assert.equal(jaw[0], 0.02);
  assert.equal(jaw[1], 0.02, 'the first loud frame after a quiet one keeps its jaw');
  assert.ok(jaw[2]! > 0.05);
  assert.equal(jaw[3], 0.02);
});
