// The iris show off the pixels (irisShow.ts) and the pairing it decides (irisShowShares.ts, alikeEyes.ts,
// blinkPairTrust.ts slitEyeTrust, framesFromRaw.ts): Stewart f87-88, both lids down, the mesh reading .35 / .62 of rest
// (a wink's shares), is one blink when both irises are hidden; a wink whose open eye shows its iris stays a wink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { irisShows } from '../src/motion/irisShow.ts';
import { bothIrisesHidden, irisShowShares, OPEN_FRAMES_MIN } from '../src/motion/irisShowShares.ts';
import { alikeEyes } from '../src/motion/alikeEyes.ts';
import { slitEyeTrust } from '../src/motion/blinkPairTrust.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { stillFaceTrack } from './stillFaceTrack.ts';
import type { RgbaImage } from '../src/types.ts';

/** A 120x60 skin image with two eyes (iris radius 5 px at x 30 and 90, y 30): each open (a dark iris disc) or shut (a 1.5 px grey lash line). */
function eyesImage(open: [boolean, boolean]): { img: RgbaImage; lm: Float32Array } {
  const width = 120, height = 60, data = new Uint8ClampedArray(width * height * 4);
  const lm = new Float32Array(478 * 3);
  const set = (i: number, x: number, y: number) => { lm[i * 3] = x; lm[i * 3 + 1] = y; };
  // [inner, outer, upper, lower, iris]: the subject's left eye (362/263, 468) on the image's right
  const eyes = [[362, 263, 386, 374, 468, 90], [133, 33, 159, 145, 473, 30]] as const;
  for (const [inner, outer, upper, lower, iris, x] of eyes) {
    set(inner, x - 11 * Math.sign(x - 60), 30); set(outer, x + 11 * Math.sign(x - 60), 30);
    set(upper, x, 26); set(lower, x, 34); set(iris, x, 30);
    [[5, 0], [0, -5], [-5, 0], [0, 5]].forEach(([dx, dy], k) => set(iris + 1 + k, x + dx!, 30 + dy!));
  }
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const o = (y * width + x) * 4;
    let v = 190;
    eyes.forEach(([, , , , , cx], e) => {
      const isOpen = open[e === 0 ? 0 : 1];
      if (isOpen && Math.hypot(x - cx, y - 30) <= 5 && Math.abs(y - 30) <= 4) v = 55; // the iris between the lids
      if (!isOpen && Math.abs(x - cx) <= 10 && Math.abs(y - 31) <= 0.75) v = 110; // a lash line
    });
    data[o] = v + 20; data[o + 1] = v; data[o + 2] = v - 10; data[o + 3] = 255;
  }
  return { img: { width, height, data } as RgbaImage, lm };
}

test('the iris read between the lids: an open eye shows most of its iris, a shut eye\'s lash line next to nothing', () => {
  const { img: oImg, lm } = eyesImage([true, true]);
  const open = irisShows(oImg, lm);
  const shut = irisShows(eyesImage([false, false]).img, lm);
  const wink = irisShows(eyesImage([true, false]).img, lm);
  for (const e of [0, 1]) {
    assert.ok(open[e]! > 0.4, `open ${open}`);
    assert.ok(shut[e]! < 0.3 * open[e]!, `shut ${shut} open ${open}`);
  }
  assert.ok(wink[0]! > 0.9 * open[0]! && wink[1]! < 0.3 * open[1]!, `wink ${wink}`);
});

test('each eye against its own open frames; both hidden together is a pair, one hidden or a turned head is not', () => {
  const n = 20, shares = Array.from({ length: n }, (): [number, number] => [1, 1]);
  const shows = Array.from({ length: n }, (_, i): [number, number] => (i === 10 ? [0.05, 0.03] : i === 12 ? [0.6, 0.02] : [0.6, 0.3]));
  shares[10] = [0.35, 0.62]; shares[12] = [0.62, 0.2];
  const rel = irisShowShares(shows, shares);
  assert.ok(Math.abs(rel[0]![0] - 1) < 1e-9 && Math.abs(rel[0]![1] - 1) < 1e-9, 'each eye over its own median');
  const hidden = bothIrisesHidden(rel, new Float64Array(n));
  assert.equal(hidden[10], 1);
  assert.equal(hidden[12], 0, 'one iris shown: a wink');
  assert.equal(hidden[0], 0);
  assert.equal(bothIrisesHidden(rel, new Float64Array(n).fill(10))[10], 0, 'a turned head: the far eye is doubted');
  // too few open frames: no median, nothing read
  const few = irisShowShares(shows.slice(0, OPEN_FRAMES_MIN - 1), shares.slice(0, OPEN_FRAMES_MIN - 1));
  assert.ok(Number.isNaN(few[0]![0]));
});

test("alikeEyes and slitEyeTrust: Stewart's .35 / .62 pair is one blink where both irises are hidden, kept apart without", () => {
  const shares: ([number, number] | null)[] = Array.from({ length: 9 }, () => [1, 1]);
  shares[4] = [0.35, 0.62];
  const hidden = new Float64Array(9); hidden[4] = 1;
  const blinks = () => [Float64Array.from({ length: 9 }, (_, i) => (i === 4 ? 0.87 : 0)), Float64Array.from({ length: 9 }, (_, i) => (i === 4 ? 0.3 : 0))] as [Float64Array, Float64Array];
  const apart = blinks(), paired = blinks();
  alikeEyes(apart, shares);
  alikeEyes(paired, shares, undefined, hidden);
  assert.ok(apart[1][4]! < 0.35, `without: ${apart[1][4]}`);
  assert.ok(paired[0][4]! > 0.85 && paired[1][4]! > 0.85, `with: ${paired[0][4]} ${paired[1][4]}`);
  assert.ok(slitEyeTrust(shares)[4]! > 0.99, 'the mesh alone: a slit eye of a wink');
  assert.equal(slitEyeTrust(shares, undefined, hidden)[4], 0);
});

test('through the video path: a two-frame event read .35 / .62 of rest on 22 px eyes is a blink of both eyes when both irises are hidden, a half-wink when one shows', () => {
  const shares = Array.from({ length: 40 }, (_, i): [number, number] => (i === 20 || i === 21 ? [0.35, 0.62] : [1, 1]));
  const run = (shows: (i: number) => [number, number], on = true) => {
    const raw = stillFaceTrack(22, 22, shares).map((r, i) => ({ ...r, irisShow: shows(i) }));
    return motionFramesFromRaw(raw, 25, true, { expressions: 'measures', fit: { irisShowPairs: on } }).frames.map((f) => [foldBlink(f.blink, f.w.eyeBlinkLeft!), foldBlink(f.blink, f.w.eyeBlinkRight!)]);
  };
  const blink = run((i) => (i === 20 || i === 21 ? [0.04, 0.08] : [0.3, 0.3]));
  const wink = run((i) => (i === 20 || i === 21 ? [0.04, 0.28] : [0.3, 0.3]));
  const off = run((i) => (i === 20 || i === 21 ? [0.04, 0.08] : [0.3, 0.3]), false);
  for (const i of [20, 21]) {
    assert.ok(blink[i]![0]! > 0.8 && blink[i]![1]! > 0.75, `#${i} blink ${blink[i]}`);
    assert.ok(wink[i]![1]! < blink[i]![1]! - 0.15, `#${i} the open iris keeps the slit: ${wink[i]} vs ${blink[i]}`);
    assert.deepEqual(wink[i], off[i], `#${i} one iris shown: as without the reading`);
  }
});
