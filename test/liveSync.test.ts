// The live retarget's per-frame steps shared with the video path (s54 livesync54, issue #14): the alike pair's turned-head
// slack (alikeEyes.ts turnedDiff) and the upper-lid cap on a lower lid's narrowing (upperLidBlink.ts), called per frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldBlink } from '../src/motion/restFace.ts';
import { LiveRetarget, type LiveRetargetOptions } from '../src/live/retarget.ts';
import { alikeEyes, alikeSquints, alikeSquintPair, alikeBlinks } from '../src/motion/alikeEyes.ts';
import { liveFace } from './liveFace.ts';

test('alikeBlinks forgives a turned head its near eye reading lower (pose620), not the far eye nor a frontal face', () => {
  // the near eye (subject's left at negative yaw) lowered to .55 of rest beside the far eye's .75: one lowered pair at -10 deg
  const turned = alikeBlinks(0.6, 0.1, [0.55, 0.75], -10);
  assert.ok(Math.abs(turned[0] - turned[1]) < 1e-9, `paired: ${turned}`);
  const frontal = alikeBlinks(0.6, 0.1, [0.55, 0.75]);
  assert.ok(frontal[0] - frontal[1] > 0.4, `frontal: a near-wink's distance keeps most of the split: ${frontal}`);
  const far = alikeBlinks(0.6, 0.1, [0.55, 0.75], 10);
  assert.deepEqual(far, frontal);
});

test('the per-frame pair functions are the series functions of the video path, frame by frame', () => {
  const shares: [number, number][] = [[0.75, 0.7], [0.55, 0.75], [0.9, 0.5], [0.2, 0.15]];
  const yaws = [0, -10, 3, 1];
  const l = Float64Array.from([0.2, 0.6, 0.05, 0.7]), r = Float64Array.from([0.5, 0.1, 0.6, 1]);
  const bl = [l.slice(), r.slice()] as [Float64Array, Float64Array], sq = [l.slice(), r.slice()] as [Float64Array, Float64Array];
  alikeEyes(bl, shares, yaws);
  alikeSquints(sq, shares, yaws);
  shares.forEach((s, i) => {
    assert.deepEqual(alikeBlinks(l[i]!, r[i]!, s, yaws[i]), [bl[0][i], bl[1][i]]);
    assert.deepEqual(alikeSquintPair(l[i]!, r[i]!, s, yaws[i]), [sq[0][i], sq[1][i]]);
  });
});

/** A face whose lower lids rise to `share` of the rest gap (the upper lids still), the irises moved `glance` eye widths to the image right. */
function lowerLidFace(share: number, glance: number): number[][] {
  const pts = liveFace(300, 1, 1);
  for (const [top, bottom] of [[386, 374], [159, 145]] as const) {
    const t = pts[top]!, b = pts[bottom]!;
    pts[bottom] = b.map((v, k) => t[k]! + share * (v - t[k]!));
  }
  const eyeW = Math.hypot(pts[263]![0]! - pts[362]![0]!, pts[263]![1]! - pts[362]![1]!);
  for (let i = 468; i < 478; i++) pts[i]![0] = pts[i]![0]! + glance * eyeW;
  return pts;
}

function closure(opts: LiveRetargetOptions, share: number, glance: number): [number, number] {
  const live = new LiveRetarget(25, opts);
  let f = null;
  for (let i = 0; i < 12; i++) live.update(liveFace(300, 1, 1), i / 25);
  for (let i = 12; i < 20; i++) f = live.update(lowerLidFace(share, glance), i / 25);
  return [foldBlink(f!.blink, f!.w.eyeBlinkLeft!), foldBlink(f!.blink, f!.w.eyeBlinkRight!)];
}

test('live: a side glance narrowed by the lower lids is not a blink (glance43, as the video path), a look ahead keeps it', () => {
  const off = closure({ blinkFromUpperLid: false }, 0.55, 0.2), on = closure({}, 0.55, 0.2);
  assert.ok(off[0] > 0.3, `the lower lid's narrowing reads as a blink without the cap: ${off}`);
  assert.ok(on[0] < off[0] - 0.2 && on[1] < off[1] - 0.2, `capped: ${on} vs ${off}`);
  // looking ahead the gate is shut: as read (Katie f15's real half lids)
  assert.deepEqual(closure({}, 0.55, 0), closure({ blinkFromUpperLid: false }, 0.55, 0));
});
