// A driver's blinks as the video path reads them (src/motion/restFace.ts, framesFromRaw.ts): the
// mapping from eye opening to blink weight, both eyes taken as one blink unless the other eye is open
// (a wink), and blink peaks kept through the smoothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blinkFromOpening, foldBlink, pairBlinks, BLINK_START, BLINK_SHUT, PAIRED_UP_TO } from '../src/motion/restFace.ts';
import { blinkPeaksKept, median3 } from '../src/motion/filters.ts';

test('blink weight from eye opening: 0 when open, 1 where the face mesh reads a shut eye, monotone between', () => {
  assert.equal(blinkFromOpening(1), 0);
  assert.equal(blinkFromOpening(BLINK_START), 0);
  assert.equal(blinkFromOpening(BLINK_SHUT), 1);
  // the deepest frames of real blinks read 0.09-0.28 of the rest opening: all shut
  for (const share of [0.09, 0.17, 0.25, 0.28]) assert.ok(blinkFromOpening(share) > 0.95, `share ${share}`);
  let last = -1;
  for (let s = 1.2; s >= 0; s -= 0.05) {
    const b = blinkFromOpening(s);
    assert.ok(b >= last, `monotone at ${s}`);
    last = b;
  }
});

test('pairing blinks: an under-read eye joins the other up to a slit; a wink stays a wink; weights add back up', () => {
  const both = pairBlinks(1, 0.35);
  assert.ok(Math.abs(foldBlink(both.blink, both.eyeBlinkRight) - PAIRED_UP_TO) < 1e-9 && foldBlink(both.blink, both.eyeBlinkLeft) === 1, JSON.stringify(both));
  // both eyes read closing: nothing held back
  const shut = pairBlinks(0.95, 0.9);
  assert.ok(Math.abs(shut.blink - 0.9) < 1e-9 && Math.abs(foldBlink(shut.blink, shut.eyeBlinkLeft) - 0.95) < 1e-9, JSON.stringify(shut));
  const wink = pairBlinks(0.05, 1);
  assert.ok(Math.abs(wink.blink - 0.05) < 1e-9 && Math.abs(foldBlink(wink.blink, wink.eyeBlinkRight) - 1) < 1e-9 && wink.eyeBlinkLeft === 0, JSON.stringify(wink));
  // in between, the weaker eye moves part of the way; neither eye ever reads less than it did (as the renderer folds them)
  for (const [l, r] of [[0.2, 0.9], [0.9, 0.15], [0.5, 0.5], [0, 0]] as const) {
    const p = pairBlinks(l, r);
    const [fl, fr] = [foldBlink(p.blink, p.eyeBlinkLeft), foldBlink(p.blink, p.eyeBlinkRight)];
    assert.ok(fl >= l - 1e-12 && fr >= r - 1e-12, `${l}/${r}: ${JSON.stringify(p)}`);
    assert.ok(Math.max(fl, fr) <= Math.max(l, r) + 1e-12, 'never past the more closed eye');
  }
});

test('median of three: a one-frame flicker goes, a two-frame blink stays', () => {
  assert.deepEqual([...median3([0, 0, 1, 0, 0])], [0, 0, 0, 0, 0]);
  assert.deepEqual([...median3([0, 0, 1, 1, 0, 0])], [0, 0, 1, 1, 0, 0]);
  assert.deepEqual([...median3([0.2, 0.9, 0.4])], [0.2, 0.4, 0.4]);
});

