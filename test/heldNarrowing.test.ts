// s40 (downlook40, issue #14): a held two-eyed narrowing is not a shut eye (src/motion/heldNarrowing.ts). lp_d11
// f147-158 the child looks down, both lids low over the iris; the mesh reads one eye shut and the other a slit, and the
// motion shut both our eyes for 10 frames (critic s40). Real blinks, a wink and a closure inside a squint stay shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trackedVideo, LP_D11_TRACK } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { heldNarrowingCaps, NARROW_MOST } from '../src/motion/heldNarrowing.ts';
import type { MotionFrame } from '../src/types.ts';

const eyes = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];

test('lp_d11 f149-157: the down-look renders two lowered lids, not shut eyes; its blink-free rest and the frames around it unchanged', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d11.mp4'), LP_D11_TRACK);
  const off = motionFramesFromRaw(raw, 25, true, { fit: { heldNarrowing: false } }).frames;
  const on = motionFramesFromRaw(raw, 25, true).frames;
  // the defect as it was: an eye folded shut through the down-look
  assert.ok([149, 152, 155].every((i) => Math.max(...eyes(off[i]!)) > 0.95), `off: ${[149, 152, 155].map((i) => eyes(off[i]!).map((v) => v.toFixed(2)))}`);
  for (let i = 149; i <= 157; i++) {
    const [l, r] = eyes(on[i]!);
    assert.ok(Math.max(l, r) <= NARROW_MOST + 1e-6 && Math.max(l, r) > 0.4, `f${i}: ${l.toFixed(2)} / ${r.toFixed(2)}`);
    assert.ok(Math.abs(l - r) < 0.15, `f${i}: both eyes alike, ${l.toFixed(2)} / ${r.toFixed(2)}`);
  }
  for (const i of [0, 60, 120, 140, 170, 190]) eyes(on[i]!).forEach((v, e) => assert.ok(Math.abs(v - eyes(off[i]!)[e]!) < 1e-3, `f${i} unchanged`));
});

type Pair = [number, number];
const padded = (s: Pair[]): Pair[] => [...Array.from({ length: 3 }, (): Pair => [1, 1]), ...s, ...Array.from({ length: 3 }, (): Pair => [1, 1])];
// the driver tracks' own shares (subject's left, right; of rest)
const D6_SQUINT: Pair[] = [[0.46, 0.08], [0.46, 0.2], [0.52, 0.32], [0.52, 0.32], [0.59, 0.32]]; // lp_d6 f183-187
const D6_SHUT_THEN_SQUINT: Pair[] = [[0.38, 0.08], [0.33, 0.08], [0.23, 0.06], [0.18, 0.06], [0.57, 0.36], [0.63, 0.37], [0.63, 0.37], [0.63, 0.32]]; // lp_d6 f325-332
const KATIE_WINK: Pair[] = [[0.48, 0.53], [0.34, 0.17], [0.41, 0.38], [0.54, 0.46]]; // WDA f23-26
const D6_BLINK: Pair[] = [[0.2, 0.08], [0.1, 0.05]]; // lp_d6 f173-174

test('heldNarrowingCaps: a squint is capped on every frame; a closure inside it, a wink and a blink are not', () => {
  const squint = heldNarrowingCaps(padded(D6_SQUINT), 25);
  for (let i = 3; i < 8; i++) assert.ok(squint[i]! <= NARROW_MOST, `squint f${i}: ${squint[i]}`);
  const mixed = heldNarrowingCaps(padded(D6_SHUT_THEN_SQUINT), 25);
  // f326-328: both eyes read shut on neighbouring frames, kept; f329-332 the squint capped
  for (let i = 4; i <= 6; i++) assert.ok(Number.isNaN(mixed[i]!), `closure f${i}`);
  for (let i = 7; i <= 10; i++) assert.ok(mixed[i]! <= NARROW_MOST, `squint f${i}`);
  assert.ok(heldNarrowingCaps(padded(KATIE_WINK), 25).every(Number.isNaN), 'a wink (4 frames) is left to the wink rule');
  assert.ok(heldNarrowingCaps(padded(D6_BLINK), 25).every(Number.isNaN), 'a blink');
  // the same squint held as long but with the other eye reading shut too is a held blink, not capped
  assert.ok(heldNarrowingCaps(padded(D6_SQUINT.map(([, r]): Pair => [0.3, r])), 25).every(Number.isNaN), 'both eyes shut');
});
