import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldBlink } from '../src/motion/restFace.ts';
import { LiveRetarget } from '../src/live/retarget.ts';
import { liveFace } from './liveFace.ts';
import { alikeBlinks } from '../src/motion/alikeEyes.ts';

/** Each eye's closure after a rest and 30 frames held at the two shares, with the alikeEyes rule on or off. */
function closures(left: number, right: number, alikeEyes: boolean): [number, number] {
  const live = new LiveRetarget(25, { alikeEyes });
  let f = null;
  for (let i = 0; i < 12; i++) live.update(liveFace(300, 1, 1), i / 25);
  for (let i = 12; i < 42; i++) f = live.update(liveFace(300, left, right), i / 25);
  return [foldBlink(f!.blink, f!.w.eyeBlinkLeft!), foldBlink(f!.blink, f!.w.eyeBlinkRight!)];
}

test('the live retarget reads two eyes the mesh sees about equally open as one pair (lp_s7 <- lp_d10 f40), a wink as two', () => {
  // a smile's level narrowing read .74 / .66 of rest: on the blink map's steep part the .08 became a one-eyed droop
  const before = closures(0.74, 0.66, false);
  assert.ok(before[1]! - before[0]! > 0.1, `the rule off splits the pair: ${before.map((v) => v.toFixed(2))}`);
  const level = closures(0.74, 0.66, true);
  assert.ok(Math.abs(level[0]! - level[1]!) < 0.02, `one value: ${level.map((v) => v.toFixed(2))}`);
  assert.ok(level[0]! > before[0]! && level[0]! < before[1]!, `between the two readings: ${level.map((v) => v.toFixed(2))}`);
  // a wink (lp_d10 f305: .87 / .56 of rest) stands past the noise and keeps each eye's own
  const wink = closures(0.9, 0.4, true), winkOff = closures(0.9, 0.4, false);
  assert.ok(wink[1]! - wink[0]! > 0.4, `wink kept: ${wink.map((v) => v.toFixed(2))}`);
  assert.deepEqual(wink, winkOff);
});

test('alikeBlinks: level shares take one value, the more closed one in a blink; far shares keep their own', () => {
  const [l, r] = alikeBlinks(0.2, 0.5, [0.75, 0.7]);
  assert.ok(Math.abs(l - r) < 1e-9 && Math.abs(l - 0.35) < 1e-9, `${l} ${r}`);
  const [bl, br] = alikeBlinks(0.7, 1, [0.2, 0.15]);
  assert.ok(bl === br && bl > 0.9, `a blink goes to the shut eye's: ${bl}`);
  assert.deepEqual(alikeBlinks(0.05, 0.6, [0.9, 0.5]), [0.05, 0.6]);
});

/** Each eye's closure after `start` for the first 10 frames, `open` for `openFrames`, then 30 frames held at `held` (25 fps). */
function afterStart(restSeconds: number | undefined, start: [number, number], open: [number, number], openFrames: number, held: [number, number]): [number, number] {
  const live = new LiveRetarget(25, { restSeconds });
  let f = null, t = 0;
  for (let i = 0; i < 10; i++) live.update(liveFace(300, ...start), t++ / 25);
  for (let i = 0; i < openFrames; i++) live.update(liveFace(300, ...open), t++ / 25);
  for (let i = 0; i < 30; i++) f = live.update(liveFace(300, ...held), t++ / 25);
  return [foldBlink(f!.blink, f!.w.eyeBlinkLeft!), foldBlink(f!.blink, f!.w.eyeBlinkRight!)];
}

// s52 livegrain52: Katie f116's lowered lid read .40/.48 live (.19/.51 on the video path): her first 10 frames put the
// two eyes' rests apart, and the rest stayed there. The running rest (liveRestSetting) re-reads each eye's rest over the latest 10 s.
test('the live rest keeps being read: a lowered lid after a start with one eye narrower reads as after an even start', () => {
  const even = afterStart(undefined, [1, 1], [1, 1], 250, [0.75, 0.55]);
  assert.ok(even[1]! - even[0]! > 0.25, `an even start keeps the lowered lid: ${even.map((v) => v.toFixed(2))}`);
  // the driver's right eye at .85 of its rest over the first 10 frames, then 10 s open
  const held = afterStart(0, [1, 0.85], [1, 1], 250, [0.75, 0.55]);
  assert.ok(Math.abs(held[1]! - held[0]!) < 0.05, `the first frames' rest merges the two: ${held.map((v) => v.toFixed(2))}`);
  const running = afterStart(undefined, [1, 0.85], [1, 1], 250, [0.75, 0.55]);
  assert.ok(Math.abs(running[0]! - even[0]!) < 0.02 && Math.abs(running[1]! - even[1]!) < 0.02, `running ${running.map((v) => v.toFixed(2))} vs even ${even.map((v) => v.toFixed(2))}`);
  // a squint held past the window is not taken for the rest: the first frames' median stays its floor
  const squint = afterStart(undefined, [1, 1], [0.7, 0.7], 300, [0.7, 0.7]), squint0 = afterStart(0, [1, 1], [0.7, 0.7], 300, [0.7, 0.7]);
  assert.deepEqual(squint, squint0);
  assert.ok(squint[0]! > 0.2, `the squint still closes the eyes: ${squint.map((v) => v.toFixed(2))}`);
});
