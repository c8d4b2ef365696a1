// A driver whose eyes read more open as the head comes down (pitchedEyes.ts, hooded55, option eyesAtUsualPitch, off):
// the growth of the opening with the pitch is the driver's own, fitted over its open frames; a frame's openings are
// taken to the usual pitch; a driver whose eyes do not follow the pitch, or shrink with it, is left as tracked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitEyePitchGrowth, rawAtUsualPitch, toUsualPitch } from '../src/motion/pitchedEyes.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';

/** n frames whose pitch swings -12..-2 (a sine) and whose opening grows `slope` log per degree, with a little noise and a blink. */
function series(n: number, slope: number): { pitch: number[]; open: number[] } {
  const pitch: number[] = [], open: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = -7 + 5 * Math.sin(i / 7);
    pitch.push(p);
    const noise = 0.03 * Math.sin(i * 2.3);
    open.push(i % 40 === 5 ? 0.02 : 0.1 * Math.exp(slope * (p + 7) + noise));
  }
  return { pitch, open };
}

test('an opening that grows with the pitch fits about its slope, about the median pitch', () => {
  const { pitch, open } = series(150, 0.015);
  const g = fitEyePitchGrowth(pitch, open);
  assert.ok(g.slope > 0.008 && g.slope <= 0.015, `slope ${g.slope}`);
  assert.ok(Math.abs(g.usual + 7) < 1, `usual ${g.usual}`);
  // a chin-down frame's opening comes down to the usual pitch's, a chin-up frame's up
  assert.ok(toUsualPitch(g, g.usual + 5) < 0.97 && toUsualPitch(g, g.usual - 5) > 1.03);
  assert.equal(toUsualPitch(g, g.usual), 1);
});

test('an opening that does not follow the pitch, or shrinks with it, fits no slope', () => {
  for (const slope of [0, -0.015]) {
    const { pitch, open } = series(150, slope);
    assert.equal(fitEyePitchGrowth(pitch, open).slope, 0, `slope ${slope}`);
  }
  // a steady head (pitch within .3 deg): even an opening in step with its wobble (.17 log per degree) counts next to nothing
  const open = Array.from({ length: 150 }, (_v, i) => 0.1 * (1 + 0.05 * Math.sin(i * 1.7)));
  const pitch = Array.from({ length: 150 }, (_v, i) => -5 + 0.3 * Math.sin(i * 1.7));
  assert.ok(fitEyePitchGrowth(pitch, open).slope < 0.003);
});

test('rawAtUsualPitch: the chin-down frame reads about as open as the usual frames; a driver without growth keeps its frames', () => {
  const { pitch, open } = series(150, 0.015);
  const frame = (p: number, o: number) => ({ angles: { yaw: 0, pitch: p, roll: 0 }, m: { eyeLeft: o, eyeRight: o } }) as unknown as RawFaceFrame;
  const raw = pitch.map((p, i) => frame(p, open[i]!));
  const valid = raw.map(() => true);
  const out = rawAtUsualPitch(raw, valid);
  const down = pitch.indexOf(Math.max(...pitch));
  const before = raw[down]!.m.eyeLeft / 0.1, after = out[down]!.m.eyeLeft / 0.1;
  assert.ok(before > 1.05 && Math.abs(after - 1) < Math.abs(before - 1) / 2, `${before} -> ${after}`);
  const flat = series(150, 0);
  const still = flat.pitch.map((p, i) => frame(p, flat.open[i]!));
  assert.equal(rawAtUsualPitch(still, valid), still);
});