test('blink peaks: a blink of 2+ frames in either eye keeps its deepest frame; a one-frame flicker goes', () => {
  const keep = (l: number[], r: number[]) => blinkPeaksKept([l, r]).map((e) => [...e].map((v) => Math.round(v * 100) / 100));
  // a 2-frame blink: the median cut its deepest frame to the shallower one
  assert.deepEqual([...median3([0, 0.78, 0.91, 0, 0])], [0, 0.78, 0.78, 0, 0]);
  assert.deepEqual(keep([0, 0.78, 0.91, 0, 0], [0, 0, 0, 0, 0])[0], [0, 0.78, 0.91, 0, 0]);
  // Obama s1v #80-#83: one eye shut for two frames, the other only in the second; both keep it
  const [l, r] = keep([0, 0.03, 0.78, 0, 0], [0.05, 0.79, 0.78, 0, 0]);
  assert.equal(l[2], 0.78);
  assert.equal(r[1], 0.79);
  // a one-frame flicker in one eye, or a half-closing of both, and a shallow neighbour, stay cut
  assert.deepEqual(keep([0, 0, 0.9, 0, 0], [0, 0, 0, 0, 0])[0], [0, 0, 0, 0, 0]);
  assert.deepEqual(keep([0, 0, 1, 0, 0], [0, 0, 0.6, 0, 0]), [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
  assert.deepEqual(keep([0, 0.2, 0.9, 0.1, 0], [0, 0, 0.3, 0, 0])[0], [0, 0.2, 0.2, 0.1, 0]);
  // never lower than the plain median
  const a = [0.1, 0.5, 0.2, 0.7, 0.6, 0.1, 0.4], b = [0.3, 0.2, 0.6, 0.1, 0.5, 0.5, 0];
  const kept = blinkPeaksKept([a, b]);
  for (const [e, k] of [[a, kept[0]], [b, kept[1]]] as const) median3(e).forEach((m, i) => assert.ok(k[i]! >= m - 1e-12 && k[i]! <= Math.max(m, e[i]!) + 1e-12, `frame ${i}`));
});

test('blink peaks: both eyes shut on one frame between open ones is a quick blink and stays (lp_d6 #42: both eyes 1.00 for one 25 fps frame)', () => {
  const [l, r] = blinkPeaksKept([[0, 0, 1, 0, 0], [0, 0, 0.95, 0, 0]]);
  assert.equal(l[2], 1);
  assert.equal(r[2], 0.95);
  // its open neighbours stay open
  assert.equal(l[1], 0);
  assert.equal(r[3], 0);
});

test('blink peaks: one eye shut and the other at .8 on one frame is the same quick blink (lp_d6 #42 in the critic\'s re-encoded cut: 1.00 / .80)', () => {
  const [l, r] = blinkPeaksKept([[0, 0, 1, 0, 0], [0, 0, 0.8, 0, 0]]);
  assert.equal(l[2], 1);
  assert.equal(r[2], 0.8);
  assert.equal(l[1], 0);
  // one eye shut with the other only past half (1 / .6) is still a flicker of the measure
  const [l2, r2] = blinkPeaksKept([[0, 0, 1, 0, 0], [0, 0, 0.6, 0, 0]]);
  assert.equal(l2[2], 0);
  assert.equal(r2[2], 0);
});

test('pairing blinks on a large frontal face keeps a less closed eye as read (lp_d6 7.36 s: 0.66 and 1.00, lowered lids, not a blink)', async () => {
  const { ownEyesTrust } = await import('../src/motion/blinkPairTrust.ts');
  // lp_d6 at 7.36 s: eyes 47 px wide, yaw 2.4 deg; trusted, the less closed eye stays at 0.66
  const trust = ownEyesTrust(47, 2.4);
  assert.equal(trust, 1);
  const p = pairBlinks(0.66, 1, trust);
  // as the renderer folds them (render/deform.ts): the sum .66 + .34 folded to .78, a grey slit for a shut eye
  assert.ok(Math.abs(foldBlink(p.blink, p.eyeBlinkLeft) - 0.66) < 1e-9 && Math.abs(foldBlink(p.blink, p.eyeBlinkRight) - 1) < 1e-9, JSON.stringify(p));
  // the under-reads pairBlinks is for stay paired, up to a slit: Obama's 23 px eyes (0.45 / 1.00), Katie turned 8.8 deg (1.00 / 0.58)
  for (const [px, yaw, l, r] of [[23.4, 0.5, 0.45, 1], [44.3, 8.8, 1, 0.58]] as const) {
    const q = pairBlinks(l, r, ownEyesTrust(px, yaw));
    const less = Math.min(foldBlink(q.blink, q.eyeBlinkLeft), foldBlink(q.blink, q.eyeBlinkRight));
    assert.ok(Math.abs(less - PAIRED_UP_TO) < 1e-9 && Math.max(foldBlink(q.blink, q.eyeBlinkLeft), foldBlink(q.blink, q.eyeBlinkRight)) === 1, `${px} px ${yaw} deg: ${JSON.stringify(q)}`);
  }
  // in between, a partial trust keeps part of the gap; never past the more closed eye, never under the less closed one
  const half = pairBlinks(0.5, 1, 0.5);
  assert.ok(half.blink > 0.5 && half.blink < 1, JSON.stringify(half));
});

test('the live retarget reads eye widths as the offline path does (points vs flat landmarks), so both pair blinks alike', async () => {
  const { smallerEyeWidthPx, smallerEyeWidthPxOfPoints } = await import('../src/motion/blinkPairTrust.ts');
  // a face whose right eye (33-133) is 30 px and left eye (263-362) 47 px wide; other points at 0
  const points: number[][] = Array.from({ length: 478 }, () => [0, 0, 0]);
  points[33] = [100, 200, 0];
  points[133] = [130, 200, 0];
  points[263] = [247, 210, 0];
  points[362] = [200, 210, 0];
  const flat = points.flat();
  assert.equal(smallerEyeWidthPxOfPoints(points), 30);
  assert.equal(smallerEyeWidthPx(flat), 30);
});
