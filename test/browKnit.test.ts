// A worried knit is not a frown (src/motion/browKnit.ts, issue #14, critic46: pcavs741 3.5-4.0 s knits
// his brows with the inner heads raised; the track read browDownLeft .38-.48 and browInnerUp ~0, and
// st_art_1 showed a stern frown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { FROWN_DROP_PER_KNIT, KNIT_NOISE, knitLift, worriedKnits, worriedWeight } from '../src/motion/browKnit.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { trackedVideo } from './trackedVideo.ts';

test('a knit deeper than its drop lifts the inner heads; a frown that comes down as far is no worry', () => {
  assert.equal(worriedWeight(knitLift(0.02, 0.02 * FROWN_DROP_PER_KNIT)), 0, 'a frown: as far down as its knit asks');
  assert.equal(worriedWeight(knitLift(0.002, 0)), 0, 'the gap\'s play is no knit');
  assert.equal(worriedWeight(knitLift(-0.03, 0)), 0, 'brows apart: no knit');
  assert.ok(worriedWeight(knitLift(0.045, 0.036)) > 0.9, 'pcavs741 f88: 0.045 together, 0.036 down');
  assert.ok(worriedWeight(knitLift(0.02, -0.01)) > worriedWeight(knitLift(0.02, 0.01)), 'the less the heads came down, the more worried');
  assert.equal(worriedWeight(KNIT_NOISE), 0);
});

test('the worried weight moves a frown read to the inner raise; with no frown read nothing is added', () => {
  const out = new Map<RigControl, Float64Array>([
    ['browInnerUp', Float64Array.from([0, 0, 0.5])],
    ['browDownLeft', Float64Array.from([0.45, 0, 0.1])],
    ['browDownRight', Float64Array.from([0.25, 0, 0])],
  ]);
  worriedKnits(out, [0, 1, 2], Float64Array.from([1, 1, 1]));
  const at = (c: RigControl, i: number) => out.get(c)![i]!;
  assert.ok(at('browInnerUp', 0) > 0.4 && at('browDownLeft', 0) < 0.15 && at('browDownRight', 0) < at('browDownLeft', 0), 'a worried knit: inner raise, a little frown');
  assert.equal(at('browInnerUp', 1), 0, 'no frown read (lp_d0\'s sideways grin knits too): no inner raise, no knot');
  assert.equal(at('browInnerUp', 2), 0.5, 'a raise already there stays');
});

test('pcavs741: the knit with raised inner heads reads as browInnerUp, the frown before it stays a frown', async () => {
  const FPS = 10;
  const raw = await trackedVideo(sharedData('train/clips/pcavs_Audio_Source_741400104.mp4'), { fps: FPS, maxSide: 720, maxSeconds: 6 });
  const after = motionFramesFromRaw(raw, FPS, true).frames;
  const before = motionFramesFromRaw(raw, FPS, true, { fit: { worriedKnit: false } }).frames;
  const w = (frames: typeof after, i: number, c: string) => frames[i]?.w[c] ?? 0;
  const frown = (frames: typeof after, i: number) => Math.max(w(frames, i, 'browDownLeft'), w(frames, i, 'browDownRight'));
  // 3.5-3.6 s: the worried knit (his inner heads 0.04 closer, the lower one 0.045 down)
  const worried = [35, 36];
  const peak = (frames: typeof after, f: (fr: typeof after, i: number) => number) => Math.max(...worried.map((i) => f(frames, i)));
  assert.ok(peak(before, (fr, i) => w(fr, i, 'browInnerUp')) < 0.1 && peak(before, frown) > 0.3, 'without the knit read: a frown and no inner raise (the defect)');
  const up = peak(after, (fr, i) => w(fr, i, 'browInnerUp'));
  assert.ok(up > 0.25, `the worried knit raises the inner heads (${up.toFixed(2)})`);
  for (const i of worried) assert.ok(frown(after, i) < frown(before, i) - 0.05, `f${i}: the frown gives way (${frown(before, i).toFixed(2)} -> ${frown(after, i).toFixed(2)})`);
  // 3.3-3.4 s: his brows come down before they knit: a frown, left as read
  for (const i of [33, 34]) assert.ok(Math.abs(frown(after, i) - frown(before, i)) < 0.06, `f${i}: the frown stays (${frown(before, i).toFixed(2)} -> ${frown(after, i).toFixed(2)})`);
  // elsewhere in the clip (turns, droopy lids, a raise at 4.5 s) the brows barely move
  const moved = after.filter((f, i) => !worried.includes(i) && Math.abs(w(after, i, 'browInnerUp') - w(before, i, 'browInnerUp')) > 0.15).length;
  // (4 with raiseAbsolute, s54: f1 moves .16 where it moved just under .15; f0, f37, f39 as before)
  assert.ok(moved <= 4, `${moved} other frames' inner raise moved > 0.15`);
});
