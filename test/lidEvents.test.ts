// Lid events read over their frames (src/motion/lidEvents.ts, eyes28): a wink the face mesh pulls
// toward a two-eye squint at its edges is held one-eyed, a held narrowing that the mesh reads shut and
// slit on alternate frames is kept frame by frame as read (eyes30: its one-frame blinks shut, its slits
// slits), and real blinks stay as read. The shares are the driver
// tracks' own readings (subject's left, right; share of rest): Katie f21-28, lp_d14 f110-131, lp_d11
// f146-160, lp_d14's blink f12-18.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heldClosureFrames, heldClosuresAsRead, heldClosuresRead, lidEventsRead, winkHeldShares } from '../src/motion/lidEvents.ts';
import { blinkPeaksKept } from '../src/motion/filters.ts';
import { blinkFromOpening } from '../src/motion/restFace.ts';

type Pair = [number, number];
const padded = (s: Pair[]): Pair[] => [...Array.from({ length: 5 }, (): Pair => [1, 1]), ...s, ...Array.from({ length: 5 }, (): Pair => [1, 1])];

const KATIE_WINK: Pair[] = [[0.86, 0.86], [0.92, 0.94], [0.48, 0.53], [0.34, 0.17], [0.41, 0.38], [0.54, 0.46], [0.62, 0.62], [0.74, 0.62]];
const D14_HELD: Pair[] = [[0.57, 0.61], [0.23, 0.22], [0.53, 0.43], [0.37, 0.23], [0.57, 0.49], [0.37, 0.21], [0.45, 0.56], [0.16, 0.19], [0.19, 0.21],
  [0.45, 0.43], [0.16, 0.19], [0.49, 0.48], [0.19, 0.26], [0.19, 0.26], [0.23, 0.18], [0.19, 0.21], [0.19, 0.21], [0.19, 0.21], [0.19, 0.18], [0.15, 0.18], [0.43, 0.47], [0.15, 0.18]];
const D11_LOOK_DOWN: Pair[] = [[0.59, 0.71], [0.35, 0.7], [0.24, 0.3], [0.08, 0.44], [0.14, 0.39], [0.1, 0.38], [0.14, 0.43], [0.19, 0.43], [0.14, 0.42], [0.14, 0.42], [0.24, 0.43], [0.29, 0.54], [0.47, 0.64], [0.53, 0.64], [0.58, 0.74]];
const D14_BLINK: Pair[] = [[0.99, 0.92], [0.16, 0.27], [0.16, 0.2], [0.2, 0.24], [0.2, 0.2], [0.58, 0.27], [1.12, 0.97]];

test("Katie's wink (f23-26): the mesh's two-eye squint at f23, f25, f26 is held one-eyed; the slit eye stays as read", () => {
  const held = winkHeldShares(padded(KATIE_WINK));
  for (const f of [23, 24, 25, 26]) {
    const i = f - 21 + 5;
    assert.ok(blinkFromOpening(held[i]![1]) === 1, `f${f}: the winking eye ${held[i]![1]}`);
    assert.equal(held[i]![0], KATIE_WINK[f - 21]![0], `f${f}: the other eye is left as read`);
  }
  // before and after the event: as read
  assert.deepEqual(held[5 + 1], [0.92, 0.94]);
  assert.deepEqual(held[5 + 6], [0.62, 0.62]);
});

test("Katie's f23-26 is held only while her left eye stays a slit: read shut (.29) beside the event it is a blink of both eyes, left as read", () => {
  for (const at of [1, 6]) {
    const s = KATIE_WINK.map((p): Pair => [p[0], p[1]]);
    s[at] = [0.29, s[at]![1]];
    assert.deepEqual(winkHeldShares(padded(s)), padded(s), `left eye shut at f${21 + at}`);
  }
});

test('a blink of both eyes (lp_d14 f13-17) and a narrowed eye the mesh reads apart from the shut one (lp_d11 f147-159) are left as read', () => {
  for (const s of [D14_BLINK, D11_LOOK_DOWN]) assert.deepEqual(winkHeldShares(padded(s)), padded(s));
});

test('a one-frame one-sided dip is not held (lp_d14 f237 .17/.39; f238 .55/.59 both open on the video)', () => {
  const s = padded([[0.78, 0.9], [0.17, 0.39], [0.55, 0.59], [0.64, 0.73]]);
  assert.deepEqual(winkHeldShares(s), s);
});

