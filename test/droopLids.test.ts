// s47 (droopblink47, issue #14): a droopy speaker's held half lids pumped and his second blink under-closed
// (src/motion/droopLids.ts). pcavs741 (train pcavs_Audio_Source_741400104, 0-6 s): blinks f9-11 and f34-37 (both
// lids down on the video), lids held half down f13-32. critic46: "the track's eyeBlink pumps 1 -> .11 -> .58".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { heldNarrowingCaps } from '../src/motion/heldNarrowing.ts';
import { blinkCoreFrames, heldNarrowingOutsideBlinks } from '../src/motion/droopLids.ts';
import type { MotionFrame } from '../src/types.ts';

const eyes = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
/** Summed frame-to-frame change of one eye's closure over frames a..b. */
const pumping = (fr: MotionFrame[], e: number, a: number, b: number) => {
  let tv = 0;
  for (let i = a + 1; i <= b; i++) tv += Math.abs(eyes(fr[i]!)[e]! - eyes(fr[i - 1]!)[e]!);
  return tv;
};

test('pcavs741: both blinks shut both eyes, the held droop f17-31 stays lowered and pumps less', async () => {
  const raw = await trackedVideo(sharedData('train/clips/pcavs_Audio_Source_741400104.mp4'), { fps: 25, maxSide: 720, maxSeconds: 6 });
  const off = motionFramesFromRaw(raw, 25, true, { fit: { droopHeld: false, blinkThroughNarrowing: false } }).frames;
  const on = motionFramesFromRaw(raw, 25, true).frames;
  const show = (fr: MotionFrame[], a: number, b: number) => fr.slice(a, b + 1).map((f) => eyes(f).map((v) => v.toFixed(2)).join('/')).join(' ');
  // the defect as it was: the second blink capped as a held narrowing
  assert.ok([35, 36, 37].some((i) => Math.max(...eyes(off[i]!)) < 0.75), `off f35-37: ${show(off, 35, 37)}`);
  // (the less closed eye of a pair stops at restFace.ts PAIRED_UP_TO .78 where the mesh reads it open)
  for (const i of [9, 10, 11, 35, 36, 37]) assert.ok(Math.min(...eyes(on[i]!)) >= 0.75 && Math.max(...eyes(on[i]!)) >= 0.95, `f${i} shut: ${show(on, i, i)}`);
  // the held droop: the subject's right eye (the droopier, image-left) lowered throughout, not open at f17-21 and half shut after
  const right = Array.from({ length: 15 }, (_, k) => eyes(on[17 + k]!)[1]!);
  // (.08, was .12 before s51: alikeEyes.ts reads the pair as one where their shares are within the mesh's noise,
  // f16-19 .01-.08 apart, so the droopier eye starts the hold at the pair's .09-.14 with the other lowered beside it)
  assert.ok(Math.min(...right) >= 0.08 && Math.max(...right) <= 0.6, `on f17-31 R: ${right.map((v) => v.toFixed(2))}`);
  for (const e of [0, 1]) {
    const [b, a] = [pumping(off, e, 14, 32), pumping(on, e, 14, 32)];
    assert.ok(a <= b + 1e-9, `eye ${e} pumping f14-32 ${b.toFixed(2)} -> ${a.toFixed(2)}`);
  }
  assert.ok(pumping(on, 1, 14, 32) < 0.75 * pumping(off, 1, 14, 32), `R pumping ${pumping(off, 1, 14, 32).toFixed(2)} -> ${pumping(on, 1, 14, 32).toFixed(2)}`);
  // open frames before the first blink are left as read
  for (let i = 0; i <= 6; i++) eyes(on[i]!).forEach((v, e) => assert.ok(Math.abs(v - eyes(off[i]!)[e]!) < 1e-3, `f${i} unchanged`));
});

type Pair = [number, number];
const padded = (s: Pair[]): Pair[] => [...Array.from({ length: 3 }, (): Pair => [1, 1]), ...s, ...Array.from({ length: 3 }, (): Pair => [1, 1])];
// the driver tracks' own shares (subject's left, right; of rest)
const PCAVS_BLINK: Pair[] = [[0.69, 0.58], [0.28, 0.61], [0.29, 0.3], [0.22, 0.54], [0.26, 0.33], [0.4, 0.51], [0.38, 0.88], [0.52, 0.86], [0.6, 1]]; // critic46's cut f33-41: both shut f34-37 on the video
const D11_DOWNLOOK: Pair[] = [[0.59, 0.71], [0.35, 0.7], [0.24, 0.3], [0.08, 0.44], [0.14, 0.39], [0.1, 0.38], [0.14, 0.43], [0.19, 0.43], [0.14, 0.42], [0.14, 0.42], [0.24, 0.43], [0.29, 0.54], [0.47, 0.64]]; // lp_d11 f146-158: lids lowered, not shut, f148 included

test('heldNarrowingOutsideBlinks: a blink inside a held narrowing is not capped; a down-look still is, its lone both-shut frame too', () => {
  const blink = padded(PCAVS_BLINK);
  assert.ok([5, 7].some((i) => !Number.isNaN(heldNarrowingCaps(blink, 25)[i]!)), 'heldNarrowing alone caps the blink');
  const blinks: [Float64Array, Float64Array] = [new Float64Array(blink.length).fill(1), new Float64Array(blink.length).fill(1)];
  const caps = heldNarrowingOutsideBlinks(blinks, blink, 25);
  for (let i = 4; i <= 8; i++) assert.ok(Number.isNaN(caps[i]!) && blinks[0][i] === 1 && blinks[1][i] === 1, `blink f${i + 30} uncapped: ${caps[i]}`);
  const look = padded(D11_DOWNLOOK), lb: [Float64Array, Float64Array] = [new Float64Array(look.length).fill(1), new Float64Array(look.length).fill(1)];
  const lc = heldNarrowingOutsideBlinks(lb, look, 25);
  assert.deepEqual(blinkCoreFrames(look).filter(Boolean).length, 0);
  for (let i = 5; i <= 13; i++) assert.ok(lc[i]! <= 0.7 && lb[0][i]! <= 0.7 && lb[1][i]! <= 0.7, `down-look f${i + 143} capped: ${lc[i]}`);
});
