// s50 (falsestare50): eyeWide capped by the greater eye's lid over its iris (src/motion/wideShowCap.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { capWidesByShow, greaterShows, wideShowCap, WIDE_LESSER_FULL, WIDE_LESSER_NONE, WIDE_SHOW_FULL, WIDE_SHOW_NONE } from '../src/motion/wideShowCap.ts';
import type { RigControl } from '../src/rig/controls.ts';

test('wideShowCap: no eyeWide where both lids sit well over their irises; real stares uncapped', () => {
  assert.equal(wideShowCap(-0.2, -0.16), 0); // pose796 f13: plain open eyes
  assert.equal(wideShowCap(0.17, -0.1), 1); // lp_d6 f55 stare
  assert.ok(wideShowCap(-0.08, -0.11) > 0.8); // lp_d10 f287 stare (.83 carried)
  assert.ok(wideShowCap(-0.12, -0.3) > 0 && wideShowCap(-0.12, -0.3) < 1); // between: partial
  assert.equal(wideShowCap(NaN, NaN), 1); // unread: the other rules decide
  assert.ok(WIDE_SHOW_NONE < WIDE_SHOW_FULL);
});

test('greaterShows: the median greater show over 5 frames (one jittery frame does not open the cap)', () => {
  const left = [-0.15, -0.16, -0.13, -0.15, -0.02, -0.14, -0.14];
  const right = left.map((v) => v - 0.05);
  const g = greaterShows([left, right], [0, 1, 2, 3, 4, 5, 6]);
  assert.ok(g[4]! < -0.13); // the -.02 frame reads as its neighbours
  assert.ok(Number.isNaN(greaterShows([[0], [0]], [])[0]!));
});

test('capWidesByShow: lowers a plain eye\'s eyeWide, keeps a stare\'s and never raises', () => {
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.from([0.62, 0.7, 0.1])], ['eyeWideRight', Float64Array.from([0.6, 0.65, 0.05])]]);
  // frames 0: plain eyes (lids .16-.2 over the irises), 1-2: a stare (white above both irises)
  const shows: [number[], number[]] = [[-0.2, 0.1, 0.12], [-0.16, 0.08, 0.1]];
  const half = [[0], [1, 2]];
  for (const have of half) capWidesByShow(out, shows, have);
  assert.equal(out.get('eyeWideLeft')![0], 0);
  assert.equal(out.get('eyeWideRight')![0], 0);
  assert.equal(out.get('eyeWideLeft')![1], 0.7);
  assert.equal(out.get('eyeWideRight')![2], 0.05);
});

// s55 (stare55): a stare is two-eyed — the lesser eye's lid over its iris caps eyeWide too (beckham f120-137).
test('capWidesByShow twoEyed: one eye reading open while the other lid sits well over its iris is no stare; a two-eyed stare kept', () => {
  const n = 7, have = [0, 1, 2, 3, 4, 5, 6];
  const run = (l: number, r: number, twoEyed: boolean) => {
    const out = new Map<RigControl, Float64Array>([['eyeWideLeft', new Float64Array(n).fill(0.45)], ['eyeWideRight', new Float64Array(n).fill(0.45)]]);
    capWidesByShow(out, [new Array(n).fill(l), new Array(n).fill(r)], have, twoEyed);
    return [out.get('eyeWideLeft')![3]!, out.get('eyeWideRight')![3]!];
  };
  assert.deepEqual(run(0, -0.26, false), [0.45, 0.45]); // before: the greater eye's ~0 let beckham's .45 through
  assert.deepEqual(run(0, -0.26, true), [0, 0]); // his other lid .26 over its iris
  assert.ok(run(0, -0.22, true)[0]! > 0 && run(0, -0.22, true)[0]! < 0.45); // between: partial
  assert.deepEqual(run(-0.08, -0.11, true), [0.45, 0.45]); // lp_d10 f287's stare: both lids clear
  assert.deepEqual(run(0.17, -0.15, true), [0.45, 0.45]); // lp_d6's lesser eye at its lowest at a stare (-.15)
  assert.ok(WIDE_LESSER_NONE < WIDE_LESSER_FULL && WIDE_LESSER_NONE < WIDE_SHOW_NONE);
});