test('the wink hold ends once the shut eye reads as open as the other (Katie f173 .47/.47 after f172 .06/.37)', () => {
  const s = padded([[0.81, 0.85], [0.39, 0.59], [0.11, 0.44], [0.06, 0.37], [0.47, 0.47], [0.76, 0.7]]);
  assert.deepEqual(winkHeldShares(s)[5 + 4], [0.47, 0.47]);
});

/** lp_d14 f160-f170: shut, with one-frame slits at f164, f166, f169 (the video alike: dark slits between shut frames). */
const D14_FLUTTER: Pair[] = [[0.3, 0.2], [0.16, 0.19], [0.19, 0.15], [0.19, 0.25], [0.48, 0.47], [0.15, 0.21], [0.51, 0.46], [0.16, 0.19], [0.19, 0.26], [0.41, 0.47], [0.19, 0.19]];
const weights = (shares: Pair[]) => [0, 1].map((e) => Float64Array.from(shares, (s) => blinkFromOpening(s[e as 0 | 1]))) as [Float64Array, Float64Array];

test('only a closure held 0.4 s or longer is a held closure; a blink is not (lp_d14 f43: .16 of rest between open frames)', () => {
  const valid = Array(12).fill(true);
  assert.deepEqual(heldClosureFrames([0, 0, 0.6, 1, 0.6, 0, 0, 0, 0, 0, 0, 0], valid, 25), Array(12).fill(false));
  const held = heldClosureFrames([0, ...Array(10).fill(0.8), 0], valid, 25);
  assert.deepEqual(held, [false, ...Array(10).fill(true), false]);
});

test("lp_d14's held closure f160-170 after the smoothing's blink median: the one-frame blink at f165 shut, the slits at f164 / f166 / f169 slits (critic28: f164-166 a held slit)", () => {
  const shares = padded(D14_FLUTTER);
  const valid = shares.map(() => true);
  const blinks = weights(shares);
  const read = heldClosuresRead(blinks, valid, 25);
  const smoothed = blinkPeaksKept(blinks); // the smoothing's median (framesFromRaw fillAndSmooth), which shuts each slit
  assert.equal(smoothed[0][5 + 4], 1, 'the median alone: f164 shut');
  heldClosuresAsRead(smoothed, read);
  for (const e of [0, 1]) {
    assert.equal(smoothed[e]![5 + 5], 1, `eye ${e} f165 shut`);
    for (const f of [4, 6, 9]) assert.ok(smoothed[e]![5 + f]! < 0.8, `eye ${e} f${160 + f} a slit: ${smoothed[e]![5 + f]}`);
    for (const f of [1, 2, 7]) assert.equal(smoothed[e]![5 + f], 1, `eye ${e} f${160 + f} shut`);
  }
});

test("lp_d14's held narrowing (f110-131) is read frame by frame: f120 shut between the slits f119 / f121, f123-f129 shut, open frames around it untouched", () => {
  const shares = padded(D14_HELD);
  const valid = shares.map(() => true);
  const blinks = weights(shares);
  const read = heldClosuresRead(blinks, valid, 25);
  for (const e of [0, 1]) {
    assert.equal(read[e]![5 + 10], 1, `eye ${e} f120`);
    assert.ok(read[e]![5 + 9]! < 0.8 && read[e]![5 + 11]! < 0.8, `eye ${e} f119 / f121 slits`);
    for (let f = 123; f <= 129; f++) assert.equal(read[e]![5 + f - 110], 1, `eye ${e} f${f}`);
    for (const i of [0, 4, shares.length - 1]) assert.ok(Number.isNaN(read[e]![i]!), `eye ${e} #${i} outside`);
  }
});

test('lidEventsRead: both events on the blink channels in place, a blink of both eyes untouched', () => {
  const shares = padded([...KATIE_WINK, [1, 1], [1, 1], ...D14_BLINK]);
  const blinks = [0, 1].map((e) => Float64Array.from(shares, (s) => blinkFromOpening(s[e as 0 | 1]))) as [Float64Array, Float64Array];
  const before = blinks.map((c) => Float64Array.from(c));
  const held = lidEventsRead(blinks, shares, shares.map(() => true), 25);
  for (const c of held) assert.ok(c.every(Number.isNaN), 'no held closure here');
  assert.equal(blinks[1][5 + 2], 1, 'Katie f23: the winking eye shut');
  assert.ok(blinks[0][5 + 2]! < 0.7, 'Katie f23: the other eye a slit');
  const blinkAt = 5 + KATIE_WINK.length + 2;
  for (let i = blinkAt; i < blinkAt + D14_BLINK.length; i++) for (const e of [0, 1]) assert.equal(blinks[e]![i], before[e]![i], `blink #${i}`);
});
